import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { resetPassword } from './writes';

/** The emailed link's page: the new password twice, then on to sign-in with a message. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t } = useWords();
  const navigate = useNavigate();
  const [differ, setDiffer] = useState(false);
  const form = useApiForm({
    action: (password: string) => resetPassword(token, password),
    onSuccess: () => navigate('/signin', { replace: true, state: { notice: t.account.resetDone } }),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const password = String(data.get('password') ?? '');
    const again = String(data.get('again') ?? '');
    setDiffer(password !== again);
    if (password === again) void form.submit(password);
  }

  return (
    <div className="auth-card">
      <h1>{t.account.resetTitle}</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={form.error} />
        <Field
          label={t.account.newPassword}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          hint={t.auth.passwordHint}
          error={form.fieldErrors.password}
        />
        <Field
          label={t.account.repeatPassword}
          name="again"
          type="password"
          autoComplete="new-password"
          required
          error={differ ? t.account.passwordsDiffer : undefined}
        />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t.account.saving : t.account.setPassword}
        </button>
      </form>
      <p className="muted">
        <Link to="/forgot-password">{t.account.forgotLink}</Link>
      </p>
    </div>
  );
}
