import { counted, instantFormatter } from '@sesame/contracts';
import { z } from 'zod';
import { renderContent, type Block, type EmailContent, type RenderedEmail } from './layout.ts';

export type { RenderedEmail } from './layout.ts';

const text = z.string();
const optionalText = z.string().nullish();

export const InvitationEmail = z.object({
  firstName: text,
  organizationName: text,
  inviterName: text,
  username: text,
  link: text,
  expiresAt: z.coerce.date(),
  /** The administrator's own words, shown quoted. */
  message: optionalText,
});
export const WelcomeEmail = z.object({ firstName: text, organizationName: text, username: text, signInUrl: text });
/** Never carries the password itself: the administrator hands it over another way. */
export const TemporaryPasswordEmail = z.object({ firstName: text, organizationName: text, username: text, signInUrl: text });
export const PasswordChangedEmail = z.object({ firstName: text, organizationName: text, username: text, changedAt: z.coerce.date() });
export const AccessRequestDecisionEmail = z.object({ firstName: text, organizationName: text, granted: z.boolean(), reason: optionalText, link: optionalText });
/**
 * Sent to the requester: confirm the email address; the same link shows the request's status.
 * `alreadyConfirmed`: someone submitted this address again while its request was confirmed;
 * `proposed` are the new submission's values, applied only if the requester opens the link.
 */
export const AccessRequestConfirmationEmail = z.object({
  firstName: text,
  organizationName: text,
  link: text,
  alreadyConfirmed: z.boolean().default(false),
  proposed: z.object({ firstName: text, lastName: text, message: optionalText }).optional(),
});
/** The contacts' daily digest of requests that have waited too long. */
export const AccessRequestReminderEmail = z.object({
  firstName: text,
  organizationName: text,
  link: text,
  hours: z.number().int(),
  requests: z.array(z.object({ name: text, email: text, waitingSince: z.coerce.date() })).min(1),
});

/** A kind with its matching data: `{ kind: 'welcome', data: { … } }`. Checked at run time too. */
export const EmailMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invitation'), data: InvitationEmail }),
  z.object({ kind: z.literal('welcome'), data: WelcomeEmail }),
  z.object({ kind: z.literal('temporary_password'), data: TemporaryPasswordEmail }),
  z.object({ kind: z.literal('password_changed'), data: PasswordChangedEmail }),
  z.object({ kind: z.literal('access_request_decision'), data: AccessRequestDecisionEmail }),
  z.object({ kind: z.literal('access_request_confirmation'), data: AccessRequestConfirmationEmail }),
  z.object({ kind: z.literal('access_request_reminder'), data: AccessRequestReminderEmail }),
]);
export type EmailMessage = z.infer<typeof EmailMessage>;
export type EmailKind = EmailMessage['kind'];
export type EmailDataByKind = { [M in EmailMessage as M['kind']]: M['data'] };

// The mail port (lib/mail-port.ts) learns the kinds from here: the dependency points from this feature to lib.
declare module '../../lib/mail-port.ts' {
  interface EmailDataByKind extends TemplateDataByKind {}
}
type TemplateDataByKind = EmailDataByKind;
/** What callers may pass for each kind (before coercion: dates may be ISO strings). */
export type EmailInputByKind = { [M in z.input<typeof EmailMessage> as M['kind']]: M['data'] };
export const emailKinds = EmailMessage.options.map((o) => o.shape.kind.value);
export type InvitationEmail = z.infer<typeof InvitationEmail>;
export type WelcomeEmail = z.infer<typeof WelcomeEmail>;
export type TemporaryPasswordEmail = z.infer<typeof TemporaryPasswordEmail>;
export type PasswordChangedEmail = z.infer<typeof PasswordChangedEmail>;
export type AccessRequestDecisionEmail = z.infer<typeof AccessRequestDecisionEmail>;
export type AccessRequestConfirmationEmail = z.infer<typeof AccessRequestConfirmationEmail>;
export type AccessRequestReminderEmail = z.infer<typeof AccessRequestReminderEmail>;

export type EmailLanguage = 'fr' | 'en';

