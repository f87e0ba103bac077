import { LoginPage } from './pages/login.page';
import { AppShell } from './components/app-shell';
import { useSession } from './lib/auth-store';
import { useRoute } from './lib/router';
import { SocketProvider } from './lib/use-socket';
import { MyCasesPage } from './pages/party/my-cases.page';
import { ApplyPage } from './pages/party/apply.page';
import { CaseTrackerPage } from './pages/party/case-tracker.page';
import { PartyRoomPage } from './pages/party/party-room.page';
import { SignAgreementPage } from './pages/party/sign-agreement.page';
import { StaffRoutes } from './staff-routes';
import { NotFound } from './components/not-found';

function PartyRoutes({ route }: { route: string[] }) {
  const [a, id, b, roomId] = route;
  if (!a || a === 'mine' || a === 'login') return <MyCasesPage />;
  if (a === 'apply') return <ApplyPage />;
  if (a === 'cases' && id && !b) return <CaseTrackerPage id={id} />;
  if (a === 'cases' && id && b === 'room' && roomId) return <PartyRoomPage caseId={id} roomId={roomId} />;
  if (a === 'cases' && id && b === 'sign') return <SignAgreementPage id={id} />;
  return <NotFound />;
}

export function Root() {
  const session = useSession();
  const route = useRoute();
  if (!session) return <LoginPage />;
  const party = session.user.role === 'party';
  return (
    <SocketProvider userId={session.user.id} key={session.user.id}>
      <AppShell user={session.user} route={route}>
        {party ? <PartyRoutes route={route} /> : <StaffRoutes route={route} user={session.user} />}
      </AppShell>
    </SocketProvider>
  );
}
