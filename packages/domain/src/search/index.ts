export { FIELD_SEPARATOR, runsOf, searchDocument, searchQuery, searchTokens } from './tokens.js';
export type { Run } from './tokens.js';
