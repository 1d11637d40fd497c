// The activity feature's wording (the `activity.*` keys), spread into locales/fr.ts.
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const activityFr = {
  activity: {
    title: 'Activité',
    subtitle: 'Qui a fait quoi, à qui et quand\u00A0: chaque changement administratif, avec les valeurs avant et après.',
    export: 'Exporter en CSV',
    error: 'Impossible de charger l’activité',
    empty: 'Aucun événement ne correspond à ces filtres.',
    older: 'Plus ancien',
    system: 'Système',
    filters: {
      label: 'Filtres de l’activité',
      member: 'Membre concerné',
      memberPlaceholder: 'Rechercher un membre',
      anyMember: 'Tous les membres',
      actor: 'Auteur',
      actorPlaceholder: 'Nom d’utilisateur',
      action: 'Action',
      anyAction: 'Toutes les actions',
      from: 'Du',
      to: 'Au',
      chosenMember: 'Membre choisi',
      clear: 'Effacer les filtres',
    },
    table: {
      label: 'Journal d’activité',
      date: 'Date',
      actor: 'Auteur',
      action: 'Action',
      target: 'Cible',
      changes: 'Avant → après',
    },
  },
};
