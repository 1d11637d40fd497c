import type { Language, PrivilegeArea } from '../enums.ts';
import type { ConflictReason, ForbiddenAction, NotFoundWhat, ProblemParams } from './problem-params.ts';
import { areaNames, levelNames, n, q, type Wording } from './wording.ts';

/**
 * The wordings of the refusals that name what was refused and why (`forbidden`, `not_found`,
 * `conflict`, the member-management refusals), made of the params their raisers pass
 * (problem-params.ts). Part of the one table (table.ts), with problems.ts.
 */

const actions: Record<ForbiddenAction, { en: string; fr: string }> = {
  import_members: { en: 'Importing members', fr: 'L’import de membres' },
  add_members: { en: 'Adding members', fr: 'L’ajout de membres' },
  manage_invitations: { en: 'Managing invitations', fr: 'La gestion des invitations' },
  export_members: { en: 'Exporting members', fr: 'L’export des membres' },
  change_member: { en: 'Changing this member', fr: 'La modification de ce membre' },
  change_picture: { en: 'Changing this member’s picture', fr: 'La modification de la photo de ce membre' },
};

const area = (a: PrivilegeArea | undefined, lang: Language) => (a ? (areaNames[a]?.[lang] ?? a.replace(/_/g, ' ')) : '');
const level = (l: string | undefined, lang: Language) => levelNames[l ?? '']?.[lang] ?? l ?? '';

/** `reporting (yours: View), members (yours: None)`: the areas given above the giver's own levels. */
function aboveOwn(p: ProblemParams['forbidden'], lang: Language): string {
  const levels = (p.levels ?? '').split(',').map((l) => l.trim());
  return (p.areas ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a, i) => {
      const own = levels[i] ? ` (${lang === 'fr' ? 'le vôtre\u00a0: ' : 'yours: '}${level(levels[i], lang)})` : '';
      return `${area(a as PrivilegeArea, lang)}${own}`;
    })
    .join(', ');
}

const forbidden: Wording<ProblemParams['forbidden']> = {
  en: (p) => {
    if (p.required === 'administrator') return 'Only administrators may do this';
    if (p.required === 'contact') return 'Only the primary and secondary contacts of the organization can do this';
    if (p.required === 'primary_contact') return p.action === 'primary_levels' ? 'Only the primary contact can change the primary contact’s levels' : 'Only the primary contact can name or remove contacts';
    if (p.reason === 'levels_above_own') return `You cannot give levels above your own: ${aboveOwn(p, 'en')}`;
    if (p.reason === 'directory_search') return 'Without the View level on members, the directory can only be searched and sorted by name';
    if (p.area && p.level) {
      const what = p.action && p.action in actions ? actions[p.action as ForbiddenAction].en : 'This';
      return `${what} requires the ${level(p.level, 'en')} level on ${area(p.area, 'en')}${p.orArea ? ` or on ${area(p.orArea, 'en')}` : ''}`;
    }
    return 'You do not have permission to do this';
  },
  fr: (p) => {
    if (p.required === 'administrator') return 'Seuls les administrateurs peuvent faire cela';
    if (p.required === 'contact') return 'Seuls les contacts principal et secondaires de l’organisation peuvent faire cela';
    if (p.required === 'primary_contact') return p.action === 'primary_levels' ? 'Seul le contact principal peut changer les niveaux du contact principal' : 'Seul le contact principal peut nommer ou retirer des contacts';
    if (p.reason === 'levels_above_own') return `Vous ne pouvez pas donner de niveaux au-dessus des vôtres : ${aboveOwn(p, 'fr')}`;
    if (p.reason === 'directory_search') return 'Sans le niveau Consulter sur les membres, l’annuaire ne peut être recherché et trié que par nom';
    if (p.area && p.level) {
      const what = p.action && p.action in actions ? actions[p.action as ForbiddenAction].fr : 'Cette action';
      return `${what} demande le niveau ${level(p.level, 'fr')} sur ${q(area(p.area, 'fr'), 'fr')}${p.orArea ? ` ou sur ${q(area(p.orArea, 'fr'), 'fr')}` : ''}`;
    }
    return 'Vous n’avez pas l’autorisation de faire cela';
  },
};

