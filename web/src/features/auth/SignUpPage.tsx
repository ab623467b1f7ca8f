import { LANGUAGES } from '@clientele/core';
import { type FormEvent, useEffect } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { oneOf } from '../../api/http';
import { useWords } from '../../i18n';
import { Field, SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { useApiForm } from '../../ui/useApiForm';
import { signUp } from './api';
import { useSession } from './session';

/** Sign-up speaks the language being picked, so the choice is seen before it is made. */
export function SignUpPage() {
  const { session, setSession, chooseLanguage } = useSession();
  const navigate = useNavigate();
  const { t, lang } = useWords();
  // The pick belongs to this form: leaving it (to sign in, say) goes back to the browser's language.
  useEffect(() => () => chooseLanguage(null), [chooseLanguage]);
  const form = useApiForm({
    action: signUp,
    onSuccess: (session) => {
      setSession(session);
      navigate('/clients', { replace: true });
    },
    // Named fields say it beside each input; only a refusal of the whole form goes on top.
    whenFieldsNamed: 'nothing',
    fallback: t.auth.signUpFailed,
  });
  const errors = form.fieldErrors;

  if (session) return <Navigate to="/clients" replace />;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void form.submit({
      businessName: String(data.get('businessName')),
      email: String(data.get('email')),
      password: String(data.get('password')),
      currency: String(data.get('currency') || 'EUR'),
      locale: lang,
    });
  }

  return (
    <div className="auth-card">
      <h1>{t.auth.signUpTitle}</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={form.error} />
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
          onChange={(e) => chooseLanguage(oneOf(LANGUAGES, e.target.value) ?? null)}
          hint={t.auth.languageHint}
          error={errors.locale}
        >
          <LanguageOptions />
        </SelectField>
        <Field
          label={t.field.currency}
          name="currency"
          defaultValue="EUR"
          maxLength={3}
          error={errors.currency}
        />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t.auth.creating : t.auth.createAccount}
        </button>
      </form>
      <p className="muted">
        {t.auth.haveAccount} <Link to="/signin">{t.auth.signIn}</Link>
      </p>
    </div>
  );
}
