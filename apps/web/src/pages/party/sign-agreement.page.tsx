import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Result, Typography } from 'antd';
import { ApiError, errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { AgreementView } from '../../components/agreement-view';
import { PageState } from '../../components/page-state';
import { fmtDateTime } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type Agreement = Schemas['AgreementView'];

/** After signing: when I signed and whom the agreement still waits for (no form). */
function SignedNotice({ agreement, ownPartyIds }: { agreement: Agreement; ownPartyIds: string[] }) {
  const mine = agreement.signatures.find((s) => ownPartyIds.includes(s.partyId) && s.signed);
  const waiting = agreement.signatures.filter((s) => !s.signed).map((s) => s.name);
  if (agreement.status === 'signed')
    return (
      <Alert
        type="success"
        showIcon
        data-testid="signed-notice"
        title="调解协议已生效"
        description={`各方当事人均已签名，生效时间 ${fmtDateTime(agreement.signedAt)}`}
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      data-testid="signed-notice"
      title={mine ? `您已签名（${fmtDateTime(mine.signedAt)}）` : '您无需签署本协议'}
      description={waiting.length > 0 ? `等待 ${waiting.join('、')} 签名` : undefined}
    />
  );
}

/** Sign the agreement: read the terms, re-confirm identity with an SMS code, sign. */
export function SignAgreementPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(async () => {
    const [detail, status] = await Promise.all([
      unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id } } })),
      unwrap(apiClient.GET('/api/cases/{id}/status', { params: { path: { id } } })),
    ]);
    return { detail, status };
  }, [id]);
  useLiveRefresh(reload, { caseId: id });
  const [agreed, setAgreed] = useState(false);
  const [codeSent, setCodeSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);
  const [code, setCode] = useState('');

  const agreement = data?.detail.agreement;
  // the api masks every party but the reader's own
  const ownPartyIds = (data?.detail.parties ?? []).filter((p) => !p.masked).map((p) => p.id);
  const canSign = !!data?.status.availableActions.includes('sign');

  const sendCode = async () => {
    setSending(true);
    try {
      await unwrap(apiClient.POST('/api/cases/{id}/agreement/sign-code', { params: { path: { id } } }));
      setCodeSent(true);
      message.success('验证码已发送至您的手机');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSending(false);
    }
  };

  const sign = async () => {
    if (!/^\d{6}$/.test(code)) {
      setSignError('请输入 6 位数字验证码');
      return;
    }
    setSigning(true);
    setSignError(null);
    try {
      // sign what was read: if the agreement was redrafted meanwhile, show the new terms instead
      const fresh = await unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id } } }));
      if (fresh.agreement?.contentHash !== agreement?.contentHash) {
        await reload();
        setSignError('调解协议内容已更新，请重新阅读后签署');
        return;
      }
      await unwrap(
        apiClient.POST('/api/cases/{id}/agreement/sign', {
          params: { path: { id } },
          body: { version: fresh.version, code },
        }),
      );
      message.success('签署成功');
      navigate(`cases/${id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        await reload();
        setCodeSent(false);
        setSignError('案件已被他人更新，已为您刷新，请重新获取验证码后签署');
      } else {
        setSignError(errorText(err));
      }
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="tj-stack">
      <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`cases/${id}`)}>
        ‹ 返回案件进度
      </Button>
      <PageTitle>签署调解协议</PageTitle>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        {data && !agreement && <Result status="info" title="暂无调解协议" />}
        {data && agreement && (
          <>
            <Typography.Text type="secondary">
              案件编号 {data.detail.number} · {data.detail.title}
            </Typography.Text>
            <AgreementView agreement={agreement} title="调解协议条款" />
            {!canSign ? (
              <SignedNotice agreement={agreement} ownPartyIds={ownPartyIds} />
            ) : (
              <Card size="small" title="签名确认">
                <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>
                  我已阅读并同意上述调解协议的全部内容
                </Checkbox>
                <Form layout="vertical" style={{ marginTop: 12 }} onFinish={sign}>
                  <Form.Item
                    label="短信验证码"
                    htmlFor="sign-code"
                    extra="签署前需通过短信验证码确认本人身份"
                    validateStatus={signError ? 'error' : undefined}
                    help={signError ?? undefined}
                  >
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Input
                        id="sign-code"
                        inputMode="numeric"
                        maxLength={6}
                        value={code}
                        onChange={(e) => setCode(e.target.value.trim())}
                        placeholder="6 位验证码"
                        disabled={!agreed}
                      />
                      <Button onClick={sendCode} loading={sending} disabled={!agreed}>
                        {codeSent ? '重新获取' : '获取验证码'}
                      </Button>
                    </div>
                  </Form.Item>
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    loading={signing}
                    disabled={!agreed || !codeSent}
                  >
                    确认签署
                  </Button>
                </Form>
              </Card>
            )}
          </>
        )}
      </PageState>
    </div>
  );
}
