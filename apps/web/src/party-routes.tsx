import { lazyPage } from './lib/lazy-page';

const NotFound = lazyPage(() => import('./components/not-found'), 'NotFound');

const load = {
  mine: () => import('./pages/party/my-cases.page'),
  apply: () => import('./pages/party/apply.page'),
  tracker: () => import('./pages/party/case-tracker.page'),
  room: () => import('./pages/party/party-room.page'),
  sign: () => import('./pages/party/sign-agreement.page'),
};
const MyCasesPage = lazyPage(load.mine, 'MyCasesPage');
const ApplyPage = lazyPage(load.apply, 'ApplyPage');
const CaseTrackerPage = lazyPage(load.tracker, 'CaseTrackerPage');
const PartyRoomPage = lazyPage(load.room, 'PartyRoomPage');
const SignAgreementPage = lazyPage(load.sign, 'SignAgreementPage');
// the call (WebRTC, recorder, device check) is not preloaded: most visits never open it
const CallPage = lazyPage(() => import('./pages/call/call.page'), 'CallPage');

/** Fetches every party page's chunk at once (they share most code): no page waits for a chain of imports. */
export function preloadPartyPages(): void {
  Object.values(load).forEach((fn) => void fn());
}

/** A party's pages by route, each in its own chunk. */
export function PartyRoutes({ route }: { route: string[] }) {
  const [a, id, b, roomId] = route;
  if (!a || a === 'mine' || a === 'login') return <MyCasesPage />;
  if (a === 'apply') return <ApplyPage />;
  if (a === 'cases' && id && !b) return <CaseTrackerPage id={id} />;
  if (a === 'cases' && id && b === 'room' && roomId) return <PartyRoomPage caseId={id} roomId={roomId} />;
  if (a === 'cases' && id && b === 'sign') return <SignAgreementPage id={id} />;
  if (a === 'cases' && id && b === 'call' && roomId) return <CallPage caseId={id} sessionId={roomId} />;
  return <NotFound />;
}
