import { formatMoney, isLanguage, localeOf, MESSAGES } from '@clientele/core';
import { type ActivityRow, digestActivity, type EmailRow, getActivity, getTenant } from '@clientele/db';
import type { AppContext, TenantContext } from '../context';
import { buildMime } from '../mail/mime';
import { renderTemplate } from '../mail/templates';

/** The email kind of notices to the business (not a client template: no editor, no override). */
export const NOTICE_KIND = 'notice';
/** One email carrying the notices past the hourly number (see `tellBusiness`). */
export const NOTICE_DIGEST_KIND = 'notice_digest';

export const isNoticeKind = (kind: string) => kind === NOTICE_KIND || kind === NOTICE_DIGEST_KIND;

/** The one line that says what happened, in the business's language. */
export function noticeLine(a: Pick<ActivityRow, 'kind' | 'facts'>, language: string): string {
  const lang = isLanguage(language) ? language : 'en';
  const n = MESSAGES[lang].notice;
  const f = a.facts;
  switch (a.kind) {
    case 'estimate_accepted':
      return n.estimateAccepted(f.clientName, f.number ?? '');
    case 'estimate_rejected':
      return n.estimateRejected(f.clientName, f.number ?? '');
    case 'payment_received':
      return n.paymentReceived(
        f.clientName,
        formatMoney(f.amount ?? 0, f.currency ?? 'EUR', localeOf(lang)),
        f.number ?? '',
      );
    case 'ticket_opened':
      return n.ticketOpened(f.clientName, f.subject ?? '');
    case 'payment_disputed':
      return n.paymentDisputed(
        f.clientName,
        formatMoney(f.amount ?? 0, f.currency ?? 'EUR', localeOf(lang)),
        f.number ?? '',
      );
    case 'dispute_closed':
      return f.subject === 'won' ? n.disputeWon(f.number ?? '') : n.disputeLost(f.number ?? '');
  }
}

/** Where in the admin app the business sees what the notice is about. */
export function noticePath(a: Pick<ActivityRow, 'kind' | 'subjectId'>): string {
  if (a.kind === 'ticket_opened') return `/support/${a.subjectId}`;
  if (a.kind === 'payment_received' || a.kind === 'payment_disputed' || a.kind === 'dispute_closed')
    return `/invoices/${a.subjectId}`;
  return `/estimates/${a.subjectId}`;
}

const messageIdFor = (ctx: AppContext, email: EmailRow) =>
  `<${email.id}@${ctx.config.mailFrom.split('@')[1] ?? 'clientele.local'}>`;

/** Renders a notice or digest email from its activity rows; 'gone' when there is nothing left to tell. */
export async function composeNotice(
  ctx: TenantContext,
  email: EmailRow,
): Promise<{ subject: string; raw: string } | 'gone'> {
  if (email.kind === NOTICE_DIGEST_KIND) return composeDigest(ctx, email);
  const [a, tenant] = await Promise.all([
    email.activityId ? getActivity(ctx.db, ctx.tenantId, email.activityId) : undefined,
    getTenant(ctx.db, ctx.tenantId),
  ]);
  if (!a || !tenant) return 'gone';
  const lang = isLanguage(tenant.locale) ? tenant.locale : 'en';
  const n = MESSAGES[lang].notice;
  const line = noticeLine(a, lang);
  const link = `${new URL(ctx.config.publicUrl).origin}${noticePath(a)}`;
  // Client words go in as values, never as template text, so nothing in them is expanded.
  const rendered = renderTemplate(
    { subject: '{{line}}', body: '{{line}}\n\n{{reason}}{{open}}: {{link}}' },
    { line, reason: a.facts.reason ? `${n.reason}: ${a.facts.reason}\n\n` : '', open: n.openApp, link },
  );
  return noticeMessage(ctx, email, rendered);
}

/** The hour's overflow in one email: one line and one link per notice, in the business's language. */
async function composeDigest(
  ctx: TenantContext,
  email: EmailRow,
): Promise<{ subject: string; raw: string } | 'gone'> {
  const [rows, tenant] = await Promise.all([
    digestActivity(ctx.db, ctx.tenantId, email.id),
    getTenant(ctx.db, ctx.tenantId),
  ]);
  if (!rows.length || !tenant) return 'gone';
  const lang = isLanguage(tenant.locale) ? tenant.locale : 'en';
  const n = MESSAGES[lang].notice;
  const origin = new URL(ctx.config.publicUrl).origin;
  const lines = rows.map((a) => `• ${noticeLine(a, lang)}\n  ${origin}${noticePath(a)}`).join('\n');
  // Client words go in as values, never as template text, so nothing in them is expanded.
  const rendered = renderTemplate(
    { subject: '{{subject}}', body: '{{intro}}\n\n{{lines}}\n\n{{open}}: {{link}}' },
    { subject: n.digestSubject(rows.length), intro: n.digestIntro, lines, open: n.openApp, link: origin },
  );
  return noticeMessage(ctx, email, rendered);
}

/** A notice or digest as sent: from the product to the business's address, no reply address. */
function noticeMessage(
  ctx: AppContext,
  email: EmailRow,
  rendered: { subject: string; text: string; html: string },
) {
  const raw = buildMime({
    messageId: messageIdFor(ctx, email),
    from: { name: 'Clientele', addr: ctx.config.mailFrom },
    to: email.to,
    replyTo: null,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments: [],
  });
  return { subject: rendered.subject, raw };
}
