import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { KIND_LABELS, LEVEL_LABELS } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

/** 人工分派 (district admin): pick an active body, with its load and whether it takes the category, and say why. */
export function ManualRouteDialog({
  open,
  onClose,
  onSubmit,
  busy,
  category,
  categoryLabel,
  why,
}: {
  open: boolean;
  onClose: () => void;
  busy: boolean;
  category?: string;
  categoryLabel?: string;
  why?: string | null;
  onSubmit: (v: { bodyId: string; reason: string }) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ bodyId: string; reason: string }>();
  const bodies = useAsync(
    () => (open ? unwrap(apiClient.GET('/api/registry/bodies')) : Promise.resolve(null)),
    [open],
  );
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const options = (bodies.data ?? [])
    .filter((b) => b.active)
    .map((b) => {
      const fits = !category || b.categories.includes(category);
      return {
        value: b.id,
        title: b.name,
        label: `${b.name}（${LEVEL_LABELS[b.level] ?? b.level}${KIND_LABELS[b.kind] ?? b.kind}）· 在办 ${b.openCases}/${b.capacity}${fits ? '' : ' · 不受理该类别'}`,
      };
    });
  return (
    <Modal
      title="人工分派"
      open={open}
      onCancel={onClose}
      okText="确认分派"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {why && (
        <Alert type="info" showIcon title="自动分派结果" description={why} style={{ marginBottom: 12 }} />
      )}
      {bodies.error && (
        <Alert
          type="error"
          showIcon
          title={`调解组织名录加载失败：${bodies.error}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        name="manual-route"
        onFinish={async (v) => {
          if (await onSubmit({ bodyId: v.bodyId, reason: v.reason.trim() })) onClose();
        }}
      >
        <Form.Item
          label="承办调解组织"
          name="bodyId"
          rules={[{ required: true, message: '请选择调解组织' }]}
          extra={categoryLabel ? `纠纷类别：${categoryLabel}` : undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'title' }}
            loading={bodies.loading}
            placeholder="请选择"
            options={options}
          />
        </Form.Item>
        <Form.Item
          label="分派理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写分派理由' },
            { min: 2, max: 1000, message: '理由为 2–1000 字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：涉及多个街道，由区级专业调解组织统一调处" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
