import type { JobDefinition } from '../../jobs/job-system.js';
import { ensureHolidayYears } from '../calendars/holiday.seed.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import { sendDueMail } from '../mail/mail.sender.js';
import { sweepClocks } from '../sla/sla.sweep.js';
import { sweepAutoClose, sweepEmergencyPlans } from '../tickets/ticket.sweeps.js';

/** The service desk's jobs (registered in jobs/registry.ts). */
export const SERVICE_DESK_JOBS: JobDefinition[] = [
  {
    // Every minute: SLA escalations and breaches, then the emergency-plan rule.
    name: 'sla.sweep',
    cron: '* * * * *',
    handler: async (deps) => {
      await sweepClocks(deps);
      await sweepEmergencyPlans(deps);
    },
  },
  {
    name: 'servicedesk.auto-close',
    cron: '*/10 * * * *',
    handler: async (deps) => void (await sweepAutoClose(deps)),
  },
  // Queued after each commit that wrote mail, and every minute for retries.
  { name: MAIL_JOB, cron: '* * * * *', handler: async (deps) => void (await sendDueMail(deps)) },
  // Daily: a newly installed `chinese-days` brings its new years.
  {
    name: 'calendars.holidays',
    cron: '17 3 * * *',
    handler: async (deps) => void (await ensureHolidayYears(deps.db, deps.now(), true)),
  },
];
