import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/http';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { signIn } from './api';
import { useSession } from './session';

interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

/** The API asked for the second factor: a 401 naming `totp`. */
const asksForCode = (err: unknown) =>
  err instanceof ApiError && err.status === 401 && err.problem.errors.some((e) => e.path === 'totp');

export function SignInPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; notice?: string } | null;
  const from = state?.from ?? '/';
  const { t } = useWords();
  // Email and password kept once they were right, while the code is asked for.
  const [pending, setPending] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);
  // The first 401 only asks for the code: nothing is wrong until a code was sent.
  const [triedCode, setTriedCode] = useState(false);
  const form = useApiForm({
    action: async (credentials: Credentials) => {
      try {
        return await signIn(credentials);
      } catch (err) {
        if (asksForCode(err) && credentials.totp === undefined) {
          setPending({ email: credentials.email, password: credentials.password });
        }
        throw err;
      }
    },
    onSuccess: (signedIn) => {
      setSession(signedIn);
      navigate(from, { replace: true });
    },
    whenFieldsNamed: 'nothing',
    fallback: t.auth.signInFailed,
  });

  if (session) return <Navigate to={from} replace />;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void form.submit({ email: String(data.get('email')), password: String(data.get('password')) });
  }

  function submitCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!pending) return;
    const code = String(new FormData(e.currentTarget).get('totp') ?? '').trim();
    setTriedCode(true);
    void form.submit({ ...pending, totp: code });
  }

  if (pending) {
    const codeError = triedCode ? form.fieldErrors.totp : undefined;
    return (
      <div className="auth-card">
        <h1>{t.twoFactor.title}</h1>
        <form onSubmit={submitCode} noValidate key={recovery ? 'recovery' : 'app'}>
          {triedCode ? <FormError message={form.error} /> : null}
          {recovery ? (
            <Field
              label={t.twoFactor.recoveryCode}
              name="totp"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              placeholder="xxxx-xxxx-xx"
              error={codeError}
            />
          ) : (
            <Field
              label={t.twoFactor.signInCode}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              required
              autoFocus
              hint={t.twoFactor.signInCodeHint}
              error={codeError}
            />
          )}
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? t.auth.signingIn : t.twoFactor.verify}
          </button>
        </form>
        <p>
          <button type="button" className="link" onClick={() => setRecovery((r) => !r)}>
            {recovery ? t.twoFactor.useApp : t.twoFactor.useRecovery}
          </button>
        </p>
        <p>
          <button
            type="button"
            className="link"
            onClick={() => {
              setPending(null);
              setRecovery(false);
              setTriedCode(false);
              form.reset();
            }}
          >
            {t.app.cancel}
          </button>
        </p>
      </div>
    );
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
