export * from './access/index.js';
export * from './security/index.js';
export * from './lifecycle/index.js';
export * from './priority/index.js';
export * from './service-mode/index.js';
export * from './calendar/index.js';
export * from './sla/index.js';
export * from './files/content-type.js';
