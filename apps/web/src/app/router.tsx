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
const TicketQueuePage = lazy(() => import('../features/tickets/pages/TicketQueuePage'));
const TicketDetailPage = lazy(() => import('../features/tickets/pages/TicketDetailPage'));
const PhoneLogPage = lazy(() => import('../features/tickets/pages/PhoneLogPage'));
const PortalTicketsPage = lazy(() => import('../features/portal/pages/PortalTicketsPage'));
const PortalRaisePage = lazy(() => import('../features/portal/pages/PortalRaisePage'));
const PortalTicketPage = lazy(() => import('../features/portal/pages/PortalTicketPage'));
const ServiceDeskSettingsPage = lazy(
  () => import('../features/service-desk-admin/pages/ServiceDeskSettingsPage'),
);
const MailSettingsPage = lazy(() => import('../features/service-desk-admin/pages/MailSettingsPage'));
const CalendarsPage = lazy(() => import('../features/calendars/pages/CalendarsPage'));
const NotificationListPage = lazy(() => import('../features/notifications/pages/NotificationListPage'));
const HandoversPage = lazy(() => import('../features/handovers/pages/HandoversPage'));
const ProjectTasksPage = lazy(() => import('../features/lifecycle/pages/ProjectTasksPage'));
const ApprovalsPage = lazy(() => import('../features/lifecycle/pages/ApprovalsPage'));
const RosterPage = lazy(() => import('../features/roster/pages/RosterPage'));
const ServiceModeRulesPage = lazy(() => import('../features/service-modes/pages/ServiceModeRulesPage'));
const ChecklistTemplatesPage = lazy(
  () => import('../features/checklist-templates/pages/ChecklistTemplatesPage'),
);
const CiListPage = lazy(() => import('../features/cmdb/pages/CiListPage'));
const CiImportPage = lazy(() => import('../features/cmdb/pages/CiImportPage'));
const CiDetailPage = lazy(() => import('../features/cmdb/pages/CiDetailPage'));
const CiTypeListPage = lazy(() => import('../features/ci-types/pages/CiTypeListPage'));
const CiTypeDetailPage = lazy(() => import('../features/ci-types/pages/CiTypeDetailPage'));
const AssetStatsPage = lazy(() => import('../features/asset-stats/pages/AssetStatsPage'));
const WorkOrderListPage = lazy(() => import('../features/work-orders/pages/WorkOrderListPage'));
const WorkOrderDetailPage = lazy(() => import('../features/work-orders/pages/WorkOrderDetailPage'));
const InspectionTaskListPage = lazy(() => import('../features/inspections/pages/InspectionTaskListPage'));
const InspectionTaskPage = lazy(() => import('../features/inspections/pages/InspectionTaskPage'));
const FindingListPage = lazy(() => import('../features/findings/pages/FindingListPage'));
const PlanListPage = lazy(() => import('../features/inspection-plans/pages/PlanListPage'));
const PlanDetailPage = lazy(() => import('../features/inspection-plans/pages/PlanDetailPage'));
const TemplateListPage = lazy(() => import('../features/inspection-templates/pages/TemplateListPage'));
const TemplateDetailPage = lazy(() => import('../features/inspection-templates/pages/TemplateDetailPage'));
const InspectionReportPage = lazy(() => import('../features/inspection-reports/pages/InspectionReportPage'));
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
          { path: 'tickets', element: page(TicketQueuePage) },
          { path: 'tickets/phone', element: page(PhoneLogPage) },
          { path: 'tickets/:id', element: page(TicketDetailPage) },
          { path: 'portal', element: page(PortalTicketsPage) },
          { path: 'portal/new', element: page(PortalRaisePage) },
          { path: 'portal/tickets/:id', element: page(PortalTicketPage) },
          { path: 'service-desk/settings', element: page(ServiceDeskSettingsPage) },
          { path: 'calendars', element: page(CalendarsPage) },
          { path: 'admin/mail', element: page(MailSettingsPage, ['manageOrganisation']) },
          { path: 'notifications', element: page(NotificationListPage) },
          { path: 'handovers', element: page(HandoversPage) },
          { path: 'project-tasks', element: page(ProjectTasksPage) },
          { path: 'portal/approvals', element: page(ApprovalsPage) },
          { path: 'roster', element: page(RosterPage) },
          { path: 'service-mode-rules', element: page(ServiceModeRulesPage) },
          { path: 'checklist-templates', element: page(ChecklistTemplatesPage) },
          { path: 'cis', element: page(CiListPage) },
          { path: 'cis/import', element: page(CiImportPage) },
          { path: 'cis/:id', element: page(CiDetailPage) },
          { path: 'ci-types', element: page(CiTypeListPage) },
          { path: 'ci-types/:id', element: page(CiTypeDetailPage) },
          { path: 'asset-stats', element: page(AssetStatsPage) },
          { path: 'work-orders', element: page(WorkOrderListPage) },
          { path: 'work-orders/:id', element: page(WorkOrderDetailPage) },
          { path: 'inspection-tasks', element: page(InspectionTaskListPage) },
          { path: 'inspection-tasks/:id', element: page(InspectionTaskPage) },
          { path: 'findings', element: page(FindingListPage) },
          { path: 'inspection-plans', element: page(PlanListPage) },
          { path: 'inspection-plans/:id', element: page(PlanDetailPage) },
          { path: 'inspection-templates', element: page(TemplateListPage) },
          { path: 'inspection-templates/:id', element: page(TemplateDetailPage) },
          { path: 'inspection-reports', element: page(InspectionReportPage) },
          { path: '*', element: page(NotFoundPage) },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
