import { Suspense } from 'react';
import { LoginPage } from './pages/login.page';
import { useSession } from './lib/auth-store';
import { loadAntdStyles } from './lib/antd-styles';
import { lazyPage } from './lib/lazy-page';
import { startEarly } from './lib/early-load';
import { loadTracker, trackerKey } from './pages/party/tracker-data';
import { useRoute } from './lib/router';

// the sign-in page is all a phone opening an SMS link needs first; the rest loads after sign-in
const SignedIn = lazyPage(
  () => Promise.all([import('./signed-in'), loadAntdStyles()]).then(([m]) => m),
  'SignedIn',
);

let preloaded = false;
/**
 * The role's routes and (for a party) its pages load alongside the shell, not one after another; a party opening
 * a case link also has the tracker's data requested at once.
 */
function preloadRoutes(party: boolean, route: string[]): void {
  if (preloaded) return;
  preloaded = true;
  const [a, id, b] = route;
  if (party && a === 'cases' && id && !b) startEarly(trackerKey(id), () => loadTracker(id));
  void loadAntdStyles();
  if (party) void import('./party-routes').then((m) => m.preloadPartyPages());
  else void import('./staff-routes');
}

export function Root() {
  const session = useSession();
  const route = useRoute();
  if (!session) return <LoginPage />;
  preloadRoutes(session.user.role === 'party', route);
  return (
    <Suspense
      fallback={
        <main className="tj-shell-placeholder" aria-busy="true">
          <h1 className="tj-sr-only">页面加载中</h1>
        </main>
      }
    >
      <SignedIn session={session} route={route} />
    </Suspense>
  );
}
