import type { devMailFr } from './messages.fr.ts';

// The dev-mail feature's wording in English; mirrors messages.fr.ts.
export const devMailEn: typeof devMailFr = {
  devMail: {
    title: 'Caught mail',
    refused: 'Only administrators can read the caught emails: they hold invitation links.',
    subtitle: 'In development and tests, Sésame keeps the emails it sends here instead of delivering them.',
    listLabel: 'Caught emails',
    to: 'To',
    toLine: 'To: {{to}}',
    received: 'Received',
    noSubject: '(no subject)',
    refresh: 'Refresh',
    clear: 'Clear all',
    clearTitle: 'Clear all emails?',
    clearBody: 'The caught emails will be deleted for good.',
    cleared: 'Emails cleared',
    clearFailed: 'The emails were not cleared',
    count_one: '{{count}} email',
    count_other: '{{count}} emails',
    emptyTitle: 'No email',
    emptyBody: 'Emails sent by Sésame (invitations, notices…) will appear here.',
    select: 'Choose an email in the list to read it.',
    text: 'Text',
    html: 'HTML',
    htmlFrame: 'HTML version of the email “{{subject}}”',
    errorTitle: 'Could not load the emails',
  },
};
