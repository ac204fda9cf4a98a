export * from './numbers.js';
export * from './access.js';
export * from './routing.js';
