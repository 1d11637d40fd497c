import { levelNames } from './messages/wording.ts';
import { identityTypeLabels, memberStatusLabels } from './members-export.ts';

export type Words = { en: string; fr: string };

/**
 * Every action the API writes to the audit log, with its label in each language: the Activity
 * page and its CSV export both read them from here (issue 13, item 13). The API's `audit()`
 * accepts only these, so a new action cannot be written without words.
 */
export const auditActionLabels = {
  'member.created': { en: 'Member added', fr: 'Membre ajouté' },
  'member.invited': { en: 'Member invited', fr: 'Membre invité' },
  'member.activated': { en: 'Account activated', fr: 'Compte activé' },
  'member.registered': { en: 'Registered at first sign-in', fr: 'Inscrit à la première connexion' },
  'member.updated': { en: 'Member updated', fr: 'Membre modifié' },
  'member.privileges_changed': { en: 'Privileges changed', fr: 'Privilèges modifiés' },
  'member.thumbnail_changed': { en: 'Picture changed', fr: 'Photo changée' },
  'member.thumbnail_removed': { en: 'Picture removed', fr: 'Photo retirée' },
  'member.password_reset': { en: 'Password reset', fr: 'Mot de passe réinitialisé' },
  'member.password_changed': { en: 'Password changed', fr: 'Mot de passe changé' },
  'member.disabled': { en: 'Member disabled', fr: 'Membre désactivé' },
  'member.enabled': { en: 'Member enabled', fr: 'Membre réactivé' },
  'member.ownership_transferred': { en: 'Ownership transferred', fr: 'Propriété transférée' },
  'member.deleted': { en: 'Member deleted', fr: 'Membre supprimé' },
  'member.unregistered': { en: 'Member unregistered', fr: 'Membre désinscrit' },
  'invitation.resent': { en: 'Invitation resent', fr: 'Invitation renvoyée' },
  'invitation.revoked': { en: 'Invitation revoked', fr: 'Invitation révoquée' },
  'import.created': { en: 'File import uploaded', fr: 'Import de fichier déposé' },
  'import.committed': { en: 'File import committed', fr: 'Import de fichier validé' },
  'access_request.confirmed': { en: 'Access request confirmed', fr: 'Demande d’accès confirmée' },
  'access_request.changed': { en: 'Access request changed by the requester', fr: 'Demande d’accès modifiée par le demandeur' },
  'access_request.granted': { en: 'Access request granted', fr: 'Demande d’accès acceptée' },
  'access_request.auto_granted': { en: 'Access request granted automatically', fr: 'Demande d’accès approuvée automatiquement' },
  'access_request.auto_approval_failed': { en: 'Automatic approval not possible', fr: 'Approbation automatique impossible' },
  'access_request.denied': { en: 'Access request denied', fr: 'Demande d’accès refusée' },
  'auth.sign_in_failed': { en: 'Sign-in failed', fr: 'Échec de connexion' },
  'auth.sign_in_refused': { en: 'Sign-in refused', fr: 'Connexion refusée' },
  'auth.sso_signed_in': { en: 'Signed in with an organization login', fr: 'Connexion avec un compte d’organisation' },
  'auth.sso_refused': { en: 'Organization login refused', fr: 'Compte d’organisation refusé' },
  'members.exported': { en: 'Members exported', fr: 'Membres exportés' },
  'organization.created': { en: 'Organization created', fr: 'Organisation créée' },
  'organization.seeded': { en: 'Demonstration organization created', fr: 'Organisation de démonstration créée' },
  'organization.updated': { en: 'Organization settings changed', fr: 'Paramètres de l’organisation modifiés' },
  'organization.approved_domains_changed': { en: 'Approved domains changed', fr: 'Domaines approuvés modifiés' },
  'organization.contacts_changed': { en: 'Contacts changed', fr: 'Contacts modifiés' },
  'category.created': { en: 'Category created', fr: 'Catégorie créée' },
  'category.renamed': { en: 'Category renamed', fr: 'Catégorie renommée' },
  'category.deleted': { en: 'Category deleted', fr: 'Catégorie supprimée' },
  'group.created': { en: 'Group created', fr: 'Groupe créé' },
  'group.updated': { en: 'Group updated', fr: 'Groupe modifié' },
  'group.deleted': { en: 'Group deleted', fr: 'Groupe supprimé' },
  'group.members_added': { en: 'Members added to a group', fr: 'Membres ajoutés à un groupe' },
  'group.members_removed': { en: 'Members removed from a group', fr: 'Membres retirés d’un groupe' },
  'license.created': { en: 'Licence created', fr: 'Licence créée' },
  'license.updated': { en: 'Licence updated', fr: 'Licence modifiée' },
  'license.deleted': { en: 'Licence deleted', fr: 'Licence supprimée' },
  'license.assigned': { en: 'Licence assigned', fr: 'Licence attribuée' },
  'license.unassigned': { en: 'Licence withdrawn', fr: 'Licence retirée' },
  'user_type.updated': { en: 'User type updated', fr: 'Type d’utilisateur modifié' },
  'role.created': { en: 'Role created', fr: 'Rôle créé' },
  'role.updated': { en: 'Role updated', fr: 'Rôle modifié' },
  'role.deleted': { en: 'Role deleted', fr: 'Rôle supprimé' },
  'identity_provider.created': { en: 'Identity provider added', fr: 'Fournisseur d’identité ajouté' },
  'identity_provider.updated': { en: 'Identity provider updated', fr: 'Fournisseur d’identité modifié' },
  'identity_provider.deleted': { en: 'Identity provider deleted', fr: 'Fournisseur d’identité supprimé' },
} as const satisfies Record<string, Words>;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];
export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(auditActionLabels, action);

