import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';

/** 申请强制执行: an optional note for the court; the application is recorded and handed to the court. */
export function EnforcementDialog({
  open,
  onClose,
  onSubmit,
  busy,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (values: { note?: string }) => Promise<boolean>;
  busy: boolean;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      title="申请强制执行"
      open={open}
      onCancel={onClose}
      okText="提交申请"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="经人民法院司法确认的调解协议，一方拒绝履行或未全部履行的，对方当事人可以向人民法院申请强制执行。申请将移送作出确认的人民法院。"
      />
      <Form
        form={form}
        layout="vertical"
        name="enforcement"
        onFinish={async (v) => {
          if (await onSubmit({ note: v.note?.trim() || undefined })) onClose();
        }}
      >
        <Form.Item
          label="未履行情况及申请事项（选填）"
          name="note"
          rules={[{ max: 1000, message: '不能超过 1000 字' }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
