import type { JobDefinition } from './job-system.js';
import { SERVICE_PROJECT_JOBS } from '../modules/lifecycle/lifecycle.jobs.js';
import { SERVICE_DESK_JOBS } from '../modules/service-desk/service-desk.jobs.js';
import { CMDB_JOBS } from '../modules/cmdb/cmdb.jobs.js';
import { FIELD_WORK_JOBS } from '../modules/field-work/field-work.jobs.js';

/** Every module's jobs and schedules. A new module adds its definitions here. */
export const JOBS: JobDefinition[] = [
  ...SERVICE_PROJECT_JOBS,
  ...SERVICE_DESK_JOBS,
  ...CMDB_JOBS,
  ...FIELD_WORK_JOBS,
];
