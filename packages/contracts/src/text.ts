import { z } from 'zod';

/**
 * Text fields of every request. PostgreSQL cannot store NUL, and no control character
 * belongs in a name, a search or a label; multi-line texts (a description, a message)
 * keep tab, line feed and carriage return. The rule is a `pattern`, so the OpenAPI
 * document says it, and its issues carry the field code `control_character`.
 */
/**
 * The control characters refused in any text, in a character class: C0 controls except tab,
 * line feed and carriage return, DEL, and C1 controls. The CSV library refuses the same in
 * its cells (csv/text.ts builds on it).
 */
export const CONTROL_CHARACTERS_BUT_LINE_BREAKS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const singleLine = new RegExp('^[^\\u0000-\\u001F\\u007F-\\u009F]*$');
export const multiLinePattern = new RegExp(`^[^${CONTROL_CHARACTERS_BUT_LINE_BREAKS}]*$`);

export const controlCharacterMessage = 'Control characters are not allowed';

/** A one-line text: no control character at all. Chain `.trim()`, `.min()`, `.max()` as needed. */
export const SingleLineText = z.string().regex(singleLine, controlCharacterMessage);

/** A text that may span lines: tab, line feed and carriage return, but no other control character. */
export const multiLineMessage = 'Control characters other than tab and line breaks are not allowed';
export const MultiLineText = z.string().regex(multiLinePattern, multiLineMessage);

/** Whether a zod regex issue's `pattern` is one of the rules above (its code is then `control_character`). */
export function isControlCharacterPattern(pattern: unknown): boolean {
  return pattern === String(singleLine) || pattern === String(multiLinePattern) || pattern === singleLine.source || pattern === multiLinePattern.source;
}

/** True when the text holds a character that {@link SingleLineText} refuses. */
export const hasControlCharacter = (text: string) => !singleLine.test(text);

/**
 * For a trimmed text with a minimum length: the document says it needs a character other
 * than white space (`"  "` is refused as empty). Metadata only, applied last (after `.max()`).
 */
export const nonBlank = { allOf: [{ pattern: '\\S' }] };

/**
 * Display text with "e-mail" written with a non-breaking hyphen (U+2011), so that a line never
 * breaks inside the word (issue 13, item 12). Applied once per channel: the web app's i18next
 * post-processor and its wording of the API's refusals; stored data and emails keep "e-mail".
 */
export function unbreakableEmailWord(text: string): string {
  return text.replace(/\b([eE])-(mails?)\b/g, '$1\u2011$2');
}
