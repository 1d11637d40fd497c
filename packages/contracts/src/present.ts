/**
 * A value the code knows is there (an array's last item, a row the query always returns):
 * says so with a clear internal error instead of a `!` when it is not.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Internal error: ${what} is missing`);
  return value;
}
