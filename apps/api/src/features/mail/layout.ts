/**
 * The shared look of every email. A template describes its content as blocks; this file
 * turns them into an HTML part (inline styles only, as mail clients ignore style sheets)
 * and a plain-text part that reads well on its own. All text is escaped here, once.
 */

export type Block =
  | { type: 'paragraph'; text: string }
  /** Text written by a person (an administrator's message, a refusal reason), shown quoted. */
  | { type: 'quote'; label: string; text: string }
  /** Label/value pairs, e.g. the username. */
  | { type: 'facts'; items: Array<[label: string, value: string]> }
  | { type: 'action'; label: string; url: string; fallback: string }
  /** Small print: why you received this, what to do if it was not you. */
  | { type: 'note'; text: string };

export type EmailContent = {
  lang: string;
  subject: string;
  greeting: string;
  blocks: Block[];
  signature: string;
  footer: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escapes, and keeps the line breaks a person typed. */
const escapeLines = (value: string) => escapeHtml(value.trim()).replace(/\r?\n/g, '<br>');

/** Only web links become clickable: anything else is shown as text. */
function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#1c4e80';

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${escapeLines(block.text)}</p>`;
    case 'quote':
      return (
        `<p style="margin:0 0 4px;color:${MUTED};font-size:14px;">${escapeHtml(block.label)}</p>` +
        `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #9fb3c8;background:#f0f4f8;color:${INK};">${escapeLines(block.text)}</blockquote>`
      );
    case 'facts':
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">` +
        block.items
          .map(
            ([label, value]) =>
              `<tr><td style="padding:2px 12px 2px 0;color:${MUTED};">${escapeHtml(label)}</td>` +
              `<td style="padding:2px 0;font-weight:bold;font-family:Menlo,Consolas,monospace;">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'action': {
      if (!isWebLink(block.url)) return `<p style="margin:0 0 16px;">${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
      const href = escapeHtml(block.url);
      return (
        `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 24px;background:${ACCENT};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 16px;color:${MUTED};font-size:13px;">${escapeHtml(block.fallback)}<br><a href="${href}" style="color:${ACCENT};word-break:break-all;">${href}</a></p>`
      );
    }
    case 'note':
      return `<p style="margin:0 0 16px;color:${MUTED};font-size:14px;">${escapeLines(block.text)}</p>`;
  }
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'note':
      return block.text.trim();
    case 'quote':
      return `${block.label}\n${block.text
        .trim()
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n')}`;
    case 'facts':
      return block.items.map(([label, value]) => `${label} ${value}`).join('\n');
    case 'action':
      return `${block.label}\n${block.url}`;
  }
}

export function renderContent(content: EmailContent): RenderedEmail {
  const text = [content.greeting, ...content.blocks.map(blockText), content.signature, `-- \n${content.footer}`].join('\n\n') + '\n';
  const html =
    `<!DOCTYPE html><html lang="${escapeHtml(content.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f5f7;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e1e5ea;border-radius:8px;font-family:${FONT};font-size:16px;line-height:1.5;color:${INK};">` +
    `<tr><td style="padding:24px 32px 0;font-size:20px;font-weight:bold;color:${ACCENT};">Sésame</td></tr>` +
    `<tr><td style="padding:16px 32px 16px;">` +
    `<p style="margin:0 0 16px;">${escapeHtml(content.greeting)}</p>` +
    content.blocks.map(blockHtml).join('') +
    `<p style="margin:24px 0 0;">${escapeLines(content.signature)}</p>` +
    `</td></tr></table>` +
    `<p style="max-width:560px;margin:16px auto 0;font-family:${FONT};font-size:12px;line-height:1.5;color:${MUTED};">${escapeHtml(content.footer)}</p>` +
    `</td></tr></table></body></html>`;
  return { subject: content.subject, text, html };
}