const things: Record<NotFoundWhat, { en: string; fr: string }> = {
  member: { en: 'Member not found', fr: 'Membre introuvable' },
  access_request: { en: 'Access request not found', fr: 'Demande d’accès introuvable' },
  invitation: { en: 'Invitation not found', fr: 'Invitation introuvable' },
  outstanding_invitation: { en: 'This member has no outstanding invitation', fr: 'Ce membre n’a pas d’invitation en cours' },
  import: { en: 'Import not found', fr: 'Import introuvable' },
  row: { en: 'Row not found', fr: 'Ligne introuvable' },
  picture: { en: 'Picture not found', fr: 'Photo introuvable' },
  message: { en: 'Message not found', fr: 'Message introuvable' },
  member_category: { en: 'Member category not found', fr: 'Catégorie de membres introuvable' },
  group: { en: 'Group not found', fr: 'Groupe introuvable' },
  license: { en: 'Licence not found', fr: 'Licence introuvable' },
  user_type: { en: 'User type not found', fr: 'Type d’utilisateur introuvable' },
  identity_provider: { en: 'Identity provider not found', fr: 'Fournisseur d’identité introuvable' },
};

const notFound: Wording<ProblemParams['not_found']> = {
  en: (p) => {
    if (p.rows) return `No row ${p.rows} in this import; nothing was removed`;
    if (p.method && p.path) return `No route for ${p.method} ${p.path}`;
    return p.what && p.what in things ? things[p.what].en : 'Not found';
  },
  fr: (p) => {
    if (p.rows) return `Aucune ligne ${p.rows} dans cet import ; rien n’a été retiré`;
    if (p.method && p.path) return `Aucune route pour ${p.method} ${p.path}`;
    return p.what && p.what in things ? things[p.what].fr : 'Introuvable';
  },
};

type ConflictTemplate = (p: ProblemParams['conflict']) => string;
const conflicts: Record<ConflictReason, { en: ConflictTemplate; fr: ConflictTemplate }> = {
  unconfirmed: {
    en: () => 'The requester has not confirmed their email address yet; the request cannot be decided',
    fr: () => 'Le demandeur n’a pas encore confirmé son adresse e-mail ; la demande ne peut pas encore être traitée',
  },
  not_decided: { en: () => 'The request could not be decided; try again', fr: () => 'La demande n’a pas pu être traitée ; réessayez' },
  username_taken: {
    en: (p) => `The username ${p.username ?? ''} was just taken; choose another one and try again`,
    fr: (p) => `Le nom d’utilisateur ${p.username ?? ''} vient d’être pris ; choisissez-en un autre puis réessayez`,
  },
  usernames_taken: {
    en: () => 'One of these usernames was just taken by another request; check the list and try again',
    fr: () => 'L’un de ces noms d’utilisateur vient d’être pris par une autre requête ; vérifiez la liste puis réessayez',
  },
  import_validating: { en: () => 'The file is still being checked', fr: () => 'Le fichier est encore en cours de vérification' },
  import_not_committed: { en: () => 'This import is not committed yet: it has created no member', fr: () => 'Cet import n’est pas encore validé : il n’a créé aucun membre' },
  import_committing: { en: () => 'The import is being committed', fr: () => 'L’import est en cours d’enregistrement' },
  import_committed: { en: () => 'The import is already committed', fr: () => 'L’import est déjà enregistré' },
  import_failed: { en: () => 'The file could not be read; upload a corrected file', fr: () => 'Le fichier n’a pas pu être lu ; chargez un fichier corrigé' },
  import_locked: { en: () => 'The import cannot be changed now', fr: () => 'L’import ne peut pas être modifié pour le moment' },
  import_changed: { en: () => 'This import changed meanwhile; reload it and try again', fr: () => 'Cet import a changé entre-temps ; rechargez-le puis réessayez' },
  rows_with_errors: {
    en: (p) => (n(p, 'count') > 1 ? `${n(p, 'count')} rows still have errors: fix or remove them before importing` : `${n(p, 'count')} row still has errors: fix or remove it before importing`),
    fr: (p) =>
      n(p, 'count') > 1
        ? `${n(p, 'count')} lignes contiennent encore des erreurs : corrigez-les ou retirez-les avant l’import`
        : `${n(p, 'count')} ligne contient encore des erreurs : corrigez-la ou retirez-la avant l’import`,
  },
  no_rows_left: { en: () => 'There is no row left to import', fr: () => 'Il ne reste aucune ligne à importer' },
  commit_superseded: { en: () => 'This commit was superseded by a newer one', fr: () => 'Cet enregistrement a été remplacé par un plus récent' },
  owner_changed: {
    en: () => 'Some of the selected items changed owner in the meantime; reload and try again',
    fr: () => 'Certains des éléments choisis ont changé de propriétaire entre-temps ; rechargez la page puis réessayez',
  },
};

