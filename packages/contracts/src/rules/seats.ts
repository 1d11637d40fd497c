/** Seats left out of `limit` when `used` are taken (never below zero); unlimited when `limit` is null. */
export const seatsLeft = (limit: number | null, used: number): number => (limit === null ? Number.POSITIVE_INFINITY : Math.max(0, limit - used));

/**
 * A shortfall of seats (licence, user type) or of the named-user limit: null when `requested`
 * more fit, else the figures every refusal carries (`left`, `requested`, `short`).
 */
export function seatShortage(limit: number | null, used: number, requested: number): { left: number; requested: number; short: number } | null {
  if (limit === null || used + requested <= limit) return null;
  return { left: Math.max(0, limit - used), requested, short: used + requested - limit };
}
