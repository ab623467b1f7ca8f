import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useSession } from '../auth/session';
import { dataQueries } from './queries';
import { importArchive, requestExport } from './writes';

const BUILDING = new Set(['queued', 'running']);

function megabytes(bytes: number | null) {
  return bytes === null ? '—' : `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/**
 * Settings → Data: export everything (one at a time, with its progress), download recent
 * exports until their link expires, and, for an owner whose business is still empty, load
 * an export.
 */
export function DataPage() {
  const { t, date } = useWords();
  const { session } = useSession();
  const exports = useQuery(dataQueries.exports());
  const list = exports.data?.data ?? [];
  const building = list.find((e) => BUILDING.has(e.status));
  const start = useApiForm({
    action: (_: void, key) => requestExport(key),
    invalidates: [dataQueries.exports().queryKey],
  });
  const owner = session?.role === 'owner';
  const empty = useQuery({ ...dataQueries.isEmpty(), enabled: owner });
  const file = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<string | null>(null);
  const load = useApiForm({
    action: async (f: File, key) => {
      const { counts } = await importArchive(f, key);
      setImported(t.data.imported(counts.clients, counts.documents));
    },
    invalidates: [dataQueries.isEmpty().queryKey, ['clients'], ['documents']],
  });

  function submitImport(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (chosen) void load.submit(chosen);
  }

  return (
    <section>
      <div className="page-head">
        <h1>{t.data.title}</h1>
      </div>
      <div className="card">
        <h2>{t.data.exportTitle}</h2>
        <p className="hint">{t.data.exportHint}</p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={start.busy || Boolean(building)}
            onClick={() => void start.submit()}
          >
            {t.data.exportButton}
          </button>
        </div>
        {start.error ? <FormError message={start.error} /> : null}
        {building ? (
          <div role="status">
            <label htmlFor="export-progress">{t.data.running(building.progress)}</label>
            <progress id="export-progress" max={100} value={building.progress} style={{ width: '100%' }}>
              {building.progress}%
            </progress>
          </div>
        ) : null}
        <h3>{t.data.recent}</h3>
        {exports.isPending ? (
          <p className="muted">{t.app.loading}</p>
        ) : list.length === 0 ? (
          <p className="muted">{t.data.none}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>{t.data.requested}</th>
                <th>{t.data.statusLabel}</th>
                <th className="hide-sm">{t.data.size}</th>
                <th className="hide-sm">{t.data.expires}</th>
                <th>
                  <span className="sr-only">{t.app.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id} data-status={e.status}>
                  <td>{date(e.createdAt)}</td>
                  <td>
                    {e.status === 'failed' && e.error ? t.data.failed(e.error) : t.data.status[e.status]}
                    {BUILDING.has(e.status) ? ` ${e.progress}%` : ''}
                  </td>
                  <td className="hide-sm">{megabytes(e.bytes)}</td>
                  <td className="hide-sm">{e.expiresAt ? date(e.expiresAt) : '—'}</td>
                  <td>
                    {e.downloadUrl ? (
                      <a href={e.downloadUrl} download>
                        {t.data.download}
                      </a>
                    ) : e.status === 'ready' ? (
                      <span className="muted">{t.data.expired}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {owner && empty.data ? (
        <form className="card" onSubmit={submitImport} noValidate>
          <h2>{t.data.importTitle}</h2>
          <p className="hint">{t.data.importHint}</p>
          <label htmlFor="import-file">{t.data.importFile}</label>
          <input id="import-file" ref={file} type="file" accept=".zip,application/zip" required />
          <div className="actions">
            <button type="submit" disabled={load.busy}>
              {t.data.importButton}
            </button>
          </div>
          {load.error ? <FormError message={load.error} /> : null}
        </form>
      ) : null}
      {owner && empty.data === false && !imported ? <p className="muted">{t.data.importOnlyEmpty}</p> : null}
      {imported ? <p role="status">{imported}</p> : null}
    </section>
  );
}
