import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useWords } from '../../i18n';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { teamQueries } from './queries';
import { switchBusiness } from './writes';

/** The header's business name, a menu when the person belongs to more than one. */
export function BusinessSwitcher() {
  const { session, setSession } = useSession();
  const { t } = useWords();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const businesses = useQuery(teamQueries.businesses());
  const change = useApiForm({
    action: (tenantId: string, key) => switchBusiness(tenantId, key),
    onSuccess: async (next) => {
      // Everything cached belongs to the business just left.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      setSession(next);
      navigate('/');
    },
  });
  const list = businesses.data?.data ?? [];
  if (list.length < 2) {
    return (
      <span className="who" title={session?.email}>
        {session?.businessName}
      </span>
    );
  }
  return (
    <select
      className="who"
      aria-label={t.team.switchTo}
      title={t.team.business}
      value={session?.tenantId}
      disabled={change.busy}
      onChange={(e) => void change.submit(e.currentTarget.value)}
    >
      {list.map((b) => (
        <option key={b.tenantId} value={b.tenantId}>
          {b.name}
        </option>
      ))}
    </select>
  );
}
