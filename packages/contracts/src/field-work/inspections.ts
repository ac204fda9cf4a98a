// Inspection contracts (issue 6), one file per part.
export * from './inspection-shared.js';
export * from './inspection-templates.js';
export * from './inspection-plans.js';
export * from './inspection-tasks.js';
export * from './inspection-findings.js';
export * from './inspection-reports.js';
