import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useWords } from '../../i18n';
import { useSession } from '../auth/session';
import { verifyEmail } from './writes';

/** The emailed confirmation link's page; works signed in or not, in any browser. */
export function VerifyEmailPage() {
  const { token = '' } = useParams();
  const { t } = useWords();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => verifyEmail(token),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const { mutate } = confirm;
  // Once per token: the link is used by opening it.
  useEffect(() => mutate(), [mutate]);

  return (
    <div className="auth-card">
      <h1>{t.account.verifyTitle}</h1>
      {confirm.isPending ? (
        <p role="status">{t.account.verifying}</p>
      ) : confirm.isSuccess ? (
        <p role="status">{t.account.verifyDone}</p>
      ) : (
        <p role="alert" className="form-error">
          {confirm.error?.message || t.account.verifyFailed}
        </p>
      )}
      <p>
        <Link to={session ? '/' : '/signin'}>{t.account.continue}</Link>
      </p>
    </div>
  );
}