const conflict: Wording<ProblemParams['conflict']> = {
  en: (p) => (p.reason && p.reason in conflicts ? conflicts[p.reason].en(p) : 'This changed meanwhile; reload and try again.'),
  fr: (p) => (p.reason && p.reason in conflicts ? conflicts[p.reason].fr(p) : 'Cela a changé entre-temps ; rechargez la page puis réessayez.'),
};

const lastAdministratorActions = {
  delete: { en: 'delete', fr: 'supprimer le dernier administrateur' },
  disable: { en: 'disable', fr: 'désactiver le dernier administrateur' },
  demote: { en: 'demote', fr: 'retirer le rôle d’administrateur au dernier administrateur' },
} as const;
const ownAccountActions = {
  delete: { en: 'delete', fr: 'supprimer' },
  disable: { en: 'disable', fr: 'désactiver' },
  enable: { en: 'enable', fr: 'réactiver' },
} as const;
const administratorActions = {
  reset_password: { en: 'Only administrators can reset passwords', fr: 'Seuls les administrateurs peuvent réinitialiser les mots de passe' },
  disable_administrator: { en: 'Only administrators can disable or enable an administrator', fr: 'Seuls les administrateurs peuvent désactiver ou réactiver un administrateur' },
  delete_administrator: { en: 'Only administrators can delete an administrator', fr: 'Seuls les administrateurs peuvent supprimer un administrateur' },
  change_administrator: { en: 'Only administrators can change an administrator', fr: 'Seuls les administrateurs peuvent modifier un administrateur' },
} as const;

export const refusalWordings = {
  forbidden,
  not_found: notFound,
  conflict,
  owns_content: {
    en: (p) =>
      p.content !== undefined && p.groups !== undefined
        ? `${p.username ? `Member ${p.username}` : 'This member'} owns ${p.content} content item(s) and ${p.groups} group(s); transfer them to another member before deleting this account`
        : 'This member owns content or groups; transfer them to another member before deleting the account.',
    fr: (p) =>
      p.content !== undefined && p.groups !== undefined
        ? `${p.username ? `Le membre ${p.username}` : 'Ce membre'} possède ${p.content} élément(s) de contenu et ${p.groups} groupe(s) ; transférez-les à un autre membre avant de supprimer ce compte`
        : 'Ce membre possède du contenu ou des groupes ; transférez-les à un autre membre avant de supprimer ce compte.',
  },
  last_administrator: {
    en: (p) =>
      p.action && p.action in lastAdministratorActions
        ? `You cannot ${lastAdministratorActions[p.action].en} the organization's last administrator; make another member an administrator first`
        : 'The organization must keep at least one active administrator; make another member an administrator first.',
    fr: (p) =>
      p.action && p.action in lastAdministratorActions
        ? `Vous ne pouvez pas ${lastAdministratorActions[p.action].fr} de l’organisation ; nommez d’abord un autre administrateur`
        : 'L’organisation doit garder au moins un administrateur actif ; nommez d’abord un autre administrateur.',
  },
  own_account: {
    en: (p) => (p.action && p.action in ownAccountActions ? `You cannot ${ownAccountActions[p.action].en} your own account` : 'You cannot do this to your own account.'),
    fr: (p) => (p.action && p.action in ownAccountActions ? `Vous ne pouvez pas ${ownAccountActions[p.action].fr} votre propre compte` : 'Vous ne pouvez pas faire cela à votre propre compte.'),
  },
  administrator_required: {
    en: (p) => (p.action && p.action in administratorActions ? administratorActions[p.action].en : 'Only an administrator can do this.'),
    fr: (p) => (p.action && p.action in administratorActions ? administratorActions[p.action].fr : 'Seul un administrateur peut faire cela.'),
  },
} satisfies { [C in 'forbidden' | 'not_found' | 'conflict' | 'owns_content' | 'last_administrator' | 'own_account' | 'administrator_required']: Wording<ProblemParams[C]> };
