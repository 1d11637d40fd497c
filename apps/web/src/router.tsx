import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, data, Outlet, ScrollRestoration, type LoaderFunction, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { DocumentTitle } from './components/DocumentTitle.tsx';
import { HydrateFallback } from './components/HydrateFallback.tsx';
import { NavigationProgress } from './components/NavigationProgress.tsx';
import { Notifications } from './components/Notifications.tsx';
import { RootErrorPage, RouteErrorPage } from './components/RouteErrorPage.tsx';
import { accessRequestStatusLoader, confirmAccessRequestLoader } from './features/access-requests/routes/public-loaders.ts';
import { accessRequestsLoader } from './features/access-requests/routes/access-requests-loader.ts';
import { addMembersLoader } from './features/add-members/routes/add-members-loader.ts';
import { contactsLoader } from './features/contacts/routes/contacts-loader.ts';
import { groupsLoader } from './features/groups/routes/groups-loader.ts';
import { organizationSettingsLoader } from './features/organization-settings/routes/organization-settings-loader.ts';
import { rolesLoader } from './features/roles/routes/roles-loader.ts';
import { setupLoader } from './features/setup/routes/setup-loader.ts';
import { activationLoader, signInLoader } from './features/auth/routes/auth-loaders.ts';
import { devMailLoader } from './features/dev-mail/routes/dev-mail-loader.ts';
import { membersLoader, membersShouldRevalidate } from './features/members/routes/members-loader.ts';
import { memberLoader } from './features/members/routes/member-loader.ts';
import { activityLoader, activityShouldRevalidate } from './features/activity/routes/activity-loader.ts';
import { requireGroupsAccess } from './lib/groups-nav.ts';
import { licensesLoader } from './features/licenses/routes/licenses-loader.ts';
import type { RouteHandle } from './lib/route-handle.ts';
import { sectionById, type SectionId } from './lib/sections.ts';
import { homeRedirect, paths, requireAnySession, requirePrivilege, requireSession } from './lib/session/guards.ts';

function Root() {
  return (
    <>
      <DocumentTitle />
      <NavigationProgress />
      <ScrollRestoration />
      <Outlet />
      <Notifications />
    </>
  );
}

