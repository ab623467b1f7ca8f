import type { Context, Hono } from 'hono';
import { DomainError, type FieldError } from '../../../services/errors';
import { invoicePage } from '../../../services/portal/documents';
import { PortalLimitError } from '../../../services/tickets/limits';
import {
  clientTicket,
  clientTickets,
  openTicket,
  replyAsClient,
  ticketAttachment,
  type Upload,
} from '../../../services/tickets/tickets';
import { attachmentResponse } from '../../attachment-response';
import { notFound, type PortalEnv, requirePortal, signedInPage } from '../context';
import type { PortalMessages } from '../messages';
import { formatters } from './format';

type PortalCtx = Context<PortalEnv>;

/** A script posting JSON gets problem+json answers; a browser's form gets pages. */
const isJson = (c: PortalCtx) => (c.req.header('content-type') ?? '').startsWith('application/json');

/** Form fields and files as the service takes them (JSON carries text only). */
async function readForm(c: PortalCtx) {
  if (isJson(c)) {
    const body: unknown = await c.req.json().catch(() => {
      throw new DomainError(400, 'notJson');
    });
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const text = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : '');
    return { text, files: [] as Upload[] };
  }
  const form = await c.req.parseBody({ all: true });
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const raw = form.attachments;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((f): f is File => f instanceof File);
  const files: Upload[] = list.map((f) => ({
    name: f.name,
    type: f.type,
    size: f.size,
    bytes: () => f.arrayBuffer(),
  }));
  return { text, files };
}

/** What a refused write answers: the page again with the words kept, and why. */
interface Refusal {
  errors: Record<string, string>;
  /** A limit reached: the page says how long to wait, with the same wait in Retry-After. */
  limit?: { text: string; retryAfterSeconds: number };
}

function refusalOf(c: PortalCtx, err: unknown): Refusal | null {
  const m = c.var.m;
  if (err instanceof PortalLimitError) {
    const minutes = Math.ceil(err.retryAfterSeconds / 60);
    const text = err.limit === 'tickets' ? m.ticketsLimit(minutes) : m.messagesLimit(minutes);
    return { errors: {}, limit: { text, retryAfterSeconds: err.retryAfterSeconds } };
  }
  if (err instanceof DomainError && err.status === 422) return { errors: localized(m, err.errors) };
  return null;
}

/** The service's field errors in the client's language. */
function localized(m: PortalMessages, errors: FieldError[]) {
  const byPath: Record<string, string> = {
    subject: m.subjectRequired,
    message: m.messageRequired,
    attachments: m.attachmentsInvalid,
  };
  return Object.fromEntries(errors.map((e) => [e.path, byPath[e.path] ?? m.checkFields]));
}

function Alert({ text }: { text: string | undefined }) {
  return text ? (
    <p class="danger" role="alert">
      {text}
    </p>
  ) : null;
}

