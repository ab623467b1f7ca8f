import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useCan } from '../team/can';
import { recurringQueries } from './queries';
import { RecurringBadge, useRepeats } from './RecurringBadge';

/** Every recurring invoice of the business, newest first. */
export function RecurringListPage() {
  const { t, money, date } = useWords();
  const can = useCan();
  const repeats = useRepeats();
  const list = useInfiniteQuery(recurringQueries.list());
  const rows = list.data ? list.data.pages.flatMap((p) => p.data) : null;
  return (
    <section>
      <div className="page-head">
        <h1>{t.recurring.title}</h1>
        {can('write') ? (
          <Link className="button primary" to="/recurring/new">
            {t.recurring.new}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t.recurring.intro}</p>
      <FormError message={list.error ? list.error.message : null} />
      {rows === null ? (
        <p className="muted">{t.app.loading}</p>
      ) : rows.length === 0 ? (
        <div className="empty">
          <p>{t.recurring.empty}</p>
        </div>
      ) : (
        <>
          <table className="list">
            <thead>
              <tr>
                <th>{t.recurring.client}</th>
                <th className="hide-sm">{t.recurring.repeats}</th>
                <th>{t.recurring.nextDate}</th>
                <th>{t.app.status}</th>
                <th className="num">{t.editor.total}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/recurring/${r.id}`}>{r.clientName ?? r.clientId}</Link>
                  </td>
                  <td className="hide-sm">{repeats(r.schedule)}</td>
                  <td>{r.nextRunDates[0] ? date(r.nextRunDates[0]) : '—'}</td>
                  <td>
                    <RecurringBadge status={r.status} />
                  </td>
                  <td className="num">{money(r.total, r.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage ? (
            <button type="button" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {list.isFetchingNextPage ? t.app.loading : t.app.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
