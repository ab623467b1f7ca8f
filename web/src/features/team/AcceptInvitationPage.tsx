import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { teamQueries } from './queries';
import { acceptInvitation } from './writes';

/**
 * The page an invitation email links to (`/invitations/:token`). A new person sets a name and
 * a password; someone already signed in with the invited address joins with one button. The
 * server decides which applies (and refuses another signed-in address).
 */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useWords();
  const navigate = useNavigate();
  const { session, setSession } = useSession();
  const invitation = useQuery(teamQueries.invitation(token));
  const accept = useApiForm({
    action: (body: { name?: string; password?: string }) => acceptInvitation(token, body),
    onSuccess: (joined) => {
      setSession(joined);
      navigate('/', { replace: true });
    },
    whenFieldsNamed: 'correct-fields',
  });

  if (invitation.isPending) return <p className="muted page-loading">{t.app.loading}</p>;
  if (!invitation.data) {
    return (
      <div className="auth-card">
        <p role="alert">{t.team.invalidLink}</p>
        <Link to="/signin">{t.auth.signInTitle}</Link>
      </div>
    );
  }
  const i = invitation.data;
  const signedInAsInvited = session?.email === i.email;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (signedInAsInvited) {
      void accept.submit({});
      return;
    }
    const data = new FormData(e.currentTarget);
    void accept.submit({
      name: String(data.get('name') ?? ''),
      password: String(data.get('password') ?? ''),
    });
  }

  return (
    <div className="auth-card">
      <h1>{t.team.acceptTitle(i.businessName)}</h1>
      <p>{t.team.acceptIntro(i.email, t.team.roles[i.role])}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={accept.error} />
        {signedInAsInvited ? null : (
          <>
            <Field
              label={t.team.yourName}
              name="name"
              autoComplete="name"
              required
              autoFocus
              error={accept.fieldErrors.name}
            />
            <Field
              label={t.team.choosePassword}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              error={accept.fieldErrors.password}
            />
          </>
        )}
        <button type="submit" className="primary" disabled={accept.busy}>
          {t.team.acceptTitle(i.businessName)}
        </button>
      </form>
      {signedInAsInvited ? null : (
        <p className="muted">
          {t.team.signInFirst}{' '}
          <Link to="/signin" state={{ from: `/invitations/${token}` }}>
            {t.auth.signInTitle}
          </Link>
        </p>
      )}
    </div>
  );
}
