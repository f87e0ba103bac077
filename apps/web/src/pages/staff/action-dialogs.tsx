import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';

type Submit<T> = (values: T) => Promise<boolean>;

interface DialogProps<T> {
  open: boolean;
  onClose: () => void;
  onSubmit: Submit<T>;
  busy: boolean;
}

/** 退回: a reason code from the lifecycle's list, plus an optional note. */
export function ReturnDialog({
  open,
  onClose,
  onSubmit,
  busy,
  reasons,
}: DialogProps<{ reasonCode: string; reason?: string }> & { reasons: Record<string, string> }) {
  const [form] = Form.useForm<{ reasonCode: string; reason?: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      title="退回案件"
      open={open}
      onCancel={onClose}
      okText="确认退回"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="return"
        onFinish={async (v) => {
          if (await onSubmit(v)) onClose();
        }}
      >
        <Form.Item label="退回原因" name="reasonCode" rules={[{ required: true, message: '请选择退回原因' }]}>
          <Select
            placeholder="请选择"
            options={Object.entries(reasons).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="补充说明（选填）" name="reason" rules={[{ max: 500, message: '不能超过 500 字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Transitions that must give a reason (调解不成, 终止调解, …). */
export function ReasonDialog({
  open,
  onClose,
  onSubmit,
  busy,
  title,
}: DialogProps<{ reason: string }> & { title: string }) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText="确认"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="reason"
        onFinish={async (v) => {
          if (await onSubmit({ reason: v.reason.trim() })) onClose();
        }}
      >
        <Form.Item
          label="理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
