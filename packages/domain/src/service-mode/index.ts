export * from './rules.js';
export * from './suggest.js';
