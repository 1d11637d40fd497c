import type { CreateIdentityProviderBody, IdentityProvider, PublicProvider, UpdateIdentityProviderBody } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { Config } from '../../config.ts';
import { audit, auditUpdate } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { assertNameFree, lockNames } from '../../lib/reference-names.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { certificateFingerprint, parseCertificates, parseIdpMetadata } from './saml-metadata.ts';

export type IdentityProviderDeps = { db: Db; config: Config; secrets: SecretBox | undefined };
type Client = { ip: string };

/** The purpose a sealed client secret is bound to (lib/secret-box.ts). */
export const CLIENT_SECRET_PURPOSE = 'identity-provider.client-secret';

const row = {
  id: true,
  organizationId: true,
  type: true,
  name: true,
  issuer: true,
  clientId: true,
  clientSecretSealed: true,
  scopes: true,
  samlMetadataXml: true,
  samlEntryPoint: true,
  samlIdpCert: true,
  samlIdpIssuer: true,
  createdAt: true,
  updatedAt: true,
} as const;
export type ProviderRow = {
  id: string;
  organizationId: string;
  type: 'oidc' | 'saml';
  name: string;
  issuer: string | null;
  clientId: string | null;
  clientSecretSealed: string | null;
  scopes: string | null;
  samlMetadataXml: string | null;
  samlEntryPoint: string | null;
  samlIdpCert: string | null;
  samlIdpIssuer: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What the provider said about the person, whatever the protocol. */
export type Identity = { subject: string; email: string | null; emailVerified: boolean; firstName: string | null; lastName: string | null };

/** Where the portal is reached from outside (PUBLIC_URL, else the request's own address). */
export type Base = { publicBase: string };

export const callbackPath = (id: string) => `/api/auth/sso/${id}/callback`;
export const spMetadataPath = (id: string) => `/api/identity-providers/${id}/saml/metadata`;
/** The service provider's entity id for one provider: its metadata address (unique and stable). */
export const spEntityId = (base: Base, id: string) => `${base.publicBase}${spMetadataPath(id)}`;

export function toDto(p: ProviderRow, base: Base): IdentityProvider {
  const certs = p.samlIdpCert ? p.samlIdpCert.split('\n').filter(Boolean) : [];
  return {
    id: p.id,
    type: p.type,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecretSealed !== null,
    scopes: p.scopes,
    entryPoint: p.samlEntryPoint,
    idpIssuer: p.samlIdpIssuer,
    idpCertFingerprints: certs.map((c) => certificateFingerprint(c) ?? ''),
    redirectUri: `${base.publicBase}${callbackPath(p.id)}`,
    spEntityId: p.type === 'saml' ? spEntityId(base, p.id) : null,
    spMetadataUrl: p.type === 'saml' ? `${base.publicBase}${spMetadataPath(p.id)}` : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const actor = (auth: AuthContext, client: Client) => ({ organizationId: auth.organizationId, actorId: auth.memberId, actorUsername: auth.username, ip: client.ip });

function seal(deps: IdentityProviderDeps, secret: string): string {
  if (!deps.secrets) throw new AppError(409, 'secrets_key_missing');
  return deps.secrets.seal(secret, CLIENT_SECRET_PURPOSE);
}

/** The SAML columns from what the administrator gave: the metadata, or the three values (the values win over the metadata's). */
function samlColumns(body: { metadataXml?: string | undefined; entryPoint?: string | undefined; idpCert?: string | undefined; idpIssuer?: string | undefined }, current?: ProviderRow) {
  const errors: FieldError[] = [];
  let fromMetadata: { entryPoint: string; certs: string[]; issuer: string } | undefined;
  if (body.metadataXml !== undefined) {
    const parsed = parseIdpMetadata(body.metadataXml);
    if ('problem' in parsed) errors.push({ path: 'metadataXml', code: 'saml_metadata_invalid', params: { reason: parsed.problem } });
    else fromMetadata = parsed;
  }
  let certs: string[] | undefined;
  if (body.idpCert !== undefined) {
    const parsed = parseCertificates(body.idpCert);
    if (!parsed) errors.push({ path: 'idpCert', code: 'certificate_invalid' });
    else certs = parsed;
  }
  if (errors.length) throw new AppError(400, 'validation_failed', { errors });
  const entryPoint = body.entryPoint ?? fromMetadata?.entryPoint ?? current?.samlEntryPoint ?? null;
  const issuer = body.idpIssuer ?? fromMetadata?.issuer ?? current?.samlIdpIssuer ?? null;
  const cert = certs?.join('\n') ?? fromMetadata?.certs.join('\n') ?? current?.samlIdpCert ?? null;
  const missing = [!entryPoint && 'entryPoint', !cert && 'idpCert', !issuer && 'idpIssuer'].filter((f): f is string => !!f);
  if (missing.length) throw new AppError(400, 'validation_failed', { errors: missing.map((path) => ({ path, code: 'saml_settings_missing' as const })) });
  return {
    samlMetadataXml: body.metadataXml ?? (body.entryPoint || body.idpCert || body.idpIssuer ? null : (current?.samlMetadataXml ?? null)),
    samlEntryPoint: entryPoint,
    samlIdpCert: cert,
    samlIdpIssuer: issuer,
  };
}

/** What the audit shows of a provider (never a secret; whether one is set). */
const audited = (p: Pick<ProviderRow, 'type' | 'name' | 'issuer' | 'clientId' | 'scopes' | 'samlEntryPoint' | 'samlIdpIssuer' | 'samlIdpCert' | 'clientSecretSealed'>) => ({
  type: p.type,
  name: p.name,
  ...(p.type === 'oidc'
    ? { issuer: p.issuer, clientId: p.clientId, scopes: p.scopes, clientSecret: p.clientSecretSealed ? 'set' : null }
    : { entryPoint: p.samlEntryPoint, idpIssuer: p.samlIdpIssuer, idpCertFingerprints: (p.samlIdpCert ?? '').split('\n').filter(Boolean).map((c) => certificateFingerprint(c)) }),
});

export async function listProviders({ db }: IdentityProviderDeps, auth: AuthContext, base: Base): Promise<IdentityProvider[]> {
  const rows = await db.identityProvider.findMany({ where: { organizationId: auth.organizationId }, select: row, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => toDto(r, base));
}

export async function getProvider({ db }: IdentityProviderDeps, organizationId: string, id: string): Promise<ProviderRow> {
  const found = await db.identityProvider.findFirst({ where: { id, organizationId }, select: row });
  if (!found) throw notFound('identity_provider');
  return found;
}

export async function createProvider(deps: IdentityProviderDeps, auth: AuthContext, body: CreateIdentityProviderBody, base: Base, client: Client): Promise<IdentityProvider> {
  const data =
    body.type === 'oidc'
      ? { type: 'oidc' as const, name: body.name, issuer: body.issuer, clientId: body.clientId, clientSecretSealed: seal(deps, body.clientSecret), scopes: body.scopes || null }
      : { type: 'saml' as const, name: body.name, ...samlColumns(body) };
  return deps.db.$transaction(async (tx) => {
    await lockNames(tx, auth.organizationId, 'identity-provider');
    await assertNameFree((where) => tx.identityProvider.findFirst({ where, select: { id: true } }), auth.organizationId, body.name);
    const created = await tx.identityProvider.create({ data: { organizationId: auth.organizationId, ...data }, select: row });
    await audit(tx, { ...actor(auth, client), action: 'identity_provider.created', targetType: 'identity_provider', targetId: created.id, targetLabel: created.name, after: audited(created) });
    return toDto(created, base);
  });
}

const oidcFields = ['issuer', 'clientId', 'clientSecret', 'scopes'] as const;
const samlFields = ['metadataXml', 'entryPoint', 'idpCert', 'idpIssuer'] as const;

export async function updateProvider(deps: IdentityProviderDeps, auth: AuthContext, id: string, body: UpdateIdentityProviderBody, base: Base, client: Client): Promise<IdentityProvider> {
  return deps.db.$transaction(async (tx) => {
    await lockNames(tx, auth.organizationId, 'identity-provider');
    const current = await tx.identityProvider.findFirst({ where: { id, organizationId: auth.organizationId }, select: row });
    if (!current) throw notFound('identity_provider');
    const foreign = (current.type === 'oidc' ? samlFields : oidcFields).filter((f) => body[f] !== undefined);
    if (foreign.length) throw new AppError(400, 'validation_failed', { errors: foreign.map((path) => ({ path, code: 'field_not_for_type' as const, params: { type: current.type } })) });
    if (body.name !== undefined && body.name !== current.name) await assertNameFree((where) => tx.identityProvider.findFirst({ where, select: { id: true } }), auth.organizationId, body.name, id);
    const data =
      current.type === 'oidc'
        ? {
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.issuer !== undefined ? { issuer: body.issuer } : {}),
            ...(body.clientId !== undefined ? { clientId: body.clientId } : {}),
            ...(body.clientSecret !== undefined ? { clientSecretSealed: seal(deps, body.clientSecret) } : {}),
            ...(body.scopes !== undefined ? { scopes: body.scopes || null } : {}),
          }
        : { ...(body.name !== undefined ? { name: body.name } : {}), ...(samlFields.some((f) => body[f] !== undefined) ? samlColumns(body, current) : {}) };
    const updated = await tx.identityProvider.update({ where: { id }, data, select: row });
    const before = audited(current);
    const after = { ...audited(updated), ...(body.clientSecret !== undefined ? { clientSecret: 'changed' } : {}) };
    await auditUpdate(tx, { ...actor(auth, client), action: 'identity_provider.updated', targetType: 'identity_provider', targetId: id, targetLabel: updated.name }, before, after, ['name', 'issuer', 'clientId', 'clientSecret', 'scopes', 'entryPoint', 'idpIssuer', 'idpCertFingerprints']);
    return toDto(updated, base);
  });
}

export async function deleteProvider({ db }: IdentityProviderDeps, auth: AuthContext, id: string, client: Client): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const current = await tx.identityProvider.findFirst({ where: { id, organizationId: auth.organizationId }, select: row });
    if (!current) throw notFound('identity_provider');
    await tx.identityProvider.delete({ where: { id } });
    await audit(tx, { ...actor(auth, client), action: 'identity_provider.deleted', targetType: 'identity_provider', targetId: id, targetLabel: current.name, before: audited(current) });
    return { id, name: current.name };
  });
}

/** The sign-in page's buttons: an organization's providers by name (public: names only). */
export async function publicProviders({ db }: Pick<IdentityProviderDeps, 'db'>, slug: string): Promise<PublicProvider[]> {
  return db.identityProvider.findMany({ where: { organization: { slug } }, select: { id: true, type: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
