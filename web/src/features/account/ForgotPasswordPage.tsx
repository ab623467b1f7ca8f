import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { requestPasswordReset } from './writes';

/** "Forgot password?": the same message whatever the address, so it tells nobody who has an account. */
export function ForgotPasswordPage() {
  const { t } = useWords();
  const [sent, setSent] = useState(false);
  const form = useApiForm({
    action: (email: string) => requestPasswordReset(email),
    onSuccess: () => setSent(true),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void form.submit(String(new FormData(e.currentTarget).get('email') ?? ''));
  }

  return (
    <div className="auth-card">
      <h1>{t.account.forgotTitle}</h1>
      {sent ? (
        <p role="status">{t.account.forgotDone}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t.account.forgotIntro}</p>
          <FormError message={form.error} />
          <Field
            label={t.field.email}
            name="email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            error={form.fieldErrors.email}
          />
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? t.account.sending : t.account.sendLink}
          </button>
        </form>
      )}
      <p className="muted">
        <Link to="/signin">{t.account.backToSignIn}</Link>
      </p>
    </div>
  );
}
