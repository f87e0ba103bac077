import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { ApiError, errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { labels, useDirectory } from '../../lib/directory';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';
import { RuleEditDialog } from './rule-edit-dialog';
import { conditionText, targetText } from './rule-text';
import { DryRunPanel } from './dry-run-panel';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type RoutingRule = Schemas['RoutingRule'];

const BLANK: RoutingRule = {
  id: '',
  name: '',
  priority: 10,
  weight: 1,
  enabled: true,
  conditions: {},
  target: { type: 'selector', selector: { inJurisdiction: true, matchCategory: true } },
};

/** Problems of a refused save: error.details.rules (per rule) or details.fields (request shape). */
function problemsOf(err: unknown): { ruleId: string | null; message: string }[] {
  if (!(err instanceof ApiError)) return [{ ruleId: null, message: errorText(err) }];
  // error.details.rules of a refused save (libs/routing rule validation)
  const rules = err.details?.rules as { ruleId: string; message: string; zh?: string }[] | undefined;
  if (Array.isArray(rules) && rules.length)
    return rules.map((r) => ({ ruleId: r.ruleId, message: r.zh ?? r.message }));
  const fields = err.details?.fields as { field: string; problems: string[] }[] | undefined;
  if (Array.isArray(fields) && fields.length)
    // field names and framework wording are for programs: people get one plain sentence
    return [{ ruleId: null, message: '规则内容格式有误，请检查后重试' }];
  return [{ ruleId: null, message: err.message }];
}

/** 分派规则: the rule set (rules as data) edited as a whole, validated by the server, plus a dry-run panel. */
export function RulesPage() {
  const { message } = App.useApp();
  const dir = useDirectory();
  const rules = useAsync(() => unwrap(apiClient.GET('/api/routing/rules')), []);
  const bodies = useAsync(() => unwrap(apiClient.GET('/api/registry/bodies')), []);
  const [draft, setDraft] = useState<RoutingRule[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ rule: RoutingRule; isNew: boolean } | null>(null);
  const [problems, setProblems] = useState<{ ruleId: string | null; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (rules.data) {
      setDraft(rules.data);
      setDirty(false);
      setProblems([]);
    }
  }, [rules.data]);

  const L = labels(dir.data);
  const bodyName = new Map((bodies.data ?? []).map((b) => [b.id, b.name]));
  const names = {
    category: L.category,
    street: (c: string) => L.street(c),
    community: L.community,
    body: (id: string) => bodyName.get(id) ?? id,
  };
  const update = (next: RoutingRule[]) => {
    setDraft(next);
    setDirty(true);
  };
  const badIds = new Set(problems.map((p) => p.ruleId).filter(Boolean));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await unwrap(apiClient.PUT('/api/routing/rules', { body: { rules: draft } }));
      rules.setData(saved);
      message.success('分派规则已保存，新受理的案件将按新规则分派');
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setSaving(false);
    }
  };

  const sorted = [...(draft ?? [])].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>分派规则</PageTitle>
        <Space wrap>
          <Button onClick={() => setEditing({ rule: BLANK, isNew: true })}>新增规则</Button>
          <Button disabled={!dirty} onClick={() => void rules.reload()}>
            放弃修改
          </Button>
          <Button type="primary" disabled={!dirty} loading={saving} onClick={() => void save()}>
            保存规则
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按优先级从高到低匹配：命中的规则推荐调解组织，同一优先级按权重累加，再按负荷排序；没有可受理的组织时转区级统筹。修改后须“保存规则”才生效。
      </Typography.Paragraph>
      {dirty && problems.length === 0 && <Alert type="warning" showIcon title="规则已修改，尚未保存" />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="分派规则有误，未保存"
          data-testid="rule-errors"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.ruleId ? `［${draft?.find((x) => x.id === p.ruleId)?.name ?? '规则'}］` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <PageState loading={rules.loading} error={rules.error} hasData={!!draft} onRetry={rules.reload}>
        <Table<RoutingRule>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={sorted}
          scroll={{ x: 1000 }}
          data-testid="rules"
          locale={{ emptyText: <Empty description="暂无分派规则，所有案件将转区级统筹" /> }}
          rowClassName={(r) => (badIds.has(r.id) ? 'tj-row-error' : '')}
          columns={[
            { title: '优先级', dataIndex: 'priority', width: 80 },
            {
              title: '规则',
              dataIndex: 'name',
              width: 240,
              render: (v: string, r) => (
                <>
                  <div>
                    {v}
                    {badIds.has(r.id) && (
                      <Tag color="error" style={{ marginLeft: 4 }}>
                        有误
                      </Tag>
                    )}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    权重 {r.weight}
                  </Typography.Text>
                </>
              ),
            },
            { title: '命中条件', key: 'cond', render: (_: unknown, r) => conditionText(r, names) },
            { title: '分派目标', key: 'target', render: (_: unknown, r) => targetText(r, names) },
            {
              title: '启用',
              dataIndex: 'enabled',
              width: 70,
              render: (v: boolean, r) => (
                <Switch
                  size="small"
                  checked={v}
                  aria-label={`启用规则 ${r.name}`}
                  onChange={(on) => update(draft!.map((x) => (x.id === r.id ? { ...x, enabled: on } : x)))}
                />
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 130,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing({ rule: r, isNew: false })}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除规则“${r.name}”？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => update(draft!.filter((x) => x.id !== r.id))}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <Card size="small" title="试分派（不保存任何数据，按已保存的规则计算）" data-testid="dry-run">
        <DryRunPanel dir={dir.data} />
      </Card>
      <RuleEditDialog
        rule={editing?.rule ?? null}
        isNew={!!editing?.isNew}
        dir={dir.data}
        bodies={bodies.data ?? []}
        takenIds={editing?.isNew ? (draft ?? []).map((r) => r.id) : []}
        onClose={() => setEditing(null)}
        onDone={(r) =>
          update(editing?.isNew ? [...(draft ?? []), r] : (draft ?? []).map((x) => (x.id === r.id ? r : x)))
        }
      />
    </div>
  );
}
