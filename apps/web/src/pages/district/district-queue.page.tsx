import { useState } from 'react';
import { App, Button, Segmented, Space } from 'antd';
import { ApiError, errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { labels, useDirectory } from '../../lib/directory';
import { CHANNEL_LABELS } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { CaseTable, UrgencyLegend } from '../../components/case-table';
import { PageState } from '../../components/page-state';
import { ManualRouteDialog } from './manual-route-dialog';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type CaseDetail = Schemas['CaseDetail'];
type QueueItem = Schemas['QueueItem'];

/** Cases the router could not place, or not placed yet (imports stay 已受理 until routed). */
const UNPLACED = ['district_queue', 'received', 'returned'];
type Filter = 'unplaced' | 'open' | 'all';

/** 区级统筹: every case of the district; 待区级统筹 cases are placed by hand (人工分派) with a reason. */
export function DistrictQueuePage() {
  const { message } = App.useApp();
  const dir = useDirectory();
  const L = labels(dir.data);
  const [filter, setFilter] = useState<Filter>('unplaced');
  const { data, error, loading, reload } = useAsync(
    () =>
      unwrap(
        apiClient.GET('/api/cases/queue', {
          params: { query: { open: filter === 'all' ? 'false' : 'true', limit: '500' } },
        }),
      ),
    [filter],
  );
  useLiveRefresh(reload);
  const [routing, setRouting] = useState<CaseDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const rows = (data ?? []).filter((c) => filter !== 'unplaced' || UNPLACED.includes(c.status));
  const openRoute = async (r: QueueItem) => {
    try {
      setRouting(await unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id: r.id } } })));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const route = async (v: { bodyId: string; reason: string }) => {
    if (!routing) return false;
    setBusy(true);
    try {
      await unwrap(
        apiClient.POST('/api/cases/{id}/route', {
          params: { path: { id: routing.id } },
          body: { version: routing.version, ...v },
        }),
      );
      message.success(`${routing.number} 已人工分派至 ${L.org(v.bodyId)}`);
      await reload();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        message.warning('案件已被他人更新，请重新打开分派窗口');
        await reload();
        return true;
      }
      message.error(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>区级统筹</PageTitle>
        <Space wrap>
          <span id="district-filter-label">显示范围</span>
          <Segmented
            aria-labelledby="district-filter-label"
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            options={[
              { value: 'unplaced', label: '待区级统筹' },
              { value: 'open', label: '办理中' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Button onClick={() => void reload()} loading={loading && !!data}>
            刷新
          </Button>
        </Space>
      </div>
      <UrgencyLegend />
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        <CaseTable
          data={rows}
          loading={loading}
          testId="district-queue"
          empty={filter === 'unplaced' ? '暂无待区级统筹的案件' : '暂无案件'}
          extra={[
            {
              title: '来源',
              dataIndex: 'channel',
              width: 100,
              responsive: ['md'],
              render: (v: string) => CHANNEL_LABELS[v] ?? v,
            },
            { title: '类别', dataIndex: 'categoryLabel', width: 90, ellipsis: true, responsive: ['md'] },
            {
              title: '街道',
              dataIndex: 'streetCode',
              width: 90,
              ellipsis: true,
              responsive: ['xxl'],
              render: (v: string | null) => L.street(v),
            },
            {
              title: '承办调解组织',
              dataIndex: 'bodyId',
              width: 170,
              ellipsis: true,
              responsive: ['md'],
              render: (v: string | null) => L.org(v),
            },
          ]}
          actions={[
            {
              title: '操作',
              key: 'op',
              width: 100,
              fixed: 'right',
              render: (_: unknown, r: QueueItem) =>
                ['district_queue', 'received', 'returned', 'routed'].includes(r.status) ? (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      void openRoute(r);
                    }}
                  >
                    人工分派
                  </Button>
                ) : null,
            },
          ]}
        />
      </PageState>
      <ManualRouteDialog
        open={!!routing}
        onClose={() => setRouting(null)}
        busy={busy}
        onSubmit={route}
        category={routing?.category}
        categoryLabel={routing?.categoryLabel}
        why={routing?.routing?.why}
      />
    </div>
  );
}
