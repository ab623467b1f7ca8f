import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { oneOf } from '../../api/http';
import type { Session } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Field, SelectField } from '../../ui/Field';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { useCan } from './can';
import { teamQueries } from './queries';
import { ROLES_IN_ORDER } from './roles';
import { changeRole, inviteMember, removeMember, resendInvitation, revokeInvitation } from './writes';

type Role = Session['role'];
type TeamCommand =
  | { do: 'invite'; email: string; role: Role }
  | { do: 'role'; userId: string; role: Role }
  | { do: 'remove'; userId: string }
  | { do: 'resend'; id: string }
  | { do: 'revoke'; id: string };

/**
 * Settings → Team: who is in the business with which role (change it, remove someone), an
 * invitation form, and the invitations still waiting (send again, revoke). Only an owner
 * sees "Owner" among the roles to give, and an admin cannot touch an owner's row.
 */
export function TeamSettings() {
  const { t, date } = useWords();
  const can = useCan();
  const { session } = useSession();
  const members = useQuery(teamQueries.members());
  const invitations = useQuery(teamQueries.invitations());
  const { ask, dialog } = useConfirm();
  const form = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { submit, error, busy } = useApiForm({
    action: async (c: TeamCommand, key) => {
      if (c.do === 'invite') {
        await inviteMember(c.email, c.role, key);
        form.current?.reset();
        setSent(c.email);
      } else if (c.do === 'role') await changeRole(c.userId, c.role, key);
      else if (c.do === 'remove') await removeMember(c.userId, key);
      else if (c.do === 'resend') await resendInvitation(c.id, key);
      else await revokeInvitation(c.id, key);
    },
    invalidates: [teamQueries.members().queryKey, teamQueries.invitations().queryKey],
  });
  const isOwner = can('owner');
  const grantable = ROLES_IN_ORDER.filter((r) => r !== 'owner' || isOwner);

  function invite(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const role = oneOf(ROLES_IN_ORDER, String(data.get('role') ?? '')) ?? 'member';
    setSent(null);
    void submit({ do: 'invite', email: String(data.get('email') ?? ''), role });
  }

  return (
    <div className="card" data-testid="team">
      {dialog}
      <h3>{t.team.members}</h3>
      {error ? <p className="field-error">{error}</p> : null}
      {members.isPending ? (
        <p className="muted">{t.app.loading}</p>
      ) : (
        <table className="list team-table">
          <thead>
            <tr>
              <th>{t.field.name}</th>
              <th>{t.team.role}</th>
              <th className="hide-sm">{t.team.joined}</th>
              <th>
                <span className="sr-only">{t.app.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(members.data?.data ?? []).map((m) => {
              const me = m.userId === session?.userId;
              const locked = m.role === 'owner' && !isOwner;
              return (
                <tr key={m.userId} data-member={m.email}>
                  <td>
                    {m.name ?? m.email}
                    {me ? <span className="muted"> ({t.team.you})</span> : null}
                    <div className="muted small">{m.email}</div>
                  </td>
                  <td>
                    {locked ? (
                      t.team.roles[m.role]
                    ) : (
                      <select
                        aria-label={`${t.team.role}: ${m.name ?? m.email}`}
                        value={m.role}
                        disabled={busy}
                        onChange={(e) => {
                          const role = oneOf(ROLES_IN_ORDER, e.currentTarget.value);
                          if (role) void submit({ do: 'role', userId: m.userId, role });
                        }}
                      >
                        {grantable.map((r) => (
                          <option key={r} value={r}>
                            {t.team.roles[r]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="hide-sm">{date(m.joinedAt)}</td>
                  <td>
                    {locked ? null : (
                      <button
                        type="button"
                        className="link"
                        disabled={busy}
                        onClick={() =>
                          ask({
                            title: t.team.removeTitle(m.name ?? m.email),
                            message: t.team.removeMessage,
                            confirmLabel: me ? t.team.leave : t.team.remove,
                            danger: true,
                          }).then((ok) => ok && submit({ do: 'remove', userId: m.userId }))
                        }
                      >
                        {me ? t.team.leave : t.team.remove}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>{t.team.inviteTitle}</h3>
      <form ref={form} className="row" onSubmit={invite} noValidate>
        <Field label={t.field.email} name="email" type="email" autoComplete="off" required />
        <SelectField
          label={t.team.role}
          id="invite-role"
          name="role"
          defaultValue="member"
          hint={t.team.roleHint}
        >
          {grantable.map((r) => (
            <option key={r} value={r}>
              {t.team.roles[r]}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t.team.invite}
          </button>
        </div>
      </form>
      {sent ? <p role="status">{t.team.invited(sent)}</p> : null}
      <h3>{t.team.pending}</h3>
      {!invitations.data?.data.length ? (
        <p className="muted">{t.team.nonePending}</p>
      ) : (
        <ul className="plain">
          {invitations.data.data.map((i) => (
            <li key={i.id} data-invitation={i.email}>
              <strong>{i.email}</strong> · {t.team.roles[i.role]}
              <div className="muted small">{t.team.expires(date(i.expiresAt))}</div>
              {i.role === 'owner' && !isOwner ? null : (
                <span className="actions">
                  <button
                    type="button"
                    className="link"
                    disabled={busy}
                    onClick={() => submit({ do: 'resend', id: i.id })}
                  >
                    {t.team.resend}
                  </button>
                  <button
                    type="button"
                    className="link"
                    disabled={busy}
                    onClick={() => submit({ do: 'revoke', id: i.id })}
                  >
                    {t.app.revoke}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
