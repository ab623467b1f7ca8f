import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { api } from '../api';
import { useWords } from '../i18n';
import { keys } from '../queries';
import { useSession } from '../session';

/** Tickets awaiting the business, refreshed every 15 s without a reload. */
function SupportLink() {
  const { t } = useWords();
  const unread = useQuery({
    queryKey: keys.unreadTickets,
    queryFn: api.unreadTickets,
    refetchInterval: 15_000,
  });
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

export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const { t } = useWords();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Clientele</span>
        <nav aria-label={t.app.mainNav}>
          <NavLink to="/" end>
            {t.app.nav.dashboard}
          </NavLink>
          <NavLink to="/clients">{t.app.nav.clients}</NavLink>
          <NavLink to="/invoices">{t.app.nav.invoices}</NavLink>
          <NavLink to="/estimates">{t.app.nav.estimates}</NavLink>
          <SupportLink />
          <NavLink to="/settings">{t.app.nav.settings}</NavLink>
        </nav>
        <span className="who" title={session?.email}>
          {session?.businessName}
        </span>
        <button
          type="button"
          className="link"
          onClick={async () => {
            await signOut();
            navigate('/signin');
          }}
        >
          {t.app.signOut}
        </button>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
