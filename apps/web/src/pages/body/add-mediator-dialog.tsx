import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { PHONE_RE } from '../../lib/validators';
import type { Schemas } from '../../lib/api-types';

type StaffMember = Schemas['StaffMember'];

interface MediatorForm {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  specialties?: string[];
}

/** The password policy of the api: at least 10 characters with letters and digits. */
export function passwordProblem(p: string): string | null {
  if (p.length < 10) return '密码至少 10 位';
  if (!/[A-Za-z]/.test(p) || !/\d/.test(p)) return '密码须同时包含字母和数字';
  return null;
}

/** POST /staff: a new mediator of the body with an initial password (to be changed at first sign-in). */
export function AddMediatorDialog({
  open,
  orgId,
  categories,
  onClose,
  onCreated,
}: {
  open: boolean;
  orgId: string;
  categories: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (s: StaffMember) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MediatorForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (v: MediatorForm) => {
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(
        apiClient.POST('/api/staff', {
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            role: 'mediator',
            orgId,
            password: v.password,
            phone: v.phone?.trim() || undefined,
            specialties: v.specialties ?? [],
          },
        }),
      );
      message.success(`已添加调解员：${created.displayName}（${created.username}）`);
      onCreated(created);
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="添加调解员"
      open={open}
      onCancel={onClose}
      okText="添加"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" name="add-mediator" onFinish={submit}>
        <Form.Item
          label="用户名"
          name="username"
          extra="登录用，3–32 位小写字母、数字或下划线，以字母开头"
          rules={[
            { required: true, message: '请输入用户名' },
            {
              pattern: /^[a-z][a-z0-9_]{2,31}$/,
              message: '用户名为 3–32 位小写字母、数字或下划线，以字母开头',
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 40, message: '不能超过 40 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra="至少 10 位，同时包含字母和数字；请线下告知本人"
          rules={[
            { required: true, message: '请输入初始密码' },
            {
              validator: async (_, v?: string) => {
                const p = v && passwordProblem(v);
                if (p) throw new Error(p);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="手机号（选填）"
          name="phone"
          rules={[{ pattern: PHONE_RE, message: '请输入 11 位手机号码' }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item label="擅长类别（选填）" name="specialties" extra="指派调解员时优先推荐擅长该类别的调解员">
          <Select mode="multiple" allowClear options={categories} placeholder="请选择" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
