import { Card, Descriptions } from 'antd';
import type { Schemas } from '../../lib/api-types';

type CourtReferralView = Schemas['CaseReferral'];

/** The court's terms of a referred case: 委派/委托, procedure, the court's case number and the judge. */
export function ReferralCard({ referral: r }: { referral: CourtReferralView }) {
  return (
    <Card size="small" title={`法院${r.referralTypeLabel}调解`} data-testid="referral-card">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'type', label: '委派/委托', children: `${r.referralTypeLabel}调解` },
          { key: 'no', label: '法院案号', children: r.courtCaseNumber },
          { key: 'cause', label: '案由', children: r.causeOfAction },
          ...(r.procedureLabel ? [{ key: 'proc', label: '适用程序', children: r.procedureLabel }] : []),
          { key: 'judge', label: '承办法官', children: r.judgeName ?? '—' },
          { key: 'on', label: `${r.referralTypeLabel}日期`, children: r.referredOn },
          { key: 'days', label: '调解期限', children: `${r.mediationDays} 日` },
        ]}
      />
    </Card>
  );
}
