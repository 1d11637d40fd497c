import { importFr } from '../features/add-members/import/messages.fr.ts';
import { accessRequestsFr } from '../features/access-requests/messages.fr.ts';
import { contactsFr } from '../features/contacts/messages.fr.ts';
import { authFr } from '../features/auth/messages.fr.ts';
import { membersFr } from '../features/members/messages.fr.ts';
import { addMembersFr } from '../features/add-members/messages.fr.ts';
import { welcomeFr } from '../features/welcome/messages.fr.ts';
import { devMailFr } from '../features/dev-mail/messages.fr.ts';
import { activityFr } from '../features/activity/messages.fr.ts';
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
    comingSoon: 'Bientôt',
    togglePassword: 'Afficher ou masquer la saisie',
    back: 'Précédent',
    next: 'Suivant',
    cancel: 'Annuler',
    edit: 'Modifier',
    copied: 'Copié',
  },
  notifications: {
    close: 'Fermer la notification',
  },
  language: {
    label: 'Langue',
    switchTo: 'Langue\u00A0: {{language}}. Changer de langue',
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
    contacts: 'Contacts et privilèges',
    devMail: 'Courriels interceptés',
  },
  userMenu: {
    open: 'Menu du compte de {{name}}',
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
  placeholder: {
    title: 'Bientôt disponible',
    body: 'Cette section est en cours de construction et arrivera dans une prochaine version de Sésame.',
    back: 'Retour aux membres',
  },
  ...activityFr,
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
    fileTooLarge: 'Le fichier dépasse les {{size}} qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.',
    sizeMiB: '{{count, number}}\u00A0Mio',
    sizeBytes: '{{count, number}}\u00A0octets',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    unexpected: 'Une erreur inattendue s’est produite. Réessayez dans un instant.',
    invalidResponse: 'Le serveur a renvoyé une réponse inattendue.',
    validation: 'Certains champs sont invalides. Corrigez-les puis réessayez.',
    codes: {
      invalid_credentials: 'Nom d’utilisateur ou mot de passe incorrect.',
      member_disabled: 'Ce compte est désactivé. Contactez un administrateur de votre organisation.',
      rate_limited: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
      unauthenticated: 'Votre session a expiré. Reconnectez-vous pour continuer.',
      password_change_required: 'Vous devez changer votre mot de passe avant de continuer.',
      csrf_failed: 'La page a expiré. Rechargez-la puis réessayez.',
      wrong_password: 'Le mot de passe actuel est incorrect.',
      weak_password:
        'Ce mot de passe est trop faible ou trop courant. Choisissez-en un autre.',
      forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
      not_found: 'L’élément demandé est introuvable.',
      invitation_expired: 'Cette invitation a expiré. Demandez à un administrateur de vous en envoyer une nouvelle.',
      invitation_used: 'Cette invitation a déjà été utilisée. Connectez-vous avec votre nom d’utilisateur et votre mot de passe.',
      invitation_revoked: 'Cette invitation n’est plus valable. Demandez à un administrateur de vous en envoyer une nouvelle.',
      already_decided: 'Cette demande d’accès a déjà été traitée.',
      owns_content: 'Ce membre possède du contenu ou des groupes\u00A0; transférez-les à un autre membre avant de le supprimer.',
      last_administrator: 'C’est le dernier administrateur actif de l’organisation\u00A0: nommez d’abord un autre administrateur.',
      own_account: 'Vous ne pouvez pas faire cela à votre propre compte.',
      already_disabled: 'Ce membre est déjà désactivé.',
      not_disabled: 'Ce membre n’est pas désactivé.',
      enterprise_login: 'Ce membre se connecte avec un compte d’organisation\u00A0; son mot de passe ne se gère pas ici.',
      not_activated: 'Ce membre n’a pas encore activé son compte\u00A0; renvoyez-lui l’invitation.',
      administrator_required: 'Seul un administrateur peut faire cela.',
      not_pending: 'Ce membre n’attend plus d’activation\u00A0; il n’y a pas d’invitation à renvoyer.',
      file_too_large: 'Le fichier dépasse la taille qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.',
      privilege_above_own: 'Ce rôle donne plus de privilèges que les vôtres.',
      incompatible_role: 'Ce rôle n’est pas compatible avec le type d’utilisateur du membre.',
      administrator_not_allowed: 'Le rôle Administrateur ne peut pas être donné ici (réservé aux administrateurs, et aux membres qui ont activé leur compte).',
      unknown_role: 'Ce rôle n’existe pas.',
      seats_exhausted: 'Il ne reste plus de place pour ce type d’utilisateur ou cette licence.',
      license_would_be_lost: 'Ce changement ferait perdre des licences au membre.',
      control_character: 'Ce texte contient un caractère de contrôle (comme NUL) ; retirez-le et réessayez.',
      malformed_json: 'La requête est illisible (JSON mal formé).',
      payload_too_large: 'L’envoi dépasse la taille que le serveur accepte.',
      unsupported_media_type: 'Le serveur n’accepte pas ce type de fichier ou de contenu.',
      uri_too_long: 'L’adresse est trop longue.',
      method_not_allowed: 'Cette action n’est pas possible ici.',
    },
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
