import { messageFor, type FieldErrorCode, type Language, type MessageParams } from '@sesame/contracts';

/**
 * One entry of a problem's `errors[]` as a service raises it: where (relative to the body),
 * a stable code and the params its wording is made of. The message is worded from the
 * contracts' table of refusals when the problem is sent, in the request's language.
 */
export type FieldError = { path: string; code: FieldErrorCode; params?: Record<string, string | number> };

/** The field error as sent: its message in `lang`. */
export type WordedFieldError = FieldError & { message: string };

/** A field error's text (English unless told), e.g. for a log line or an English `detail`. */
export function fieldText(error: FieldError, lang: Language = 'en'): string {
  return messageFor(error.code, error.params as MessageParams | undefined, lang);
}

/** `path: text; path: text…` in English, what a detail made of several field errors says. */
export function fieldSummary(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${fieldText(e)}`).join('; ');
}
