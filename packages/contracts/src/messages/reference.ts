import { n, q, type MessageCode, type MessageParams, type Wording } from './wording.ts';

/** `1 member` / `3 members`, `1 membre` / `3 membres` (French: 0 and 1 are singular). */
const members = (p: MessageParams, lang: 'en' | 'fr') => {
  const count = n(p, 'count');
  if (lang === 'fr') return `${count} ${count > 1 ? 'membres' : 'membre'}`;
  return `${count} ${count === 1 ? 'member' : 'members'}`;
};
const item = (p: MessageParams, lang: 'en' | 'fr') => q(lang === 'fr' ? (p.itemFr ?? p.item) : p.item, lang);

/** Refusals of the reference data administration (issue 15). Part of the one table (table.ts). */
export const referenceWordings = {
  name_taken: {
    en: (p, l) => `The name ${q(p.value, l)} is already used; choose another`,
    fr: (p, l) => `Le nom ${q(p.value, l)} est déjà utilisé ; choisissez-en un autre`,
  },
  seats_below_used: {
    en: (p) => `${n(p, 'used')} ${n(p, 'used') === 1 ? 'seat is' : 'seats are'} in use: the seats can’t be fewer than ${n(p, 'used')} (${n(p, 'seats')} asked)`,
    fr: (p) => `${n(p, 'used')} ${n(p, 'used') > 1 ? 'places sont occupées' : 'place est occupée'} : le nombre de places ne peut pas être inférieur à ${n(p, 'used')} (vous en demandez ${n(p, 'seats')})`,
  },
  compatibility_in_use: {
    en: (p, l) => `${members(p, 'en')} of ${item(p, l)} still ${n(p, 'count') === 1 ? 'relies' : 'rely'} on it; change ${n(p, 'count') === 1 ? 'that member' : 'them'} first`,
    fr: (p, l) => `${members(p, 'fr')} de ${item(p, l)} en ${n(p, 'count') > 1 ? 'dépendent' : 'dépend'} encore ; modifiez d’abord ${n(p, 'count') > 1 ? 'ces membres' : 'ce membre'}`,
  },
  license_in_use: {
    en: (p, l) => `The licence ${q(p.name, l)} is assigned to ${members(p, 'en')}; confirm removing it from them to delete it`,
    fr: (p, l) => `La licence ${q(p.name, l)} est attribuée à ${members(p, 'fr')} ; confirmez son retrait pour la supprimer`,
  },
  built_in_role: {
    en: (p, l) => `${p.role ? `The role ${q(p.role, l)}` : 'This role'} is built in: it can’t be ${p.action === 'delete' ? 'deleted' : 'changed'}; create a custom role instead`,
    fr: (p, l) => `${p.roleFr ?? p.role ? `Le rôle ${q(p.roleFr ?? p.role, l)}` : 'Ce rôle'} est prédéfini : il ne peut pas être ${p.action === 'delete' ? 'supprimé' : 'modifié'} ; créez plutôt un rôle personnalisé`,
  },
  role_in_use: {
    en: (p, l) =>
      p.reason === 'default_role'
        ? `The role ${q(p.role, l)} is the default role for new members; choose another default role first`
        : `The role ${q(p.role, l)} is held by ${members(p, 'en')}; give ${n(p, 'count') === 1 ? 'that member' : 'them'} another role first`,
    fr: (p, l) =>
      p.reason === 'default_role'
        ? `Le rôle ${q(p.roleFr ?? p.role, l)} est le rôle par défaut des nouveaux membres ; choisissez d’abord un autre rôle par défaut`
        : `Le rôle ${q(p.roleFr ?? p.role, l)} est attribué à ${members(p, 'fr')} ; attribuez-${n(p, 'count') > 1 ? 'leur' : 'lui'} d’abord un autre rôle`,
  },
} satisfies Partial<Record<MessageCode, Wording>>;
