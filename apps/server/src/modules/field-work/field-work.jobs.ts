import type { JobDefinition } from '../../jobs/job-system.js';
import { sweepInspectionPlans } from './inspection.generation.js';

/** Field work's jobs (registered in jobs/registry.ts). */
export const FIELD_WORK_JOBS: JobDefinition[] = [
  {
    // Every five minutes: the tasks of the inspection plans whose next period has come (exactly once per period).
    name: 'inspection.generate',
    cron: '*/5 * * * *',
    handler: async (deps) => void (await sweepInspectionPlans(deps)),
  },
];
