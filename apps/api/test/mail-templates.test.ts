import { describe, expect, it } from 'vitest';
import { emailKinds, renderEmail, type EmailMessage } from '../src/features/mail/templates.ts';

const hostile = '<img src=x onerror="alert(1)">';
const invitation = (overrides: Partial<Extract<EmailMessage, { kind: 'invitation' }>['data']> = {}): EmailMessage => ({
  kind: 'invitation',
  data: {
    firstName: 'Zoé',
    organizationName: 'Acme & Fils',
    inviterName: 'Jeanne Martin',
    username: 'zoe.durand',
    link: 'https://sesame.example.org/activate/abc123?lang=fr&x=1',
    expiresAt: new Date('2026-03-14T14:00:00Z'),
    message: 'Bienvenue parmi nous !\nÀ lundi.',
    ...overrides,
  },
});

const samples: EmailMessage[] = [
  invitation(),
  { kind: 'welcome', data: { firstName: 'Zoé', organizationName: 'Acme', username: 'zoe.durand', signInUrl: 'https://sesame.example.org/sign-in' } },
  { kind: 'temporary_password', data: { firstName: 'Zoé', organizationName: 'Acme', username: 'zoe.durand', signInUrl: 'https://sesame.example.org/sign-in' } },
  { kind: 'password_changed', data: { firstName: 'Zoé', organizationName: 'Acme', username: 'zoe.durand', changedAt: new Date('2026-07-01T08:05:00Z') } },
  { kind: 'access_request_decision', data: { firstName: 'Zoé', organizationName: 'Acme', granted: true, link: 'https://sesame.example.org/' } },
  { kind: 'access_request_decision', data: { firstName: 'Zoé', organizationName: 'Acme', granted: false, reason: 'Réservé aux salariés.' } },
  { kind: 'access_request_confirmation', data: { firstName: 'Zoé', organizationName: 'Acme', link: 'https://sesame.example.org/access-requests/confirm/abc', alreadyConfirmed: false } },
  {
    kind: 'access_request_reminder',
    data: { firstName: 'Zoé', organizationName: 'Acme', link: 'https://sesame.example.org/access-requests', hours: 24, requests: [{ name: 'Zoé Durand', email: 'zoe@example.com', waitingSince: new Date('2026-07-01T08:05:00Z') }] },
  },
];

