// Service projects (issue 3): contract details live in ../projects.ts; the rest is here.
import './messages.js';
export * from './fields.js';
export * from './service-modes.js';
export * from './handovers.js';
export * from './lifecycle.js';
export * from './tenders.js';
export * from './roster.js';
export {
  BUSINESS_LINES,
  CHECKLIST_PHASES,
  DELIVERY_TYPES,
  PHASE_ACTIONS,
  PROJECT_BUSINESS_LINES,
  PROJECT_PHASES,
  PROJECT_TASK_STATUSES,
  RECURRENCES,
  RENEWAL_STATUSES,
  SERVICE_MODES,
  SERVICE_MODE_VARIANTS,
  TASK_CATEGORIES,
  TASK_PHASES,
  TEMPLATE_CATEGORIES,
  VARIANTS_BY_MODE,
} from '@opsdesk/domain';
export type {
  DeliveryType,
  PhaseAction,
  ProjectBusinessLine,
  ProjectPhase,
  ProjectTaskStatus,
  RenewalStatus,
  ServiceMode,
  ServiceModeVariant,
  TaskCategory,
  TaskPhase,
} from '@opsdesk/domain';
