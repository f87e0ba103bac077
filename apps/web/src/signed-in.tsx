import { Suspense } from 'react';
import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppShell } from './components/app-shell';
import { PageSkeleton } from './components/page-skeleton';
import type { Session } from './lib/auth-store';
import { lazyPage } from './lib/lazy-page';
import { SocketProvider } from './lib/use-socket';
import { installA11yFixes } from './lib/a11y-fixes';
import { Themed } from './theme';

// each role's pages in their own chunks: a party never downloads the staff consoles
const PartyRoutes = lazyPage(() => import('./party-routes'), 'PartyRoutes');
const StaffRoutes = lazyPage(() => import('./staff-routes'), 'StaffRoutes');

dayjs.locale('zh-cn');
installA11yFixes();

/** Everything after sign-in (header, live socket, the role's pages): loaded once a session exists. */
export function SignedIn({ session, route }: { session: Session; route: string[] }) {
  const party = session.user.role === 'party';
  // antd's App (message, modal, notification) loads here: the sign-in page shows its messages inline
  return (
    <Themed>
      <AntApp>
        <SocketProvider userId={session.user.id} key={session.user.id}>
          <AppShell user={session.user} route={route}>
            <Suspense fallback={<PageSkeleton />}>
              {party ? <PartyRoutes route={route} /> : <StaffRoutes route={route} user={session.user} />}
            </Suspense>
          </AppShell>
        </SocketProvider>
      </AntApp>
    </Themed>
  );
}
