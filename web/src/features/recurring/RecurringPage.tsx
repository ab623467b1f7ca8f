import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Invoice } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { isNotFound, problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { DocumentTable } from '../documents/DocumentTable';
import { documentQueries } from '../documents/queries';
import { useCan } from '../team/can';
import { recurringQueries } from './queries';
import { RecurringBadge, useRepeats } from './RecurringBadge';
import { actOnRecurring, deleteRecurring, type RecurringAction } from './writes';

/** The invoices a page shows at most: the latest ones a profile made. */
const SHOWN_INVOICES = 50;

type Command = { do: RecurringAction } | { do: 'delete' };

/** A recurring invoice: its schedule, next three dates, the invoices it made, and what can be done to it. */
export function RecurringPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { t, money, date } = useWords();
  const can = useCan();
  const repeats = useRepeats();
  const confirm = useConfirm();
  const query = useQuery(recurringQueries.detail(id));
  const rec = query.data ?? null;
  const shownIds = (rec?.invoiceIds ?? []).slice(-SHOWN_INVOICES).reverse();
  const invoices = useQueries({ queries: shownIds.map((inv) => documentQueries.detail('invoice', inv)) })
    .map((q) => q.data)
    .filter((d): d is Invoice => d?.type === 'invoice');
  const command = useApiForm({
    action: async (c: Command, key) => {
      if (c.do === 'delete') {
        await deleteRecurring(id, key);
        return true;
      }
      await actOnRecurring(id, c.do, key);
      return false;
    },
    onSuccess: (deleted) => (deleted ? navigate('/recurring', { replace: true }) : undefined),
    invalidates: [recurringQueries.all()],
  });
  const busy = command.busy;
  const act = (c: Command) => void command.submit(c);

  if (isNotFound(query.error)) return <p className="form-error">{t.recurring.missing}</p>;
  if (!rec) {
    return query.error ? (
      <FormError message={problemText(query.error, t)} />
    ) : (
      <p className="muted">{t.app.loading}</p>
    );
  }
  const s = rec.schedule;
  return (
    <section>
      {confirm.dialog}
      <div className="page-head">
        <h1>
          {rec.clientName ?? t.recurring.title} <RecurringBadge status={rec.status} />
        </h1>
        <Link to="/recurring">{t.recurring.all}</Link>
      </div>
      <FormError message={command.error} />
      {can('write') ? (
        <div className="actions-bar">
          <Link className="button" to={`/recurring/${rec.id}/edit`}>
            {t.app.edit}
          </Link>
          {rec.status === 'active' ? (
            <>
              <button type="button" disabled={busy} onClick={() => act({ do: 'skip' })}>
                {t.recurring.skip}
              </button>
              <button type="button" disabled={busy} onClick={() => act({ do: 'pause' })}>
                {t.recurring.pause}
              </button>
            </>
          ) : null}
          {rec.status === 'paused' ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              aria-describedby="resume-hint"
              onClick={() => act({ do: 'resume' })}
            >
              {t.recurring.resume}
            </button>
          ) : null}
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              confirm
                .ask({ title: t.recurring.removeConfirm, confirmLabel: t.recurring.remove, danger: true })
                .then((ok) => ok && act({ do: 'delete' }))
            }
          >
            {t.recurring.remove}
          </button>
          {busy ? (
            <span className="muted" aria-live="polite">
              {t.recurring.working}
            </span>
          ) : null}
        </div>
      ) : null}
      {rec.status === 'paused' ? (
        <p id="resume-hint" className="hint">
          {t.recurring.resumeHint}
        </p>
      ) : null}
      <div className="card">
        <dl className="meta">
          <dt>{t.recurring.repeats}</dt>
          <dd>{repeats(s)}</dd>
          <dt>{t.recurring.startDate}</dt>
          <dd>{date(s.startDate)}</dd>
          {s.dayOfMonth ? (
            <>
              <dt>{t.recurring.dayOfMonth}</dt>
              <dd>{s.dayOfMonth}</dd>
            </>
          ) : null}
          {s.endDate ? (
            <>
              <dt>{t.recurring.endDate}</dt>
              <dd>{date(s.endDate)}</dd>
            </>
          ) : null}
          {s.count ? (
            <>
              <dt>{t.recurring.count}</dt>
              <dd>{s.count}</dd>
            </>
          ) : null}
          <dt>{t.recurring.timeZone}</dt>
          <dd>{rec.timeZone}</dd>
          <dt>{t.editor.total}</dt>
          <dd>{money(rec.total, rec.currency)}</dd>
          <dt>{t.app.status}</dt>
          <dd>{t.recurring.sendMode(rec.autoSend)}</dd>
        </dl>
      </div>
      <h2>{t.recurring.nextDates}</h2>
      {rec.nextRunDates.length ? (
        <ol data-testid="next-dates">
          {rec.nextRunDates.map((d) => (
            <li key={d}>{date(d)}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t.recurring.noNextDates}</p>
      )}
      <h2>{t.recurring.invoices}</h2>
      {rec.invoiceIds.length === 0 ? (
        <p className="muted">{t.recurring.noInvoices}</p>
      ) : (
        <div className="table-scroll" data-testid="recurring-invoices">
          <DocumentTable docs={invoices} />
        </div>
      )}
    </section>
  );
}
