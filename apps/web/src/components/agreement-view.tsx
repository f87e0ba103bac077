import { useState } from 'react';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { apiDownload, errorText } from '../lib/api-client';
import { fmtDate, fmtDateTime, PARTY_ROLE_LABELS } from '../lib/format';
import type { Schemas } from '../lib/api-types';

type Agreement = Schemas['AgreementView'];

const STATUS: Record<string, { color: string; label: string }> = {
  signing: { color: 'processing', label: '待签署' },
  signed: { color: 'success', label: '已生效' },
  superseded: { color: 'default', label: '已作废' },
};

/** The agreement's terms and who has signed. */
export function AgreementView({
  agreement,
  title = '调解协议',
  caseId,
  number,
}: {
  agreement: Agreement;
  title?: string;
  caseId?: string;
  number?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const st = STATUS[agreement.status] ?? { color: 'default', label: agreement.status };
  const pdf = async () => {
    setBusy(true);
    try {
      await apiDownload(`/cases/${caseId}/agreement.pdf`, `调解协议书-${number ?? ''}.pdf`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={title}
      data-testid="agreement"
      extra={
        <Space size={4}>
          <Tag color={st.color}>{st.label}</Tag>
          {caseId && (
            <Button size="small" loading={busy} onClick={() => void pdf()}>
              下载协议书
            </Button>
          )}
        </Space>
      }
    >
      <ol className="tj-terms">
        {agreement.terms.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ol>
      {agreement.performanceDueOn && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>
          履行期限：{fmtDate(`${agreement.performanceDueOn}T12:00:00+08:00`)}
        </Typography.Paragraph>
      )}
      <div>
        {agreement.signatures.map((s) => (
          <div key={s.partyId} className="tj-row" style={{ padding: '4px 0' }}>
            <span>
              {s.name}（{PARTY_ROLE_LABELS[s.role] ?? s.role}）
            </span>
            {s.signed ? <Tag color="success">已签名 {fmtDateTime(s.signedAt)}</Tag> : <Tag>未签名</Tag>}
          </div>
        ))}
      </div>
      {agreement.signedAt && (
        <Typography.Text type="secondary">协议生效时间：{fmtDateTime(agreement.signedAt)}</Typography.Text>
      )}
    </Card>
  );
}
