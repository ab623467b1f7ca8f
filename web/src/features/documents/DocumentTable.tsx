import { Link } from 'react-router';
import type { Doc } from '../../api/types';
import { useWords } from '../../i18n';
import { StatusBadge } from './StatusBadge';

/** Invoices or estimates as a list: number (a link), dates, status, total and what is still due. */
export function DocumentTable({ docs, showClient = false }: { docs: Doc[]; showClient?: boolean }) {
  const { t, money, date } = useWords();
  return (
    <table className="list">
      <thead>
        <tr>
          <th>{t.documents.number}</th>
          {showClient ? <th>{t.documents.client}</th> : null}
          <th className="hide-sm">{t.documents.issued}</th>
          <th>{t.app.status}</th>
          <th className="num">{t.documents.total}</th>
          <th className="num hide-sm">{t.documents.due}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id}>
            <td>
              <Link to={`/${d.type}s/${d.id}`}>{d.number ?? t.app.draft}</Link>
            </td>
            {showClient ? <td>{d.clientName}</td> : null}
            <td className="hide-sm">{date(d.issueDate)}</td>
            <td>
              <StatusBadge
                type={d.type}
                status={d.status}
                overdue={d.overdue}
                disputed={Boolean(d.dispute)}
              />
            </td>
            <td className="num">{money(d.total, d.currency)}</td>
            <td className="num hide-sm">{d.type === 'invoice' ? money(d.amountDue, d.currency) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
