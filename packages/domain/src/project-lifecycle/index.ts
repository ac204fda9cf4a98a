export * from './dates.js';
export * from './phases.js';
export * from './checklists.js';
export * from './reminders.js';
export * from './handover.js';
export * from './quality.js';
export * from './roster.js';
