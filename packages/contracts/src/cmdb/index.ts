// The CMDB (issue 5): CI types, CIs, relations and impact, history, import and export, asset
// statistics, and the CIs that tickets name.
import './messages.js';
export * from './types.js';
export * from './cis.js';
export * from './relations.js';
export * from './imports.js';
export * from './tickets.js';
