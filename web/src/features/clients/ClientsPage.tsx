import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useCan } from '../team/can';
import { clientQueries } from './queries';

const PAGE_SIZE = 25;

export function ClientsPage() {
  const [params, setParams] = useSearchParams();
  const { t } = useWords();
  const can = useCan();
  const q = params.get('q') ?? '';
  const archived = params.get('archived') === 'true';
  const [query, setQuery] = useState(q);
  // Cursors of the pages visited so far, so "Previous" can go back without offsets.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const search = useRef<HTMLInputElement>(null);
  const cursor = cursors.at(-1);
  const list = useQuery(clientQueries.list({ q, archived, cursor, limit: PAGE_SIZE }));
  const clients = list.data?.data ?? [];
  const next = list.data?.nextCursor ?? null;
  const loading = list.isFetching;
  const error = list.error ? list.error.message : null;

  // A new search or filter starts from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: q and archived are the triggers
  useEffect(() => {
    setCursors([undefined]);
  }, [q, archived]);

  // "/" jumps to search, as in most list-heavy tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
      if (e.key === '/' && !typing) {
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
    const handle = setTimeout(() => {
      const nextParams = new URLSearchParams(params);
      if (query) nextParams.set('q', query);
      else nextParams.delete('q');
      setParams(nextParams, { replace: true });
    }, 250);
    return () => clearTimeout(handle);
  }, [query, q, params, setParams]);

  const pageNumber = cursors.length;

  return (
    <section>
      <div className="page-head">
        <h1>{archived ? t.clients.archivedTitle : t.clients.title}</h1>
        {can('write') ? (
          <Link className="button primary" to="/clients/new">
            {t.clients.newClient}
          </Link>
        ) : null}
      </div>
      <div className="toolbar">
        <input
          ref={search}
          type="search"
          aria-label={t.clients.search}
          placeholder={t.clients.searchPlaceholder}
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
          {t.clients.showArchived}
        </label>
      </div>
      <FormError message={error} />
      {loading && clients.length === 0 ? (
        <p className="muted">{t.app.loading}</p>
      ) : clients.length === 0 ? (
        <div className="empty">
          {q ? (
            <p>{t.clients.noMatch(q)}</p>
          ) : archived ? (
            <p>{t.clients.noArchived}</p>
          ) : (
            <>
              <p>{t.clients.empty}</p>
              <Link className="button primary" to="/clients/new">
                {t.clients.addFirst}
              </Link>
            </>
          )}
        </div>
      ) : (
        <>
          <table className="list" aria-busy={loading}>
            <thead>
              <tr>
                <th>{t.field.name}</th>
                <th className="hide-sm">{t.field.company}</th>
                <th className="hide-sm">{t.field.email}</th>
                <th>{t.field.country}</th>
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
          <nav className="pager" aria-label={t.app.pages}>
            <button
              type="button"
              disabled={pageNumber === 1 || loading}
              onClick={() => {
                setCursors(cursors.slice(0, -1));
              }}
            >
              {t.app.previous}
            </button>
            <span className="muted">{t.app.page(pageNumber)}</span>
            <button
              type="button"
              disabled={!next || loading}
              onClick={() => {
                if (!next) return;
                setCursors([...cursors, next]);
              }}
            >
              {t.app.next}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
