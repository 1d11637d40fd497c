// The dev-mail feature's wording (the `devMail.*` keys), spread into locales/fr.ts.
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const devMailFr = {
  devMail: {
    title: 'E-mails interceptés',
    refused: 'Seuls les administrateurs peuvent lire les e-mails interceptés\u00A0: ils contiennent des liens d’invitation.',
    subtitle: 'En développement et en test, Sésame garde ici les e-mails qu’il envoie au lieu de les remettre.',
    listLabel: 'E-mails interceptés',
    to: 'À',
    toLine: 'À\u00A0: {{to}}',
    received: 'Reçu le',
    noSubject: '(sans objet)',
    refresh: 'Actualiser',
    clear: 'Tout effacer',
    clearTitle: 'Effacer tous les e-mails\u00A0?',
    clearBody: 'Les e-mails interceptés seront supprimés définitivement.',
    cleared: 'E-mails effacés',
    clearFailed: 'Les e-mails n’ont pas été effacés',
    count_one: '{{count}}\u00A0e-mail',
    count_other: '{{count}}\u00A0e-mails',
    emptyTitle: 'Aucun e-mail',
    emptyBody: 'Les e-mails envoyés par Sésame (invitations, notifications…) apparaîtront ici.',
    select: 'Choisissez un e-mail dans la liste pour le lire.',
    text: 'Texte',
    html: 'HTML',
    htmlFrame: 'Version HTML de l’e-mail «\u00A0{{subject}}\u00A0»',
    errorTitle: 'Impossible de charger les e-mails',
  },
};
