import { TEMPLATE_KINDS } from '@clientele/core';
import { useQuery } from '@tanstack/react-query';
import { oneOf } from '../../api/http';
import { useWords } from '../../i18n';
import { problemText } from '../../ui/problemText';
import { emailQueries } from './queries';

export function EmailLog({ clientId }: { clientId?: string }) {
  const { t, date } = useWords();
  const { data, isPending, error } = useQuery(emailQueries.log(clientId));
  if (isPending) return <p className="muted">{t.app.loading}</p>;
  if (error) return <p className="field-error">{t.emailLog.couldNotLoad(problemText(error, t))}</p>;
  const emails = data.data;
  // A kind the app has no name for (a newer API) shows as the API spells it.
  const kindLabel = (kind: string) => {
    const known = oneOf(TEMPLATE_KINDS, kind);
    return known ? t.templates.kinds[known] : kind;
  };
  if (emails.length === 0) return <p className="muted">{t.emailLog.none}</p>;
  return (
    <table className="list">
      <thead>
        <tr>
          <th>{t.emailLog.when}</th>
          <th>{t.emailLog.kind}</th>
          <th className="hide-sm">{t.emailLog.subject}</th>
          <th>{t.app.status}</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((e) => (
          <tr key={e.id}>
            <td>{date(e.createdAt)}</td>
            <td>{kindLabel(e.kind)}</td>
            <td className="hide-sm">{e.subject ?? '—'}</td>
            <td>
              <span
                className={`badge badge-${e.status === 'sent' ? 'paid' : e.status === 'failed' ? 'void' : 'sent'}`}
              >
                {t.emailLog.state[e.status]}
              </span>
              {e.error ? <div className="field-error">{e.error}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
