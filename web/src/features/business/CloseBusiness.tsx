import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { closeBusiness } from './writes';

/**
 * The owner's way out: the business's name typed, the password (and a code when two-factor
 * is on). The server decides; the button only runs once.
 */
export function CloseBusiness({ businessName }: { businessName: string }) {
  const { t } = useWords();
  const { setSession } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const close = useApiForm({
    action: closeBusiness,
    onSuccess: () => {
      // Signed out by the server: nothing cached of this business may stay on screen.
      queryClient.clear();
      setSession(null);
      navigate('/signin', { replace: true });
    },
    whenFieldsNamed: 'nothing',
  });
  const errors = close.fieldErrors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const totp = String(f.get('totp') ?? '').trim();
    void close.submit({
      confirm: String(f.get('confirm') ?? ''),
      password: String(f.get('password') ?? ''),
      ...(totp ? { totp } : {}),
    });
  }

  return (
    <form className="card danger" onSubmit={submit} noValidate aria-labelledby="close-business-title">
      <h3 id="close-business-title">{t.closing.title}</h3>
      <p>{t.closing.intro}</p>
      <FormError message={close.error} />
      <Field
        label={t.closing.confirm(businessName)}
        name="confirm"
        autoComplete="off"
        required
        error={errors.confirm}
      />
      <Field
        label={t.closing.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <Field
        label={t.closing.totp}
        name="totp"
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.totp}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={close.busy}>
          {close.busy ? t.closing.closing : t.closing.submit}
        </button>
      </div>
    </form>
  );
}
