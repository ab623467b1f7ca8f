import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { MonthlyChart } from './MonthlyChart';
import { dashboardQueries } from './queries';

const AGING = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;

/** The admin home: what is owed and how late, the year in invoices and payments, what clients did. */
export function DashboardPage() {
  const q = useQuery(dashboardQueries.overview());
  const d = q.data;
  const { t, money, date } = useWords();
  const currencies = d ? [...new Set(d.invoicedByMonth.map((m) => m.currency))] : [];
  const [picked, setPicked] = useState<string | null>(null);
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? null);
  if (q.error) return <FormError message={q.error.message} />;
  if (!d) return <p className="muted">{t.app.loading}</p>;
  return (
    <section>
      <div className="page-head">
        <h1>{t.dashboard.title}</h1>
        <Link to="/support">{t.dashboard.ticketsAwait(d.openTickets)}</Link>
      </div>
      <h2>{t.dashboard.receivables}</h2>
      {d.receivables.length === 0 ? (
        <p className="muted">{t.dashboard.nothingOwed}</p>
      ) : (
        <div className="card table-scroll">
          <table className="list" data-testid="aging">
            <thead>
              <tr>
                <th>{t.field.currency}</th>
                <th className="num">{t.dashboard.outstanding}</th>
                <th className="num">{t.dashboard.overdue}</th>
                {AGING.map((k) => (
                  <th key={k} className="num hide-sm">
                    {t.dashboard.aging[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.receivables.map((r) => (
                <tr key={r.currency}>
                  <td>{r.currency}</td>
                  <td className="num">{money(r.outstanding, r.currency)}</td>
                  <td className="num">{money(r.overdue, r.currency)}</td>
                  {AGING.map((k) => (
                    <td key={k} className="num hide-sm">
                      {money(r.aging[k], r.currency)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.clientCredit.length > 0 ? (
        <p className="muted" data-testid="client-credit">
          {t.credit.heldForClients}: {d.clientCredit.map((c) => money(c.amount, c.currency)).join(' · ')}
        </p>
      ) : null}
      <h2>{t.dashboard.lastYear}</h2>
      {currency ? (
        <div className="card">
          {currencies.length > 1 ? (
            <div className="tabs" role="tablist" aria-label={t.field.currency}>
              {currencies.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="tab"
                  aria-selected={c === currency}
                  className={c === currency ? 'primary' : undefined}
                  onClick={() => setPicked(c)}
                >
                  {c}
                </button>
              ))}
            </div>
          ) : null}
          <MonthlyChart
            points={d.invoicedByMonth.filter((m) => m.currency === currency)}
            currency={currency}
          />
        </div>
      ) : (
        <p className="muted">{t.dashboard.noInvoicesYear}</p>
      )}
      <div className="ticket-layout">
        <div className="card">
          <h3>{t.dashboard.whatClientsDid}</h3>
          {d.activity.length === 0 ? (
            <p className="muted">{t.dashboard.noActivity}</p>
          ) : (
            <ul className="plain" data-testid="activity">
              {d.activity.map((a) => (
                <li key={a.id}>
                  <Link to={a.path}>{a.text}</Link> <span className="muted">· {date(a.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h3>{t.dashboard.recentPayments}</h3>
          {d.recentPayments.length === 0 ? (
            <p className="muted">{t.dashboard.noPayments}</p>
          ) : (
            <table className="list">
              <tbody>
                {d.recentPayments.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/invoices/${p.invoiceId}`}>{date(p.date)}</Link>
                    </td>
                    <td>{p.source === 'stripe' ? 'Stripe' : p.method}</td>
                    <td className="num">{money(p.amount, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
