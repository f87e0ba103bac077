import { Button, Card, Empty, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { fmtDateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { PageState } from '../../components/page-state';
import { StatusTag } from '../../components/status-tag';
import { PageTitle } from '../../components/page-title';

/** 我的纠纷: the party's cases (as applicant or as a respondent named by phone). */
export function MyCasesPage() {
  const { data, error, loading, reload } = useAsync(() => unwrap(apiClient.GET('/api/cases/mine')), []);
  // the account's own room hears every change of its cases, one filed against it by phone included
  useLiveRefresh(reload);

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>我的纠纷</PageTitle>
        <Button type="primary" onClick={() => navigate('apply')}>
          申请调解
        </Button>
      </div>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        {data && data.length === 0 && (
          <Empty description="您还没有纠纷案件">
            <Button type="primary" onClick={() => navigate('apply')}>
              申请调解
            </Button>
          </Empty>
        )}
        {data?.map((c) => (
          <Card
            key={c.id}
            size="small"
            className="tj-case-card"
            hoverable
            role="link"
            tabIndex={0}
            onClick={() => navigate(`cases/${c.id}`)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                navigate(`cases/${c.id}`);
              }
            }}
            data-testid="case-card"
          >
            <div className="tj-row">
              <Typography.Text strong>{c.title}</Typography.Text>
              <StatusTag status={c.status} label={c.statusLabel} />
            </div>
            <div className="tj-row" style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {c.number} · {c.categoryLabel}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtDateTime(c.createdAt)}
              </Typography.Text>
            </div>
          </Card>
        ))}
      </PageState>
    </div>
  );
}
