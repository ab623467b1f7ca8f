import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { twoFactorQueries } from '../two-factor/queries';
import { requireTwoFactor } from '../two-factor/writes';

/** The owner's switch: everyone in the business signs in with a second factor. */
export function TwoFactorRequirement() {
  const { t } = useWords();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const current = useQuery(twoFactorQueries.requirement());
  const save = useApiForm({
    action: (required: boolean, key) => requireTwoFactor(required, key),
    onSuccess: (next) => queryClient.setQueryData(twoFactorQueries.requirement().queryKey, next),
  });
  const owner = session?.role === 'owner';
  return (
    <div className="card">
      <FormError message={save.error} />
      <label className="check">
        <input
          type="checkbox"
          name="requireTwoFactor"
          checked={current.data?.required ?? false}
          disabled={!owner || !current.data || save.busy}
          onChange={(e) => void save.submit(e.target.checked)}
        />{' '}
        {t.twoFactor.requireLabel}
      </label>
      <p className="hint">{owner ? t.twoFactor.requireHint : t.twoFactor.requireOwnerOnly}</p>
      <p>
        <Link to="/account/two-factor">{t.twoFactor.manage}</Link>
      </p>
    </div>
  );
}
