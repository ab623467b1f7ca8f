import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { api } from '../api';
import { keys } from '../queries';
import { useSession } from '../session';

/** Tickets awaiting the business, refreshed every 15 s without a reload. */
function SupportLink() {
  const unread = useQuery({
    queryKey: keys.unreadTickets,
    queryFn: api.unreadTickets,
    refetchInterval: 15_000,
  });
  const count = unread.data?.count ?? 0;
  return (
    <NavLink to="/support">
      Support
      {count > 0 ? (
        <>
          <span className="nav-badge" data-testid="support-badge">
            {count}
          </span>
          <span className="sr-only"> awaiting reply</span>
        </>
      ) : null}
    </NavLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Clientele</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/clients">Clients</NavLink>
          <NavLink to="/invoices">Invoices</NavLink>
          <NavLink to="/estimates">Estimates</NavLink>
          <SupportLink />
          <NavLink to="/settings">Settings</NavLink>
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
          Sign out
        </button>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
