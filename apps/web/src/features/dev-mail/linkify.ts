export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

const url = /https?:\/\/[^\s<>"'«»]+/g;
// Punctuation that ends a sentence rather than the address ("…/activate/abc." → no dot).
const trailing = /[.,;:!?)\]}’”]+$/;

/** Splits plain text into text and http(s) links, for showing an email's text version. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const start = match.index;
    const raw = match[0];
    const href = raw.replace(trailing, '');
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', href, text: href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The email's HTML with links opening outside the sandboxed frame (a new tab). */
export function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `${base}${html}`;
}