export type RenderOptions = {
  /** The recipient's language (`member.language`); French unless it is English. */
  language?: string | null;
  /** BCP 47 locale for dates, e.g. the member's `locale`; ignored when its language differs. */
  locale?: string | null;
  /** IANA time zone in which dates are shown. */
  timeZone?: string;
};

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function emailLanguage(language?: string | null): EmailLanguage {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const NBSP = '\u00a0';

type Copy = { [K in EmailKind]: (data: EmailDataByKind[K], formatDate: (d: Date) => string) => Omit<EmailContent, 'lang' | 'signature' | 'footer'> };
type Frame = { signature: (org: string) => string; footer: (org: string) => string; linkFallback: string };

const fr: Copy & Frame = {
  signature: (org) => `Sésame · ${org}`,
  footer: (org) => `Ce message automatique vous a été envoyé par Sésame pour ${org}. Merci de ne pas y répondre.`,
  linkFallback: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
  invitation: (d, date) => ({
    subject: `Invitation à rejoindre ${d.organizationName} sur Sésame`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `${d.inviterName} vous invite à rejoindre ${d.organizationName} sur Sésame.` },
      ...quoted(`Message de ${d.inviterName}${NBSP}:`, d.message),
      { type: 'facts', items: [[`Votre identifiant${NBSP}:`, d.username]] },
      { type: 'action', label: 'Accepter l’invitation', url: d.link, fallback: fr.linkFallback },
      { type: 'paragraph', text: `Cette invitation est valable jusqu’au ${date(d.expiresAt)}.` },
      { type: 'note', text: `Si vous n’attendiez pas cette invitation, ignorez simplement ce message${NBSP}: aucun compte ne sera activé.` },
    ],
  }),
  welcome: (d) => ({
    subject: `Bienvenue dans ${d.organizationName} sur Sésame`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `Votre compte ${d.organizationName} sur Sésame est prêt.` },
      { type: 'facts', items: [[`Votre identifiant${NBSP}:`, d.username]] },
      { type: 'action', label: 'Se connecter', url: d.signInUrl, fallback: fr.linkFallback },
    ],
  }),
  temporary_password: (d) => ({
    subject: 'Votre mot de passe Sésame a été réinitialisé',
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `Un administrateur de l’organisation ${d.organizationName} a défini un mot de passe temporaire pour votre compte.` },
      {
        type: 'paragraph',
        text: `Pour votre sécurité, ce message ne contient pas ce mot de passe${NBSP}: l’administrateur vous le communique par un autre moyen. À votre prochaine connexion, vous devrez choisir un nouveau mot de passe.`,
      },
      { type: 'facts', items: [[`Votre identifiant${NBSP}:`, d.username]] },
      { type: 'action', label: 'Se connecter', url: d.signInUrl, fallback: fr.linkFallback },
      { type: 'note', text: `Si vous n’attendiez pas cette réinitialisation, contactez un administrateur de l’organisation ${d.organizationName}.` },
    ],
  }),
  password_changed: (d, date) => ({
    subject: 'Votre mot de passe Sésame a été modifié',
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `Le mot de passe de votre compte ${d.organizationName} a été modifié le ${date(d.changedAt)}.` },
      { type: 'facts', items: [[`Votre identifiant${NBSP}:`, d.username]] },
      {
        type: 'note',
        text: `Si vous êtes à l’origine de ce changement, vous n’avez rien à faire. Sinon, contactez sans attendre un administrateur de l’organisation ${d.organizationName}.`,
      },
    ],
  }),
  access_request_decision: (d) => ({
    subject: d.granted ? `Votre demande d’accès à ${d.organizationName} est acceptée` : `Votre demande d’accès à ${d.organizationName} n’a pas été acceptée`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: d.granted
          ? `Bonne nouvelle${NBSP}: votre demande d’accès à ${d.organizationName} sur Sésame a été acceptée.`
          : `Votre demande d’accès à ${d.organizationName} sur Sésame n’a pas été acceptée.`,
      },
      ...quoted(d.granted ? `Commentaire${NBSP}:` : `Motif${NBSP}:`, d.reason),
      ...(d.link ? [{ type: 'action', label: d.granted ? 'Accéder à Sésame' : 'Ouvrir Sésame', url: d.link, fallback: fr.linkFallback } as const] : []),
      ...(d.granted ? [] : [{ type: 'note', text: `Pour toute question, contactez un administrateur de l’organisation ${d.organizationName}.` } as const]),
    ],
  }),
  access_request_confirmation: (d) => ({
    subject: `Confirmez votre demande d’accès à ${d.organizationName}`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: d.alreadyConfirmed
      ? [
          { type: 'paragraph', text: `Votre demande d’accès à ${d.organizationName} sur Sésame est déjà transmise aux contacts de l’organisation. Une nouvelle demande vient d’être faite avec votre adresse e-mail.` },
          ...proposedBlocks(d.proposed, `Nom${NBSP}:`, `Message${NBSP}:`),
          { type: 'paragraph', text: `Si c’est vous, ouvrez ce lien pour remplacer par ces informations celles de votre demande. Sinon, ignorez cet e-mail${NBSP}: votre demande reste inchangée, et le lien de votre premier e-mail montre toujours son état.` },
          { type: 'action', label: 'Confirmer les modifications', url: d.link, fallback: fr.linkFallback },
        ]
      : [
          { type: 'paragraph', text: `Vous avez demandé l’accès à ${d.organizationName} sur Sésame. Confirmez d’abord votre adresse e-mail${NBSP}: votre demande ne sera transmise aux contacts de l’organisation qu’après cette confirmation.` },
          { type: 'action', label: 'Confirmer mon adresse', url: d.link, fallback: fr.linkFallback },
          { type: 'paragraph', text: `Vous recevrez un e-mail dès qu’une décision sera prise. Ce même lien vous permet de suivre l’état de votre demande.` },
        ],
  }),
  access_request_reminder: (d, date) => ({
    subject: `${counted(d.requests.length, 'fr', { one: 'demande d’accès en attente', other: 'demandes d’accès en attente' })} pour ${d.organizationName}`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `Ces demandes d’accès à ${d.organizationName} attendent une décision depuis plus de ${d.hours}${NBSP}h${NBSP}:` },
      { type: 'facts', items: d.requests.map((r) => [`${r.name} (${r.email})`, `depuis le ${date(r.waitingSince)}`] as [string, string]) },
      { type: 'action', label: 'Traiter les demandes', url: d.link, fallback: fr.linkFallback },
      { type: 'note', text: `Vous recevez ce rappel au plus une fois par jour en tant que contact de ${d.organizationName}.` },
    ],
  }),
};

