import type { Language } from '../enums.ts';
import type { ErrorCode } from '../problem.ts';
import { fieldWordings } from './fields.ts';
import type { ProblemParams } from './problem-params.ts';
import { problemWordings } from './problems.ts';
import { identityProviderWordings } from './identity-providers.ts';
import { referenceWordings } from './reference.ts';
import type { MessageCode, MessageParams, Wording } from './wording.ts';

export { counted, pluralForm, fileSize, messageCodes, type MessageCode, type MessageParams } from './wording.ts';
export type { ConflictReason, ForbiddenAction, NotFoundWhat, ProblemParams, ValidationReason } from './problem-params.ts';

/**
 * The one table of refusals (issue 12, point 3): every code the API can send — a problem's
 * `code`, an `errors[].code`, a CSV file or row issue — with its English and French wording
 * made of the same params (problems.ts, refusals.ts, fields.ts; a problem's params are typed per
 * code in problem-params.ts). The API words `detail` (both languages) and
 * `errors[].message` with it in the request's language; the web app words the same codes with
 * it in the interface language. Typed over every code: a new code without words fails typecheck.
 */
const table: Record<MessageCode, Wording> = { ...(problemWordings as Record<keyof typeof problemWordings, Wording>), ...fieldWordings, ...referenceWordings, ...identityProviderWordings };

/** The text of `code` with `params` in `lang`; undefined for a code this version does not know. */
export function knownMessage(code: string, params: MessageParams | undefined, lang: Language): string | undefined {
  const wording = Object.hasOwn(table, code) ? table[code as MessageCode] : undefined;
  return wording ? worded(wording, params, lang) : undefined;
}

/** A wording's text with its first letter capitalised, and French typography in French. */
function worded(wording: Wording, params: MessageParams | undefined, lang: Language): string {
  const text = wording[lang](params ?? {}, lang);
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return lang === 'fr' ? frenchSpacing(capitalised) : capitalised;
}

/**
 * French typography (issue 13): a no-break space, not an ordinary one, before « ; : ! ? » and
 * after «, so a line never starts with the sign. Applied here, where every message is worded,
 * rather than in each of the table's wordings.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ +([;:!?»])/g, '\u00A0$1').replace(/« +/g, '«\u00A0');
}

/** The text of `code` with `params` in `lang`. */
export function messageFor(code: MessageCode, params: MessageParams | undefined, lang: Language): string {
  return worded(table[code], params, lang);
}

/** A problem's `detail` in `lang`: its code's wording with the params typed for that code (problem-params.ts). */
export function problemDetail<C extends ErrorCode>(code: C, params: ProblemParams[C], lang: Language): string {
  return worded(table[code], params as MessageParams, lang);
}

/**
 * A refusal's text in `lang` from its code and params (an `errors[]` entry, a CSV issue, a
 * bulk result); `fallback` (the sender's English message) for a code this version does not know.
 */
export function refusalMessage(error: { code?: string | undefined; message?: string | undefined; params?: MessageParams | undefined }, lang: Language): string {
  return (error.code ? knownMessage(error.code, error.params, lang) : undefined) ?? error.message ?? error.code ?? '';
}
