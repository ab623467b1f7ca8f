import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Client } from '../api';
import { date } from '../format';
import { keys } from '../queries';
import { useConfirm } from './ConfirmDialog';
import { Field } from './Field';
import { useAction } from './useAction';

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
  const [busy, setBusy] = useState(false);
  const links = useQuery({ queryKey: keys.portalLinks(clientId), queryFn: () => api.portalLinks(clientId) })
    .data?.data;
  const [fresh, setFresh] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const { run, error, busy: acting } = useAction([keys.portalLinks(clientId), keys.client(clientId)]);
  const { ask, dialog } = useConfirm();

  const setAccess = async (open: boolean) => {
    if (
      !open &&
      !(await ask({
        title: 'Turn off portal access?',
        message: 'Every sign-in link stops working and signed-in devices are signed out now.',
        confirmLabel: 'Turn off',
        danger: true,
      }))
    ) {
      return;
    }
    setBusy(true);
    await run(async () => onClientChange(await api.updateClient(clientId, { portalAccess: open })));
    setBusy(false);
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
            disabled={busy || (client.archivedAt !== null && !client.portalAccess)}
            onChange={(e) => setAccess(e.currentTarget.checked)}
          />{' '}
          Portal access {client.portalAccess ? 'on' : 'off'}
        </label>
        <button
          type="button"
          disabled={acting || !client.portalAccess}
          onClick={() =>
            run(async () => {
              const link = await api.createPortalLink(clientId);
              setCopied(false);
              setFresh(link.url);
            })
          }
        >
          Create sign-in link
        </button>
      </div>
      {fresh ? (
        <div className="card" role="status">
          <Field
            label="New link — copy it now, it is not shown again"
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
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      {links === undefined ? (
        <p className="muted">Loading…</p>
      ) : links.length === 0 ? (
        <p className="muted">No sign-in links yet. Every invoice email carries one.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Created</th>
              <th className="hide-sm">Expires</th>
              <th className="hide-sm">Last used</th>
              <th>Signed in</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} data-link={l.id}>
                <td>{date(l.createdAt)}</td>
                <td className="hide-sm">{date(l.expiresAt)}</td>
                <td className="hide-sm">{l.lastUsedAt ? date(l.lastUsedAt) : '—'}</td>
                <td>{l.activeSessions === 1 ? '1 device' : `${l.activeSessions} devices`}</td>
                <td>
                  <span className={`badge badge-${l.status === 'active' ? 'paid' : 'void'}`}>{l.status}</span>
                </td>
                <td>
                  {l.status === 'active' ? (
                    <button
                      type="button"
                      disabled={acting}
                      className="link"
                      onClick={() =>
                        ask({
                          title: 'Revoke this link?',
                          message: 'Devices signed in with it are signed out now.',
                          confirmLabel: 'Revoke',
                          danger: true,
                        }).then((ok) => ok && run(() => api.revokePortalLink(l.id)))
                      }
                    >
                      Revoke
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
