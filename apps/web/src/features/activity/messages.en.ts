import type { activityFr } from './messages.fr.ts';

// The activity feature's wording in English; mirrors messages.fr.ts.
export const activityEn: typeof activityFr = {
  activity: {
    title: 'Activity',
    subtitle: 'Who did what to whom, and when: every administrative change, with the values before and after.',
    export: 'Export as CSV',
    error: 'Could not load the activity',
    empty: 'No event matches these filters.',
    older: 'Older',
    system: 'System',
    filters: {
      label: 'Activity filters',
      member: 'Member concerned',
      memberPlaceholder: 'Search for a member',
      anyMember: 'All members',
      actor: 'Actor',
      actorPlaceholder: 'Username',
      action: 'Action',
      anyAction: 'All actions',
      from: 'From',
      to: 'To',
      chosenMember: 'Chosen member',
      clear: 'Clear filters',
    },
    table: {
      label: 'Activity log',
      date: 'Date',
      actor: 'Actor',
      action: 'Action',
      target: 'Target',
      changes: 'Before → after',
    },
  },
};
