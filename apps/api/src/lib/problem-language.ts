import type { FieldError } from './field-error.ts';

/**
 * French `detail` of the common 4xx, for callers whose Accept-Language prefers French. Only
 * codes whose English detail says nothing more than the code are translated (plus request
 * validation, which names the fields); other details stay English, and clients that need
 * every word translated use `code` and `errors[].code`.
 */
const fixedFrench: Record<string, string> = {
  invalid_credentials: 'Identifiant ou mot de passe incorrect',
  member_disabled: 'Ce compte est désactivé. Contactez votre administrateur.',
  unauthenticated: 'Vous devez vous connecter',
  csrf_failed: 'En-tête X-CSRF-Token absent ou invalide ; obtenez-en un avec GET /api/auth/csrf',
  password_change_required: 'Vous devez changer votre mot de passe avant toute autre action',
  forbidden: 'Vous n’avez pas l’autorisation de faire cela',
  not_found: 'Introuvable',
  wrong_password: 'Le mot de passe actuel est incorrect',
  invitation_expired: 'Cette invitation a expiré. Demandez à votre administrateur de vous en envoyer une nouvelle.',
  invitation_used: 'Cette invitation a déjà été utilisée. Connectez-vous avec votre identifiant et votre mot de passe.',
  invitation_revoked: 'Cette invitation n’est plus valable. Demandez-en une nouvelle à votre administrateur.',
  owns_content: 'Ce membre possède du contenu ou des groupes ; transférez-les à un autre membre avant de supprimer ce compte.',
  last_administrator: 'L’organisation doit garder au moins un administrateur actif ; nommez d’abord un autre administrateur.',
  own_account: 'Vous ne pouvez pas faire cela à votre propre compte.',
  already_disabled: 'Ce membre est déjà désactivé.',
  not_disabled: 'Ce membre n’est pas désactivé.',
  enterprise_login: 'Ce membre se connecte avec un compte d’organisation ; son mot de passe est géré par ce fournisseur d’identité, pas ici.',
  not_activated: 'Ce membre n’a pas encore activé son compte ; renvoyez-lui plutôt l’invitation.',
  administrator_required: 'Seul un administrateur peut faire cela.',
  not_pending: 'Ce membre n’attend plus d’activation ; il n’y a pas d’invitation à renvoyer.',
  malformed_json: 'Le corps de la requête n’est pas un JSON valide.',
  malformed_url: 'L’adresse de la requête n’est pas valide.',
  payload_too_large: 'Le corps de la requête dépasse la taille acceptée.',
  unsupported_media_type: 'Ce type de contenu n’est pas accepté ici.',
  uri_too_long: 'Un segment de l’adresse est trop long.',
  method_not_allowed: 'Cette méthode n’est pas acceptée à cette adresse.',
};

/** A byte count as the file-size refusals say it: MiB from 1 MiB up, otherwise bytes. */
export function fileSize(bytes: number, lang: 'en' | 'fr'): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return lang === 'fr' ? `${bytes} octets` : `${bytes} bytes`;
  const n = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return lang === 'fr' ? `${n.replace('.', ',')} Mio` : `${n} MiB`;
}

/** True when the Accept-Language header ranks French above English (absent: English). */
export function prefersFrench(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: string; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.trim().split('-')[0]!;
    if (lang !== 'fr' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang === 'fr';
}

/** `already_decided`: who decided (its extension members), said in French. */
function alreadyDecidedFrench(extensions: Record<string, unknown> | undefined): string | undefined {
  const decision = extensions?.decision;
  const by = extensions?.decidedBy as { kind?: string; fullName?: string; username?: string } | undefined;
  if ((decision !== 'granted' && decision !== 'denied') || !by) return undefined;
  const at = typeof extensions?.decidedAt === 'string' ? new Date(extensions.decidedAt) : null;
  const when = at && !Number.isNaN(at.getTime()) ? ` le ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} (UTC)` : '';
  const who = by.kind === 'automatic' ? 'automatiquement (domaine approuvé)' : by.kind === 'member' ? `par ${by.fullName || by.username} (${by.username})` : 'par un ancien membre';
  return `Cette demande a déjà été ${decision === 'granted' ? 'accordée' : 'refusée'} ${who}${when}.`;
}

/** The French detail for this problem, or undefined to keep the English one. */
export function frenchDetail(
  status: number,
  code: string,
  errors: FieldError[] | undefined,
  headers: Record<string, string> | undefined,
  extensions?: Record<string, unknown>,
): string | undefined {
  if (code === 'already_decided') return alreadyDecidedFrench(extensions);
  if (code === 'file_too_large' && typeof extensions?.maxBytes === 'number') {
    return `Le fichier dépasse les ${fileSize(extensions.maxBytes, 'fr')} qu’un import accepte ; découpez-le en plusieurs fichiers.`;
  }
  if (code === 'rate_limited') {
    const seconds = Number(headers?.['retry-after']);
    return Number.isFinite(seconds) && seconds > 0
      ? `Trop de tentatives. Réessayez dans ${Math.ceil(seconds / 60)} minute(s).`
      : 'Trop de requêtes. Réessayez dans quelques instants.';
  }
  if (code === 'validation_failed' && errors?.length) {
    const paths = [...new Set(errors.map((e) => e.path))];
    return `${errors.length > 1 ? `${errors.length} valeurs sont invalides` : 'Une valeur est invalide'} : ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}. Rien n’a été enregistré.`;
  }
  if (status >= 500) return undefined;
  return fixedFrench[code];
}
