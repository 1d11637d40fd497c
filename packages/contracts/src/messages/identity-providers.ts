import type { MessageCode, Wording } from './wording.ts';

/** Refusals about identity providers (issue 16, organization logins). Part of the one table (table.ts). */
export const identityProviderWordings = {
  secrets_key_missing: {
    en: () => 'This server has no SECRETS_KEY to encrypt the secret with; its operator must set one before a secret can be saved',
    fr: () => 'Ce serveur n’a pas de SECRETS_KEY pour chiffrer le secret ; son exploitant doit en définir une avant qu’un secret puisse être enregistré',
  },
  saml_metadata_invalid: {
    en: (p) => `These metadata can’t be used: ${p.reason === 'no_sso' ? 'they name no single sign-on address' : p.reason === 'no_certificate' ? 'they hold no signing certificate' : p.reason === 'no_entity' ? 'they name no IdP entity id' : 'this is not SAML metadata XML'}`,
    fr: (p) => `Ces métadonnées sont inutilisables : ${p.reason === 'no_sso' ? 'elles n’indiquent aucune adresse d’authentification unique' : p.reason === 'no_certificate' ? 'elles ne contiennent aucun certificat de signature' : p.reason === 'no_entity' ? 'elles n’indiquent pas l’identifiant d’entité du fournisseur' : 'ce n’est pas un XML de métadonnées SAML'}`,
  },
  saml_settings_missing: {
    en: () => 'Give the IdP’s metadata, or its sign-on address, certificate and entity id',
    fr: () => 'Indiquez les métadonnées du fournisseur, ou son adresse de connexion, son certificat et son identifiant d’entité',
  },
  certificate_invalid: {
    en: () => 'This is not an X.509 certificate (PEM, or base64 DER)',
    fr: () => 'Ce n’est pas un certificat X.509 (PEM, ou DER en base64)',
  },
  field_not_for_type: {
    en: (p) => `This field is not for ${p.type === 'saml' ? 'a SAML' : 'an OpenID Connect'} provider`,
    fr: (p) => `Ce champ ne concerne pas un fournisseur ${p.type === 'saml' ? 'SAML' : 'OpenID Connect'}`,
  },
} satisfies Partial<Record<MessageCode, Wording>>;
