import type { TemplateKind, TemplateText } from './defaults';

const COMMON = [
  'client.name',
  'client.company',
  'client.email',
  'business.name',
  'business.email',
  'portalLink',
] as const;
const DOCUMENT = [
  'document.number',
  'document.total',
  'document.amountDue',
  'document.dueDate',
  'document.issueDate',
] as const;

/** The variables each kind may use; anything else is refused when a template is saved. */
export const VARIABLES: Record<TemplateKind, readonly string[]> = {
  invoice: [...COMMON, ...DOCUMENT],
  estimate: [...COMMON, ...DOCUMENT, 'document.validUntil'],
  reminder: [...COMMON, ...DOCUMENT, 'invoice.daysUntilDue', 'invoice.daysOverdue'],
  receipt: [...COMMON, ...DOCUMENT, 'payment.amount', 'payment.date'],
  ticket_reply: [...COMMON, 'ticket.subject', 'message.body'],
  portal_link: [...COMMON],
  credit_note: [...COMMON, 'document.number', 'document.total', 'document.issueDate', 'invoice.number'],
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Variables a template uses that its kind does not provide, sorted for stable messages. */
export function unknownVariables(kind: TemplateKind, t: TemplateText): string[] {
  const allowed = new Set(VARIABLES[kind]);
  return [...new Set([...variablesIn(t.subject), ...variablesIn(t.body)])]
    .filter((v) => !allowed.has(v))
    .sort();
}

export type Values = Record<string, string | null | undefined>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Own entries only: `{{constructor}}` must not reach Object.prototype through the lookup. */
function fill(text: string, values: Values, encode: (s: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) =>
    encode((Object.hasOwn(values, name) ? values[name] : undefined) ?? ''),
  );
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Fills a template. The subject is forced onto one line (a value with a newline must
 * not start new headers); the HTML part escapes every value and the template text,
 * then turns blank lines into paragraphs and URLs into links.
 */
export function renderTemplate(t: TemplateText, values: Values): RenderedEmail {
  const subject = fill(t.subject, values, (s) => s)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const text = fill(t.body, values, (s) => s);
  const paragraphs = fill(escapeHtml(t.body), values, escapeHtml)
    .split(/\n{2,}/)
    .map((p) =>
      p.replace(/\n/g, '<br>').replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`),
    )
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,-apple-system,'Segoe UI','Noto Sans',sans-serif;line-height:1.5;color:#1b1f24">${paragraphs}</body></html>`;
  return { subject, text, html };
}
