/** A canonical UUID, as every primary key here is. */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A where-clause for a role or user type given by id or by key; an unknown value matches nothing. */
export const byIdOrKey = (value: string): { id: string } | { key: string } => (isUuid(value) ? { id: value.toLowerCase() } : { key: value });
