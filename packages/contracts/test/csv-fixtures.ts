import type { CsvLookups } from '../src/index.ts';

const allRoles = ['viewer', 'data_editor', 'user', 'publisher', 'administrator'].map((k) => `role-${k}`);

/**
 * The built-in roles and user types of packages/db's seed, plus the two user types the
 * reference page's examples use ("Editor", "GIS Professional Advanced").
 */
export const lookups: CsvLookups = {
  roles: [
    { id: 'role-viewer', key: 'viewer', nameEn: 'Viewer', nameFr: 'Lecteur' },
    { id: 'role-data_editor', key: 'data_editor', nameEn: 'Data Editor', nameFr: 'Éditeur de données' },
    { id: 'role-user', key: 'user', nameEn: 'User', nameFr: 'Utilisateur' },
    { id: 'role-publisher', key: 'publisher', nameEn: 'Publisher', nameFr: 'Éditeur' },
    { id: 'role-administrator', key: 'administrator', nameEn: 'Administrator', nameFr: 'Administrateur', isAdministrator: true },
  ],
  userTypes: [
    { id: 'ut-viewer', key: 'viewer', nameEn: 'Viewer', nameFr: 'Lecteur', compatibleRoleIds: ['role-viewer'] },
    { id: 'ut-contributor', key: 'contributor', nameEn: 'Contributor', nameFr: 'Contributeur', compatibleRoleIds: ['role-viewer', 'role-data_editor'] },
    { id: 'ut-creator', key: 'creator', nameEn: 'Creator', nameFr: 'Créateur', compatibleRoleIds: allRoles },
    { id: 'ut-professional', key: 'professional', nameEn: 'Professional', nameFr: 'Professionnel', compatibleRoleIds: allRoles },
    { id: 'ut-editor', key: 'editor', nameEn: 'Editor', nameFr: 'Éditeur', compatibleRoleIds: allRoles },
    { id: 'ut-gis-pro-adv', key: 'gis_professional_advanced', nameEn: 'GIS Professional Advanced', nameFr: 'SIG Professionnel Avancé', compatibleRoleIds: allRoles },
  ],
};

/** The examples of the product's CSV help page, line for line. */
export const documented = {
  builtin: [
    'Email,Role,User Type,First Name,Last Name,Username,Password',
    'jcho11@email.com,publisher,Creator,Jon,Cho,jcho11,jcho.1234',
    'srajhandas@email.com,viewer,Viewer,Satish,Rajhandas,srajhandas,sraj.abcd1',
  ],
  'org-login': [
    'Email,Role,User Type,First Name,Last Name,Username,Identity Type',
    'jcho@email.com,publisher,GIS Professional Advanced,Jon,Cho,jcho11,SAML',
    'srajhandas@email.com,viewer,Viewer,Satish,Rajhandas,srajhandas,SAML',
  ],
  ldap: ['Username,Role,User Type', 'jcho11,publisher,Editor', 'srajhandas,viewer,Viewer'],
} as const;

/** The same headers as the French page writes them (with its typographic apostrophes). */
export const frenchHeaders = {
  builtin: 'E-mail,Rôle,Type d’utilisateur,Prénom,Nom,Nom d’utilisateur,Mot de passe',
  'org-login': 'Adresse électronique,Rôle,Type d’utilisateur,Prénom,Nom,Nom d’utilisateur,Type d’entité',
  ldap: 'Nom d’utilisateur,Rôle,Type d’utilisateur',
} as const;
