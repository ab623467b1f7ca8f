import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, type Doc, type DocType } from '../api';
import { DocumentTable } from '../components/ClientOverview';
import { FormError } from '../components/FormError';
import { STATUS_FILTERS } from '../statuses';

export function DocumentsPage({ type }: { type: DocType }) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const [docs, setDocs] = useState<Doc[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDocs(null);
    api
      .listDocuments(type, { status, q, limit: 50 })
      .then((p) => {
        setDocs(p.data);
        setNext(p.nextCursor);
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : String(err)));
  }, [type, status, q]);

  const set = (key: string, value: string) => {
    const n = new URLSearchParams(params);
    if (value) n.set(key, value);
    else n.delete(key);
    setParams(n, { replace: true });
  };

  return (
    <section>
      <div className="page-head">
        <h1>{type === 'invoice' ? 'Invoices' : 'Estimates'}</h1>
        <Link className="button primary" to={`/${type}s/new`}>
          New {type}
        </Link>
      </div>
      <div className="toolbar">
        <input
          type="search"
          aria-label={`Search ${type}s`}
          placeholder="Search by number or client"
          defaultValue={q}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label="Status" value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">All statuses</option>
          {STATUS_FILTERS[type].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      {docs === null ? (
        <p className="muted">Loading…</p>
      ) : docs.length === 0 ? (
        <div className="empty">
          <p>
            {q || status ? `No ${type}s match.` : `No ${type}s yet. Create one from a client's page or here.`}
          </p>
        </div>
      ) : (
        <>
          <DocumentTable docs={docs} showClient />
          {next ? (
            <button
              type="button"
              onClick={async () => {
                const p = await api.listDocuments(type, { status, q, cursor: next, limit: 50 });
                setDocs([...docs, ...p.data]);
                setNext(p.nextCursor);
              }}
            >
              Load more
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