describe('email templates', () => {
  it('render the invitation in French by default, with the inviter, the message, the link and the expiry', () => {
    const { subject, text, html } = renderEmail(invitation());
    expect(subject).toBe('Invitation à rejoindre Acme & Fils sur Sésame');
    for (const part of [text, html]) {
      expect(part).toContain('Bonjour Zoé,');
      expect(part).toContain('Jeanne Martin vous invite');
      expect(part).toContain('zoe.durand');
      expect(part).toContain('14 mars 2026 à 15:00');
      expect(part).toContain('À lundi.');
    }
    expect(text).toContain('https://sesame.example.org/activate/abc123?lang=fr&x=1');
    expect(text).toContain('> Bienvenue parmi nous !\n> À lundi.');
    expect(html).toContain('href="https://sesame.example.org/activate/abc123?lang=fr&amp;x=1"');
    expect(html).toContain('Acme &amp; Fils');
    expect(html).toContain('<html lang="fr">');
  });

  it('render the invitation in English for an English-speaking recipient', () => {
    const { subject, text, html } = renderEmail(invitation(), { language: 'en' });
    expect(subject).toBe('Invitation to join Acme & Fils on Sésame');
    expect(text).toContain('Hello Zoé,');
    expect(text).toContain('Jeanne Martin has invited you to join Acme & Fils on Sésame.');
    expect(text).toContain('Message from Jeanne Martin:');
    expect(text).toContain('valid until 14 March 2026 at 15:00');
    expect(html).toContain('Accept the invitation');
    expect(html).toContain('<html lang="en">');
    // A regional locale of the same language shapes the date.
    expect(renderEmail(invitation(), { language: 'en', locale: 'en-US' }).text).toContain('March 14, 2026');
  });

  it('leave the quoted message out when the administrator wrote none', () => {
    for (const message of [undefined, null, '   ']) {
      const { text, html } = renderEmail(invitation({ message }));
      expect(text).not.toContain('Message de');
      expect(html).not.toContain('<blockquote');
    }
  });

  it('escape every value in the HTML part and keep only web links clickable', () => {
    const { subject, text, html } = renderEmail(
      invitation({ firstName: hostile, organizationName: `Acme "${hostile}"`, inviterName: hostile, username: hostile, message: hostile, link: 'javascript:alert(1)' }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // The text part is plain text: it shows what was typed.
    expect(text).toContain(hostile);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(renderEmail(invitation({ organizationName: 'Evil\r\nBcc: x@example.org' })).subject).toBe('Invitation à rejoindre Evil Bcc: x@example.org sur Sésame');
  });

  it('render every kind in both languages, readable as text, naming only Sésame', () => {
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(emailKinds));
    for (const sample of samples) {
      for (const language of ['fr', 'en']) {
        const { subject, text, html } = renderEmail(sample, { language });
        expect(subject.length).toBeGreaterThan(10);
        expect(text).toMatch(language === 'fr' ? /^Bonjour Zoé,/ : /^Hello Zoé,/);
        expect(text).not.toMatch(/<[a-z]/i);
        expect(text).not.toContain('undefined');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).not.toContain('undefined');
        expect(`${subject}${text}${html}`).not.toMatch(/graphile|nodemailer|smtp-server|mailparser|prisma/i);
      }
    }
  });

  it('tell about a temporary password without containing one, in the recipient’s language', () => {
    const fr = renderEmail(samples[2]!, { language: 'fr' });
    expect(fr.subject).toBe('Votre mot de passe Sésame a été réinitialisé');
    expect(fr.text).toContain('mot de passe temporaire');
    expect(fr.text).toContain('vous devrez choisir un nouveau mot de passe');
    const en = renderEmail(samples[2]!, { language: 'en-GB' });
    expect(en.text).toContain('you will have to choose a new password');
  });

  it('date the password change in the recipient’s language', () => {
    expect(renderEmail(samples[3]!).text).toContain('modifié le 1 juillet 2026 à 10:05');
    expect(renderEmail(samples[3]!, { language: 'en' }).text).toContain('changed on 1 July 2026 at 10:05');
    expect(renderEmail(samples[3]!, { language: 'en', timeZone: 'UTC' }).text).toContain('at 08:05');
  });

  it('say whether an access request was granted, with the reason of a refusal', () => {
    const granted = renderEmail(samples[4]!);
    expect(granted.subject).toBe('Votre demande d’accès à Acme est acceptée');
    expect(granted.html).toContain('href="https://sesame.example.org/"');
    const denied = renderEmail(samples[5]!, { language: 'en' });
    expect(denied.subject).toBe('Your request to access Acme was not granted');
    expect(denied.text).toContain('Reason:\n> Réservé aux salariés.');
    expect(denied.html).not.toContain('<a ');
  });

  it('show the owner of a confirmed access request what a new submission would change, applied only from the link', () => {
    const message: EmailMessage = {
      kind: 'access_request_confirmation',
      data: {
        firstName: 'Zoé',
        organizationName: 'Acme',
        link: 'https://sesame.example.org/access-requests/confirm/change',
        alreadyConfirmed: true,
        proposed: { firstName: 'Mallory', lastName: hostile, message: 'Ignorez la précédente' },
      },
    };
    const fr = renderEmail(message);
    expect(fr.text).toContain('Bonjour Zoé,');
    expect(fr.text).toContain(`Mallory ${hostile}`);
    expect(fr.text).toContain('> Ignorez la précédente');
    expect(fr.text).toContain('votre demande reste inchangée');
    expect(fr.html).toContain('Confirmer les modifications');
    expect(fr.html).not.toContain(hostile);
    const en = renderEmail(message, { language: 'en' });
    expect(en.text).toContain('your request stays as it is');
    expect(en.html).toContain('Confirm the changes');
  });

  it('fall back to French for other languages, and refuse data that does not fit the kind', () => {
    expect(renderEmail(samples[1]!, { language: 'de' }).subject).toBe('Bienvenue dans Acme sur Sésame');
    expect(() => renderEmail({ kind: 'welcome', data: { firstName: 'Zoé' } } as unknown as EmailMessage)).toThrow();
  });
});
