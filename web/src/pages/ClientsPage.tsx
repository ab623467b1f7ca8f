import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, type Client } from '../api';
import { FormError } from '../components/FormError';

const PAGE_SIZE = 25;

export function ClientsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const archived = params.get('archived') === 'true';
  const [query, setQuery] = useState(q);
  const [clients, setClients] = useState<Client[]>([]);
  // Cursors of the pages visited so far, so "Previous" can go back without offsets.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const load = useCallback(
    async (cursor: string | undefined) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.listClients({ q, cursor, limit: PAGE_SIZE, archived });
        setClients(page.data);
        setNext(page.nextCursor);
      } catch (err) {
        setError(err instanceof ApiError ? err.message : 'Could not load clients');
      } finally {
        setLoading(false);
      }
    },
    [q, archived],
  );

  useEffect(() => {
    setCursors([undefined]);
    void load(undefined);
  }, [load]);

  // "/" jumps to search, as in most list-heavy tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Search as you type, debounced so each keystroke is not a request.
  useEffect(() => {
    if (query === q) return;
    const t = setTimeout(() => {
      const nextParams = new URLSearchParams(params);
      if (query) nextParams.set('q', query);
      else nextParams.delete('q');
      setParams(nextParams, { replace: true });
    }, 250);
    return () => clearTimeout(t);
  }, [query, q, params, setParams]);

  const pageNumber = cursors.length;

  return (
    <section>
      <div className="page-head">
        <h1>{archived ? 'Archived clients' : 'Clients'}</h1>
        <Link className="button primary" to="/clients/new">
          New client
        </Link>
      </div>
      <div className="toolbar">
        <input
          ref={search}
          type="search"
          aria-label="Search clients"
          placeholder="Search by name, company or email  ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => {
              const nextParams = new URLSearchParams(params);
              if (e.target.checked) nextParams.set('archived', 'true');
              else nextParams.delete('archived');
              setParams(nextParams);
            }}
          />
          Show archived
        </label>
      </div>
      <FormError message={error} />
      {loading && clients.length === 0 ? (
        <p className="muted">Loading…</p>
      ) : clients.length === 0 ? (
        <div className="empty">
          {q ? (
            <p>No clients match “{q}”.</p>
          ) : archived ? (
            <p>No archived clients.</p>
          ) : (
            <>
              <p>No clients yet. Add the first one to start sending invoices.</p>
              <Link className="button primary" to="/clients/new">
                Add a client
              </Link>
            </>
          )}
        </div>
      ) : (
        <>
          <table className="list" aria-busy={loading}>
            <thead>
              <tr>
                <th>Name</th>
                <th className="hide-sm">Company</th>
                <th className="hide-sm">Email</th>
                <th>Country</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/clients/${c.id}`}>{c.name}</Link>
                    <div className="show-sm muted">{c.email ?? c.company ?? ''}</div>
                  </td>
                  <td className="hide-sm">{c.company ?? '—'}</td>
                  <td className="hide-sm">{c.email ?? '—'}</td>
                  <td>{c.billingAddress.country ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              disabled={pageNumber === 1 || loading}
              onClick={() => {
                const prev = cursors.slice(0, -1);
                setCursors(prev);
                void load(prev.at(-1));
              }}
            >
              ← Previous
            </button>
            <span className="muted">Page {pageNumber}</span>
            <button
              type="button"
              disabled={!next || loading}
              onClick={() => {
                if (!next) return;
                setCursors([...cursors, next]);
                void load(next);
              }}
            >
              Next →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