/**
 * Every field an audit event's before/after may carry, in the order the Activity page lists
 * them (a stable order, whatever the order the event was written in).
 */
export const auditFieldLabels = {
  // Who
  username: { en: 'Username', fr: 'Nom d’utilisateur' },
  key: { en: 'Key', fr: 'Clé' },
  name: { en: 'Name', fr: 'Nom' },
  nameFr: { en: 'French name', fr: 'Nom en français' },
  slug: { en: 'Address', fr: 'Adresse' },
  firstName: { en: 'First name', fr: 'Prénom' },
  lastName: { en: 'Last name', fr: 'Nom' },
  email: { en: 'Email address', fr: 'Adresse e-mail' },
  message: { en: 'Message', fr: 'Message' },
  description: { en: 'Description', fr: 'Description' },
  country: { en: 'Country', fr: 'Pays' },
  status: { en: 'Status', fr: 'Statut' },
  identityType: { en: 'Sign-in', fr: 'Connexion' },
  administrator: { en: 'Administrator', fr: 'Administrateur' },
  via: { en: 'Created by', fr: 'Créée par' },
  // What they hold
  role: { en: 'Role', fr: 'Rôle' },
  userType: { en: 'User type', fr: 'Type d’utilisateur' },
  licenses: { en: 'Licences', fr: 'Licences' },
  groups: { en: 'Groups', fr: 'Groupes' },
  categories: { en: 'Categories', fr: 'Catégories' },
  levels: { en: 'Own levels', fr: 'Niveaux propres' },
  isAdministrator: { en: 'Administrator role', fr: 'Rôle d’administrateur' },
  privileges: { en: 'Privileges', fr: 'Privilèges' },
  roles: { en: 'Roles', fr: 'Rôles' },
  userTypes: { en: 'User types', fr: 'Types d’utilisateur' },
  // Settings
  profileVisibility: { en: 'Profile visibility', fr: 'Visibilité du profil' },
  language: { en: 'Language', fr: 'Langue' },
  units: { en: 'Units', fr: 'Unités' },
  locale: { en: 'Format', fr: 'Format' },
  startPage: { en: 'Home page', fr: 'Page d’accueil' },
  settings: { en: 'Default settings', fr: 'Réglages par défaut' },
  usernameFormat: { en: 'Username format', fr: 'Format des noms d’utilisateur' },
  allowAdminAtCreation: { en: 'Administrator role at creation', fr: 'Rôle d’administrateur à la création' },
  invitationTtlDays: { en: 'Invitation validity (days)', fr: 'Validité des invitations (jours)' },
  autoRegisterOrgLogins: { en: 'Register organization logins automatically', fr: 'Inscrire automatiquement les comptes d’organisation' },
  defaultRole: { en: 'Default role', fr: 'Rôle par défaut' },
  defaultUserType: { en: 'Default user type', fr: 'Type d’utilisateur par défaut' },
  allowedIdentityTypes: { en: 'Allowed sign-in methods', fr: 'Modes de connexion autorisés' },
  defaultGroups: { en: 'Default groups', fr: 'Groupes par défaut' },
  defaultLicenses: { en: 'Default licences', fr: 'Licences par défaut' },
  // Groups, licences
  owner: { en: 'Owner', fr: 'Propriétaire' },
  isDefault: { en: 'Default group', fr: 'Groupe par défaut' },
  seats: { en: 'Seats', fr: 'Places' },
  seatsUsed: { en: 'Seats used', fr: 'Places occupées' },
  assignments: { en: 'Members holding it', fr: 'Membres titulaires' },
  memberCount: { en: 'Members', fr: 'Membres' },
  members: { en: 'Members', fr: 'Membres' },
  membersCount: { en: 'Number of members', fr: 'Nombre de membres' },
  content: { en: 'Content transferred', fr: 'Contenu transféré' },
  groupsTransferred: { en: 'Groups transferred', fr: 'Groupes transférés' },
  // Account
  thumbnail: { en: 'Picture', fr: 'Photo' },
  mustChangePassword: { en: 'Password change required', fr: 'Changement de mot de passe exigé' },
  sessionsEnded: { en: 'Sessions ended', fr: 'Sessions fermées' },
  expiresAt: { en: 'Expires', fr: 'Expire le' },
  // Requests, sign-ins
  reason: { en: 'Reason', fr: 'Motif' },
  code: { en: 'Why', fr: 'Cause' },
  fields: { en: 'Refusals', fr: 'Refus' },
  member: { en: 'Member', fr: 'Membre' },
  memberId: { en: 'Member', fr: 'Membre' },
  accessRequest: { en: 'Access request', fr: 'Demande d’accès' },
  accessRequestId: { en: 'Access request', fr: 'Demande d’accès' },
  // How members were added
  mode: { en: 'How added', fr: 'Mode d’ajout' },
  format: { en: 'File format', fr: 'Format du fichier' },
  importId: { en: 'File import', fr: 'Import de fichier' },
  row: { en: 'File row', fr: 'Ligne du fichier' },
  roleId: { en: 'Role', fr: 'Rôle' },
  userTypeId: { en: 'User type', fr: 'Type d’utilisateur' },
  total: { en: 'Rows', fr: 'Lignes' },
  valid: { en: 'Valid rows', fr: 'Lignes valides' },
  invalid: { en: 'Rows with errors', fr: 'Lignes en erreur' },
  fileErrors: { en: 'File errors', fr: 'Erreurs du fichier' },
  // Contacts, domains
  primary: { en: 'Primary contact', fr: 'Contact principal' },
  secondary: { en: 'Secondary contacts', fr: 'Contacts secondaires' },
  domains: { en: 'Approved domains', fr: 'Domaines approuvés' },
  requestReminderHours: { en: 'Request reminder (hours)', fr: 'Rappel des demandes (heures)' },
  // Exports
  filters: { en: 'Filters', fr: 'Filtres' },
  q: { en: 'Search', fr: 'Recherche' },
  sort: { en: 'Sorted by', fr: 'Tri' },
  order: { en: 'Order', fr: 'Ordre' },
  columns: { en: 'Columns', fr: 'Colonnes' },
  lang: { en: 'Language', fr: 'Langue' },
  count: { en: 'Rows', fr: 'Lignes' },
  complete: { en: 'Complete', fr: 'Complet' },
  // Identity providers, organization logins
  type: { en: 'Protocol', fr: 'Protocole' },
  provider: { en: 'Identity provider', fr: 'Fournisseur d’identité' },
  subject: { en: 'Identifier at the provider', fr: 'Identifiant chez le fournisseur' },
  issuer: { en: 'Issuer', fr: 'Émetteur' },
  clientId: { en: 'Client ID', fr: 'Identifiant client' },
  clientSecret: { en: 'Client secret', fr: 'Secret client' },
  scopes: { en: 'Scopes', fr: 'Portées' },
  entryPoint: { en: 'Sign-in address', fr: 'Adresse de connexion' },
  idpIssuer: { en: 'Provider’s entity ID', fr: 'Identifiant d’entité du fournisseur' },
  idpCertFingerprints: { en: 'Signing certificates', fr: 'Certificats de signature' },
} as const satisfies Record<string, Words>;

