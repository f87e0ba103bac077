import { Alert, Button, Card, Descriptions, Empty, Space, Steps, Typography } from 'antd';
import { takeEarly } from '../../lib/early-load';
import { fmtDateTime, MODE_LABELS, startedLabel } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { CaseTimeline } from '../../components/case-timeline';
import { PageState } from '../../components/page-state';
import { StatusTag } from '../../components/status-tag';
import { AgreementView } from '../../components/agreement-view';
import { LongText } from '../../components/long-text';
import { PartyCaseActions } from './party-case-actions';
import { CallSessionsCard } from './call-sessions-card';
import { loadTracker, trackerKey } from './tracker-data';
import { Heading, HiddenTitle } from '../../components/page-title';

/** A deadline weeks away is information; only a near or passed one is a warning. */
const ALERT_FOR_URGENCY = { overdue: 'error', due_soon: 'warning', ok: 'info', none: 'info' } as const;

/** 案件进度: where the case is, what happens next, deadlines, timeline; updates live. */
export function CaseTrackerPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useAsync(
    () => takeEarly<Awaited<ReturnType<typeof loadTracker>>>(trackerKey(id)) ?? loadTracker(id),
    [id],
  );
  useLiveRefresh(reload, { caseId: id });

  const s = data?.status;
  const rooms = data?.detail.rooms ?? [];
  const joint = rooms.find((r) => r.kind === 'joint');
  const caucus = rooms.find((r) => r.kind === 'caucus');
  const canSign = !!s?.availableActions.includes('sign');

  return (
    <div className="tj-stack">
      <Button type="link" onClick={() => navigate('mine')} style={{ padding: 0 }}>
        ‹ 返回我的纠纷
      </Button>
      {/* the case's title is the h1 once it has loaded */}
      {!(s && data) && <HiddenTitle>案件进度</HiddenTitle>}
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        {s && data && (
          <>
            <Card size="small">
              <div className="tj-row">
                <Heading level={1} look={5} style={{ margin: 0 }}>
                  {s.title}
                </Heading>
                <StatusTag status={s.status} label={s.statusLabel} />
              </div>
              <Typography.Text type="secondary">
                案件编号 {s.number} · {data.detail.categoryLabel}
              </Typography.Text>
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                showIcon
                title={<span data-testid="status-label">当前状态：{s.statusLabel}</span>}
                description={`下一步：${s.nextStep}`}
              />
              {s.deadline && (
                <Alert
                  style={{ marginTop: 8 }}
                  type={ALERT_FOR_URGENCY[s.deadline.urgency ?? 'ok']}
                  data-urgency={s.deadline.urgency}
                  data-testid="deadline"
                  showIcon
                  title={s.deadline.text}
                  description={s.deadline.remaining}
                />
              )}
              {s.judicialConfirmation && (
                <Alert
                  style={{ marginTop: 8 }}
                  type="success"
                  showIcon
                  title={s.judicialConfirmation.text}
                  description={s.judicialConfirmation.remaining}
                />
              )}
            </Card>

            <Card size="small" title="办理进度">
              <Steps
                size="small"
                orientation="vertical"
                current={s.stage - 1}
                items={s.stages.map((title, i) => ({
                  title,
                  content: i === s.stage - 1 ? s.statusLabel : undefined,
                }))}
              />
            </Card>

            {canSign && (
              <Card size="small">
                <Typography.Paragraph>调解协议已起草，请核对协议内容并签名确认。</Typography.Paragraph>
                <Button type="primary" block onClick={() => navigate(`cases/${id}/sign`)}>
                  查看并签署调解协议
                </Button>
              </Card>
            )}
            {s.agreement && <AgreementView agreement={s.agreement} caseId={id} number={s.number} />}

            {data.sessions && (
              <CallSessionsCard
                caseId={id}
                sessions={data.sessions}
                ownPartyIds={data.detail.parties.filter((p) => !p.masked).map((p) => p.id)}
                onChanged={reload}
              />
            )}

            <Card size="small" title="线上调解室">
              {rooms.length === 0 ? (
                <Empty description="调解组织签收后将开放线上调解室" />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text>
                    当前调解方式：
                    <Typography.Text strong data-testid="session-mode">
                      {MODE_LABELS[s.sessionMode]}
                    </Typography.Text>
                  </Typography.Text>
                  {joint && (
                    <Button block onClick={() => navigate(`cases/${id}/room/${joint.id}`)}>
                      进入联合调解室（面对面）
                    </Button>
                  )}
                  {caucus && (
                    <Button block onClick={() => navigate(`cases/${id}/room/${caucus.id}`)}>
                      进入我的背对背调解室
                    </Button>
                  )}
                </Space>
              )}
            </Card>

            <PartyCaseActions id={id} version={data.detail.version} status={s} onChanged={reload} />

            <Card size="small" title="案件信息">
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'c',
                    label: startedLabel(data.detail),
                    children: fmtDateTime(data.detail.createdAt),
                  },
                  {
                    key: 'p',
                    label: '当事人',
                    children: data.detail.parties
                      .map((p) => `${p.name}${p.role === 'applicant' ? '（申请人）' : '（被申请人）'}`)
                      .join('、'),
                  },
                  {
                    key: 'd',
                    label: '纠纷情况',
                    children: <LongText text={data.detail.description ?? ''} testId="case-description" />,
                  },
                ]}
              />
            </Card>

            <Card size="small" title="办理记录">
              <CaseTimeline entries={s.timeline} />
            </Card>
          </>
        )}
      </PageState>
    </div>
  );
}