function FieldErrorText({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p class="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

/** Support: the client's questions to the business, by portal or by replying to email. */
export function ticketPages(portal: Hono<PortalEnv>) {
  const listPage = async (
    c: PortalCtx,
    refusal: Refusal = { errors: {} },
    values: Record<string, string> = {},
  ) => {
    const { lang, m, portal: p } = c.var;
    const { errors, limit } = refusal;
    const f = formatters(lang);
    const [tickets, invoices] = await Promise.all([
      clientTickets(p),
      invoicePage(p, { sort: 'date', order: 'desc', page: 1, pageSize: 50 }),
    ]);
    const invalid = Object.keys(errors).length > 0;
    if (limit) c.header('retry-after', String(limit.retryAfterSeconds));
    return signedInPage(
      c,
      { title: m.support, section: 'support' },
      <>
        <h1>{m.support}</h1>
        <form class="card" method="post" action="/portal/tickets" enctype="multipart/form-data">
          <h2>{m.newTicket}</h2>
          <Alert text={limit?.text ?? (invalid ? m.checkFields : undefined)} />
          <div class="field">
            <label for="subject">{m.ticketSubject}</label>
            <input
              type="text"
              id="subject"
              name="subject"
              required
              maxlength={200}
              value={values.subject ?? ''}
              aria-invalid={errors.subject ? 'true' : undefined}
              aria-describedby={errors.subject ? 'subject-error' : undefined}
            />
            <FieldErrorText id="subject-error" text={errors.subject} />
          </div>
          <div class="field">
            <label for="invoiceId">{m.aboutInvoice}</label>
            <select id="invoiceId" name="invoiceId">
              <option value="">{m.noInvoice}</option>
              {invoices.rows.map((i) => (
                <option value={i.id} selected={values.invoiceId === i.id}>
                  {i.number} · {f.money(i.total, i.currency)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="message">{m.ticketMessage}</label>
            <textarea
              id="message"
              name="message"
              required
              rows={5}
              aria-invalid={errors.message ? 'true' : undefined}
              aria-describedby={errors.message ? 'message-error' : undefined}
            >
              {values.message ?? ''}
            </textarea>
            <FieldErrorText id="message-error" text={errors.message} />
          </div>
          <div class="field">
            <label for="attachments">{m.attachFiles}</label>
            <input type="file" id="attachments" name="attachments" multiple />
            <FieldErrorText id="attachments-error" text={errors.attachments} />
          </div>
          <button type="submit">{m.sendTicket}</button>
        </form>
        <h2>{m.myTickets}</h2>
        {tickets.data.length === 0 ? (
          <p class="muted">{m.noTickets}</p>
        ) : (
          <table class="responsive">
            <thead>
              <tr>
                <th>{m.ticketSubject}</th>
                <th>{m.status}</th>
                <th>{m.lastActivity}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.data.map((t) => (
                <tr data-ticket={t.id}>
                  <td data-label={m.ticketSubject}>
                    <a href={`/portal/tickets/${t.id}`}>{t.subject}</a>
                  </td>
                  <td data-label={m.status}>{m.ticketStatusName[t.status]}</td>
                  <td data-label={m.lastActivity}>{f.date(t.lastMessageAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
      limit ? 429 : invalid ? 400 : 200,
    );
  };

  portal.get('/tickets', requirePortal, (c) => listPage(c));

  portal.post('/tickets', requirePortal, async (c) => {
    const p = c.var.portal;
    const { text, files } = await readForm(c);
    const values = { subject: text('subject'), message: text('message'), invoiceId: text('invoiceId') };
    try {
      const id = await openTicket(
        { ...p, clientName: p.client.name },
        {
          subject: values.subject,
          message: values.message,
          invoiceId: values.invoiceId || null,
          files,
        },
      );
      return isJson(c) ? c.json({ id }, 201) : c.redirect(`/portal/tickets/${id}`, 303);
    } catch (err) {
      const refusal = isJson(c) ? null : refusalOf(c, err);
      if (refusal) return listPage(c, refusal, values);
      throw err;
    }
  });

  const threadPage = async (c: PortalCtx, refusal: Refusal = { errors: {} }, draft = '') => {
    const { lang, m, portal: p } = c.var;
    const { errors, limit } = refusal;
    const f = formatters(lang);
    let ticket: Awaited<ReturnType<typeof clientTicket>>;
    try {
      ticket = await clientTicket(p, c.req.param('id') ?? '');
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return notFound(c);
      throw err;
    }
    const invalid = Object.keys(errors).length > 0;
    if (limit) c.header('retry-after', String(limit.retryAfterSeconds));
    return signedInPage(
      c,
      { title: ticket.subject, section: 'support' },
      <>
        <p>
          <a href="/portal/tickets">← {m.support}</a>
        </p>
        <h1>{ticket.subject}</h1>
        <p class="muted" data-ticket-status={ticket.status}>
          {m.ticketStatusName[ticket.status]}
        </p>
        <ol class="thread">
          {(ticket.messages ?? []).map((msg) => (
            <li class={msg.author} data-message={msg.id} data-via={msg.via}>
              <p class="muted">
                <strong>{msg.author === 'client' ? m.you : p.tenant.name}</strong> ·{' '}
                {f.date(msg.createdAt.slice(0, 10))}
              </p>
              <p class="pre">{msg.body}</p>
              {msg.attachments.map((a) => (
                <p>
                  <a href={`/portal/tickets/${ticket.id}/attachments/${a.id}`}>📎 {a.name}</a>
                </p>
              ))}
            </li>
          ))}
        </ol>
        {ticket.status === 'closed' ? <p class="muted">{m.ticketClosed}</p> : null}
        <form
          class="card"
          method="post"
          action={`/portal/tickets/${ticket.id}/messages`}
          enctype="multipart/form-data"
        >
          <Alert text={limit?.text ?? (invalid ? m.checkFields : undefined)} />
          <div class="field">
            <label for="message">{m.yourReply}</label>
            <textarea
              id="message"
              name="message"
              required
              rows={4}
              aria-invalid={errors.message ? 'true' : undefined}
              aria-describedby={errors.message ? 'message-error' : undefined}
            >
              {draft}
            </textarea>
            <FieldErrorText id="message-error" text={errors.message} />
          </div>
          <div class="field">
            <label for="attachments">{m.attachFiles}</label>
            <input type="file" id="attachments" name="attachments" multiple />
            <FieldErrorText id="attachments-error" text={errors.attachments} />
          </div>
          <button type="submit">{m.sendReply}</button>
          <p class="muted">{m.replyByEmail}</p>
        </form>
      </>,
      limit ? 429 : invalid ? 400 : 200,
    );
  };

  portal.get('/tickets/:id', requirePortal, (c) => threadPage(c));

  portal.post('/tickets/:id/messages', requirePortal, async (c) => {
    const p = c.var.portal;
    const id = c.req.param('id');
    const { text, files } = await readForm(c);
    try {
      await replyAsClient({ ...p, clientName: p.client.name }, id, {
        message: text('message'),
        files,
      });
      return isJson(c) ? c.body(null, 204) : c.redirect(`/portal/tickets/${id}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return notFound(c);
      const refusal = isJson(c) ? null : refusalOf(c, err);
      if (refusal) return threadPage(c, refusal, text('message'));
      throw err;
    }
  });

  portal.get('/tickets/:id/attachments/:attachmentId', requirePortal, async (c) => {
    const p = c.var.portal;
    try {
      const file = await ticketAttachment(p.ctx, c.req.param('id'), c.req.param('attachmentId'), {
        clientId: p.clientId,
      });
      return attachmentResponse(file);
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return notFound(c);
      throw err;
    }
  });
}
