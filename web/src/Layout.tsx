import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { UnverifiedBanner } from './features/account/UnverifiedBanner';
import { useSession } from './features/auth/session';
import { BusinessSwitcher } from './features/team/BusinessSwitcher';
import { useCan } from './features/team/can';
import { SupportLink } from './features/tickets/SupportLink';
import { useWords } from './i18n';

/** The signed-in app's frame: the main navigation, who is signed in, sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const { t } = useWords();
  const can = useCan();
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
          <NavLink to="/recurring">{t.recurring.nav}</NavLink>
          <NavLink to="/estimates">{t.app.nav.estimates}</NavLink>
          <SupportLink />
          {can('settings') || can('team') ? <NavLink to="/settings">{t.app.nav.settings}</NavLink> : null}
          <NavLink to="/account">{t.account.accountLink}</NavLink>
        </nav>
        <BusinessSwitcher />
        <Link to="/account" className="who" title={session?.email}>
          {session?.businessName}
          <span className="sr-only"> — {t.account.accountLink}</span>
        </Link>
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
      <UnverifiedBanner />
      <main className="content">{children}</main>
    </div>
  );
}
