// Every table of opsdesk, one file per module's migration range.
export * from './foundation.js';
export * from './shared.js';
export * from './service-projects.js';
export * from './service-desk.js';
export * from './cmdb.js';
export * from './field-work.js';
