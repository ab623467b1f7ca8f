import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { problemText } from '../errors';
import { useWords } from '../i18n';
import { useSession } from '../session';

export function SignInPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useWords();

  if (session) return <Navigate to={from} replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      setSession(
        await api.signIn({ email: String(form.get('email')), password: String(form.get('password')) }),
      );
      navigate(from, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? problemText(err, t) : t.auth.signInFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-card">
      <h1>{t.auth.signInTitle}</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <Field label={t.field.email} name="email" type="email" autoComplete="email" required autoFocus />
        <Field
          label={t.field.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.auth.signingIn : t.auth.signIn}
        </button>
      </form>
      <p className="muted">
        {t.auth.newHere} <Link to="/signup">{t.auth.createAccountLink}</Link>
      </p>
    </div>
  );
}
