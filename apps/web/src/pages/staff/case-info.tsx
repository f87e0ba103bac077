import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { CHANNEL_LABELS, fmtDateTime, PARTY_ROLE_LABELS } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';

type IntakeEntry = Schemas['CaseIntake'];
type PartyView = Schemas['CaseParty'];
type RoutingExplanation = Schemas['CaseRoutingSummary'];

/** Parties as the api returns them (masked unless the viewer needs them). */
export function PartiesTable({ parties }: { parties: PartyView[] }) {
  return (
    <Table<PartyView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={parties}
      scroll={{ x: 620 }}
      columns={[
        { title: '身份', dataIndex: 'role', width: 80, render: (v: string) => PARTY_ROLE_LABELS[v] ?? v },
        {
          title: '姓名/名称',
          dataIndex: 'name',
          width: 110,
          render: (v: string, p) => (
            <>
              {v}
              {p.partyType === 'organization' && <Tag style={{ marginLeft: 4 }}>单位</Tag>}
            </>
          ),
        },
        { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        { title: '身份证号', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
        {
          title: '账号',
          dataIndex: 'account',
          width: 150,
          render: (_: unknown, p) => <AccountTag party={p} />,
        },
      ]}
    />
  );
}

/** Whether the party can use the platform, as the api knows it (never 已登录 for an account that never signed in). */
function AccountTag({ party }: { party: PartyView }) {
  const status = party.account ?? (party.linked ? 'opened' : 'none');
  if (status === 'signed_in' && party.lastSignInAt)
    return (
      <Tooltip title={`最近一次登录：${fmtDateTime(party.lastSignInAt)}`}>
        <Tag color="green" data-testid="party-account">
          最近登录 {fmtDateTime(party.lastSignInAt).slice(5)}
        </Tag>
      </Tooltip>
    );
  if (status === 'opened')
    return (
      <Tooltip title="已有账号，尚未登录过">
        <Tag color="blue" data-testid="party-account">
          已开通
        </Tag>
      </Tooltip>
    );
  return (
    <Tooltip title="该当事人尚无平台账号">
      <Tag data-testid="party-account">未开通</Tag>
    </Tooltip>
  );
}

/** Why the case came to this body. */
export function RoutingCard({ routing }: { routing: RoutingExplanation }) {
  return (
    <Card size="small" title="分派说明">
      <Typography.Paragraph data-testid="routing-why">{routing.why || '暂无分派说明'}</Typography.Paragraph>
      {routing.manual && <Tag>人工分派</Tag>}
      {Array.isArray(routing.candidates) && routing.candidates.length > 0 && (
        <>
          <Typography.Text type="secondary">候选调解组织：</Typography.Text>
          <ol style={{ paddingLeft: 20, margin: '4px 0 0' }}>
            {routing.candidates.map((c) => {
              const notes = [
                `得分 ${c.score}`,
                `在办 ${c.openCases}/${c.capacity}`,
                ...c.exclusions.map((x) => x.zh),
              ];
              return (
                <li key={c.bodyId}>
                  {c.name}
                  {c.selected && (
                    <Tag color="blue" style={{ marginLeft: 4 }}>
                      已分派
                    </Tag>
                  )}
                  {notes.length > 0 && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {notes.join(' · ')}
                      </Typography.Text>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Card>
  );
}

/** 受理记录: every channel that brought this dispute (one case, several intake records). */
export function IntakesCard({ intakes }: { intakes: IntakeEntry[] }) {
  return (
    <Card size="small" title={`受理记录（${intakes.length}）`} data-testid="case-intakes">
      <Table<IntakeEntry>
        rowKey={(r) => r.id ?? `${r.channel}:${r.sourceId ?? ''}:${r.receivedAt}`}
        size="small"
        pagination={false}
        dataSource={intakes}
        scroll={{ x: 460 }}
        columns={[
          {
            title: '渠道',
            dataIndex: 'channel',
            width: 110,
            render: (v: string, r) => (
              <>
                {CHANNEL_LABELS[v] ?? '其他渠道'}
                {r.merged && (
                  <Tag color="blue" style={{ marginLeft: 4 }}>
                    并入
                  </Tag>
                )}
              </>
            ),
          },
          { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: (v: string) => fmtDateTime(v) },
          {
            title: '来源编号',
            dataIndex: 'sourceId',
            render: (v: string, r) => (
              <>
                {v}
                {r.replyDueAt && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.source ? `${r.source} · ` : ''}答复时限 {r.replyDays} 个工作日，至{' '}
                      {fmtDateTime(r.replyDueAt)}
                      {r.satisfaction ? ` · 回访：${r.satisfaction}` : ''}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: '登记人', dataIndex: 'registeredBy', width: 100, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
