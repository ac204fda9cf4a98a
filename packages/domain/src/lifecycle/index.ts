import type { LifecycleDefinition, LifecycleKind } from './types.js';
import { CONSULTATION_LIFECYCLE, INCIDENT_LIFECYCLE, SERVICE_REQUEST_LIFECYCLE } from './tickets.js';
import { WORK_ORDER_LIFECYCLE } from './work-order.js';

export * from './types.js';
export * from './engine.js';
export * from './validate.js';
export * from './tickets.js';
export * from './work-order.js';

/** The default lifecycle of each kind that ships with the product. */
export const DEFAULT_LIFECYCLES: Readonly<Record<LifecycleKind, LifecycleDefinition>> = {
  incident: INCIDENT_LIFECYCLE,
  service_request: SERVICE_REQUEST_LIFECYCLE,
  consultation: CONSULTATION_LIFECYCLE,
  work_order: WORK_ORDER_LIFECYCLE,
};
