export * from './access/index.js';
export * from './security/index.js';
