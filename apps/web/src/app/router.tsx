import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { RequireAbility } from '../shared/abilities/RequireAbility';
import type { SystemAbility } from '../shared/abilities/useAbilities';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './pages/RouteError';
import { RequireSession } from './session/RequireSession';

// Each feature page is its own chunk, loaded when first visited.
const LoginPage = lazy(() => import('../features/auth/pages/LoginPage'));
const SetupPage = lazy(() => import('../features/auth/pages/SetupPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/pages/ChangePasswordPage'));
const ProjectListPage = lazy(() => import('../features/projects/pages/ProjectListPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/pages/ProjectDetailPage'));
const CustomerListPage = lazy(() => import('../features/customers/pages/CustomerListPage'));
const CustomerDetailPage = lazy(() => import('../features/customers/pages/CustomerDetailPage'));
const SubcontractorListPage = lazy(() => import('../features/subcontractors/pages/SubcontractorListPage'));
const SubcontractorDetailPage = lazy(
  () => import('../features/subcontractors/pages/SubcontractorDetailPage'),
);
const SiteListPage = lazy(() => import('../features/sites/pages/SiteListPage'));
const TeamListPage = lazy(() => import('../features/teams/pages/TeamListPage'));
const UserListPage = lazy(() => import('../features/users/pages/UserListPage'));
const TokenListPage = lazy(() => import('../features/tokens/pages/TokenListPage'));
const AuditLogPage = lazy(() => import('../features/audit/pages/AuditLogPage'));
const SecurityPolicyPage = lazy(() => import('../features/security-policy/pages/SecurityPolicyPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function page(Component: LazyExoticComponent<ComponentType>, anyOf?: SystemAbility[]): ReactNode {
  return anyOf ? (
    <RequireAbility anyOf={anyOf}>
      <Component />
    </RequireAbility>
  ) : (
    <Component />
  );
}

/** The route table. Signed-out pages sit outside the layout; the rest need a session. */
export const routes: RouteObject[] = [
  { path: '/login', element: page(LoginPage), errorElement: <RouteError /> },
  { path: '/setup', element: page(SetupPage), errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/projects" replace /> },
          { path: 'projects', element: page(ProjectListPage) },
          { path: 'projects/:id', element: page(ProjectDetailPage) },
          { path: 'customers', element: page(CustomerListPage) },
          { path: 'customers/:id', element: page(CustomerDetailPage) },
          { path: 'subcontractors', element: page(SubcontractorListPage) },
          { path: 'subcontractors/:id', element: page(SubcontractorDetailPage) },
          { path: 'sites', element: page(SiteListPage) },
          { path: 'teams', element: page(TeamListPage) },
          { path: 'users', element: page(UserListPage, ['manageUsers', 'grantRoles']) },
          { path: 'me/tokens', element: page(TokenListPage) },
          { path: 'me/password', element: page(ChangePasswordPage) },
          { path: 'audit', element: page(AuditLogPage, ['readAudit']) },
          { path: 'security-policy', element: page(SecurityPolicyPage, ['readSecurityPolicy']) },
          { path: '*', element: page(NotFoundPage) },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
