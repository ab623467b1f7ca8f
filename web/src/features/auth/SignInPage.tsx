import type { FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { signIn } from './api';
import { useSession } from './session';

export function SignInPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; notice?: string } | null;
  const from = state?.from ?? '/';
  const { t } = useWords();
  const form = useApiForm({
    action: (credentials: { email: string; password: string }) => signIn(credentials),
    onSuccess: (signedIn) => {
      setSession(signedIn);
      navigate(from, { replace: true });
    },
    fallback: t.auth.signInFailed,
  });

  if (session) return <Navigate to={from} replace />;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void form.submit({ email: String(data.get('email')), password: String(data.get('password')) });
  }

  return (
    <div className="auth-card">
      <h1>{t.auth.signInTitle}</h1>
      <form onSubmit={submit} noValidate>
        {state?.notice ? <p role="status">{state.notice}</p> : null}
        <FormError message={form.error} />
        <Field label={t.field.email} name="email" type="email" autoComplete="email" required autoFocus />
        <Field
          label={t.field.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t.auth.signingIn : t.auth.signIn}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t.account.forgotLink}</Link>
      </p>
      <p className="muted">
        {t.auth.newHere} <Link to="/signup">{t.auth.createAccountLink}</Link>
      </p>
    </div>
  );
}
