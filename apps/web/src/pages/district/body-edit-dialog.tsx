import { useEffect, useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useDirectory } from '../../lib/directory';
import type { Schemas } from '../../lib/api-types';

type RegistryBody = Schemas['BodyEntry'];

interface BodyForm {
  capacity: number;
  active: boolean;
  categories: string[];
  streetCodes: string[];
  communityCodes: string[];
}

/** PATCH /registry/bodies/:id: capacity, active, categories and jurisdiction. */
export function BodyEditDialog({
  body,
  onClose,
  onSaved,
}: {
  body: RegistryBody | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const dir = useDirectory();
  const [form] = Form.useForm<BodyForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!body) return;
    setError(null);
    form.setFieldsValue({
      capacity: body.capacity,
      active: body.active,
      categories: body.categories,
      streetCodes: body.streetCodes,
      communityCodes: body.communityCodes,
    });
  }, [body, form]);

  const save = async (v: BodyForm) => {
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        apiClient.PATCH('/api/registry/bodies/{id}', { params: { path: { id: body.id } }, body: v }),
      );
      message.success(`已保存：${body.name}`);
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const communities =
    dir.data?.streets.flatMap((s) =>
      s.communities.map((c) => ({ value: c.code, label: `${s.name} ${c.name}` })),
    ) ?? [];
  return (
    <Modal
      title={body ? `编辑调解组织：${body.name}` : ''}
      open={!!body}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" name="body-edit" onFinish={save}>
        <Form.Item
          label="在办案件容量"
          name="capacity"
          rules={[
            { required: true, message: '请输入容量' },
            { type: 'number', min: 0, max: 100000, message: '容量为 0–100000' },
          ]}
          extra="在办案件达到容量后，分派规则不再向其分派新案件"
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="受理纠纷类别" name="categories">
          <Select
            mode="multiple"
            placeholder="请选择"
            options={dir.data?.categories.map((c) => ({ value: c.code, label: c.label }))}
          />
        </Form.Item>
        <Form.Item label="辖区街道" name="streetCodes">
          <Select
            mode="multiple"
            placeholder="请选择"
            options={dir.data?.streets.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item label="辖区社区" name="communityCodes">
          <Select mode="multiple" placeholder="请选择" options={communities} />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked" extra="停用后不再接收新分派的案件">
          <Switch />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