export type AuditField = keyof typeof auditFieldLabels;
export const auditFields = Object.keys(auditFieldLabels) as AuditField[];
/** Each field's place in the Activity page's stable order. */
export const fieldRank = new Map<string, number>(auditFields.map((f, i) => [f, i]));

/** Coded values, by the field that carries them. Free text (names, a denial's reason) is shown as written. */
export const yesNo: Record<'true' | 'false', Words> = { true: { en: 'yes', fr: 'oui' }, false: { en: 'no', fr: 'non' } };
// One word per thing: the members export's words for identity types and statuses.
const identityWords: Record<string, Words> = identityTypeLabels;
const languageWords: Record<string, Words> = { fr: { en: 'French', fr: 'Français' }, en: { en: 'English', fr: 'Anglais' } };
export const auditValueLabels: Record<string, Record<string, Words>> = {
  status: {
    ...memberStatusLabels,
    granted: { en: 'Granted', fr: 'Accordée' },
    denied: { en: 'Denied', fr: 'Refusée' },
    validating: { en: 'Being checked', fr: 'En cours de vérification' },
    validated: { en: 'Checked', fr: 'Vérifié' },
    committing: { en: 'Being committed', fr: 'En cours de validation' },
    committed: { en: 'Committed', fr: 'Validé' },
    failed: { en: 'Failed', fr: 'En échec' },
  },
  mode: { invite: { en: 'Email invitation', fr: 'Invitation par e-mail' }, credentials: { en: 'Temporary password', fr: 'Mot de passe temporaire' } },
  format: { builtin: { en: 'Sésame accounts', fr: 'Comptes Sésame' }, 'org-login': { en: 'Organization logins', fr: 'Comptes d’organisation' } },
  reason: {
    invalid_credentials: { en: 'Incorrect credentials', fr: 'Identifiants incorrects' },
    member_disabled: { en: 'Member disabled', fr: 'Membre désactivé' },
    'approved email domain': { en: 'Approved email domain', fr: 'Domaine de messagerie approuvé' },
    provider_unavailable: { en: 'Identity provider unreachable', fr: 'Fournisseur d’identité injoignable' },
    request_expired: { en: 'Sign-in attempt expired', fr: 'Tentative de connexion expirée' },
    response_invalid: { en: 'Invalid response from the provider', fr: 'Réponse du fournisseur invalide' },
    unknown_account: { en: 'No member with this login', fr: 'Aucun membre avec ce compte' },
    registration_closed: { en: 'Automatic registration impossible with the defaults for new members', fr: 'Inscription automatique impossible avec les valeurs par défaut des nouveaux membres' },
    domain_not_approved: { en: 'Email domain not approved', fr: 'Domaine de messagerie non approuvé' },
    email_not_verified: { en: 'Email address not verified by the provider', fr: 'Adresse e-mail non vérifiée par le fournisseur' },
    seats_exhausted: { en: 'No seat left', fr: 'Plus aucune place' },
    email_missing: { en: 'No email address from the provider', fr: 'Aucune adresse e-mail du fournisseur' },
    username_taken: { en: 'Another member has this identifier as username', fr: 'Un autre membre a cet identifiant pour nom d’utilisateur' },
  },
  type: { oidc: { en: 'OpenID Connect', fr: 'OpenID Connect' }, saml: { en: 'SAML', fr: 'SAML' } },
  code: {
    existing_account: { en: 'A member already has this email address', fr: 'Un membre a déjà cette adresse e-mail' },
    missing_defaults: { en: 'No default role and user type', fr: 'Aucun rôle ni type d’utilisateur par défaut' },
    incompatible_role: { en: 'Default role not allowed for the default user type', fr: 'Rôle par défaut non autorisé pour le type d’utilisateur par défaut' },
    administrator_not_allowed: { en: 'The Administrator role is never given automatically', fr: 'Le rôle Administrateur n’est jamais donné automatiquement' },
    incompatible_license: { en: 'Default licence not allowed for the default user type', fr: 'Licence par défaut non autorisée pour le type d’utilisateur par défaut' },
    subject_too_long: { en: 'Identifier longer than 128 characters', fr: 'Identifiant de plus de 128 caractères' },
  },
  via: { setup: { en: 'First-run setup', fr: 'Configuration initiale' } },
  identityType: identityWords,
  allowedIdentityTypes: identityWords,
  language: languageWords,
  lang: languageWords,
  units: { metric: { en: 'Metric', fr: 'Métriques' }, imperial: { en: 'Imperial', fr: 'Impériales' } },
  profileVisibility: {
    private: { en: 'Private', fr: 'Privé' },
    organization: { en: 'Organization', fr: 'Organisation' },
    everyone: { en: 'Everyone', fr: 'Tout le monde' },
  },
  startPage: {
    home: { en: 'Home', fr: 'Accueil' },
    members: { en: 'Members', fr: 'Membres' },
    groups: { en: 'Groups', fr: 'Groupes' },
    content: { en: 'Content', fr: 'Contenu' },
  },
  usernameFormat: {
    'first.last': { en: 'first.last', fr: 'prénom.nom' },
    firstlast: { en: 'firstlast', fr: 'prénomnom' },
    flast: { en: 'flast (initial and last name)', fr: 'pnom (initiale et nom)' },
    first_last: { en: 'first_last', fr: 'prénom_nom' },
    email: { en: 'Email address', fr: 'Adresse e-mail' },
  },
  thumbnail: {
    'image/png': { en: 'PNG image', fr: 'Image PNG' },
    'image/jpeg': { en: 'JPEG image', fr: 'Image JPEG' },
    'image/webp': { en: 'WebP image', fr: 'Image WebP' },
    'image/gif': { en: 'GIF image', fr: 'Image GIF' },
  },
  order: { asc: { en: 'Ascending', fr: 'Croissant' }, desc: { en: 'Descending', fr: 'Décroissant' } },
  levels: levelNames,
};

/** An access request's statuses, as its status page says them. */
export const requestStatusWords: Record<string, Words> = {
  unconfirmed: { en: 'Not confirmed', fr: 'Non confirmée' },
  pending: { en: 'Awaiting a decision', fr: 'En attente de décision' },
  granted: { en: 'Granted', fr: 'Accordée' },
  denied: { en: 'Denied', fr: 'Refusée' },
};
