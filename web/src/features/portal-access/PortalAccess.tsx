import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Client } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { useApiForm } from '../../ui/useApiForm';
import { clientQueries } from '../clients/queries';
import { updateClient } from '../clients/writes';
import { portalAccessQueries } from './queries';
import { createPortalLink, revokePortalLink } from './writes';

/** What the portal controls do: open or close the portal, make a link, revoke one. */
type AccessCommand =
  | { do: 'access'; open: boolean }
  | { do: 'create-link' }
  | { do: 'revoke'; linkId: string };

/**
 * The client's magic links and the portal sessions they opened. A new link's URL is
 * shown once (only its hash is stored); revoking signs every device out at once. The
 * switch turns the whole portal off for the client (every link revoked, every device
 * signed out, no link sent) and back on.
 */
export function PortalAccess({
  client,
  onClientChange,
}: {
  client: Client;
  onClientChange: (c: Client) => void;
}) {
  const clientId = client.id;
  const { t, date } = useWords();
  const links = useQuery(portalAccessQueries.links(clientId)).data?.data;
  const [fresh, setFresh] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const action = useApiForm({
    action: async (c: AccessCommand, key) => {
      if (c.do === 'access') onClientChange(await updateClient(clientId, { portalAccess: c.open }, key));
      else if (c.do === 'create-link') {
        const link = await createPortalLink(clientId, key);
        setCopied(false);
        setFresh(link.url);
      } else await revokePortalLink(c.linkId, key);
    },
    // The client's links and the client itself (its 360°) change.
    invalidates: [clientQueries.one(clientId)],
  });
  const { error, busy: acting } = action;
  // The switch waits only for its own change.
  const [switching, setSwitching] = useState(false);
  const { ask, dialog } = useConfirm();

  const setAccess = async (open: boolean) => {
    if (
      !open &&
      !(await ask({
        title: t.portalAccess.turnOffTitle,
        message: t.portalAccess.turnOffMessage,
        confirmLabel: t.portalAccess.turnOff,
        danger: true,
      }))
    ) {
      return;
    }
    setSwitching(true);
    await action.submit({ do: 'access', open });
    setSwitching(false);
  };

  return (
    <div className="portal-access">
      {dialog}
      <div className="actions">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={client.portalAccess}
            checked={client.portalAccess}
            disabled={switching || (client.archivedAt !== null && !client.portalAccess)}
            onChange={(e) => setAccess(e.currentTarget.checked)}
          />{' '}
          {t.portalAccess.access(client.portalAccess)}
        </label>
        <button
          type="button"
          disabled={acting || !client.portalAccess}
          onClick={() => void action.submit({ do: 'create-link' })}
        >
          {t.portalAccess.createLink}
        </button>
      </div>
      {fresh ? (
        <div className="card" role="status">
          <Field
            label={t.portalAccess.fresh}
            id="fresh-link"
            readOnly
            value={fresh}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => navigator.clipboard?.writeText(fresh).then(() => setCopied(true))}
            >
              {copied ? t.app.copied : t.app.copy}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      {links === undefined ? (
        <p className="muted">{t.app.loading}</p>
      ) : links.length === 0 ? (
        <p className="muted">{t.portalAccess.none}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t.portalAccess.created}</th>
              <th className="hide-sm">{t.portalAccess.expires}</th>
              <th className="hide-sm">{t.portalAccess.lastUsed}</th>
              <th>{t.portalAccess.signedIn}</th>
              <th>{t.app.status}</th>
              <th>
                <span className="sr-only">{t.app.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} data-link={l.id}>
                <td>{date(l.createdAt)}</td>
                <td className="hide-sm">{date(l.expiresAt)}</td>
                <td className="hide-sm">{l.lastUsedAt ? date(l.lastUsedAt) : '—'}</td>
                <td>{t.portalAccess.devices(l.activeSessions)}</td>
                <td>
                  <span className={`badge badge-${l.status === 'active' ? 'paid' : 'void'}`}>
                    {t.portalAccess.linkStatus[l.status]}
                  </span>
                </td>
                <td>
                  {l.status === 'active' ? (
                    <button
                      type="button"
                      disabled={acting}
                      className="link"
                      onClick={() =>
                        ask({
                          title: t.portalAccess.revokeTitle,
                          message: t.portalAccess.revokeMessage,
                          confirmLabel: t.app.revoke,
                          danger: true,
                        }).then((ok) => ok && action.submit({ do: 'revoke', linkId: l.id }))
                      }
                    >
                      {t.app.revoke}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
