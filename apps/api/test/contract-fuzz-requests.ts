import fc from 'fast-check';

/** Requests generated from an OpenAPI document's schemas, for the contract fuzz test. */

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  minProperties?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
type MediaTypes = Record<string, { schema?: Schema }>;
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema };
export type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: MediaTypes; required?: boolean };
  responses: Record<string, { content?: MediaTypes }>;
};
export type Document = { paths: Record<string, Record<string, Operation>> };

/** Real objects of the test organization, so that generated ids sometimes hit them. */
export type Fixtures = {
  adminId: string;
  memberIds: string[];
  usernames: string[];
  roles: string[];
  userTypes: string[];
  licenses: string[];
  groups: string[];
  categories: string[];
  accessRequestIds: string[];
  importIds: string[];
};

// ---------------------------------------------------------------------------------------
// Generating values from a JSON schema
// ---------------------------------------------------------------------------------------

const plainChars = ['a', 'Z', 'é', 'ß', '0', '9', ' ', '-', '.', '_', '@', "'", '"', '%', '<', '/', '\\', '😀', '中'];
const controlChars = ['\u0000', '\u0001', '\t', '\n', '\r', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F', '\uD800', '\uFFFF'];
const isControlRule = (pattern: string) => pattern.includes('\\u0000-');

function text(min: number, max: number, chars: string[]) {
  return fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: Math.max(min, max) });
}

/** Values the server refuses (or should): control characters, boundary lengths, wrong types. */
function hostile(schema: Schema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const common = [fc.constant(null), fc.constant(12345), fc.constant(true), fc.constant(['x']), fc.constant({ x: 1 })];
  if (type === 'string' || schema.enum || schema.format) {
    const max = schema.maxLength ?? 300;
    const min = schema.minLength ?? 0;
    return fc.oneof(
      text(1, 12, [...plainChars, ...controlChars]).map((s) => `${s}\u0000`),
      text(1, 12, controlChars),
      fc.constant('a'.repeat(max + 1)),
      fc.constant('a'.repeat(max)),
      ...(min > 0 ? [fc.constant('a'.repeat(min - 1))] : []),
      fc.constant(''),
      fc.constant(' '),
      fc.constant('0'),
      fc.constant('9'.repeat(30)),
      ...common,
    );
  }
  if (type === 'integer' || type === 'number') {
    return fc.oneof(
      fc.constant((schema.minimum ?? 0) - 1),
      fc.constant((schema.maximum ?? 1000) + 1),
      fc.constant(1.5),
      fc.constant(-1),
      fc.constant(Number.MAX_SAFE_INTEGER),
      fc.constant('1e309'),
      fc.constant('abc'),
      ...common,
    );
  }
  if (type === 'array') return fc.oneof(fc.constant(Array.from({ length: Math.min((schema.maxItems ?? 5) + 1, 1001) }, () => 'x')), fc.constant([]), fc.constant([null]), ...common);
  return fc.oneof(...common, fc.constant('\u0000'));
}

