import { Card, Empty, Tag, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';

/** 风险预警: repeated places, parties and people, group disputes, rising categories in the 90 days up to asOf. */
export function WarningsCard({ asOf }: { asOf: string }) {
  const w = useAsync(
    () => unwrap(apiClient.GET('/api/stats/warnings', { params: { query: { asOf } } })),
    [asOf],
  );
  const flags = w.data?.flags ?? [];
  return (
    <Card size="small" title={`风险预警（截至 ${asOf} 的 90 日）`}>
      <PageState loading={w.loading} error={w.error} hasData={!!w.data} onRetry={w.reload}>
        {flags.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无预警" />
        ) : (
          <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {flags.slice(0, 8).map((f, i) => (
              <li key={i} style={{ padding: '4px 0' }}>
                <Tag color={f.severity === 'high' ? 'red' : 'orange'}>
                  {f.severity === 'high' ? '高' : '中'}
                </Tag>
                <span>{f.reason}</span>
                {f.disputes[0] && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    ·{' '}
                    {f.disputes
                      .slice(0, 3)
                      .map((d) => d.number)
                      .join('、')}
                    {f.count > 3 ? ' 等' : ''}
                  </Typography.Text>
                )}
              </li>
            ))}
            {flags.length > 8 && <li className="tj-muted">另有 {flags.length - 8} 条预警</li>}
          </ul>
        )}
      </PageState>
    </Card>
  );
}
