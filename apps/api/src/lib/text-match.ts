/**
 * Case-insensitive filters for Prisma. On PostgreSQL, Prisma turns `mode: 'insensitive'` into
 * ILIKE — for `equals` as well as `contains` — and passes the value as a pattern: `%` and `_`
 * would match anything and a trailing `\` fails the query. Every case-insensitive filter goes
 * through these, which escape the value so that it matches only itself (eslint refuses
 * `mode: 'insensitive'` anywhere else).
 */
const literal = (value: string) => value.replace(/[\\%_]/g, '\\$&');

/** The same text, whatever its case. */
export const sameText = (value: string) => ({ equals: literal(value), mode: 'insensitive' as const });

/** Contains the text, whatever its case. */
export const containsText = (value: string) => ({ contains: literal(value), mode: 'insensitive' as const });
