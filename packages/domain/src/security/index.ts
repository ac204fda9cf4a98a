export * from './password-policy.js';
export * from './lockout.js';
