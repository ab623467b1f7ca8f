import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@clientele/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError, api } from '../api';
import { Field, SelectField } from '../components/Field';
import { FormError } from '../components/FormError';
import { problemText } from '../errors';
import { useWords } from '../i18n';
import { useSession } from '../session';

/** Sign-up speaks the language being picked, so the choice is seen before it is made. */
export function SignUpPage() {
  const { session, setSession, chooseLanguage } = useSession();
  const navigate = useNavigate();
  const { t, lang } = useWords();
  // The pick belongs to this form: leaving it (to sign in, say) goes back to the browser's language.
  useEffect(() => () => chooseLanguage(null), [chooseLanguage]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to="/clients" replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      setSession(
        await api.signUp({
          businessName: String(form.get('businessName')),
          email: String(form.get('email')),
          password: String(form.get('password')),
          currency: String(form.get('currency') || 'EUR'),
          locale: lang,
        }),
      );
      navigate('/clients', { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(err.problem.errors.length ? null : problemText(err, t));
      } else setError(t.auth.signUpFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-card">
      <h1>{t.auth.signUpTitle}</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <Field
          label={t.auth.businessName}
          name="businessName"
          required
          autoFocus
          error={errors.businessName}
        />
        <Field
          label={t.field.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors.email}
        />
        <Field
          label={t.field.password}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t.auth.passwordHint}
          error={errors.password}
        />
        <SelectField
          label={t.field.language}
          id="signup-language"
          value={lang}
          onChange={(e) => chooseLanguage(e.target.value as Language)}
          hint={t.auth.languageHint}
          error={errors.locale}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t.field.currency}
          name="currency"
          defaultValue="EUR"
          maxLength={3}
          error={errors.currency}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.auth.creating : t.auth.createAccount}
        </button>
      </form>
      <p className="muted">
        {t.auth.haveAccount} <Link to="/signin">{t.auth.signIn}</Link>
      </p>
    </div>
  );
}
