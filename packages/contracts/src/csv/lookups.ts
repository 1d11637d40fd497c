import { normalizeHeader } from './formats.ts';

/** A role or user type as the CSV validator needs it (from GET /api/roles and /api/user-types). */
export interface CsvLookupEntry {
  id: string;
  key: string;
  nameEn: string;
  nameFr: string;
}

export interface CsvRoleLookup extends CsvLookupEntry {
  /** The Administrator role (see `administratorRoleAllowed`). */
  isAdministrator?: boolean;
}

export interface CsvUserTypeLookup extends CsvLookupEntry {
  compatibleRoleIds: readonly string[];
}

export interface CsvLookups {
  roles: readonly CsvRoleLookup[];
  userTypes: readonly CsvUserTypeLookup[];
}

/** Builds lookups from the API's reference shapes (`Role`, `UserType` in reference.ts). */
export function csvLookupsFrom(
  roles: readonly { id: string; key: string; name: string; nameFr: string; isAdministrator?: boolean }[],
  userTypes: readonly { id: string; key: string; name: string; nameFr: string; compatibleRoles: readonly { id: string }[] }[],
): CsvLookups {
  return {
    roles: roles.map((r) => ({ id: r.id, key: r.key, nameEn: r.name, nameFr: r.nameFr, isAdministrator: r.isAdministrator })),
    userTypes: userTypes.map((u) => ({
      id: u.id,
      key: u.key,
      nameEn: u.name,
      nameFr: u.nameFr,
      compatibleRoleIds: u.compatibleRoles.map((r) => r.id),
    })),
  };
}

export type LookupResult<T> = { entry: T } | { ambiguous: T[] } | undefined;

/**
 * Resolves a cell to one entry: by id (exact), then by key, then by English or French name,
 * keys and names compared like headers (case, accents, spaces and punctuation ignored).
 * A key always wins over a name; a name shared by several entries is ambiguous.
 */
export class LookupIndex<T extends CsvLookupEntry> {
  private readonly byId = new Map<string, T>();
  private readonly byKey = new Map<string, T[]>();
  private readonly byName = new Map<string, T[]>();

  constructor(readonly entries: readonly T[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      add(this.byKey, normalizeHeader(e.key), e);
      add(this.byName, normalizeHeader(e.nameEn), e);
      if (normalizeHeader(e.nameFr) !== normalizeHeader(e.nameEn)) add(this.byName, normalizeHeader(e.nameFr), e);
    }
  }

  /** A file names the same few roles over and over: remember the answers. */
  private readonly cache = new Map<string, LookupResult<T>>();

  resolve(value: string): LookupResult<T> {
    let result = this.cache.get(value);
    if (result === undefined && !this.cache.has(value)) {
      result = this.lookup(value);
      if (this.cache.size < 10_000) this.cache.set(value, result);
    }
    return result;
  }

  private lookup(value: string): LookupResult<T> {
    const byId = this.byId.get(value);
    if (byId) return { entry: byId };
    const norm = normalizeHeader(value);
    if (!norm) return undefined;
    for (const map of [this.byKey, this.byName]) {
      const found = map.get(norm);
      const [entry, ...others] = found ?? [];
      if (entry && others.length === 0) return { entry };
      if (entry) return { ambiguous: [entry, ...others] };
    }
    return undefined;
  }

  /** A short list of keys for messages ("viewer, publisher, …"). */
  examples(max = 8): string {
    const keys = this.entries.slice(0, max).map((e) => e.key);
    return keys.join(', ') + (this.entries.length > max ? ', …' : '');
  }
}

function add<T>(map: Map<string, T[]>, key: string, value: T) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
