import type { Hono } from 'hono';
import { documentView } from '../../../services/documents/view';
import { ConflictError } from '../../../services/errors';
import {
  clientDocument,
  clientDocumentPdf,
  estimatePage,
  openClientDocument,
} from '../../../services/portal/documents';
import { answerEstimate } from '../../../services/portal/estimates';
import { pdfResponse } from '../../pdf-response';
import { notFound, type PortalContext, type PortalEnv, requirePortal, signedInPage } from '../context';
import { pageNumber } from '../page-number';
import { formatters } from './format';
import { DocumentPreview } from './preview';

const PAGE_SIZE = 25;
const MAX_REASON = 2000;

type EstimateStatus = 'sent' | 'accepted' | 'rejected' | 'expired';

/** `/portal/estimates`: the client's estimates, each with accept / decline. */
export function estimatePages(portal: Hono<PortalEnv>) {
  portal.get('/estimates', requirePortal, async (c) => {
    const { lang, m, portal: p } = c.var;
    const page = pageNumber(c.req.query('page'));
    const result = await estimatePage(p, page, PAGE_SIZE);
    const f = formatters(lang);
    return signedInPage(
      c,
      { title: m.estimates, section: 'estimates' },
      <>
        <h1>{m.estimates}</h1>
        <div class="card">
          {result.rows.length === 0 ? (
            <p class="muted">{m.noEstimates}</p>
          ) : (
            <table class="responsive">
              <thead>
                <tr>
                  <th>{m.number}</th>
                  <th>{m.issued}</th>
                  <th>{m.validUntil}</th>
                  <th>{m.status}</th>
                  <th class="num">{m.total}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => {
                  const status = documentView(r, p.ctx.now).status as EstimateStatus;
                  return (
                    <tr data-estimate={r.number ?? ''}>
                      <td data-label={m.number}>
                        <a href={`/portal/estimates/${r.id}`}>{r.number}</a>
                      </td>
                      <td data-label={m.issued}>{f.date(r.issueDate)}</td>
                      <td data-label={m.validUntil}>{f.date(r.validUntil)}</td>
                      <td data-label={m.status}>{m.estimateStatusName[status]}</td>
                      <td data-label={m.total} class="num">
                        {f.money(r.total, r.currency)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        <p class="actions">
          {page > 1 ? <a href={`/portal/estimates?page=${page - 1}`}>← {m.previous}</a> : null}
          {result.hasMore ? <a href={`/portal/estimates?page=${page + 1}`}>{m.next} →</a> : null}
        </p>
      </>,
    );
  });

  const show = async (c: PortalContext, notice?: string) => {
    const { lang, m, portal: p } = c.var;
    const row = await openClientDocument(p, 'estimate', c.req.param('id') ?? '');
    if (!row) return notFound(c);
    const view = documentView(row, p.ctx.now);
    const status = view.status as EstimateStatus;
    const title = `${m.estimate} ${view.number ?? ''}`;
    return signedInPage(
      c,
      { title: title, section: 'estimates', path: `/portal/estimates/${row.id}` },
      <>
        <p>
          <a href="/portal/estimates">← {m.estimates}</a>
        </p>
        <h1>{title}</h1>
        <p data-status={status} class={status === 'accepted' ? 'ok' : 'muted'}>
          {m.estimateStatusName[status]}
          {status === 'rejected' && view.rejectionReason ? ` — ${view.rejectionReason}` : ''}
        </p>
        {notice ? (
          <p role="status" class="ok">
            {notice}
          </p>
        ) : null}
        <div class="actions">
          <a class="button secondary" href={`/portal/estimates/${row.id}/pdf`} download>
            {m.downloadPdf}
          </a>
        </div>
        {status === 'sent' ? (
          <div class="card">
            <form method="post" action={`/portal/estimates/${row.id}/accept`} class="actions">
              <button type="submit">{m.accept}</button>
            </form>
            <form method="post" action={`/portal/estimates/${row.id}/reject`}>
              <label>
                {m.rejectReason}
                <textarea name="reason" maxlength={MAX_REASON} />
              </label>
              <p>
                <button type="submit" class="secondary">
                  {m.reject}
                </button>
              </p>
            </form>
          </div>
        ) : null}
        <DocumentPreview row={row} view={view} lang={lang} m={m} />
      </>,
    );
  };

  portal.get('/estimates/:id', requirePortal, (c) =>
    show(c, c.req.query('answered') ? c.var.m.decisionThanks(c.var.portal.tenant.name) : undefined),
  );

  for (const decision of ['accept', 'reject'] as const) {
    portal.post(`/estimates/:id/${decision}`, requirePortal, async (c) => {
      const p = c.var.portal;
      const row = await clientDocument(p, 'estimate', c.req.param('id'));
      if (!row) return notFound(c);
      const form = await c.req.parseBody();
      const reason = typeof form.reason === 'string' ? form.reason.trim().slice(0, MAX_REASON) : '';
      try {
        await answerEstimate({ ...p, clientName: p.client.name }, row, {
          decision: decision === 'accept' ? 'accepted' : 'rejected',
          reason: reason || null,
        });
      } catch (err) {
        // Decided or expired meanwhile: the page shows where it stands now.
        if (!(err instanceof ConflictError)) throw err;
        return c.redirect(`/portal/estimates/${row.id}`, 303);
      }
      // Post/redirect/get: reloading the page never answers twice.
      return c.redirect(`/portal/estimates/${row.id}?answered=1`, 303);
    });
  }

  portal.get('/estimates/:id/pdf', requirePortal, async (c) => {
    const p = c.var.portal;
    const pdf = await clientDocumentPdf(p, 'estimate', c.req.param('id'));
    if (!pdf) return notFound(c);
    return pdfResponse(c, pdf, c.req.query('download') !== '0');
  });
}
