import { importFr } from '../features/add-members/import/messages.fr.ts';
import { accessRequestsFr } from '../features/access-requests/messages.fr.ts';
import { contactsFr } from '../features/contacts/messages.fr.ts';
import { authFr } from '../features/auth/messages.fr.ts';
import { membersFr } from '../features/members/messages.fr.ts';
import { addMembersFr } from '../features/add-members/messages.fr.ts';
import { welcomeFr } from '../features/welcome/messages.fr.ts';
import { devMailFr } from '../features/dev-mail/messages.fr.ts';
import { activityFr } from '../features/activity/messages.fr.ts';
import { setupFr } from '../features/setup/messages.fr.ts';
import { organizationSettingsFr } from '../features/organization-settings/messages.fr.ts';
import { groupsFr } from '../features/groups/messages.fr.ts';
import { rolesFr } from '../features/roles/messages.fr.ts';
import { licensesFr } from '../features/licenses/messages.fr.ts';
// French is the reference language: every key is defined here first, and `en.ts` must
// mirror this shape exactly (the type checker enforces it).
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const fr = {
  app: {
    name: 'Sésame',
    tagline: 'Administration des membres de votre organisation',
    skipToContent: 'Aller au contenu principal',
  },
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    never: 'Jamais',
    togglePassword: 'Afficher ou masquer la saisie',
    back: 'Précédent',
    next: 'Suivant',
    cancel: 'Annuler',
    edit: 'Modifier',
    copied: 'Copié',
    unsaved: 'Modifications non enregistrées',
    save: 'Enregistrer',
    discard: 'Annuler les modifications',
    saved: 'Modifications enregistrées',
    saveFailed: 'Les modifications n’ont pas été enregistrées',
    closeDialog: 'Fermer la fenêtre',
    readOnly: 'Consultation seule\u00A0: il vous faut le niveau «\u00A0Mettre à jour\u00A0» sur «\u00A0{{area}}\u00A0» pour modifier.',
  },
  notifications: {
    close: 'Fermer la notification',
  },
  language: {
    label: 'Langue',
    switchTo: 'Langue\u00A0: {{language}}. Changer de langue',
    button: 'Langue\u00A0: {{language}}, {{code}}. Changer de langue',
    fr: 'Français',
    en: 'English',
  },
  nav: {
    label: 'Navigation principale',
    toggle: 'Afficher ou masquer la navigation',
    sections: {
      directory: 'Annuaire',
      administration: 'Administration',
      development: 'Développement',
    },
    members: 'Membres',
    addMembers: 'Ajouter des membres',
    accessRequests: 'Demandes d’accès',
    groups: 'Groupes',
    licenses: 'Licences',
    activity: 'Activité',
    organizationSettings: 'Paramètres de l’organisation',
    roles: 'Rôles',
    contacts: 'Contacts et privilèges',
    devMail: 'E-mails interceptés',
  },
  userMenu: {
    open: 'Menu du compte de {{name}}',
    button: 'Menu du compte de {{name}}, {{role}}',
    signedInAs: 'Connecté en tant que',
    changePassword: 'Changer le mot de passe',
    signOut: 'Se déconnecter',
  },
  flash: {
    passwordChanged: 'Votre mot de passe a été modifié.',
    accountActivated: 'Votre compte est activé. Bienvenue\u00A0!',
    dismiss: 'Fermer le message',
  },
  ...authFr,
  ...membersFr,
  import: importFr,
  accessRequests: accessRequestsFr,
  contacts: contactsFr,
  ...addMembersFr,
  ...welcomeFr,
  ...devMailFr,
  ...activityFr,
  ...setupFr,
  ...organizationSettingsFr,
  ...groupsFr,
  ...rolesFr,
  ...licensesFr,
  // Privilege areas and levels, shared by every screen that shows them.
  privileges: {
    areas: {
      manage_access: 'Gérer l’accès',
      members: 'Membres',
      licenses: 'Licences et types d’utilisateur',
      groups: 'Groupes et catégories',
      content: 'Contenu',
      reporting: 'Rapports',
      contact_updates: 'Mises à jour des contacts',
      organization_settings: 'Paramètres de l’organisation',
      contact_update_preview: 'Aperçu de la mise à jour des contacts',
      account_documents: 'Documents liés au compte',
    },
    levels: {
      none: 'Aucun',
      view: 'Consulter',
      update: 'Mettre à jour',
    },
  },
  errors: {
    /** This locale's language: the refusals' words come from the contracts' table (lib/problem-message.ts). */
    language: 'fr',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    unexpected: 'Une erreur inattendue s’est produite. Réessayez dans un instant.',
    invalidResponse: 'Le serveur a renvoyé une réponse inattendue.',
    validation: 'Certains champs sont invalides. Corrigez-les puis réessayez.',
    notFound: {
      title: 'Page introuvable',
      body: 'La page demandée n’existe pas ou a été déplacée.',
    },
    forbidden: {
      title: 'Accès refusé',
      body: 'Vous n’avez pas les droits nécessaires pour consulter cette page.',
    },
    generic: {
      title: 'Un problème est survenu',
    },
    backHome: 'Retour à l’accueil',
    reload: 'Recharger la page',
  },
};

export type Messages = typeof fr;
