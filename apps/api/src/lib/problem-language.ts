import { knownMessage, type Language, type MessageParams } from '@sesame/contracts';
import { fieldText, type FieldError } from './field-error.ts';

/** True when the Accept-Language header ranks French above English (absent: English). */
export function prefersFrench(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: string; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.trim().split('-')[0] ?? '';
    if (lang !== 'fr' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang === 'fr';
}

/**
 * The params of a problem's wording in the table of refusals, from what the problem carries:
 * its extension members (`already_decided`'s decision, `file_too_large`'s `maxBytes`), its
 * headers (`retry-after`, `allow`), its field errors (validation: how many and where; seats:
 * each shortfall worded in `lang`) and the params its raiser gave.
 */
export function problemParams(
  code: string,
  lang: Language,
  errors: FieldError[] | undefined,
  headers: Record<string, string> | undefined,
  extensions: Record<string, unknown> | undefined,
  params: MessageParams | undefined,
): MessageParams {
  const out: MessageParams = { ...params };
  if (code === 'already_decided') {
    const by = extensions?.decidedBy as { kind?: string; fullName?: string; username?: string } | undefined;
    Object.assign(out, {
      decision: typeof extensions?.decision === 'string' ? extensions.decision : undefined,
      decidedAt: typeof extensions?.decidedAt === 'string' ? extensions.decidedAt : undefined,
      by: by?.kind === 'automatic' ? 'automatic' : by?.kind === 'member' ? 'member' : by ? 'former' : undefined,
      fullName: by?.fullName,
      username: by?.username,
    });
  }
  if (typeof extensions?.maxBytes === 'number') out.maxBytes = extensions.maxBytes;
  const retryAfter = Number(headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) out.retryAfter = retryAfter;
  if (headers?.allow) out.allow = headers.allow;
  if (errors?.length) {
    const paths = [...new Set(errors.map((e) => e.path))];
    out.count = errors.length;
    out.paths = `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
    if (code === 'seats_exhausted') out.details = errors.map((e) => fieldText(e, lang)).join(' ; ');
  }
  return out;
}

/**
 * The French detail of a problem from the table of refusals, or undefined for a code the
 * table does not know (then the English detail is sent).
 */
export function frenchDetail(
  code: string,
  errors: FieldError[] | undefined,
  headers: Record<string, string> | undefined,
  extensions?: Record<string, unknown>,
  params?: MessageParams,
): string | undefined {
  return knownMessage(code, problemParams(code, 'fr', errors, headers, extensions, params), 'fr');
}
