import { expect, test, type Page } from '@playwright/test';
import { freePort, idpMetadata, makeCertificate, startOidcProvider, type OidcAccount } from '../../apps/api/test/sso-peers.ts';
import { IdentityProviderList } from '../../packages/contracts/src/index.ts';
import { apiWrite, chooseMode, findMember, next, openWizard, uniqueSuffix, wizardStep } from '../support/add-members.ts';
import { expectAccessible } from '../support/axe.ts';
import { expectNoHorizontalScroll } from '../support/layout.ts';
import { signInAsAdmin } from '../support/session.ts';

// Issue 16: organization logins clicked through as an administrator and as the member,
// against a real OpenID Connect provider (oidc-provider on loopback, its own login pages).

const CLIENT_ID = 'sesame-e2e';
const CLIENT_SECRET = 'e2e-client-secret-never-shown';

/** The person at the provider: its development login form, then its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('button', { name: /continue/i })).toBeVisible();
  await page.getByRole('button', { name: /continue/i }).click();
}

async function apiPatch(page: Page, url: string, data: unknown) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const response = await page.request.patch(url, { headers: { 'X-CSRF-Token': token }, data });
  expect(response.status(), await response.text()).toBe(200);
}

async function providers(page: Page) {
  const response = await page.request.get('/api/identity-providers');
  expect(response.status()).toBe(200);
  return IdentityProviderList.parse(await response.json());
}

test('an administrator configures an OpenID Connect provider and tests it, adds a member for it in the wizard, and that member signs in with the provider’s button; a stranger is refused, then registered once automatic registration is on', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const s = uniqueSuffix();
  const providerName = `Keycloak ${s}`;
  const sub = `f3b1c2d4-${s}-Sub`;
  const accounts = new Map<string, OidcAccount>([[sub, { sub, email: `ines.${s}@example.org`, email_verified: true, given_name: 'Inès', family_name: `Garnier${s}` }]]);
  const port = await freePort();
  let peer: Awaited<ReturnType<typeof startOidcProvider>> | undefined;

  await signInAsAdmin(page);
  try {
    // Organization settings › Organization logins › Add a provider.
    await page.goto('/organization/settings');
    const section = page.getByRole('region', { name: 'Connexions d’organisation' });
    await section.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un fournisseur d’identité' });
    await dialog.getByRole('textbox', { name: 'Nom' }).fill(providerName);
    await dialog.getByRole('textbox', { name: 'Émetteur (issuer)' }).fill(`http://127.0.0.1:${port}`);
    await dialog.getByRole('textbox', { name: 'Identifiant client' }).fill(CLIENT_ID);
    await dialog.getByLabel('Secret client').fill(CLIENT_SECRET);
    await dialog.getByRole('textbox', { name: 'Portées (scopes)' }).fill('openid email profile');
    await expectAccessible(page, 'identity provider form');
    await dialog.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
    await expect(dialog).toBeHidden();

    // The card gives the redirect URI to enter at the provider; the secret is never shown again.
    const card = page.getByRole('article', { name: providerName });
    await expect(card).toBeVisible();
    const created = (await providers(page)).find((p) => p.name === providerName)!;
    const redirectUri = `${baseURL}/api/auth/sso/${created.id}/callback`;
    await expect(card).toContainText(redirectUri);
    // On a phone the address goes under its label, on lines of a readable width.
    await page.setViewportSize({ width: 390, height: 844 });
    // (The lines fill the card: the value is at least two thirds of the card's width, wherever the id breaks.)
    const cardWidth = (await card.boundingBox())!.width;
    await expect.poll(async () => (await card.getByText(redirectUri).boundingBox())!.width / cardWidth).toBeGreaterThan(2 / 3);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByText(CLIENT_SECRET)).toHaveCount(0);
    expect(JSON.stringify(await providers(page))).not.toContain(CLIENT_SECRET);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'organization settings with a provider');

    // The provider is set up with that redirect URI (what the administrator does on their side).
    peer = await startOidcProvider({ port, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUri], accounts });

    // Test: a sign-in round trip in a new window; the page shows what the provider sent.
    const popupOpened = page.waitForEvent('popup');
    await card.getByRole('button', { name: 'Tester' }).click();
    const popup = await popupOpened;
    const popupClosed = popup.waitForEvent('close');
    await signInAtProvider(popup, sub);
    // Back from the provider, the test window hands the result over and closes.
    await popupClosed;
    const result = page.getByTestId('identity-test-result');
    await expect(result).toContainText(`Test réussi avec «\u00A0${providerName}\u00A0»`);
    await expect(result).toContainText(sub);
    await expect(result).toContainText(`ines.${s}@example.org (vérifiée)`);

    // Add Members › Organization logins › one member, no invitation.
    await openWizard(page);
    const method = page.getByRole('radio', { name: /Identifiants de connexion de l’organisation/ });
    await expect(method).toBeEnabled();
    await method.click();
    await chooseMode(page, 'credentials');
    await next(page);
    await expect(wizardStep(page, 'Nouveau membre')).toBeVisible();
    await expect(page.getByText('Le nom d’utilisateur doit être l’identifiant du fournisseur')).toBeVisible();
    await expect(page.getByText(/Entra ID.*pairwise/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Inès');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Garnier${s}`);
    await page.getByRole('textbox', { name: 'Adresse e\u2011mail' }).fill(`ines.${s}@example.org`);
    const username = page.getByRole('textbox', { name: /^Nom d’utilisateur \(NameID \/ sub\)/ });
    await username.fill(sub);
    await expect(page.getByRole('textbox', { name: /Mot de passe/ })).toHaveCount(0);
    await expectAccessible(page, 'wizard: organization login member');
    await next(page);
    await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Membres à ajouter' })).toContainText(sub);
    await next(page);
    await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
    await next(page);
    await expect(wizardStep(page, 'Résumé')).toBeVisible();
    await expect(page.getByText('Comptes d’organisation, saisis un par un')).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter des membres' }).click();
    await expect(page.getByTestId('wizard-result-title')).toHaveText('1\u00A0membre ajouté');
    const member = await findMember(page.request, sub);
    expect(member).toMatchObject({ username: sub, identityType: 'oidc' });

    // The member, in a browser of their own: the sign-in page, the organization, its button.
    const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const memberPage = await context.newPage();
    await memberPage.goto('/sign-in');
    await memberPage.getByRole('button', { name: 'Se connecter avec le compte de mon organisation' }).click();
    await memberPage.getByRole('textbox', { name: 'Identifiant de l’organisation' }).fill('demo');
    await memberPage.getByRole('button', { name: 'Continuer' }).click();
    await expectAccessible(memberPage, 'sign-in page with the organization’s providers');
    await memberPage.getByRole('link', { name: `Se connecter avec ${providerName}` }).click();
    await signInAtProvider(memberPage, sub);
    // In the portal, signed in as that member.
    await expect(memberPage).not.toHaveURL(/sign-in|127\.0\.0\.1:\d+\/interaction/);
    await expect(memberPage.getByRole('button', { name: new RegExp(`^Menu du compte de Inès Garnier${s}`) })).toBeVisible();
    await expectNoHorizontalScroll(memberPage);
    await context.close();
    expect((await findMember(page.request, sub))?.status).toBe('active');

    // Someone the organization does not know, through the same button: refused, said why, in French.
    accounts.set(`stranger-${s}`, { sub: `stranger-${s}`, email: `stranger.${s}@example.org`, email_verified: true });
    const strangerContext = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const stranger = await strangerContext.newPage();
    await stranger.goto('/sign-in?organization=demo');
    await stranger.getByRole('link', { name: `Se connecter avec ${providerName}` }).click();
    await signInAtProvider(stranger, `stranger-${s}`);
    await expect(stranger).toHaveURL(/\/sign-in\?sso_error=unknown_account/);
    await expect(stranger.getByTestId('sso-error')).toContainText('Aucun compte de cette organisation ne correspond à votre identifiant');
    await expectAccessible(stranger, 'sign-in page: organization login refused');

    // The administrator turns automatic registration on (Security): the same person now gets
    // an account with the organization's defaults at their first sign-in.
    await page.goto('/organization/settings');
    const security = page.getByRole('region', { name: 'Sécurité' });
    const autoRegister = security.getByRole('switch', { name: 'Inscrire automatiquement les comptes d’organisation' });
    await expect(autoRegister).not.toBeChecked();
    await autoRegister.click();
    await security.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Modifications enregistrées')).toBeVisible();
    // Earlier specs may have approved email domains: only a verified address in one of them is
    // registered then (the API tests cover that rule), so the stranger's address is in one.
    const domainsResponse = await page.request.get('/api/organization/approved-domains');
    expect(domainsResponse.status()).toBe(200);
    const approved = (await domainsResponse.json()) as { domains: string[] };
    if (approved.domains.length) accounts.set(`stranger-${s}`, { sub: `stranger-${s}`, email: `stranger.${s}@${approved.domains[0]}`, email_verified: true });
    await stranger.goto('/sign-in?organization=demo');
    await stranger.getByRole('link', { name: `Se connecter avec ${providerName}` }).click();
    // The provider remembers the person (its session): straight back, or through its pages again.
    if (await stranger.locator('input[name="login"]').isVisible({ timeout: 3000 }).catch(() => false)) await signInAtProvider(stranger, `stranger-${s}`);
    else if (await stranger.getByRole('button', { name: /continue/i }).isVisible().catch(() => false)) await stranger.getByRole('button', { name: /continue/i }).click();
    await expect(stranger.getByRole('button', { name: /^Menu du compte de stranger\./ })).toBeVisible();
    expect(await findMember(page.request, `stranger-${s}`)).toMatchObject({ identityType: 'oidc', status: 'active', userType: { key: 'creator' } });
    await strangerContext.close();
  } finally {
    await apiPatch(page, '/api/organization', { autoRegisterOrgLogins: false });
    await peer?.close();
    const mine = (await providers(page)).find((p) => p.name === providerName);
    if (mine) expect((await apiWrite(page.request, 'DELETE', `/api/identity-providers/${mine.id}`)).status()).toBe(200);
  }
});

test('an org-login CSV file with the example rows of the reference document imports, with their identity type', async ({ page }) => {
  test.setTimeout(120_000);
  const s = uniqueSuffix();
  await signInAsAdmin(page);
  // Both SAML and OpenID Connect configured: the file says which for each row (as the example's Identity Type column does).
  const keys = makeCertificate();
  const saml = await apiWrite(page.request, 'POST', '/api/identity-providers', {
    type: 'saml',
    name: `ADFS ${s}`,
    metadataXml: idpMetadata({ entityId: `https://adfs-${s}.example.test/adfs`, ssoUrl: `https://adfs-${s}.example.test/adfs/ls`, certBase64: keys.certBase64 }),
  });
  expect(saml.status(), await saml.text()).toBe(201);
  const oidc = await apiWrite(page.request, 'POST', '/api/identity-providers', { type: 'oidc', name: `Entra ${s}`, issuer: 'https://login.example.test/tenant/v2.0', clientId: 'sesame', clientSecret: 'secret-of-the-test' });
  expect(oidc.status(), await oidc.text()).toBe(201);
  const providerIds = [((await saml.json()) as { id: string }).id, ((await oidc.json()) as { id: string }).id];
  try {
    // The reference document's example (with this portal's user types; unique usernames per run).
    const csv = [
      'Email,Role,User Type,First Name,Last Name,Username,Identity Type',
      `jcho.${s}@email.com,publisher,Professional Plus,Jon,Cho,jcho11-${s},SAML`,
      `srajhandas.${s}@email.com,viewer,Viewer,Satish,Rajhandas,srajhandas-${s},SAML`,
    ].join('\r\n');

    await openWizard(page);
    await page.getByRole('radio', { name: /Identifiants de connexion de l’organisation/ }).click();
    await page.getByRole('radio', { name: 'Nouveaux membres à partir d’un fichier' }).click();
    await chooseMode(page, 'credentials');
    await next(page);
    await expect(wizardStep(page, 'Fichier')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Modèle en français' })).toHaveAttribute('href', /format=org-login/);
    await page.locator('input[type="file"]').setInputFiles({ name: `comptes-organisation-${s}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    await expect(wizardStep(page, 'Compiler la liste des membres')).toBeVisible();
    await expect(page.getByTestId('import-row')).toHaveCount(2);
    await expect(page.getByTestId('import-counts')).toContainText('2\u00A0lignes');
    await expect(page.getByTestId('import-counts')).toContainText('2\u00A0valides · 0\u00A0en erreur');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'wizard: org-login file rows');
    await next(page);
    await expect(wizardStep(page, 'Définir les propriétés des membres')).toBeVisible();
    await next(page);
    await expect(wizardStep(page, 'Résumé')).toBeVisible();
    await expect(page.getByText(`Comptes d’organisation, importés du fichier «\u00A0comptes-organisation-${s}.csv\u00A0»`)).toBeVisible();
    await expect(page.getByText('Pas de mot de passe\u00A0: ces membres se connectent avec le compte de leur organisation')).toBeVisible();
    await expect(page.getByText('mots de passe temporaires')).toHaveCount(0);
    await page.getByRole('button', { name: 'Importer les membres' }).click();
    await expect(page.getByTestId('wizard-result-title')).toHaveText('2\u00A0membres importés');

    const jon = await findMember(page.request, `jcho11-${s}`);
    expect(jon).toMatchObject({ identityType: 'saml', firstName: 'Jon', lastName: 'Cho', role: { key: 'publisher' }, userType: { key: 'professional_plus' } });
    const satish = await findMember(page.request, `srajhandas-${s}`);
    expect(satish).toMatchObject({ identityType: 'saml', role: { key: 'viewer' }, userType: { key: 'viewer' } });
  } finally {
    for (const id of providerIds) {
      expect((await apiWrite(page.request, 'DELETE', `/api/identity-providers/${id}`)).status()).toBe(200);
    }
  }
});
