import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Invoice } from '../../api/types';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useCan } from '../team/can';
import { reminderChanges, reminderQueries } from './queries';
import { remindInvoice } from './writes';

const OWING = new Set(['sent', 'viewed', 'partial']);

/** A step key (`before:3`, `after:0`, `after:7`) as the days it stands for. */
function offsetOf(step: string): number | null {
  const m = /^(before|after):(\d+)$/.exec(step);
  if (!m) return null;
  return (m[1] === 'before' ? -1 : 1) * Number(m[2]);
}

/**
 * An issued invoice's reminders: "Send reminder now" while it still owes something, and the
 * reminders it has had (each step sent or skipped by the schedule, and those sent by hand).
 */
export function InvoiceReminders({ invoice }: { invoice: Invoice }) {
  const { t, date } = useWords();
  const can = useCan();
  const history = useQuery(reminderQueries.ofInvoice(invoice.id)).data?.data ?? [];
  const [queuedFor, setQueuedFor] = useState<string | null>(null);
  const remind = useApiForm({
    action: (_: void, key) => remindInvoice(invoice.id, key),
    onSuccess: (r) => setQueuedFor(r.email.to),
    invalidates: reminderChanges(),
  });
  if (invoice.status === 'draft') return null;
  const mayRemind = can('write') && OWING.has(invoice.status) && invoice.amountDue > 0;
  if (!mayRemind && history.length === 0) return null;
  return (
    <section className="card" aria-labelledby="invoice-reminders">
      <div className="page-head">
        <h3 id="invoice-reminders">{t.reminders.history}</h3>
        {mayRemind ? (
          <button
            type="button"
            disabled={remind.busy}
            onClick={() => {
              setQueuedFor(null);
              void remind.submit();
            }}
          >
            {t.reminders.sendNow}
          </button>
        ) : null}
      </div>
      <FormError message={remind.error} />
      {queuedFor ? (
        <p className="notice" role="status">
          {t.reminders.queued(queuedFor)}
        </p>
      ) : null}
      {history.length ? (
        <ul className="plain">
          {history.map((h) => {
            const offset = offsetOf(h.step);
            return (
              <li key={`${h.step}-${h.createdAt}`}>
                {date(h.createdAt)} ·{' '}
                {h.step === 'manual' || offset === null ? t.reminders.manual : t.reminders.describe(offset)} ·{' '}
                <span className={h.outcome === 'sent' ? '' : 'muted'}>
                  {h.outcome === 'sent' ? t.reminders.sent : t.reminders.skipped}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
