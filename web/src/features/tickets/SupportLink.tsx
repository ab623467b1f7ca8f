import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { useWords } from '../../i18n';
import { ticketQueries } from './queries';

/** Tickets awaiting the business, refreshed every 15 s without a reload. */
export function SupportLink() {
  const { t } = useWords();
  const unread = useQuery({ ...ticketQueries.unread(), refetchInterval: 15_000 });
  const count = unread.data?.count ?? 0;
  return (
    <NavLink to="/support">
      {t.app.nav.support}
      {count > 0 ? (
        <>
          <span className="nav-badge" data-testid="support-badge">
            {count}
          </span>
          <span className="sr-only"> {t.app.awaitingReply}</span>
        </>
      ) : null}
    </NavLink>
  );
}
