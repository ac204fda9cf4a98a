export * from './roles.js';
export * from './actor.js';
export * from './project-scope.js';
export * from './abilities.js';
export * from './user-visibility.js';
export * from './service-project-abilities.js';
