import type { ErrorCode } from '../problem.ts';
import type { ProblemParams, ValidationReason } from './problem-params.ts';
import { refusalWordings } from './refusals.ts';
import { n, has, fileSize, decidedWhen, decidedWho, type Wording } from './wording.ts';

const invalidBecause: Record<ValidationReason, { en: (maxBytes: number) => string; fr: (maxBytes: number) => string }> = {
  no_password_here: {
    en: () => 'Accounts that sign in with an organization login have no password here',
    fr: () => 'Les comptes qui se connectent avec un compte d’organisation n’ont pas de mot de passe ici',
  },
  image_empty: { en: () => 'The image is empty', fr: () => 'L’image est vide' },
  image_too_large: { en: (max) => `The image must be at most ${fileSize(max, 'en')}`, fr: (max) => `L’image doit faire au plus ${fileSize(max, 'fr')}` },
  image_type: { en: () => 'The picture must be a PNG, JPEG, WebP or GIF image', fr: () => 'La photo doit être une image PNG, JPEG, WebP ou GIF' },
  unstorable_value: {
    en: () => 'The request holds a value that cannot be stored (a control character or a malformed id)',
    fr: () => 'La requête contient une valeur qui ne peut pas être enregistrée (un caractère de contrôle ou un identifiant mal formé)',
  },
  bad_request: { en: () => 'The request is not valid', fr: () => 'La requête n’est pas valide' },
};
const outcomes = { created: 'créé', saved: 'enregistré', changed: 'modifié', transferred: 'transféré' } as const;

/** Problems the table words here or in refusals.ts; the others share a field error's wording (fields.ts). */
type WordedHere = Exclude<ErrorCode, 'weak_password' | 'wrong_password' | 'setup_done' | 'setup_token_invalid' | 'slug_taken' | 'name_taken' | 'seats_below_used' | 'compatibility_in_use' | 'license_in_use' | 'secrets_key_missing'>;

/**
 * The problems' wordings (`code` of a problem document; its `detail`), each made of its
 * code's params (problem-params.ts). Part of the one table (table.ts).
 */
export const problemWordings = {
  ...refusalWordings,
  validation_failed: {
    en: (p) => {
      if (p.reason && p.reason in invalidBecause) return invalidBecause[p.reason].en(n(p, 'maxBytes'));
      const list = has(p, 'fields') ? p.fields : p.paths;
      if (!list) return 'Some values are invalid. Correct them and try again.';
      const head = n(p, 'count') > 1 ? `${n(p, 'count')} values are invalid` : 'A value is invalid';
      return `${head}${p.outcome ? `; nothing was ${p.outcome}` : ''}. ${list}`;
    },
    fr: (p) => {
      if (p.reason && p.reason in invalidBecause) return invalidBecause[p.reason].fr(n(p, 'maxBytes'));
      const list = has(p, 'fields') ? p.fields : p.paths;
      if (!list) return 'Certaines valeurs sont invalides. Corrigez-les puis réessayez.';
      const head = n(p, 'count') > 1 ? `${n(p, 'count')} valeurs sont invalides` : 'Une valeur est invalide';
      return `${head}${p.outcome ? ` ; rien n’a été ${outcomes[p.outcome]}` : ''}. ${list}`;
    },
  },
  invalid_credentials: { en: () => 'Incorrect username or password', fr: () => 'Identifiant ou mot de passe incorrect' },
  member_disabled: {
    en: () => 'This account is disabled. Contact your administrator.',
    fr: () => 'Ce compte est désactivé. Contactez votre administrateur.',
  },
  rate_limited: {
    en: (p) => {
      const what = p.action === 'sign_in' ? 'sign-in attempts' : p.action === 'access_request' ? 'access requests' : p.action === 'setup_token' ? 'wrong setup tokens' : 'attempts';
      return n(p, 'retryAfter') > 0 ? `Too many ${what}. Try again in ${Math.ceil(n(p, 'retryAfter') / 60)} minute(s).` : 'Too many requests. Try again in a moment.';
    },
    fr: (p) => {
      const what = p.action === 'sign_in' ? 'tentatives de connexion' : p.action === 'access_request' ? 'demandes d’accès' : p.action === 'setup_token' ? 'jetons de configuration erronés' : 'tentatives';
      return n(p, 'retryAfter') > 0 ? `Trop de ${what}. Réessayez dans ${Math.ceil(n(p, 'retryAfter') / 60)} minute(s).` : 'Trop de requêtes. Réessayez dans quelques instants.';
    },
  },
  unauthenticated: { en: () => 'You need to sign in (your session may have expired)', fr: () => 'Vous devez vous connecter (votre session a peut-être expiré)' },
  csrf_failed: {
    en: () => 'This page has expired. Reload it and try again.',
    fr: () => 'La page a expiré. Rechargez-la puis réessayez.',
  },
  password_change_required: {
    en: () => 'You must change your password before doing anything else',
    fr: () => 'Vous devez changer votre mot de passe avant toute autre action',
  },
  internal_error: {
    en: (p) => (p.reason === 'database_unavailable' ? 'The database does not answer' : 'An unexpected error occurred'),
    fr: (p) => (p.reason === 'database_unavailable' ? 'La base de données ne répond pas' : 'Une erreur inattendue s’est produite'),
  },
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
  not_pending: {
    en: () => 'This member is no longer waiting for activation; there is nothing to resend.',
    fr: () => 'Ce membre n’attend plus d’activation ; il n’y a pas d’invitation à renvoyer.',
  },
  file_too_large: {
    en: (p) => (has(p, 'maxBytes') ? `The file is larger than the ${fileSize(n(p, 'maxBytes'), 'en')} an import accepts; split it into several files.` : 'The file is larger than an import accepts; split it into several files.'),
    fr: (p) =>
      has(p, 'maxBytes') ? `Le fichier dépasse les ${fileSize(n(p, 'maxBytes'), 'fr')} qu’un import accepte ; découpez-le en plusieurs fichiers.` : 'Le fichier dépasse la taille qu’un import accepte ; découpez-le en plusieurs fichiers.',
  },
  malformed_json: {
    en: (p) => (p.reason === 'empty' ? 'The request body is empty; send a JSON document.' : 'The request body is not valid JSON.'),
    fr: (p) => (p.reason === 'empty' ? 'Le corps de la requête est vide ; envoyez un document JSON.' : 'Le corps de la requête n’est pas un JSON valide.'),
  },
  malformed_url: { en: () => 'The URL is not valid (a bad percent-encoding).', fr: () => 'L’adresse de la requête n’est pas valide.' },
  payload_too_large: { en: () => 'The request body is larger than accepted.', fr: () => 'Le corps de la requête dépasse la taille acceptée.' },
  unsupported_media_type: { en: () => 'This content type is not accepted here.', fr: () => 'Ce type de contenu n’est pas accepté ici.' },
  uri_too_long: { en: () => 'A path segment of the URL is too long.', fr: () => 'Un segment de l’adresse est trop long.' },
  method_not_allowed: {
    en: (p) => `${p.method && p.path ? `${p.method} is not allowed on ${p.path}` : 'This method is not allowed here'}${has(p, 'allow') ? `; use ${p.allow}` : ''}.`,
    fr: (p) => `${p.method && p.path ? `La méthode ${p.method} n’est pas acceptée sur ${p.path}` : 'Cette méthode n’est pas acceptée à cette adresse'}${has(p, 'allow') ? ` ; utilisez ${p.allow}` : ''}.`,
  },
} satisfies { [C in WordedHere]: Wording<ProblemParams[C]> };
