// The dev-mail feature's wording (the `devMail.*` keys), spread into locales/fr.ts.
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const devMailFr = {
  devMail: {
    title: 'Courriels interceptés',
    refused: 'Seuls les administrateurs peuvent lire les courriels interceptés\u00A0: ils contiennent des liens d’invitation.',
    subtitle: 'En développement et en test, Sésame garde ici les e-mails qu’il envoie au lieu de les remettre.',
    listLabel: 'Courriels interceptés',
    to: 'À',
    toLine: 'À\u00A0: {{to}}',
    received: 'Reçu le',
    noSubject: '(sans objet)',
    refresh: 'Actualiser',
    clear: 'Tout effacer',
    clearTitle: 'Effacer tous les courriels\u00A0?',
    clearBody: 'Les courriels interceptés seront supprimés définitivement.',
    cleared: 'Courriels effacés',
    clearFailed: 'Les courriels n’ont pas été effacés',
    count_one: '{{count}}\u00A0courriel',
    count_other: '{{count}}\u00A0courriels',
    emptyTitle: 'Aucun courriel',
    emptyBody: 'Les e-mails envoyés par Sésame (invitations, notifications…) apparaîtront ici.',
    select: 'Choisissez un courriel dans la liste pour le lire.',
    text: 'Texte',
    html: 'HTML',
    htmlFrame: 'Version HTML du courriel «\u00A0{{subject}}\u00A0»',
    errorTitle: 'Impossible de charger les courriels',
  },
};
