import { useEffect, useState } from 'react';
import { api, type EmailLogEntry } from '../api';
import { date } from '../format';

export function EmailLog({ clientId }: { clientId?: string }) {
  const [emails, setEmails] = useState<EmailLogEntry[] | null>(null);
  useEffect(() => {
    api.emails(clientId).then(
      (p) => setEmails(p.data),
      () => setEmails([]),
    );
  }, [clientId]);
  if (emails === null) return <p className="muted">Loading…</p>;
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
