import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { KIND_LABELS, LEVEL_LABELS } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';

type RoutingDecision = Schemas['RoutingDecision'];

type Candidate = RoutingDecision['explanation']['candidates'][number];
type Rule = RoutingDecision['explanation']['rules'][number];

/** A routing decision explained: summary, escalation, queue reason, every rule (matched or why not), ranked candidates. */
export function DecisionView({ decision }: { decision: RoutingDecision }) {
  const d = decision;
  const assigned = d.outcome === 'assigned';
  return (
    <div className="tj-stack" data-testid="dry-run-result">
      <Alert
        type={assigned ? 'success' : 'warning'}
        showIcon
        title={assigned ? '自动分派' : '转区级统筹'}
        description={<span data-testid="dry-run-summary">{d.explanation.summary.zh}</span>}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'e', label: '层级升级', children: d.escalation ? d.escalation.zh : '无' },
          { key: 'q', label: '转区级原因', children: d.queueReason ? d.queueReason.zh : '—' },
          { key: 'r', label: '退回次数', children: `${d.returnsCount} / ${d.maxReturns}` },
        ]}
      />
      <Typography.Text strong>规则匹配</Typography.Text>
      <Table<Rule>
        rowKey="ruleId"
        size="small"
        pagination={false}
        dataSource={d.explanation.rules}
        scroll={{ x: 640 }}
        columns={[
          {
            title: '规则',
            dataIndex: 'name',
            render: (v: string, r) => (
              <>
                {v}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  优先级 {r.priority}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '结果',
            dataIndex: 'matched',
            width: 90,
            render: (v: boolean) => (v ? <Tag color="success">命中</Tag> : <Tag>未命中</Tag>),
          },
          {
            title: '说明',
            key: 'why',
            render: (_: unknown, r) =>
              r.matched
                ? r.proposedBodyIds.length
                  ? `推荐 ${r.proposedBodyIds.length} 个调解组织`
                  : '没有符合目标条件的调解组织'
                : r.mismatches.map((m) => m.zh).join('；'),
          },
        ]}
      />
      <Typography.Text strong>候选调解组织（按排序）</Typography.Text>
      <Table<Candidate>
        rowKey="bodyId"
        size="small"
        pagination={false}
        dataSource={d.explanation.candidates}
        scroll={{ x: 640 }}
        locale={{ emptyText: '没有候选调解组织' }}
        rowClassName={(c) => (c.selected ? 'tj-row-selected' : '')}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          {
            title: '调解组织',
            dataIndex: 'name',
            render: (v: string, c) => (
              <>
                {v}
                {c.selected && (
                  <Tag color="blue" style={{ marginLeft: 4 }}>
                    选定
                  </Tag>
                )}
                {c.viaEscalation && <Tag style={{ marginLeft: 4 }}>升级补充</Tag>}
              </>
            ),
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 170,
            render: (v: string, c) => `${LEVEL_LABELS[c.level] ?? c.level} · ${KIND_LABELS[v] ?? v}`,
          },
          { title: '得分', dataIndex: 'score', width: 60 },
          {
            title: '负荷',
            dataIndex: 'openCases',
            width: 90,
            render: (v: number, c) => `${v}/${c.capacity}`,
          },
          {
            title: '排除原因',
            key: 'ex',
            render: (_: unknown, c) =>
              c.exclusions.length
                ? c.exclusions.map((x) => (
                    <Tag key={x.code} color="error">
                      {x.zh}
                    </Tag>
                  ))
                : '—',
          },
        ]}
      />
    </div>
  );
}
