import type { ReactNode } from 'react';
import { Result } from 'antd';
import { NotFound } from './components/not-found';
import { canRegister, canUseLinkage, isCourt } from './lib/nav';
import type { Schemas } from './lib/api-types';
import { lazyPage } from './lib/lazy-page';
import { HiddenTitle } from './components/page-title';
const QueuePage = lazyPage(() => import('./pages/staff/queue.page'), 'QueuePage');
const RegisterPage = lazyPage(() => import('./pages/staff/register.page'), 'RegisterPage');
const CaseWorkbenchPage = lazyPage(() => import('./pages/staff/case-workbench.page'), 'CaseWorkbenchPage');
const CourtConsolePage = lazyPage(() => import('./pages/court/court-console.page'), 'CourtConsolePage');
const CourtReferralPage = lazyPage(() => import('./pages/court/court-referral.page'), 'CourtReferralPage');
const LinkageListPage = lazyPage(() => import('./pages/linkage/linkage-list.page'), 'LinkageListPage');
const LinkageRoomPage = lazyPage(() => import('./pages/linkage/linkage-room.page'), 'LinkageRoomPage');
const MediatorsPage = lazyPage(() => import('./pages/body/mediators.page'), 'MediatorsPage');
const DistrictQueuePage = lazyPage(() => import('./pages/district/district-queue.page'), 'DistrictQueuePage');
const BodiesPage = lazyPage(() => import('./pages/district/bodies.page'), 'BodiesPage');
const RulesPage = lazyPage(() => import('./pages/district/rules.page'), 'RulesPage');
const ImportsPage = lazyPage(() => import('./pages/district/imports.page'), 'ImportsPage');
const DashboardPage = lazyPage(() => import('./pages/stats/dashboard.page'), 'DashboardPage');
const SearchPage = lazyPage(() => import('./pages/search/search.page'), 'SearchPage');
const CallPage = lazyPage(() => import('./pages/call/call.page'), 'CallPage');

type SessionUser = Schemas['SignedInUser'];

const Forbidden = () => (
  <>
    <HiddenTitle>无权访问</HiddenTitle>
    <Result status="403" title="无权访问" subTitle="您的账号没有使用该功能的权限。" />
  </>
);

/** Staff pages by route and role; a page another role may not use shows 无权访问. */
export function StaffRoutes({ route, user }: { route: string[]; user: SessionUser }) {
  const [a, b, c, d] = route;
  const role = user.role;
  const gate = (ok: boolean, page: ReactNode) => (ok ? page : <Forbidden />);
  if (!a || a === 'queue' || a === 'login') {
    if (isCourt(role)) return <CourtConsolePage />;
    if (role === 'district_admin') return <DistrictQueuePage />;
    return <QueuePage />;
  }
  if (a === 'work' && b && c === 'call' && d) return <CallPage caseId={b} sessionId={d} />;
  // a call invitation opens the call by its session alone (see the notification bell)
  if (a === 'call' && b) return <CallPage caseId={null} sessionId={b} />;
  if (a === 'work' && b) return <CaseWorkbenchPage id={b} />;
  if (a === 'search' && !b) return <SearchPage />;
  if (a === 'register' && !b) return gate(canRegister(role), <RegisterPage role={role} />);
  if (a === 'court' && !b) return gate(isCourt(role), <CourtConsolePage />);
  if (a === 'court' && b === 'refer') return gate(isCourt(role), <CourtReferralPage />);
  if (a === 'linkage' && !b) return gate(canUseLinkage(role), <LinkageListPage user={user} />);
  if (a === 'linkage' && b) return <LinkageRoomPage id={b} user={user} />;
  if (a === 'body' && b === 'mediators') return gate(role === 'body_admin', <MediatorsPage user={user} />);
  if (a === 'district' && role !== 'district_admin') return <Forbidden />;
  if (a === 'district' && b === 'bodies') return <BodiesPage />;
  if (a === 'district' && b === 'rules') return <RulesPage />;
  if (a === 'district' && b === 'imports') return <ImportsPage user={user} />;
  if (a === 'stats' && !c)
    return gate(role === 'district_admin' || role === 'body_admin', <DashboardPage user={user} />);
  return <NotFound />;
}
