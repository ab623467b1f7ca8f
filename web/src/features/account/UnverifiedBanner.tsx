import { useState } from 'react';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { resendVerification } from './writes';

/** While the person's address is unconfirmed: why it matters, and "Send the link again". */
export function UnverifiedBanner() {
  const { session } = useSession();
  const { t } = useWords();
  const [sent, setSent] = useState(false);
  const form = useApiForm({
    action: (_: void, key) => resendVerification(key),
    onSuccess: () => setSent(true),
  });
  if (!session || session.user.emailVerified) return null;
  return (
    <section className="banner" aria-label={t.account.verifyTitle}>
      <p>
        {t.account.bannerUnverified} <Link to="/account">{session.user.email}</Link>
      </p>
      {sent ? (
        <p role="status">{t.account.sentAgain}</p>
      ) : (
        <button type="button" onClick={() => void form.submit()} disabled={form.busy}>
          {t.account.sendAgain}
        </button>
      )}
      {form.error ? (
        <p role="alert" className="field-error">
          {form.error}
        </p>
      ) : null}
    </section>
  );
}
