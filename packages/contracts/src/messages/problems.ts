import { n, has, fileSize, decidedWhen, decidedWho, type MessageCode, type Wording } from './wording.ts';

/** The problems' wordings (`code` of a problem document; its `detail`). Part of the one table (table.ts). */
export const problemWordings = {
  validation_failed: {
    en: (p) => (has(p, 'details') ? `${p.details}` : has(p, 'paths') ? `${n(p, 'count') > 1 ? `${n(p, 'count')} values are invalid` : 'A value is invalid'}: ${p.paths}. Nothing was saved.` : 'Some values are invalid. Correct them and try again.'),
    fr: (p) => (has(p, 'details') ? `${p.details}` : has(p, 'paths') ? `${n(p, 'count') > 1 ? `${n(p, 'count')} valeurs sont invalides` : 'Une valeur est invalide'} : ${p.paths}. Rien n’a été enregistré.` : 'Certaines valeurs sont invalides. Corrigez-les puis réessayez.'),
  },
  invalid_credentials: { en: () => 'Incorrect username or password', fr: () => 'Identifiant ou mot de passe incorrect' },
  member_disabled: {
    en: () => 'This account is disabled. Contact your administrator.',
    fr: () => 'Ce compte est désactivé. Contactez votre administrateur.',
  },
  rate_limited: {
    en: (p) => (n(p, 'retryAfter') > 0 ? `Too many attempts. Try again in ${Math.ceil(n(p, 'retryAfter') / 60)} minute(s).` : 'Too many requests. Try again in a moment.'),
    fr: (p) => (n(p, 'retryAfter') > 0 ? `Trop de tentatives. Réessayez dans ${Math.ceil(n(p, 'retryAfter') / 60)} minute(s).` : 'Trop de requêtes. Réessayez dans quelques instants.'),
  },
  unauthenticated: { en: () => 'You need to sign in (your session may have expired)', fr: () => 'Vous devez vous connecter (votre session a peut-être expiré)' },
  // The API's English detail names the header (X-CSRF-Token, GET /api/auth/csrf) for developers.
  csrf_failed: {
    en: () => 'This page has expired. Reload it and try again.',
    fr: () => 'La page a expiré. Rechargez-la puis réessayez.',
  },
  password_change_required: {
    en: () => 'You must change your password before doing anything else',
    fr: () => 'Vous devez changer votre mot de passe avant toute autre action',
  },
  forbidden: { en: () => 'You do not have permission to do this', fr: () => 'Vous n’avez pas l’autorisation de faire cela' },
  not_found: { en: () => 'Not found', fr: () => 'Introuvable' },
  conflict: {
    en: () => 'This changed meanwhile; reload and try again.',
    fr: () => 'Cela a changé entre-temps ; rechargez la page puis réessayez.',
  },
  internal_error: { en: () => 'An unexpected error occurred', fr: () => 'Une erreur inattendue s’est produite' },
  seats_exhausted: {
    en: (p) => (has(p, 'details') ? `Not enough seats: ${p.details}` : 'No seat is left for this user type or licence.'),
    fr: (p) => (has(p, 'details') ? `Pas assez de places : ${p.details}` : 'Il ne reste aucune place pour ce type d’utilisateur ou cette licence.'),
  },
  invitation_expired: {
    en: () => 'This invitation has expired. Ask your administrator to send a new one.',
    fr: () => 'Cette invitation a expiré. Demandez à votre administrateur de vous en envoyer une nouvelle.',
  },
  invitation_used: {
    en: () => 'This invitation has already been used. Sign in with your username and password.',
    fr: () => 'Cette invitation a déjà été utilisée. Connectez-vous avec votre identifiant et votre mot de passe.',
  },
  invitation_revoked: {
    en: () => 'This invitation is no longer valid. Ask your administrator for a new one.',
    fr: () => 'Cette invitation n’est plus valable. Demandez-en une nouvelle à votre administrateur.',
  },
  already_decided: {
    en: (p) => (p.decision === 'granted' || p.decision === 'denied' ? `This request was already ${p.decision}${decidedWho(p, 'en')}${decidedWhen(p, 'en')}.` : 'This access request was already decided.'),
    fr: (p) =>
      p.decision === 'granted' || p.decision === 'denied'
        ? `Cette demande a déjà été ${p.decision === 'granted' ? 'accordée' : 'refusée'}${decidedWho(p, 'fr')}${decidedWhen(p, 'fr')}.`
        : 'Cette demande d’accès a déjà été traitée.',
  },
  owns_content: {
    en: () => 'This member owns content or groups; transfer them to another member before deleting the account.',
    fr: () => 'Ce membre possède du contenu ou des groupes ; transférez-les à un autre membre avant de supprimer ce compte.',
  },
  last_administrator: {
    en: () => 'The organization must keep at least one active administrator; make another member an administrator first.',
    fr: () => 'L’organisation doit garder au moins un administrateur actif ; nommez d’abord un autre administrateur.',
  },
  own_account: { en: () => 'You cannot do this to your own account.', fr: () => 'Vous ne pouvez pas faire cela à votre propre compte.' },
  already_disabled: { en: () => 'This member is already disabled.', fr: () => 'Ce membre est déjà désactivé.' },
  not_disabled: { en: () => 'This member is not disabled.', fr: () => 'Ce membre n’est pas désactivé.' },
  enterprise_login: {
    en: () => 'This member signs in with an organization login; their password is managed by that identity provider, not here.',
    fr: () => 'Ce membre se connecte avec un compte d’organisation ; son mot de passe est géré par ce fournisseur d’identité, pas ici.',
  },
  not_activated: {
    en: () => 'This member has not activated their account yet; resend the invitation instead.',
    fr: () => 'Ce membre n’a pas encore activé son compte ; renvoyez-lui plutôt l’invitation.',
  },
  administrator_required: { en: () => 'Only an administrator can do this.', fr: () => 'Seul un administrateur peut faire cela.' },
  not_pending: {
    en: () => 'This member is no longer waiting for activation; there is nothing to resend.',
    fr: () => 'Ce membre n’attend plus d’activation ; il n’y a pas d’invitation à renvoyer.',
  },
  file_too_large: {
    en: (p) => (has(p, 'maxBytes') ? `The file is larger than the ${fileSize(n(p, 'maxBytes'), 'en')} an import accepts; split it into several files.` : 'The file is larger than an import accepts; split it into several files.'),
    fr: (p) =>
      has(p, 'maxBytes') ? `Le fichier dépasse les ${fileSize(n(p, 'maxBytes'), 'fr')} qu’un import accepte ; découpez-le en plusieurs fichiers.` : 'Le fichier dépasse la taille qu’un import accepte ; découpez-le en plusieurs fichiers.',
  },
  malformed_json: { en: () => 'The request body is not valid JSON.', fr: () => 'Le corps de la requête n’est pas un JSON valide.' },
  malformed_url: { en: () => 'The URL is not valid (a bad percent-encoding).', fr: () => 'L’adresse de la requête n’est pas valide.' },
  payload_too_large: { en: () => 'The request body is larger than accepted.', fr: () => 'Le corps de la requête dépasse la taille acceptée.' },
  unsupported_media_type: { en: () => 'This content type is not accepted here.', fr: () => 'Ce type de contenu n’est pas accepté ici.' },
  uri_too_long: { en: () => 'A path segment of the URL is too long.', fr: () => 'Un segment de l’adresse est trop long.' },
  method_not_allowed: {
    en: (p) => (has(p, 'allow') ? `This method is not allowed here; use ${p.allow}.` : 'This method is not allowed here.'),
    fr: (p) => (has(p, 'allow') ? `Cette méthode n’est pas acceptée à cette adresse ; utilisez ${p.allow}.` : 'Cette méthode n’est pas acceptée à cette adresse.'),
  },
} satisfies Partial<Record<MessageCode, Wording>>;
