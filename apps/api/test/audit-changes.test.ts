import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDetail } from '@sesame/contracts';
import { audit, auditChanges } from '../src/lib/audit.ts';
import { ADMIN_PASSWORD, Client, createTestContext, type TestContext } from './helpers.ts';
import { memberFixtures } from './member-fixtures.ts';

/**
 * The activity log says what happened and nothing else: a save that changes nothing writes
 * no event, and an event names only the fields that changed (lib/audit.ts, auditChanges).
 */
let ctx: TestContext;
let admin: Client;
const { makeMember } = memberFixtures(() => ctx);

beforeAll(async () => {
  ctx = await createTestContext({ acmeMembers: 3 });
  admin = new Client(ctx);
  expect((await admin.signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

const events = (action: string) => ctx.db.auditEvent.findMany({ where: { organizationId: ctx.acme.organizationId, action }, orderBy: { createdAt: 'asc' } });
const patch = (id: string, body: unknown) => admin.request('PATCH', `/api/members/${id}`, body);

describe('auditChanges', () => {
  it('keeps only what differs, in the given order, and says null when nothing did', () => {
    expect(auditChanges({ a: 1, b: 'x', c: [1, 2] }, { a: 1, b: 'x', c: [1, 2] })).toBeNull();
    expect(auditChanges({ a: null }, { a: undefined })).toBeNull();
    expect(auditChanges({ o: { k: 1, j: 2 } }, { o: { j: 2, k: 1 } })).toBeNull();
    const changes = auditChanges({ z: 1, a: 1, m: 'same' }, { z: 2, a: 3, m: 'same' }, ['z', 'a']);
    expect(changes).toEqual({ before: { z: 1, a: 1 }, after: { z: 2, a: 3 } });
    expect(Object.keys(changes!.after)).toEqual(['z', 'a']);
    expect(Object.keys(auditChanges({ b: 1, a: 1 }, { b: 2, a: 2 })!.after)).toEqual(['a', 'b']);
  });

  it('counts nothing, an empty text and an empty list as the same ("— → —" is no change)', () => {
    expect(auditChanges({ a: '', b: [], c: null }, { a: null, b: undefined, c: '' })).toBeNull();
    expect(auditChanges({ n: 24 }, { n: 24 })).toBeNull();
    expect(auditChanges({ a: '' }, { a: 'x' })).toEqual({ before: { a: '' }, after: { a: 'x' } });
  });
});

describe('audit', () => {
  const fakeTx = () => {
    const written: unknown[] = [];
    return { written, tx: { auditEvent: { create: async (args: { data: unknown }) => void written.push(args.data) } } as unknown as Parameters<typeof audit>[0] };
  };
  const base = { organizationId: '00000000-0000-4000-8000-000000000000', action: 'group.updated' as const };

  it('drops the fields an event’s before and after share, and writes nothing when none is left', async () => {
    const { tx, written } = fakeTx();
    expect(await audit(tx, { ...base, before: { hours: 24, name: 'A', note: '' }, after: { hours: 24, name: 'B', note: null } })).toBe(true);
    expect(written).toEqual([expect.objectContaining({ before: { name: 'A' }, after: { name: 'B' } })]);
    expect(await audit(tx, { ...base, before: { hours: 24, description: null }, after: { hours: 24, description: '' } })).toBe(false);
    expect(written).toHaveLength(1);
  });

  it('keeps one-sided events as written (a creation, a deletion, a sign-in refusal)', async () => {
    const { tx, written } = fakeTx();
    expect(await audit(tx, { ...base, action: 'group.created', after: { name: 'A' } })).toBe(true);
    expect(await audit(tx, { ...base, action: 'member.password_changed' })).toBe(true);
    expect(await audit(tx, { ...base, action: 'access_request.granted', before: { status: 'pending' }, after: { status: 'granted', reason: 'approved email domain' } })).toBe(true);
    expect(written[2]).toMatchObject({ before: { status: 'pending' }, after: { status: 'granted', reason: 'approved email domain' } });
  });
});

describe('member saves', () => {
  it('a PATCH with the member’s own values writes no event; a partial change records only that field', async () => {
    const m = await makeMember('audit-same1');
    const current = (await admin.get(`/api/members/${m.id}`)).json<MemberDetail>();
    const before = (await events('member.updated')).length;
    const same = {
      firstName: current.firstName,
      lastName: current.lastName,
      email: current.email,
      description: current.description,
      country: current.country,
      profileVisibility: current.profileVisibility,
      language: current.language,
      units: current.units,
      locale: current.locale,
      startPage: current.startPage,
      role: current.role.key,
      userType: current.userType.id,
      licenses: current.licenses.map((l) => l.id),
      groups: current.groups.map((g) => g.id),
      categories: current.categories.map((c) => c.id),
    };
    const res = await patch(m.id, same);
    expect(res.statusCode, res.body).toBe(200);
    expect(await events('member.updated')).toHaveLength(before);

    const changed = await patch(m.id, { ...same, lastName: 'Renamed', licenses: [] });
    expect(changed.statusCode, changed.body).toBe(200);
    const written = await events('member.updated');
    expect(written).toHaveLength(before + 1);
    expect(written.at(-1)).toMatchObject({ targetId: m.id, before: { lastName: 'audit-same1' }, after: { lastName: 'Renamed' } });
    expect(Object.keys(written.at(-1)!.after as object)).toEqual(['lastName']);
  });

  it('removing a picture that is not there writes no event', async () => {
    const m = await makeMember('audit-nopic');
    const before = (await events('member.thumbnail_removed')).length;
    expect((await admin.request('DELETE', `/api/members/${m.id}/thumbnail`)).statusCode).toBe(200);
    expect(await events('member.thumbnail_removed')).toHaveLength(before);
  });
});

describe('organization saves', () => {
  it('saving the same contacts writes no event; a change records the contacts before and after', async () => {
    const second = await makeMember('audit-contact');
    const first = await admin.request('PUT', '/api/organization/contacts', { secondary: [second.id] });
    expect(first.statusCode, first.body).toBe(200);
    const count = (await events('organization.contacts_changed')).length;
    expect(count).toBeGreaterThan(0);
    const again = await admin.request('PUT', '/api/organization/contacts', { secondary: [second.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json().secondary.map((c: { id: string }) => c.id)).toEqual([second.id]);
    expect(await events('organization.contacts_changed')).toHaveLength(count);

    expect((await admin.request('PUT', '/api/organization/contacts', { secondary: [] })).statusCode).toBe(200);
    const written = await events('organization.contacts_changed');
    expect(written).toHaveLength(count + 1);
    // The primary contact stayed: only the secondary contacts are recorded, by username (ids kept for machines).
    expect(written.at(-1)).toMatchObject({ before: { secondary: [{ id: second.id, username: second.username }] }, after: { secondary: [] } });
    expect(written.at(-1)!.after).not.toHaveProperty('primary');
  });

  it('saving the same approved domains writes no event; changing only the delay records only the delay', async () => {
    const body = { domains: ['Example.org', 'acme.test'], requestReminderHours: 48 };
    expect((await admin.request('PUT', '/api/organization/approved-domains', body)).statusCode).toBe(200);
    const count = (await events('organization.approved_domains_changed')).length;
    const again = await admin.request('PUT', '/api/organization/approved-domains', { domains: ['acme.test', 'example.org'], requestReminderHours: 48 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ domains: ['acme.test', 'example.org'], requestReminderHours: 48 });
    expect(await events('organization.approved_domains_changed')).toHaveLength(count);

    expect((await admin.request('PUT', '/api/organization/approved-domains', { domains: ['acme.test', 'example.org'], requestReminderHours: 72 })).statusCode).toBe(200);
    const written = await events('organization.approved_domains_changed');
    expect(written).toHaveLength(count + 1);
    expect(written.at(-1)).toMatchObject({ before: { requestReminderHours: 48 }, after: { requestReminderHours: 72 } });
    expect(written.at(-1)!.after).not.toHaveProperty('domains');
  });
});
