import { lazyPage } from './lib/lazy-page';

const NotFound = lazyPage(() => import('./components/not-found'), 'NotFound');

const MyCasesPage = lazyPage(() => import('./pages/party/my-cases.page'), 'MyCasesPage');
const ApplyPage = lazyPage(() => import('./pages/party/apply.page'), 'ApplyPage');
const CaseTrackerPage = lazyPage(() => import('./pages/party/case-tracker.page'), 'CaseTrackerPage');
const PartyRoomPage = lazyPage(() => import('./pages/party/party-room.page'), 'PartyRoomPage');
const SignAgreementPage = lazyPage(() => import('./pages/party/sign-agreement.page'), 'SignAgreementPage');

/** A party's pages by route, each in its own chunk. */
export function PartyRoutes({ route }: { route: string[] }) {
  const [a, id, b, roomId] = route;
  if (!a || a === 'mine' || a === 'login') return <MyCasesPage />;
  if (a === 'apply') return <ApplyPage />;
  if (a === 'cases' && id && !b) return <CaseTrackerPage id={id} />;
  if (a === 'cases' && id && b === 'room' && roomId) return <PartyRoomPage caseId={id} roomId={roomId} />;
  if (a === 'cases' && id && b === 'sign') return <SignAgreementPage id={id} />;
  return <NotFound />;
}