type Gen = { fixtures: Fixtures; chaos: boolean; path: string };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Values named like fixtures, so that requests reach real roles, members, groups… */
function hinted(name: string, { fixtures, path }: Gen): fc.Arbitrary<unknown> | undefined {
  const pick = (values: string[]) => (values.length ? fc.constantFrom(...values) : undefined);
  switch (name) {
    case 'role':
      return pick(fixtures.roles);
    case 'userType':
      return pick(fixtures.userTypes);
    case 'licenses':
      return pick(fixtures.licenses);
    case 'groups':
      return pick(fixtures.groups);
    case 'categories':
      return pick(fixtures.categories);
    case 'toMemberId':
    case 'memberIds':
    case 'primary':
    case 'secondary':
    case 'member':
      return pick(fixtures.memberIds);
    case 'username':
    case 'actor':
      return pick(['admin', ...fixtures.usernames]);
    case 'organization':
      return fc.constantFrom('acme', 'globex');
    // PATCH /api/organization: ids of the organization's own reference data, sometimes.
    case 'defaultRoleId':
      return pick(fixtures.roles.filter(isUuid));
    case 'defaultUserTypeId':
      return pick(fixtures.userTypes.filter(isUuid));
    case 'defaultGroupIds':
      return pick(fixtures.groups);
    case 'defaultLicenseIds':
      return pick(fixtures.licenses);
    case 'email':
      return fc.integer({ min: 1, max: 10_000 }).map((n) => `fuzz.${n}@acme.example`);
    case 'firstName':
    case 'lastName':
      return fc.constantFrom('Zoé', 'Jean-Luc', "O'Neil", 'Ñandú');
    case 'password':
    case 'newPassword':
      return fc.integer({ min: 1, max: 1e6 }).map((n) => `Fuzz-pass-${n}`);
    case 'id':
      if (path.startsWith('/api/access-requests/')) return pick(fixtures.accessRequestIds);
      if (path.startsWith('/api/imports/')) return pick(fixtures.importIds);
      if (path.startsWith('/api/members/')) return pick(fixtures.memberIds);
      return undefined;
    case 'rowNumber':
      return fc.integer({ min: 2, max: 5 });
    default:
      return undefined;
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern && !isControlRule(schema.pattern)) {
    const re = new RegExp(schema.pattern, 'u');
    const max = schema.maxLength ?? Infinity;
    // No filter (it could spin for ever): short matches are repeated up to the minimum, which
    // keeps simple patterns (a character class) matching; others are left as they are.
    let matching: fc.Arbitrary<string>;
    try {
      matching = fc.stringMatching(re, { size: 'small' });
    } catch {
      // fast-check does not read every pattern (lookaheads): a domain name is the one we have.
      return fc.oneof(fc.domain(), text(min, max, plainChars));
    }
    return matching.map((m) => {
      const padded = m && m.length < min ? m.repeat(Math.ceil(min / m.length)) : m;
      const cut = padded.length > max ? padded.slice(0, max) : padded;
      return re.test(cut) ? cut : m;
    });
  }
  const chars = schema.pattern?.includes('\\u0009') || schema.pattern?.includes('\\u0008\\u000B') ? [...plainChars, '\n', '\t'] : plainChars;
  return fc.oneof({ weight: 4, arbitrary: text(min, max, chars) }, { weight: 1, arbitrary: fc.constant('x'.repeat(schema.maxLength ?? min)) });
}

function arbitraryFor(schema: Schema | undefined, name: string, gen: Gen, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const valid = validArbitrary(schema, name, gen, depth);
  if (!gen.chaos) return valid;
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile(schema) });
}

function validArbitrary(schema: Schema, name: string, gen: Gen, depth: number): fc.Arbitrary<unknown> {
  const hint = hinted(name, gen);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (hint && type !== 'array' && type !== 'object') return fc.oneof(hint, baseArbitrary(schema, name, gen, depth));
  return baseArbitrary(schema, name, gen, depth);
}

function baseArbitrary(schema: Schema, name: string, gen: Gen, depth: number): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => arbitraryFor(b, name, gen, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf, { ...schema, allOf: undefined }) as Schema, name, gen, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const hint = hinted(name, gen);
      const item = hint ? fc.oneof(hint, arbitraryFor(schema.items, name, gen, depth + 1)) : arbitraryFor(schema.items, name, gen, depth + 1);
      const minLength = schema.minItems ?? 0;
      // Bounded: a thousand members to create would only measure argon2.
      return fc.array(item, { minLength, maxLength: Math.min(schema.maxItems ?? 3, minLength + 3) });
    }
    case 'object':
    default: {
      if (!schema.properties && !schema.additionalProperties && type !== 'object') return fc.jsonValue({ maxDepth: 2 });
      const entries = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      let record: fc.Arbitrary<Record<string, unknown>> = fc.record(
        Object.fromEntries(entries.map(([key, s]) => [key, arbitraryFor(s, key, gen, depth + 1)])),
        { requiredKeys: entries.filter(([key]) => required.has(key) || (schema.minProperties ?? 0) > 0 && entries.length === 1).map(([key]) => key) },
      );
      if (schema.propertyNames?.enum && typeof schema.additionalProperties === 'object') {
        const values = schema.additionalProperties;
        record = fc.dictionary(fc.constantFrom(...(schema.propertyNames.enum as string[])), arbitraryFor(values, name, gen, depth + 1), { maxKeys: 4 });
      }
      if (!gen.chaos) return record;
      // Missing required fields and unknown fields.
      return fc.oneof(
        { weight: 6, arbitrary: record },
        { weight: 1, arbitrary: record.map((r) => ({ ...r, unknownField: '\u0000' })) },
        { weight: 1, arbitrary: record.map((r) => Object.fromEntries(Object.entries(r).slice(1))) },
      );
    }
  }
}

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

