import type { ReactNode } from 'react';
import { Result } from 'antd';
import { NotFound } from './components/not-found';
import { canRegister, canUseLinkage, isCourt } from './lib/nav';
import type { Schemas } from './lib/api-types';
import { QueuePage } from './pages/staff/queue.page';
import { RegisterPage } from './pages/staff/register.page';
import { CaseWorkbenchPage } from './pages/staff/case-workbench.page';
import { CourtConsolePage } from './pages/court/court-console.page';
import { CourtReferralPage } from './pages/court/court-referral.page';
import { LinkageListPage } from './pages/linkage/linkage-list.page';
import { LinkageRoomPage } from './pages/linkage/linkage-room.page';
import { MediatorsPage } from './pages/body/mediators.page';
import { DistrictQueuePage } from './pages/district/district-queue.page';
import { BodiesPage } from './pages/district/bodies.page';
import { RulesPage } from './pages/district/rules.page';
import { ImportsPage } from './pages/district/imports.page';
import { DashboardPage } from './pages/stats/dashboard.page';
import { SearchPage } from './pages/search/search.page';

type SessionUser = Schemas['SignedInUser'];

const Forbidden = () => <Result status="403" title="无权访问" subTitle="您的账号没有使用该功能的权限。" />;

/** Staff pages by route and role; a page another role may not use shows 无权访问. */
export function StaffRoutes({ route, user }: { route: string[]; user: SessionUser }) {
  const [a, b, c] = route;
  const role = user.role;
  const gate = (ok: boolean, page: ReactNode) => (ok ? page : <Forbidden />);
  if (!a || a === 'queue' || a === 'login') {
    if (isCourt(role)) return <CourtConsolePage />;
    if (role === 'district_admin') return <DistrictQueuePage />;
    return <QueuePage />;
  }
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
