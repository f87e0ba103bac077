import { useState } from 'react';
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';
import { CHANNEL_LABELS, fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

type PairSide = Schemas['DuplicateRecord'];
type DuplicatePair = Schemas['DuplicateReview'];

/** Intake channels as stored (imports name 12345 and court records by channel too). */
const SOURCE_LABELS: Record<string, string> = { ...CHANNEL_LABELS, court: '法院诉前委派' };

function Side({ s }: { s: PairSide }) {
  return (
    <div>
      <Tag>{SOURCE_LABELS[s.channel] ?? '其他渠道'}</Tag>
      {s.sourceId}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fmtDateTime(s.acceptedAt)} · {s.category} ·{' '}
          {s.people.map((p) => [p.name, p.phone].filter(Boolean).join(' ')).join('、')}
          {s.disputeId ? '' : ' · 尚未立案'}
        </Typography.Text>
      </div>
    </div>
  );
}

/** 疑似重复复核: probable repeats (imports and live registrations); confirm joins them, dismiss keeps them apart. */
export function DuplicateReviewCard() {
  const { message } = App.useApp();
  const pairs = useAsync(
    () => unwrap(apiClient.GET('/api/intake/duplicates', { params: { query: { status: 'pending' } } })),
    [],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const decide = async (p: DuplicatePair, decision: 'confirm' | 'dismiss') => {
    setBusy(p.id);
    try {
      await unwrap(
        apiClient.POST('/api/intake/duplicates/{id}/decision', {
          params: { path: { id: p.id } },
          body: { decision },
        }),
      );
      message.success(decision === 'confirm' ? '已确认为同一纠纷并合并' : '已确认不是同一纠纷');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
      void pairs.reload();
    }
  };
  return (
    <Card size="small" title="疑似重复复核" data-testid="duplicate-review">
      <Table<DuplicatePair>
        rowKey="id"
        size="small"
        loading={pairs.loading}
        dataSource={pairs.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={pairs.error ?? '暂无待复核的疑似重复'} /> }}
        columns={[
          { title: '受理记录一', key: 'a', render: (_: unknown, p) => <Side s={p.a} /> },
          { title: '受理记录二', key: 'b', render: (_: unknown, p) => <Side s={p.b} /> },
          {
            title: '依据',
            key: 'why',
            width: 200,
            render: (_: unknown, p) => (
              <Typography.Text style={{ fontSize: 12 }}>
                相似度 {Math.round(p.score * 100)}%：{p.reasons.map((r) => r.detail).join('，')}
              </Typography.Text>
            ),
          },
          {
            title: '操作',
            key: 'op',
            width: 170,
            render: (_: unknown, p) => (
              <Space wrap>
                <Button
                  size="small"
                  type="primary"
                  loading={busy === p.id}
                  onClick={() => void decide(p, 'confirm')}
                >
                  同一纠纷
                </Button>
                <Button size="small" disabled={busy === p.id} onClick={() => void decide(p, 'dismiss')}>
                  不是同一纠纷
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
