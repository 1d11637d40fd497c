import '@mantine/core/styles.css';
import './styles.css';
import './lib/i18n.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient, type SessionProblem } from './lib/query-client.ts';
import { isPublicPath, paths, signInPath } from './lib/session/guards.ts';
import { sessionKeys } from './lib/session/session-queries.ts';
import { createRouter } from './router.tsx';
import { AppMantineProvider } from './components/AppMantineProvider.tsx';

// A request that finds the session gone, or a password change pending, sends the user to
// the page that resolves it — wherever in the app it happened.
function onSessionProblem(problem: SessionProblem) {
  const { pathname, search } = router.state.location;
  if (problem === 'unauthenticated') {
    if (isPublicPath(pathname)) return;
    queryClient.clear();
    void router.navigate(signInPath(pathname + search, 'expired'), { replace: true });
    return;
  }
  if (pathname === paths.changePassword) return;
  queryClient.removeQueries({ queryKey: sessionKeys.me() });
  void router.navigate(paths.changePassword, { replace: true });
}

const queryClient = createQueryClient(onSessionProblem);
const router = createRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <AppMantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AppMantineProvider>
  </StrictMode>,
);
