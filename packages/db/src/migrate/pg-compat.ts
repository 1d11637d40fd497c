// Two gaps between Prisma 7.10's wasm schema describer, @prisma/adapter-pg 7.10 and
// PostgreSQL 18, closed at the edge so the engine itself stays untouched:
//
// 1. The describer selects pg_catalog's one-byte "char" columns (pg_constraint.contype) and
//    reads them as a Rust `char`. adapter-pg has no mapping for that type and fails with
//    "Column type 'char' could not be deserialized from the database", so every
//    introspection (shadow database, drift check) failed. We report such columns as the
//    driver-adapter `Character` type, which the engine converts to exactly that.
// 2. PostgreSQL 18 records NOT NULL constraints in pg_constraint (contype 'n'). The
//    describer's constraint query only excludes 'p', 'u' and 'f', so it would receive them
//    as check-like constraints it cannot handle (it panics). Columns' nullability still comes
//    from pg_attribute, so we exclude 'n' rows, which is what older servers return anyway.
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQuery, type SqlResultSet } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CONSTRAINT_FILTER = "contype NOT IN ('p', 'u', 'f')";
const CONSTRAINT_FILTER_PG18 = "contype NOT IN ('p', 'u', 'f', 'n')";

type CharAwareResult = { fields?: { name: string; dataTypeID: number }[]; charColumns?: string[] };

/** pg client that hands "char" columns to adapter-pg as text, remembering which they were. */
export class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      // pg.Pool#query uses the callback form.
      args[last] = (error: unknown, result: unknown) => callback(error, error ? result : relabelCharColumns(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then(relabelCharColumns) as never;
    return result as never;
  }
}

function relabelCharColumns<T>(result: T): T {
  const withFields = result as CharAwareResult | undefined;
  if (!withFields) return result;
  for (const field of withFields.fields ?? []) {
    if (field.dataTypeID !== PG_CHAR_OID) continue;
    field.dataTypeID = PG_TEXT_OID;
    (withFields.charColumns ??= []).push(field.name);
  }
  return result;
}

/** Patches an adapter-pg adapter (created over a pool of CatalogFriendlyClient). */
export function adaptForSchemaDescriber(adapter: SqlDriverAdapter): void {
  const queryable = adapter as unknown as { performIO(query: SqlQuery): Promise<CharAwareResult> };
  const charColumnsByQuery = new WeakMap<SqlQuery, string[]>();
  const performIO = queryable.performIO.bind(adapter);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    if (result.charColumns) charColumnsByQuery.set(query, result.charColumns);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    const rewritten = query.sql.includes(CONSTRAINT_FILTER)
      ? { ...query, sql: query.sql.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18) }
      : query;
    const result = await queryRaw(rewritten);
    const charColumns = charColumnsByQuery.get(rewritten);
    if (charColumns) {
      result.columnTypes = result.columnTypes.map((type, index) =>
        charColumns.includes(result.columnNames[index] ?? '') ? ColumnTypeEnum.Character : type,
      );
    }
    return result;
  };
}
