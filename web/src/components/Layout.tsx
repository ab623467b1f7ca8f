import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useSession } from '../session';

export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Clientele</span>
        <nav aria-label="Main">
          <NavLink to="/clients">Clients</NavLink>
          <NavLink to="/invoices">Invoices</NavLink>
          <NavLink to="/estimates">Estimates</NavLink>
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
