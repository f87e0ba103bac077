import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { errorText } from '../lib/api-client';
import { apiClient, unwrap } from '../lib/typed-api';
import { setSession } from '../lib/auth-store';
import { PHONE_RE as PHONE } from '../lib/validators';

function PartyLogin() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [countdown, setCountdown] = useState(0);

  useEffect(() => {
    if (countdown <= 0) return;
    const t = window.setTimeout(() => setCountdown((c) => c - 1), 1000);
    return () => window.clearTimeout(t);
  }, [countdown]);

  const sendCode = async () => {
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    setSending(true);
    try {
      await unwrap(
        apiClient.POST('/api/auth/otp', { body: { phone: form.getFieldValue('phone') as string } }),
      );
      message.success('验证码已发送，5 分钟内有效');
      setCountdown(60);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSending(false);
    }
  };

  const submit = async (v: { phone: string; code: string }) => {
    setBusy(true);
    try {
      setSession(await unwrap(apiClient.POST('/api/auth/party/sign-in', { body: v })));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="party-login">
      <Form.Item
        label="手机号"
        name="phone"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: PHONE, message: '请输入 11 位手机号码' },
        ]}
      >
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} placeholder="请输入手机号" />
      </Form.Item>
      <Form.Item label="验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: '请输入验证码' },
              { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
            ]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位验证码"
              aria-label="验证码"
            />
          </Form.Item>
          <Button onClick={sendCode} loading={sending} disabled={countdown > 0}>
            {countdown > 0 ? `${countdown} 秒后重发` : '获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}

function StaffLogin() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    try {
      setSession(await unwrap(apiClient.POST('/api/auth/staff/sign-in', { body: v })));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} name="staff-login">
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input autoComplete="username" placeholder="请输入用户名" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password autoComplete="current-password" placeholder="请输入密码" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}

export function LoginPage() {
  return (
    <div className="tj-login">
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          矛盾纠纷多元化解平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          在线申请调解 · 查询办理进度 · 参加线上调解
        </Typography.Paragraph>
        <Tabs
          centered
          items={[
            { key: 'party', label: '当事人登录', children: <PartyLogin /> },
            { key: 'staff', label: '工作人员登录', children: <StaffLogin /> },
          ]}
        />
      </Card>
    </div>
  );
}
