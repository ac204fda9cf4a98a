// Every table of opsdesk, one file per module's migration range.
export * from './foundation.js';
export * from './shared.js';
