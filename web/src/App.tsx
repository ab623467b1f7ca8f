import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AccountPage } from './features/account/AccountPage';
import { ForgotPasswordPage } from './features/account/ForgotPasswordPage';
import { ResetPasswordPage } from './features/account/ResetPasswordPage';
import { TwoFactorPage } from './features/account/TwoFactorPage';
import { VerifyEmailPage } from './features/account/VerifyEmailPage';
import { AuditLogPage } from './features/audit-log/AuditLogPage';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { SessionProvider, useSession } from './features/auth/session';
import { ClientFormPage } from './features/clients/ClientFormPage';
import { ClientsPage } from './features/clients/ClientsPage';
import { CreditNotePage } from './features/credit-notes/CreditNotePage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { DataPage } from './features/data/DataPage';
import { DocumentEditorPage } from './features/documents/DocumentEditorPage';
import { DocumentPage } from './features/documents/DocumentPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { RecurringFormPage } from './features/recurring/RecurringFormPage';
import { RecurringListPage } from './features/recurring/RecurringListPage';
import { RecurringPage } from './features/recurring/RecurringPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { AcceptInvitationPage } from './features/team/AcceptInvitationPage';
import { SupportPage } from './features/tickets/SupportPage';
import { TicketPage } from './features/tickets/TicketPage';
import { useWords } from './i18n';
import { Layout } from './Layout';

const TWO_FACTOR_PATH = '/account/two-factor';

function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  const { t } = useWords();
  if (loading) return <p className="muted page-loading">{t.app.loading}</p>;
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  // The business requires a second factor this person has not set up: enrolment comes first.
  if (session.twoFactorRequired && location.pathname !== TWO_FACTOR_PATH) {
    return <Navigate to={TWO_FACTOR_PATH} replace />;
  }
  return <Layout>{children}</Layout>;
}

function NotFound() {
  const { t } = useWords();
  return <p className="page-loading">{t.app.pageNotFound}</p>;
}

/** Pages behind sign-in share the session check and the app layout. */
const guarded = (page: ReactNode) => <RequireSession>{page}</RequireSession>;

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="/verify-email/:token" element={<VerifyEmailPage />} />
          <Route path="/account" element={guarded(<AccountPage />)} />
          <Route path="/" element={guarded(<DashboardPage />)} />
          <Route path="/clients" element={guarded(<ClientsPage />)} />
          <Route path="/clients/new" element={guarded(<ClientFormPage />)} />
          <Route path="/clients/:id" element={guarded(<ClientFormPage />)} />
          <Route path="/settings" element={guarded(<SettingsPage />)} />
          <Route path="/settings/audit-log" element={guarded(<AuditLogPage />)} />
          <Route path={TWO_FACTOR_PATH} element={guarded(<TwoFactorPage />)} />
          <Route path="/settings/data" element={guarded(<DataPage />)} />
          <Route path="/support" element={guarded(<SupportPage />)} />
          <Route path="/support/:id" element={guarded(<TicketPage />)} />
          <Route path="/invoices" element={guarded(<DocumentsPage key="invoice" type="invoice" />)} />
          <Route
            path="/invoices/new"
            element={guarded(<DocumentEditorPage key="invoice-new" type="invoice" />)}
          />
          <Route path="/invoices/:id" element={guarded(<DocumentPage key="invoice-view" type="invoice" />)} />
          <Route path="/credit-notes/:id" element={guarded(<CreditNotePage />)} />
          <Route
            path="/invoices/:id/edit"
            element={guarded(<DocumentEditorPage key="invoice-edit" type="invoice" />)}
          />
          <Route path="/recurring" element={guarded(<RecurringListPage />)} />
          <Route path="/recurring/new" element={guarded(<RecurringFormPage key="new" />)} />
          <Route path="/recurring/:id" element={guarded(<RecurringPage />)} />
          <Route path="/recurring/:id/edit" element={guarded(<RecurringFormPage key="edit" />)} />
          <Route path="/estimates" element={guarded(<DocumentsPage key="estimate" type="estimate" />)} />
          <Route
            path="/estimates/new"
            element={guarded(<DocumentEditorPage key="estimate-new" type="estimate" />)}
          />
          <Route
            path="/estimates/:id"
            element={guarded(<DocumentPage key="estimate-view" type="estimate" />)}
          />
          <Route
            path="/estimates/:id/edit"
            element={guarded(<DocumentEditorPage key="estimate-edit" type="estimate" />)}
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