const en: Copy & Frame = {
  signature: (org) => `Sésame · ${org}`,
  footer: (org) => `This automatic message was sent to you by Sésame on behalf of ${org}. Please do not reply to it.`,
  linkFallback: 'If the button does not work, copy this link into your browser:',
  invitation: (d, date) => ({
    subject: `Invitation to join ${d.organizationName} on Sésame`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `${d.inviterName} has invited you to join ${d.organizationName} on Sésame.` },
      ...quoted(`Message from ${d.inviterName}:`, d.message),
      { type: 'facts', items: [['Your username:', d.username]] },
      { type: 'action', label: 'Accept the invitation', url: d.link, fallback: en.linkFallback },
      { type: 'paragraph', text: `This invitation is valid until ${date(d.expiresAt)}.` },
      { type: 'note', text: 'If you were not expecting this invitation, you can ignore this message: no account will be activated.' },
    ],
  }),
  welcome: (d) => ({
    subject: `Welcome to ${d.organizationName} on Sésame`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `Your ${d.organizationName} account on Sésame is ready.` },
      { type: 'facts', items: [['Your username:', d.username]] },
      { type: 'action', label: 'Sign in', url: d.signInUrl, fallback: en.linkFallback },
    ],
  }),
  temporary_password: (d) => ({
    subject: 'Your Sésame password has been reset',
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `An administrator of ${d.organizationName} has set a temporary password for your account.` },
      {
        type: 'paragraph',
        text: 'For your security, this message does not contain that password: the administrator gives it to you another way. The next time you sign in, you will have to choose a new password.',
      },
      { type: 'facts', items: [['Your username:', d.username]] },
      { type: 'action', label: 'Sign in', url: d.signInUrl, fallback: en.linkFallback },
      { type: 'note', text: `If you were not expecting this reset, contact an administrator of ${d.organizationName}.` },
    ],
  }),
  password_changed: (d, date) => ({
    subject: 'Your Sésame password has been changed',
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `The password of your ${d.organizationName} account was changed on ${date(d.changedAt)}.` },
      { type: 'facts', items: [['Your username:', d.username]] },
      { type: 'note', text: `If you made this change, there is nothing to do. If not, contact an administrator of ${d.organizationName} right away.` },
    ],
  }),
  access_request_decision: (d) => ({
    subject: d.granted ? `Your request to access ${d.organizationName} has been granted` : `Your request to access ${d.organizationName} was not granted`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: d.granted
          ? `Good news: your request to access ${d.organizationName} on Sésame has been granted.`
          : `Your request to access ${d.organizationName} on Sésame was not granted.`,
      },
      ...quoted(d.granted ? 'Comment:' : 'Reason:', d.reason),
      ...(d.link ? [{ type: 'action', label: d.granted ? 'Go to Sésame' : 'Open Sésame', url: d.link, fallback: en.linkFallback } as const] : []),
      ...(d.granted ? [] : [{ type: 'note', text: `If you have any question, contact an administrator of ${d.organizationName}.` } as const]),
    ],
  }),
  access_request_confirmation: (d) => ({
    subject: `Confirm your request to access ${d.organizationName}`,
    greeting: `Hello ${d.firstName},`,
    blocks: d.alreadyConfirmed
      ? [
          { type: 'paragraph', text: `Your request to access ${d.organizationName} on Sésame has already reached the organization's contacts. A new request has just been made with your email address.` },
          ...proposedBlocks(d.proposed, 'Name:', 'Message:'),
          { type: 'paragraph', text: 'If it was you, open this link to replace the details of your request with these. Otherwise, ignore this email: your request stays as it is, and the link in your first email still shows its status.' },
          { type: 'action', label: 'Confirm the changes', url: d.link, fallback: en.linkFallback },
        ]
      : [
          { type: 'paragraph', text: `You asked to access ${d.organizationName} on Sésame. First confirm your email address: your request reaches the organization's contacts only once it is confirmed.` },
          { type: 'action', label: 'Confirm my address', url: d.link, fallback: en.linkFallback },
          { type: 'paragraph', text: 'You will receive an email as soon as a decision is made. The same link shows the status of your request.' },
        ],
  }),
  access_request_reminder: (d, date) => ({
    subject: `${counted(d.requests.length, 'en', { one: 'access request waiting', other: 'access requests waiting' })} for ${d.organizationName}`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `These requests to access ${d.organizationName} have been waiting for a decision for more than ${d.hours} h:` },
      { type: 'facts', items: d.requests.map((r) => [`${r.name} (${r.email})`, `since ${date(r.waitingSince)}`] as [string, string]) },
      { type: 'action', label: 'Review the requests', url: d.link, fallback: en.linkFallback },
      { type: 'note', text: `You receive this reminder at most once a day as a contact of ${d.organizationName}.` },
    ],
  }),
};

