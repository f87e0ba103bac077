import { Suspense } from 'react';
import { LoginPage } from './pages/login.page';
import { useSession } from './lib/auth-store';
import { loadAntdStyles } from './lib/antd-styles';
import { lazyPage } from './lib/lazy-page';
import { useRoute } from './lib/router';

// the sign-in page is all a phone opening an SMS link needs first; the rest loads after sign-in
const SignedIn = lazyPage(
  () => Promise.all([import('./signed-in'), loadAntdStyles()]).then(([m]) => m),
  'SignedIn',
);

let preloaded = false;
/** The role's routes and (for a party) its pages load alongside the shell, not one after another. */
function preloadRoutes(party: boolean): void {
  if (preloaded) return;
  preloaded = true;
  void loadAntdStyles();
  if (party) void import('./party-routes').then((m) => m.preloadPartyPages());
  else void import('./staff-routes');
}

export function Root() {
  const session = useSession();
  const route = useRoute();
  if (!session) return <LoginPage />;
  preloadRoutes(session.user.role === 'party');
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
