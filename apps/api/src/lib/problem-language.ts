import { messageFor, type ErrorCode, type Language, type MessageParams } from '@sesame/contracts';
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

type Carried = {
  params?: object | undefined;
  errors?: FieldError[] | undefined;
  headers?: Record<string, string> | undefined;
  extensions?: Record<string, unknown> | undefined;
};

/** `path: message; …` (French: `path : message ; …`) of the first field errors, in `lang`. */
function fieldList(errors: FieldError[], lang: Language): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}${lang === 'fr' ? '\u00a0:' : ':'} ${fieldText(e, lang)}`);
  return `${shown.join(lang === 'fr' ? ' ; ' : '; ')}${errors.length > 3 ? ' …' : ''}`;
}

/**
 * The params of a problem's wording in the table of refusals: the params its raiser gave
 * (problem-params.ts), with what the problem carries: its extension members (`already_decided`'s
 * decision, `file_too_large`'s `maxBytes`), its headers (`retry-after`, `allow`) and its field
 * errors (how many, and each one's path and message in `lang`; seats and passwords: each
 * refused rule in `lang`).
 */
export function problemParams(code: string, lang: Language, { params, errors, headers, extensions }: Carried): MessageParams {
  const out: MessageParams = { ...(params as MessageParams | undefined) };
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
    out.fields = fieldList(errors, lang);
    if (code === 'seats_exhausted' || code === 'weak_password') out.details = errors.map((e) => fieldText(e, lang)).join(lang === 'fr' ? ' ; ' : '; ');
  }
  return out;
}

/** A problem's `detail` in `lang`, worded from the table of refusals with {@link problemParams}. */
export function problemText(code: ErrorCode, lang: Language, carried: Carried): string {
  return messageFor(code, problemParams(code, lang, carried), lang);
}

/** The raiser's params as the problem document sends them (`params`), without empty members; undefined when there are none. */
export function sentParams(params: MessageParams | undefined): Record<string, string | number> | undefined {
  const kept = Object.entries(params ?? {}).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number');
  return kept.length ? Object.fromEntries(kept) : undefined;
}
