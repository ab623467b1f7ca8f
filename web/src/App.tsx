import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { ClientFormPage } from './pages/ClientFormPage';
import { ClientsPage } from './pages/ClientsPage';
import { DocumentEditorPage } from './pages/DocumentEditorPage';
import { DocumentPage } from './pages/DocumentPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { SessionProvider, useSession } from './session';

function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <p className="muted page-loading">Loading…</p>;
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return <Layout>{children}</Layout>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/" element={<Navigate to="/clients" replace />} />
          <Route
            path="/clients"
            element={
              <RequireSession>
                <ClientsPage />
              </RequireSession>
            }
          />
          <Route
            path="/clients/new"
            element={
              <RequireSession>
                <ClientFormPage />
              </RequireSession>
            }
          />
          <Route
            path="/clients/:id"
            element={
              <RequireSession>
                <ClientFormPage />
              </RequireSession>
            }
          />
          <Route
            path="/settings"
            element={
              <RequireSession>
                <SettingsPage />
              </RequireSession>
            }
          />
          <Route
            path="/invoices"
            element={
              <RequireSession>
                <DocumentsPage key="invoice" type="invoice" />
              </RequireSession>
            }
          />
          <Route
            path="/invoices/new"
            element={
              <RequireSession>
                <DocumentEditorPage key="invoice-new" type="invoice" />
              </RequireSession>
            }
          />
          <Route
            path="/invoices/:id"
            element={
              <RequireSession>
                <DocumentPage key="invoice-view" type="invoice" />
              </RequireSession>
            }
          />
          <Route
            path="/invoices/:id/edit"
            element={
              <RequireSession>
                <DocumentEditorPage key="invoice-edit" type="invoice" />
              </RequireSession>
            }
          />
          <Route
            path="/estimates"
            element={
              <RequireSession>
                <DocumentsPage key="estimate" type="estimate" />
              </RequireSession>
            }
          />
          <Route
            path="/estimates/new"
            element={
              <RequireSession>
                <DocumentEditorPage key="estimate-new" type="estimate" />
              </RequireSession>
            }
          />
          <Route
            path="/estimates/:id"
            element={
              <RequireSession>
                <DocumentPage key="estimate-view" type="estimate" />
              </RequireSession>
            }
          />
          <Route
            path="/estimates/:id/edit"
            element={
              <RequireSession>
                <DocumentEditorPage key="estimate-edit" type="estimate" />
              </RequireSession>
            }
          />
          <Route path="*" element={<p className="page-loading">Page not found.</p>} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
