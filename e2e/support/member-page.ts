import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ImportCreated, ImportJob, ItemsOf, License, Group, MembersBatchResponse } from '../../packages/contracts/src/index.ts';
import { apiWrite } from './add-members.ts';

export interface SeededMember {
  id: string;
  username: string;
  fullName: string;
}

async function csrf(request: APIRequestContext) {
  return ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

/**
 * Adds active organization-login members (SAML / OpenID Connect) through the CSV import API,
 * the product's own way of registering them without an invitation.
 */
export async function createEnterpriseMembers(request: APIRequestContext, people: { firstName: string; lastName: string; username: string; identityType: 'SAML' | 'OIDC' }[]): Promise<SeededMember[]> {
  const csv = [
    'Email,Role,User Type,First Name,Last Name,Username,Identity Type',
    ...people.map((p) => [`${p.username}@example.org`, 'user', 'creator', p.firstName, p.lastName, p.username, p.identityType].join(',')),
  ].join('\n');
  const upload = await request.post('/api/imports?format=org-login&mode=credentials&fileName=e2e.csv', {
    headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': await csrf(request) },
    data: csv,
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const created = ImportCreated.parse(await upload.json());
  expect(created.counts, JSON.stringify(created)).toEqual({ total: people.length, valid: people.length, invalid: 0 });

  const commit = await apiWrite(request, 'POST', `/api/imports/${created.id}/commit`, {});
  expect(commit.status(), await commit.text()).toBe(202);
  let job: ImportJob | undefined;
  await expect
    .poll(
      async () => {
        job = ImportJob.parse(await (await request.get(`/api/imports/${created.id}`)).json());
        return job.status;
      },
      { timeout: 30_000, message: 'the import to be committed' },
    )
    .toBe('committed');
  return people.map((p) => {
    const row = job!.rows.find((r) => r.values.username === p.username);
    if (!row?.memberId) throw new Error(`No member created for ${p.username}`);
    return { id: row.memberId, username: p.username, fullName: `${p.firstName} ${p.lastName}` };
  });
}

/** Adds an active built-in member through the API, with licences given by name. */
export async function createBuiltinMember(
  request: APIRequestContext,
  who: { firstName: string; lastName: string; username: string; userType?: string; role?: string },
  licenseNames: string[] = [],
): Promise<SeededMember> {
  const licenses = ItemsOf(License).parse(await (await request.get('/api/licenses')).json()).items;
  const licenseIds = licenseNames.map((name) => {
    const found = licenses.find((l) => l.name === name);
    if (!found) throw new Error(`No licence named ${name}`);
    return found.id;
  });
  const response = await apiWrite(request, 'POST', '/api/members/batch', {
    mode: 'credentials',
    members: [
      {
        firstName: who.firstName,
        lastName: who.lastName,
        username: who.username,
        email: `${who.username}@example.org`,
        role: who.role ?? 'user',
        userType: who.userType ?? 'creator',
        password: `Tmp-${who.username.slice(-6)}-42x`,
      },
    ],
    properties: { licenses: licenseIds },
  });
  expect(response.status(), await response.text()).toBe(201);
  const member = MembersBatchResponse.parse(await response.json()).created[0]!;
  return { id: member.id, username: member.username, fullName: `${who.firstName} ${who.lastName}` };
}

export async function groups(request: APIRequestContext) {
  const response = await request.get('/api/groups');
  expect(response.status()).toBe(200);
  return ItemsOf(Group).parse(await response.json()).items;
}

export async function transferThroughApi(request: APIRequestContext, fromId: string, body: { toMemberId: string; contentIds?: string[]; groupIds?: string[] }) {
  const response = await apiWrite(request, 'POST', `/api/members/${fromId}/transfer-ownership`, body);
  expect(response.status(), await response.text()).toBe(200);
}

export async function openMemberPage(page: Page, member: { id: string; fullName: string }) {
  await page.goto(`/members/${member.id}`);
  await expect(page.getByRole('heading', { level: 1, name: member.fullName })).toBeVisible();
}

/** The owned content and groups lists of a member's page, sorted ("title (kind)" and group names); waits until they read `expected`. */
export async function expectOwned(page: Page, expected: { content: string[]; groups: string[] }) {
  const owned = page.getByTestId('owned-items');
  const texts = async (name: string) => (await owned.getByRole('list', { name, exact: true }).getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
  await expect.poll(() => texts('Contenu'), { message: 'owned content' }).toEqual([...expected.content].sort());
  await expect.poll(() => texts('Groupes'), { message: 'owned groups' }).toEqual([...expected.groups].sort());
  await expect(owned).toContainText(expected.content.length === 0 ? 'Aucun contenu.' : `${expected.content.length} élément${expected.content.length > 1 ? 's' : ''} de contenu`);
  await expect(owned).toContainText(expected.groups.length === 0 ? 'Aucun groupe.' : `${expected.groups.length} groupe${expected.groups.length > 1 ? 's' : ''}`);
}
