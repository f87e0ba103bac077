import { Card, Tag, Typography } from 'antd';
import { fmtDate, fmtDateTime, PARTY_ROLE_LABELS } from '../lib/format';
import type { Agreement } from '../lib/types';

const STATUS: Record<string, { color: string; label: string }> = {
  signing: { color: 'processing', label: '待签署' },
  signed: { color: 'success', label: '已生效' },
  superseded: { color: 'default', label: '已作废' },
};

/** The agreement's terms and who has signed. */
export function AgreementView({ agreement, title = '调解协议' }: { agreement: Agreement; title?: string }) {
  const st = STATUS[agreement.status] ?? { color: 'default', label: agreement.status };
  return (
    <Card size="small" title={title} extra={<Tag color={st.color}>{st.label}</Tag>} data-testid="agreement">
      <ol className="tj-terms">
        {agreement.terms.map((t, i) => <li key={i}>{t}</li>)}
      </ol>
      {agreement.performanceDueOn && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>履行期限：{fmtDate(`${agreement.performanceDueOn}T12:00:00+08:00`)}</Typography.Paragraph>
      )}
      <div>
        {agreement.signatures.map((s) => (
          <div key={s.partyId} className="tj-row" style={{ padding: '4px 0' }}>
            <span>{s.name}（{PARTY_ROLE_LABELS[s.role] ?? s.role}）</span>
            {s.signed ? <Tag color="success">已签名 {fmtDateTime(s.signedAt)}</Tag> : <Tag>未签名</Tag>}
          </div>
        ))}
      </div>
      {agreement.signedAt && <Typography.Text type="secondary">协议生效时间：{fmtDateTime(agreement.signedAt)}</Typography.Text>}
    </Card>
  );
}
