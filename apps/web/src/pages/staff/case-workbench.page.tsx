import { Button, Card, Col, Descriptions, Empty, Row, Space, Tabs } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useSession } from '../../lib/auth-store';
import { fmtDateTime, money, startedLabel } from '../../lib/format';
import { navigate } from '../../lib/router';
import { homeOf, menuFor } from '../../lib/nav';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { AgreementView } from '../../components/agreement-view';
import { CaseTimeline } from '../../components/case-timeline';
import { ChatRoom } from '../../components/chat-room';
import { LongText } from '../../components/long-text';
import { PageState } from '../../components/page-state';
import { StatusTag } from '../../components/status-tag';
import { CaseActions } from './case-actions';
import { CaseFileButton } from './case-file-button';
import { IntakesCard, PartiesTable, RoutingCard } from './case-info';
import { ReferralCard } from './referral-card';
import { SessionsCard } from './sessions-card';
import type { Schemas } from '../../lib/api-types';
import { HiddenTitle, PageTitle } from '../../components/page-title';

type Lifecycle = Schemas['Lifecycle'];
type CaseSummary = Schemas['CaseListItem'];

let lifecycleCache: Promise<Lifecycle> | null = null;
const loadLifecycle = () =>
  (lifecycleCache ??= unwrap(apiClient.GET('/api/lifecycle')).catch((e) => {
    lifecycleCache = null;
    throw e;
  }));

/** The staff case page (mediators, body admins, the court, the district): actions, rooms, parties, routing, timeline. */
export function CaseWorkbenchPage({ id }: { id: string }) {
  const session = useSession();
  const { data, error, loading, reload, setData } = useAsync(
    () => unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id } } })),
    [id],
  );
  const lifecycle = useAsync(loadLifecycle, []);
  // sessions and merged registrations change the page without a new version: refetch on every notice
  useLiveRefresh(reload, { caseId: id });
  // a write answers with the case's new version: held at once, so a next write does not carry the one it replaced
  // while the refetch is still on its way
  const afterWrite = (w?: CaseSummary) => {
    if (w)
      setData((cur) =>
        cur && cur.id === w.id && w.version > cur.version
          ? {
              ...cur,
              version: w.version,
              status: w.status,
              statusLabel: w.statusLabel,
              sessionMode: w.sessionMode,
              bodyId: w.bodyId,
              mediatorId: w.mediatorId,
              dueAt: w.dueAt,
            }
          : cur,
      );
    return reload();
  };
  const d = data;
  // the court reviewing a judicial-confirmation request sees the agreement first (it has no rooms in the case)
  const reviewer =
    !!d && d.relations.includes('court') && !d.relations.includes('handling_body') && !!d.agreement;

  return (
    <div className="tj-stack">
      {session && (
        <Button type="link" style={{ padding: 0 }} onClick={() => navigate(homeOf(session.user.role))}>
          ‹ 返回{menuFor(session.user.role)[0].label}
        </Button>
      )}
      {/* the case's title is the h1 once it has loaded */}
      {!(d && session) && <HiddenTitle>案件办理</HiddenTitle>}
      <PageState loading={loading} error={error} hasData={!!d} onRetry={reload}>
        {d && session && (
          <>
            <Card size="small">
              <div className="tj-row">
                <PageTitle>{d.title}</PageTitle>
                <Space size={8} wrap>
                  <StatusTag status={d.status} label={d.statusLabel} />
                  <CaseFileButton caseId={d.id} number={d.number} relations={d.relations} />
                </Space>
              </div>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 4 }}
                style={{ marginTop: 8 }}
                items={[
                  { key: 'n', label: '案件编号', children: d.number },
                  { key: 'c', label: '纠纷类别', children: d.categoryLabel },
                  { key: 'a', label: startedLabel(d), children: fmtDateTime(d.createdAt) },
                  { key: 'due', label: '调解期限', children: d.dueAt ? fmtDateTime(d.dueAt) : '未计时' },
                  { key: 'm', label: '请求金额', children: money(d.claimAmount) },
                  { key: 'addr', label: '地址', children: d.address ?? '—' },
                ]}
              />
              <div style={{ marginTop: 8 }}>
                <LongText text={d.description ?? ''} testId="case-description" />
              </div>
            </Card>
            {d.referral && <ReferralCard referral={d.referral} />}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <div className="tj-stack">
                  <Card size="small" title="办理操作">
                    <CaseActions
                      detail={d}
                      lifecycle={lifecycle.data}
                      me={session.user}
                      onChanged={afterWrite}
                    />
                  </Card>
                  {!reviewer && (
                    <SessionsCard
                      caseId={d.id}
                      mediator={d.mediatorId === session.user.id}
                      canSchedule={
                        d.mediatorId === session.user.id &&
                        ['accepted', 'in_mediation', 'agreement_pending'].includes(d.status)
                      }
                      parties={d.parties}
                    />
                  )}
                  {reviewer && d.agreement && (
                    <AgreementView
                      agreement={d.agreement}
                      caseId={d.id}
                      number={d.number}
                      title="调解协议（司法确认审查）"
                    />
                  )}
                  {!reviewer && (
                    <Card size="small" title="线上调解室" styles={{ body: { padding: 8 } }}>
                      {d.rooms.length === 0 ? (
                        <Empty
                          description={
                            d.relations.includes('handling_body')
                              ? '签收后开放调解室'
                              : '调解室仅对承办调解组织和当事人开放'
                          }
                        />
                      ) : (
                        <Tabs
                          size="small"
                          items={d.rooms.map((r) => ({
                            key: r.id,
                            label:
                              r.kind === 'joint'
                                ? '联合调解室'
                                : r.kind === 'staff'
                                  ? '工作人员室'
                                  : r.title.replace(/^背对背调解室 · /, '背对背·'),
                            children: (
                              <ChatRoom
                                key={r.id}
                                room={r}
                                userId={session.user.id}
                                isParty={false}
                                sessionMode={d.sessionMode}
                                height={380}
                              />
                            ),
                          }))}
                        />
                      )}
                    </Card>
                  )}
                </div>
              </Col>
              <Col xs={24} lg={10}>
                <div className="tj-stack">
                  <Card size="small" title="当事人">
                    <PartiesTable parties={d.parties} />
                  </Card>
                  {d.intakes && d.intakes.length > 0 && <IntakesCard intakes={d.intakes} />}
                  {d.routing && <RoutingCard routing={d.routing} />}
                  {!reviewer && d.agreement && (
                    <AgreementView agreement={d.agreement} caseId={d.id} number={d.number} />
                  )}
                  <Card size="small" title="办理记录">
                    <CaseTimeline entries={d.timeline} />
                  </Card>
                </div>
              </Col>
            </Row>
          </>
        )}
      </PageState>
    </div>
  );
}
