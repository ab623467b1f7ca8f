import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { DocType } from '../../api/types';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useCan } from '../team/can';
import { DocumentTable } from './DocumentTable';
import { documentQueries } from './queries';
import { STATUS_FILTERS, statusLabel } from './statuses';

export function DocumentsPage({ type }: { type: DocType }) {
  const [params, setParams] = useSearchParams();
  const { t } = useWords();
  const can = useCan();
  const isInvoice = type === 'invoice';
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  // "Load more" appends pages: each page is its own cached query, keyed by its cursor.
  const list = useInfiniteQuery(documentQueries.list(type, { status, q }));
  const docs = list.data ? list.data.pages.flatMap((p) => p.data) : null;
  const error = list.error ? list.error.message : null;

  const set = (key: string, value: string) => {
    const n = new URLSearchParams(params);
    if (value) n.set(key, value);
    else n.delete(key);
    setParams(n, { replace: true });
  };

  return (
    <section>
      <div className="page-head">
        <h1>{isInvoice ? t.documents.invoices : t.documents.estimates}</h1>
        {can('write') ? (
          <Link className="button primary" to={`/${type}s/new`}>
            {isInvoice ? t.documents.newInvoice : t.documents.newEstimate}
          </Link>
        ) : null}
      </div>
      <div className="toolbar">
        <input
          type="search"
          aria-label={isInvoice ? t.documents.searchInvoices : t.documents.searchEstimates}
          placeholder={t.documents.searchPlaceholder}
          defaultValue={q}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label={t.app.status} value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t.app.allStatuses}</option>
          {STATUS_FILTERS[type].map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, type, s)}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      {docs === null ? (
        <p className="muted">{t.app.loading}</p>
      ) : docs.length === 0 ? (
        <div className="empty">
          <p>
            {q || status ? t.documents.noMatch : isInvoice ? t.documents.noInvoices : t.documents.noEstimates}
          </p>
        </div>
      ) : (
        <>
          <DocumentTable docs={docs} showClient />
          {list.hasNextPage ? (
            <button type="button" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {list.isFetchingNextPage ? t.app.loading : t.app.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