/** A section's route: privilege check first, then the page's own prefetching. */
function sectionRoute(queryClient: QueryClient, id: SectionId, route: Omit<RouteObject, 'path' | 'handle' | 'index' | 'children'>): RouteObject {
  const section = sectionById(id);
  const checkPrivilege = section.alsoForGroupOwners ? requireGroupsAccess(queryClient) : requirePrivilege(queryClient, section.privilege);
  const pageLoader = typeof route.loader === 'function' ? (route.loader as LoaderFunction) : undefined;
  return {
    ...route,
    path: section.path,
    handle: { titleKey: section.labelKey } satisfies RouteHandle,
    loader: async (args) => {
      await checkPrivilege();
      return pageLoader ? pageLoader(args) : null;
    },
  } as RouteObject;
}

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      Component: Root,
      ErrorBoundary: RootErrorPage,
      HydrateFallback,
      children: [
        {
          path: paths.signIn,
          handle: { titleKey: 'auth.signIn.title' } satisfies RouteHandle,
          loader: signInLoader(queryClient),
          lazy: { Component: async () => (await import('./features/auth/routes/SignInPage.tsx')).SignInPage },
        },
        {
          path: paths.setup,
          handle: { titleKey: 'setup.title' } satisfies RouteHandle,
          loader: setupLoader(queryClient),
          lazy: { Component: async () => (await import('./features/setup/routes/SetupPage.tsx')).SetupPage },
        },
        {
          path: paths.requestAccess,
          handle: { titleKey: 'accessRequests.request.title' } satisfies RouteHandle,
          lazy: { Component: async () => (await import('./features/access-requests/routes/RequestAccessPage.tsx')).RequestAccessPage },
        },
        {
          path: `${paths.accessRequestConfirm}/:token`,
          handle: { titleKey: 'accessRequests.confirm.title' } satisfies RouteHandle,
          loader: confirmAccessRequestLoader(queryClient),
          lazy: { Component: async () => (await import('./features/access-requests/routes/ConfirmAccessRequestPage.tsx')).ConfirmAccessRequestPage },
        },
        {
          path: `${paths.accessRequestStatus}/:token`,
          handle: { titleKey: 'accessRequests.status.title' } satisfies RouteHandle,
          loader: accessRequestStatusLoader(queryClient),
          lazy: { Component: async () => (await import('./features/access-requests/routes/AccessRequestStatusPage.tsx')).AccessRequestStatusPage },
        },
        {
          path: `${paths.activate}/:token`,
          handle: { titleKey: 'activation.title' } satisfies RouteHandle,
          loader: activationLoader(queryClient),
          lazy: { Component: async () => (await import('./features/auth/routes/ActivatePage.tsx')).ActivatePage },
        },
        {
          path: paths.changePassword,
          handle: { titleKey: 'auth.changePassword.title' } satisfies RouteHandle,
          loader: requireAnySession(queryClient),
          lazy: { Component: async () => (await import('./features/auth/routes/ChangePasswordPage.tsx')).ChangePasswordPage },
        },
        {
          // The signed-in area.
          id: 'app',
          loader: requireSession(queryClient),
          // The guard reads a cached session; re-run it when the page changes, not on every keystroke in a search box.
          shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
          Component: AppLayout,
          children: [
            {
              ErrorBoundary: RouteErrorPage,
              children: [
                { index: true, loader: homeRedirect(queryClient) },
                sectionRoute(queryClient, 'members', {
                  loader: membersLoader(queryClient),
                  shouldRevalidate: membersShouldRevalidate,
                  lazy: { Component: async () => (await import('./features/members/routes/MembersPage.tsx')).MembersPage },
                }),
                {
                  // A member's page; "/members/add" above is a more specific match.
                  path: `${paths.members}/:id`,
                  handle: { titleKey: 'memberDetail.title' } satisfies RouteHandle,
                  // Every member: the API answers each one as who sees whom allows (decision 014).
                  loader: memberLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/members/routes/MemberPage.tsx')).MemberPage },
                },
                sectionRoute(queryClient, 'accessRequests', {
                  loader: accessRequestsLoader(queryClient),
                  shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) => (currentUrl.pathname !== nextUrl.pathname ? defaultShouldRevalidate : false),
                  lazy: { Component: async () => (await import('./features/access-requests/routes/AccessRequestsPage.tsx')).AccessRequestsPage },
                }),
                sectionRoute(queryClient, 'addMembers', {
                  loader: addMembersLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/add-members/routes/AddMembersPage.tsx')).AddMembersPage },
                }),
                sectionRoute(queryClient, 'contacts', {
                  loader: contactsLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/contacts/routes/ContactsSettingsPage.tsx')).ContactsSettingsPage },
                }),
                sectionRoute(queryClient, 'organizationSettings', {
                  loader: organizationSettingsLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/organization-settings/routes/OrganizationSettingsPage.tsx')).OrganizationSettingsPage },
                }),
                sectionRoute(queryClient, 'groups', {
                  loader: groupsLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/groups/routes/GroupsPage.tsx')).GroupsPage },
                }),
                sectionRoute(queryClient, 'roles', {
                  loader: rolesLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/roles/routes/RolesPage.tsx')).RolesPage },
                }),
                sectionRoute(queryClient, 'licenses', {
                  loader: licensesLoader(queryClient),
                  // Switching tabs or the licence shown changes only the search: nothing to fetch again.
                  shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) => (currentUrl.pathname !== nextUrl.pathname ? defaultShouldRevalidate : false),
                  lazy: { Component: async () => (await import('./features/licenses/routes/LicensesPage.tsx')).LicensesPage },
                }),
                sectionRoute(queryClient, 'activity', {
                  loader: activityLoader(queryClient),
                  shouldRevalidate: activityShouldRevalidate,
                  lazy: { Component: async () => (await import('./features/activity/routes/ActivityPage.tsx')).ActivityPage },
                }),
                {
                  path: paths.welcome,
                  handle: { titleKey: 'welcome.title' } satisfies RouteHandle,
                  lazy: { Component: async () => (await import('./features/welcome/routes/WelcomePage.tsx')).WelcomePage },
                },
                {
                  path: paths.devMail,
                  handle: { titleKey: 'devMail.title' } satisfies RouteHandle,
                  loader: devMailLoader(queryClient),
                  lazy: { Component: async () => (await import('./features/dev-mail/routes/DevMailPage.tsx')).DevMailPage },
                },
                {
                  path: '*',
                  handle: { titleKey: 'errors.notFound.title' } satisfies RouteHandle,
                  loader: () => {
                    throw data(null, { status: 404 });
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
