import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { date } from '../format';
import { keys } from '../queries';
import { useConfirm } from './ConfirmDialog';
import { Field } from './Field';
import { useAction } from './useAction';

/**
 * API keys for integrations: create (the key is shown once, only its hash is kept), list
 * with when each was last used, and revoke.
 */
export function ApiKeys() {
  const list = useQuery({ queryKey: keys.apiKeys, queryFn: api.apiKeys });
  const { run, error, busy } = useAction([keys.apiKeys]);
  const { ask, dialog } = useConfirm();
  const [fresh, setFresh] = useState<string | null>(null);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    await run(async () => {
      const created = await api.createApiKey(name);
      setFresh(created.key);
      form.reset();
    });
  }

  return (
    <div className="card">
      {dialog}
      <form className="row" onSubmit={create} noValidate>
        <Field label="Key name" name="name" placeholder="e.g. Accounting sync" required />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Create API key
          </button>
        </div>
      </form>
      {error ? <p className="field-error">{error}</p> : null}
      {fresh ? (
        <div role="status">
          <Field
            label="New key — copy it now, it is not shown again"
            id="fresh-key"
            readOnly
            value={fresh}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      {list.isPending ? (
        <p className="muted">Loading…</p>
      ) : !list.data?.data.length ? (
        <p className="muted">No API keys. Create one to connect another tool to Clientele.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th className="hide-sm">Created</th>
              <th className="hide-sm">Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td className="hide-sm">{date(k.createdAt)}</td>
                <td className="hide-sm">{k.lastUsedAt ? date(k.lastUsedAt) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={busy}
                    onClick={() =>
                      ask({
                        title: `Revoke “${k.name}”?`,
                        message: 'Anything using this key stops working at once.',
                        confirmLabel: 'Revoke',
                        danger: true,
                      }).then((ok) => ok && run(() => api.revokeApiKey(k.id)))
                    }
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
