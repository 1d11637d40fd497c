import { z } from 'zod';
import { MultiLineText, SingleLineText, nonBlank } from './text.ts';

/**
 * Identity providers for organization logins (issue 16; shared/API.md, "Organization logins").
 * Secrets are write-only: a provider answers `hasClientSecret`, never the secret.
 */
export const IdentityProviderIdParams = z.object({ id: z.uuid('The id must be a UUID') });

const Name = SingleLineText.trim().min(1, 'A name is required').max(100, 'A name has at most 100 characters').meta(nonBlank);
/**
 * An http(s) address with a host name or an IPv4 address. The pattern is the document's (so a
 * client sees the rule); the URL parser has the last word.
 */
const octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const label = '[A-Za-z0-9]+(-[A-Za-z0-9]+)*';
const port = '(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})';
const lastLabel = '[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*';
const httpUrlPattern = new RegExp(`^https?://((${label}\\.)*${lastLabel}|${octet}(\\.${octet}){3})(:${port})?(/[^\\s]*)?$`, 'u');
const HttpUrl = SingleLineText.trim()
  .max(2000, 'An address has at most 2000 characters')
  .regex(httpUrlPattern, 'Give an address starting with https://')
  .refine((v) => {
    try {
      return Boolean(new URL(v));
    } catch {
      return false;
    }
  }, 'Give an address starting with https://');
const ClientId = SingleLineText.trim().min(1, 'A client id is required').max(500, 'A client id has at most 500 characters');
const ClientSecret = SingleLineText.min(1, 'A client secret is required').max(2000, 'A client secret has at most 2000 characters');
/** Space-separated scopes; `openid` is always asked. */
const Scopes = SingleLineText.trim()
  .max(500, 'The scopes have at most 500 characters')
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$|^$/, 'Scopes are words separated by spaces');
const MetadataXml = MultiLineText.min(1, 'The metadata are required').max(200_000, 'The metadata have at most 200,000 characters');
const Certificate = MultiLineText.min(1, 'A certificate is required').max(20_000, 'The certificate has at most 20,000 characters');
const EntityId = SingleLineText.trim().min(1, 'An entity id is required').max(1000, 'An entity id has at most 1000 characters');

export const CreateOidcProviderBody = z
  .object({ type: z.literal('oidc'), name: Name, issuer: HttpUrl, clientId: ClientId, clientSecret: ClientSecret, scopes: Scopes.optional() })
  .strict();
export const CreateSamlProviderBody = z
  .object({
    type: z.literal('saml'),
    name: Name,
    /** The IdP's metadata XML; or the three values below. */
    metadataXml: MetadataXml.optional(),
    entryPoint: HttpUrl.optional(),
    idpCert: Certificate.optional(),
    idpIssuer: EntityId.optional(),
  })
  .strict();
export const CreateIdentityProviderBody = z.discriminatedUnion('type', [CreateOidcProviderBody, CreateSamlProviderBody]);
export type CreateIdentityProviderBody = z.infer<typeof CreateIdentityProviderBody>;

/** Any of the fields of its type; a secret not given is kept. */
export const UpdateIdentityProviderBody = z
  .object({
    name: Name,
    issuer: HttpUrl,
    clientId: ClientId,
    clientSecret: ClientSecret,
    scopes: Scopes,
    metadataXml: MetadataXml,
    entryPoint: HttpUrl,
    idpCert: Certificate,
    idpIssuer: EntityId,
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateIdentityProviderBody = z.infer<typeof UpdateIdentityProviderBody>;

export const IdentityProvider = z.object({
  id: z.string(),
  type: z.enum(['oidc', 'saml']),
  name: z.string(),
  /** OIDC */
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  hasClientSecret: z.boolean(),
  scopes: z.string().nullable(),
  /** SAML: the IdP's values as used. */
  entryPoint: z.string().nullable(),
  idpIssuer: z.string().nullable(),
  /** SHA-256 fingerprints of the IdP's signing certificates. */
  idpCertFingerprints: z.array(z.string()),
  /** What to give the identity provider: where it sends people back, and (SAML) our entity id and metadata. */
  redirectUri: z.string(),
  spEntityId: z.string().nullable(),
  spMetadataUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const IdentityProviderList = z.array(IdentityProvider);

/** The sign-in page's buttons (public). */
export const PublicProvidersQuery = z.object({ organization: SingleLineText.trim().min(1, 'The organization is required').max(100, 'An organization identifier has at most 100 characters') }).strict();
export const PublicProvider = z.object({ id: z.string(), type: z.enum(['oidc', 'saml']), name: z.string() });
export const PublicProviderList = z.array(PublicProvider);
export type PublicProvider = z.infer<typeof PublicProvider>;

/** Why an organization-login sign-in failed: the sign-in page words it (`?sso_error=`). */
export const SsoFailureReason = z.enum([
  'provider_unavailable',
  'request_expired',
  'response_invalid',
  'unknown_account',
  'member_disabled',
  'registration_closed',
  'domain_not_approved',
  'email_not_verified',
  'seats_exhausted',
  'email_missing',
  'username_taken',
]);
export type SsoFailureReason = z.infer<typeof SsoFailureReason>;

export const SsoStartQuery = z.object({ purpose: z.enum(['sign_in', 'test']).optional() }).strict();
