/** An ILIKE pattern matching `q` anywhere, with `%`, `_` and `\` taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