/** A request, and each documented part of it with its schema (to tell whether the document accepts it). */
export type FuzzRequest = { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer; label: string; parts: { where: string; schema?: Schema; value: unknown }[] };

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function encodeSegment(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}

export function requestArbitrary(path: string, method: string, op: Operation, fixtures: Fixtures): fc.Arbitrary<FuzzRequest> {
  return fc.boolean().chain((chaos) => {
    const gen: Gen = { fixtures, chaos, path };
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const bodyTypes = Object.keys(op.requestBody?.content ?? {});
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    const body: fc.Arbitrary<{ payload?: string | Buffer; type?: string; value?: unknown; undocumented?: boolean }> = jsonBody
      ? fc.oneof(
          { weight: 12, arbitrary: arbitraryFor(jsonBody, '', gen).map((v) => ({ payload: JSON.stringify(v), type: 'application/json', value: v })) },
          { weight: chaos ? 1 : 0, arbitrary: fc.constantFrom({ payload: '{"a":', type: 'application/json', undocumented: true }, { payload: 'a=b', type: 'application/x-www-form-urlencoded', undocumented: true }, { payload: '', type: 'application/json', undocumented: true }) },
        )
      : bodyTypes.includes('text/csv')
        ? text(0, 200, [...plainChars, ',', ';', '\n', ...(chaos ? controlChars : [])]).map((csv) => ({ payload: `username,email,first name,last name\n${csv}`, type: 'text/csv' }))
        : bodyTypes.some((t) => t.startsWith('image/'))
          ? fc.constantFrom({ payload: png, type: 'image/png' }, { payload: Buffer.from('<svg/>'), type: 'image/png' }, { payload: png, type: 'text/plain' })
          : method === 'GET' || method === 'DELETE'
            ? fc.constant({})
            : fc.constant({ payload: '{}', type: 'application/json' });
    return fc
      .tuple(
        fc.tuple(...pathParams.map((p) => arbitraryFor(p.schema, p.name, gen))),
        fc.tuple(...queryParams.map((p) => (p.required ? arbitraryFor(p.schema, p.name, gen) : fc.option(arbitraryFor(p.schema, p.name, gen), { nil: undefined, freq: 3 })))),
        body,
      )
      .map(([pathValues, queryValues, { payload, type, value, undocumented }]) => {
        let url = path;
        pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeSegment(pathValues[i]))));
        const query = new URLSearchParams();
        queryParams.forEach((p, i) => {
          const v = queryValues[i];
          if (v === undefined) return;
          for (const one of Array.isArray(v) ? v : [v]) query.append(p.name, typeof one === 'string' ? one : JSON.stringify(one));
        });
        const qs = query.toString();
        return {
          method: method.toUpperCase(),
          url: qs ? `${url}?${qs}` : url,
          headers: (type ? { 'content-type': type } : {}) as Record<string, string>,
          ...(payload !== undefined ? { payload } : {}),
          label: `${method.toUpperCase()} ${path} (${op.operationId})`,
          parts: [
            ...pathParams.map((p, i) => ({ where: `params.${p.name}`, schema: p.schema, value: pathValues[i] })),
            ...queryParams.flatMap((p, i) => (queryValues[i] === undefined ? [] : [{ where: `querystring.${p.name}`, schema: p.schema, value: queryValues[i] }])),
            ...(jsonBody ? [{ where: 'body', schema: undocumented ? undefined : jsonBody, value }] : []),
          ],
        };
      });
  });
}

