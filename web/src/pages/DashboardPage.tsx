import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { FormError } from '../components/FormError';
import { MonthlyChart } from '../components/MonthlyChart';
import { date, money } from '../format';
import { keys } from '../queries';

const AGING = [
  ['current', 'Current'],
  ['days1to30', '1–30 days'],
  ['days31to60', '31–60 days'],
  ['days61to90', '61–90 days'],
  ['days90plus', '90+ days'],
] as const;

/** The admin home: what is owed and how late, the year in invoices and payments, what clients did. */
export function DashboardPage() {
  const q = useQuery({ queryKey: keys.dashboard, queryFn: api.dashboard, refetchInterval: 30_000 });
  const d = q.data;
  const currencies = d ? [...new Set(d.invoicedByMonth.map((m) => m.currency))] : [];
  const [picked, setPicked] = useState<string | null>(null);
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? null);
  if (q.error) return <FormError message={q.error.message} />;
  if (!d) return <p className="muted">Loading…</p>;
  return (
    <section>
      <div className="page-head">
        <h1>Dashboard</h1>
        <Link to="/support">
          {d.openTickets === 1 ? '1 ticket awaits you' : `${d.openTickets} tickets await you`}
        </Link>
      </div>
      <h2>Receivables</h2>
      {d.receivables.length === 0 ? (
        <p className="muted">Nothing owed right now.</p>
      ) : (
        <div className="card table-scroll">
          <table className="list" data-testid="aging">
            <thead>
              <tr>
                <th>Currency</th>
                <th className="num">Outstanding</th>
                <th className="num">Overdue</th>
                {AGING.map(([k, label]) => (
                  <th key={k} className="num hide-sm">
                    {label}
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
                  {AGING.map(([k]) => (
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
      <h2>Invoiced and paid, last 12 months</h2>
      {currency ? (
        <div className="card">
          {currencies.length > 1 ? (
            <div className="tabs" role="tablist" aria-label="Currency">
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
        <p className="muted">No invoices in the last 12 months.</p>
      )}
      <div className="ticket-layout">
        <div className="card">
          <h3>What clients did</h3>
          {d.activity.length === 0 ? (
            <p className="muted">Accepted estimates, online payments and new tickets appear here.</p>
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
          <h3>Recent payments</h3>
          {d.recentPayments.length === 0 ? (
            <p className="muted">No payments yet.</p>
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
