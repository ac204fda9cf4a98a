export * from './net.js';
export * from './attributes.js';
export * from './types.js';
export * from './relations.js';
export * from './history.js';
export * from './abilities.js';
export * from './warranty.js';
