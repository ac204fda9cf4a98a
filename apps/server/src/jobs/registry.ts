import type { JobDefinition } from './job-system.js';

/** Every module's jobs and schedules. A new module adds its definitions here. */
export const JOBS: JobDefinition[] = [];
