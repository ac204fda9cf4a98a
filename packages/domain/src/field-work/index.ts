export * from './arrival.js';
export * from './access.js';
