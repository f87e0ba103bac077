import { useEffect } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../lib/api-types';

type Agreement = Schemas['AgreementView'];

interface Values {
  terms: { text: string }[];
  performanceDueOn?: Dayjs | null;
}

/** 起草调解协议: an ordered list of terms and an optional performance date. */
export function AgreementEditor({
  open,
  onClose,
  onSubmit,
  busy,
  current,
}: {
  open: boolean;
  onClose: () => void;
  busy: boolean;
  current: Agreement | null;
  onSubmit: (v: { terms: string[]; performanceDueOn?: string }) => Promise<boolean>;
}) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      terms: current?.terms.length ? current.terms.map((text) => ({ text })) : [{ text: '' }],
      performanceDueOn: current?.performanceDueOn ? dayjs(current.performanceDueOn) : null,
    });
  }, [open, current, form]);

  const finish = async (v: Values) => {
    const ok = await onSubmit({
      terms: v.terms.map((t) => t.text.trim()).filter(Boolean),
      performanceDueOn: v.performanceDueOn ? v.performanceDueOn.format('YYYY-MM-DD') : undefined,
    });
    if (ok) onClose();
  };

  return (
    <Modal
      title="起草调解协议"
      open={open}
      onCancel={onClose}
      okText="提交协议并通知当事人签署"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      width={640}
      destroyOnHidden={false}
    >
      <Form form={form} layout="vertical" name="agreement" onFinish={finish} component="div">
        <Form.List
          name="terms"
          rules={[
            {
              validator: async (_, v?: unknown[]) => {
                if (!v?.length) throw new Error('请至少填写一条协议条款');
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} label={`第 ${i + 1} 条`} required>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <Form.Item
                      name={[f.name, 'text']}
                      noStyle
                      rules={[
                        { required: true, whitespace: true, message: '条款内容不能为空' },
                        { max: 2000, message: '单条不能超过 2000 字' },
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 6 }}
                        aria-label={`第 ${i + 1} 条条款内容`}
                      />
                    </Form.Item>
                    <Space orientation="vertical" size={4}>
                      <Button
                        size="small"
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                        aria-label={`第 ${i + 1} 条上移`}
                      >
                        上移
                      </Button>
                      <Button
                        size="small"
                        danger
                        disabled={fields.length === 1}
                        onClick={() => remove(f.name)}
                        aria-label={`删除第 ${i + 1} 条`}
                      >
                        删除
                      </Button>
                    </Space>
                  </div>
                </Form.Item>
              ))}
              <Button type="dashed" block onClick={() => add({ text: '' })} disabled={fields.length >= 50}>
                添加条款
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Form.Item label="履行期限（选填）" name="performanceDueOn" style={{ marginTop: 16 }}>
          <DatePicker
            style={{ width: '100%' }}
            placeholder="请选择日期"
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
