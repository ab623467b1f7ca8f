import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { date } from '../format';
import { keys } from '../queries';

export function EmailLog({ clientId }: { clientId?: string }) {
  const { data, isPending, error } = useQuery({
    queryKey: keys.emails(clientId),
    queryFn: () => api.emails(clientId),
  });
  if (isPending) return <p className="muted">Loading…</p>;
  if (error) return <p className="field-error">Could not load the email log: {error.message}</p>;
  const emails = data.data;
  if (emails.length === 0) return <p className="muted">No emails sent yet.</p>;
  return (
    <table className="list">
      <thead>
        <tr>
          <th>When</th>
          <th>Kind</th>
          <th className="hide-sm">Subject</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((e) => (
          <tr key={e.id}>
            <td>{date(e.createdAt)}</td>
            <td>{e.kind.replace('_', ' ')}</td>
            <td className="hide-sm">{e.subject ?? '—'}</td>
            <td>
              <span
                className={`badge badge-${e.status === 'sent' ? 'paid' : e.status === 'failed' ? 'void' : 'sent'}`}
              >
                {e.status}
              </span>
              {e.error ? <div className="field-error">{e.error}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
