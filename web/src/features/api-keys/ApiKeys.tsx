import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import type { ApiKey } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Field, SelectField } from '../../ui/Field';
import { useApiForm } from '../../ui/useApiForm';
import { apiKeyQueries } from './queries';
import { createApiKey, revokeApiKey } from './writes';

/** What the API keys card does: create a key, or revoke one. */
type KeyCommand = { do: 'create'; name: string; scope: ApiKey['scope'] } | { do: 'revoke'; id: string };

/**
 * API keys for integrations: create with a scope (read only, or read and write; the key is
 * shown once, only its hash is kept), list with scope and when each was last used, and revoke.
 */
export function ApiKeys() {
  const list = useQuery(apiKeyQueries.list());
  const { ask, dialog } = useConfirm();
  const [fresh, setFresh] = useState<string | null>(null);
  const { t, date } = useWords();
  const form = useRef<HTMLFormElement>(null);
  const { submit, error, busy } = useApiForm({
    action: async (c: KeyCommand, key) => {
      if (c.do === 'revoke') await revokeApiKey(c.id, key);
      else {
        setFresh((await createApiKey(c.name, c.scope, key)).key);
        form.current?.reset();
      }
    },
    invalidates: [apiKeyQueries.list().queryKey],
  });

  function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const name = String(data.get('name') ?? '');
    const scope = data.get('scope') === 'read' ? 'read' : 'write';
    void submit({ do: 'create', name, scope });
  }

  return (
    <div className="card">
      {dialog}
      <form ref={form} className="row" onSubmit={create} noValidate>
        <Field label={t.apiKeys.keyName} name="name" placeholder={t.apiKeys.keyNamePlaceholder} required />
        <SelectField
          label={t.apiKeys.scope}
          id="api-key-scope"
          name="scope"
          defaultValue="write"
          hint={t.apiKeys.scopeHint}
        >
          <option value="write">{t.apiKeys.scopeWrite}</option>
          <option value="read">{t.apiKeys.scopeRead}</option>
        </SelectField>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.apiKeys.create}
          </button>
        </div>
      </form>
      {error ? <p className="field-error">{error}</p> : null}
      {fresh ? (
        <div role="status">
          <Field
            label={t.apiKeys.fresh}
            id="fresh-key"
            readOnly
            value={fresh}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      {list.isPending ? (
        <p className="muted">{t.app.loading}</p>
      ) : !list.data?.data.length ? (
        <p className="muted">{t.apiKeys.none}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t.field.name}</th>
              <th>{t.apiKeys.key}</th>
              <th>{t.apiKeys.scope}</th>
              <th className="hide-sm">{t.apiKeys.created}</th>
              <th className="hide-sm">{t.apiKeys.lastUsed}</th>
              <th>
                <span className="sr-only">{t.app.actions}</span>
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
                <td data-scope={k.scope}>
                  {k.scope === 'read' ? t.apiKeys.scopeRead : t.apiKeys.scopeWrite}
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
                        title: t.apiKeys.revokeTitle(k.name),
                        message: t.apiKeys.revokeMessage,
                        confirmLabel: t.app.revoke,
                        danger: true,
                      }).then((ok) => ok && submit({ do: 'revoke', id: k.id }))
                    }
                  >
                    {t.app.revoke}
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
