import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../lib/api-client';
import { apiClient, unwrap } from '../lib/typed-api';
import { setSession } from '../lib/auth-store';
import type { Schemas } from '../lib/api-types';
import { CareSwitch } from '../components/care-switch';

// The first screen a party sees from an SMS link: plain form controls styled in app.css, no antd (its runtime
// styles cost a slow phone seconds of CPU), so the sign-in page's script stays small and quick to run. The link's #/… route stays in the address
// bar during sign-in, so the party lands on the page the SMS pointed to.

import { PHONE_RE as PHONE } from '../lib/validators';

/** A labelled field with its error under it, announced to screen readers. */
function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | null;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-error`;
  return (
    <div className="tj-field">
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errId : undefined)}
      <div id={errId} className="tj-field-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </div>
    </div>
  );
}

function PartyLogin() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; code?: string; form?: string; info?: string }>({});
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [countdown, setCountdown] = useState(0);

  useEffect(() => {
    if (countdown <= 0) return;
    const t = window.setTimeout(() => setCountdown((c) => c - 1), 1000);
    return () => window.clearTimeout(t);
  }, [countdown]);

  const phoneError = () => (!phone ? '请输入手机号' : PHONE.test(phone) ? undefined : '请输入 11 位手机号码');

  const sendCode = async () => {
    const bad = phoneError();
    setErrors({ phone: bad });
    if (bad) return;
    setSending(true);
    try {
      await unwrap(apiClient.POST('/api/auth/otp', { body: { phone } }));
      setErrors({ info: '验证码已发送，5 分钟内有效' });
      setCountdown(60);
    } catch (err) {
      setErrors({ form: errorText(err) });
    } finally {
      setSending(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      phone: phoneError(),
      code: !code ? '请输入验证码' : /^\d{6}$/.test(code) ? undefined : '验证码为 6 位数字',
    };
    await signIn(next, setErrors, setBusy, () =>
      apiClient.POST('/api/auth/party/sign-in', { body: { phone, code } }),
    );
  };

  return (
    <form onSubmit={submit} noValidate name="party-login">
      <Field label="手机号" error={errors.phone ?? null}>
        {(id, described) => (
          <input
            className="tj-input"
            id={id}
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            placeholder="请输入手机号"
            value={phone}
            aria-invalid={!!errors.phone}
            aria-describedby={described}
            onChange={(e) => setPhone(e.target.value.trim())}
          />
        )}
      </Field>
      <Field label="验证码" error={errors.code ?? null}>
        {(id, described) => (
          <div className="tj-code-row">
            <input
              className="tj-input"
              id={id}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位验证码"
              value={code}
              aria-invalid={!!errors.code}
              aria-describedby={described}
              onChange={(e) => setCode(e.target.value.trim())}
            />
            <button
              type="button"
              className="tj-btn"
              onClick={sendCode}
              disabled={sending || countdown > 0}
              aria-busy={sending}
            >
              {countdown > 0 ? `${countdown} 秒后重发` : '获取验证码'}
            </button>
          </div>
        )}
      </Field>
      <FormEnd error={errors.form} info={errors.info} busy={busy} />
    </form>
  );
}

/** Shows the fields' errors; with none, signs in: a refusal is shown under the form and the button comes back. */
async function signIn<E extends Record<string, string | undefined>>(
  fieldErrors: E,
  setErrors: (errors: E | { form: string }) => void,
  setBusy: (busy: boolean) => void,
  request: () => Promise<{ data?: Schemas['TokenPair']; error?: unknown; response: Response }>,
): Promise<void> {
  setErrors(fieldErrors);
  if (Object.values(fieldErrors).some(Boolean)) return;
  setBusy(true);
  try {
    setSession(await unwrap(request()));
  } catch (err) {
    setErrors({ form: errorText(err) });
    setBusy(false);
  }
}

/** The form's outcome in words (an error with a ⚠ sign, not only red, or a notice), then the sign-in button. */
function FormEnd({ error, info, busy }: { error?: string; info?: string; busy: boolean }) {
  return (
    <>
      <div
        className={error ? 'tj-form-message tj-form-error' : 'tj-form-message'}
        role="status"
        aria-live="polite"
      >
        {error ? `⚠ ${error}` : (info ?? '')}
      </div>
      <button type="submit" className="tj-btn tj-btn-primary tj-btn-block" disabled={busy} aria-busy={busy}>
        登录
      </button>
    </>
  );
}

function StaffLogin() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      username: username ? undefined : '请输入用户名',
      password: password ? undefined : '请输入密码',
    };
    await signIn(next, setErrors, setBusy, () =>
      apiClient.POST('/api/auth/staff/sign-in', { body: { username, password } }),
    );
  };
  return (
    <form onSubmit={submit} noValidate name="staff-login">
      <Field label="用户名" error={errors.username ?? null}>
        {(id, described) => (
          <input
            className="tj-input"
            id={id}
            autoComplete="username"
            placeholder="请输入用户名"
            value={username}
            aria-invalid={!!errors.username}
            aria-describedby={described}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <Field label="密码" error={errors.password ?? null}>
        {(id, described) => (
          <input
            className="tj-input"
            type="password"
            id={id}
            autoComplete="current-password"
            placeholder="请输入密码"
            value={password}
            aria-invalid={!!errors.password}
            aria-describedby={described}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <FormEnd error={errors.form} busy={busy} />
    </form>
  );
}

const TABS = [
  { key: 'party', label: '当事人登录' },
  { key: 'staff', label: '工作人员登录' },
] as const;

export function LoginPage() {
  const [tab, setTab] = useState<'party' | 'staff'>('party');
  return (
    <main className="tj-login">
      <div className="tj-login-card">
        <div className="tj-login-care">
          <CareSwitch />
        </div>
        <h1 className="tj-login-title">矛盾纠纷多元化解平台</h1>
        <p className="tj-login-sub">在线申请调解 · 查询办理进度 · 参加线上调解</p>
        <div className="tj-login-tabs" role="tablist" aria-label="登录方式">
          {TABS.map((t) => (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={`login-tab-${t.key}`}
              aria-selected={tab === t.key}
              aria-controls={`login-panel-${t.key}`}
              tabIndex={tab === t.key ? 0 : -1}
              onClick={() => setTab(t.key)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight')
                  setTab(tab === 'party' ? 'staff' : 'party');
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`login-panel-${tab}`} aria-labelledby={`login-tab-${tab}`}>
          {tab === 'party' ? <PartyLogin /> : <StaffLogin />}
        </div>
      </div>
    </main>
  );
}