const copies: Record<EmailLanguage, Copy & Frame> = { fr, en };

function quoted(label: string, text: string | null | undefined): Block[] {
  return text?.trim() ? [{ type: 'quote', label, text }] : [];
}

/** The values of a new submission for a confirmed request, shown to its owner before they apply them. */
function proposedBlocks(proposed: AccessRequestConfirmationEmail['proposed'], nameLabel: string, messageLabel: string): Block[] {
  if (!proposed) return [];
  return [{ type: 'facts', items: [[nameLabel, `${proposed.firstName} ${proposed.lastName}`]] }, ...quoted(messageLabel, proposed.message)];
}

/** Dates as every page writes them (packages/contracts datetime.ts), in the recipient's zone, with it. */
function dateFormatter(language: EmailLanguage, options: RenderOptions): (d: Date) => string {
  return instantFormatter({ lang: language, locale: options.locale, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, style: 'long' });
}

/** Renders an email in the recipient's language: `{ subject, text, html }`. */
export function renderEmail(input: EmailMessage, options: RenderOptions = {}): RenderedEmail {
  // Callers may come through loosely typed code: a missing field fails here, not in an inbox.
  const message = EmailMessage.parse(input);
  const language = emailLanguage(options.language);
  const copy = copies[language];
  const formatDate = dateFormatter(language, options);
  // The compiler cannot follow the kind/data pairing through the lookup; EmailMessage guarantees it.
  const body = (copy[message.kind] as (data: EmailMessage['data'], f: typeof formatDate) => ReturnType<Copy[EmailKind]>)(message.data, formatDate);
  const org = message.data.organizationName;
  return renderContent({
    ...body,
    // A subject is one header line, whatever the names it is built from contain.
    subject: body.subject.replace(/\s+/g, ' ').trim(),
    lang: language,
    signature: copy.signature(org),
    footer: copy.footer(org),
  });
}
