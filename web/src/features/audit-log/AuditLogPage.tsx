import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/http';
import type { AuditLine } from '../../api/types';
import { useWords } from '../../i18n';
import { Field, SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { problemText } from '../../ui/problemText';
import { type AuditFilters, auditQueries } from './queries';
import { subjectPath } from './subject-link';

/**
 * Settings → Audit log (owners and admins): who changed what and when, newest first,
 * filtered by action, actor or subject, a page at a time. A table on wide screens, one
 * card per line on a phone.
 */
export function AuditLogPage() {
  const { t, locale } = useWords();
  const [filters, setFilters] = useState<AuditFilters>({});
  const form = useRef<HTMLFormElement>(null);
  const log = useInfiniteQuery(auditQueries.lines(filters));
  const lines = log.data?.pages.flatMap((p) => p.data) ?? [];
  const fieldErrors = log.error instanceof ApiError ? log.error.fieldErrors() : {};
  const filtered = Boolean(filters.action || filters.actor || filters.subjectId);
  const at = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const actions = t.audit.actions as Record<string, string>;

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const value = (k: string) => String(f.get(k) ?? '').trim() || undefined;
    setFilters({ action: value('action'), actor: value('actor'), subjectId: value('subjectId') });
  }

  const what = (l: AuditLine) => actions[l.action] ?? l.action;
  // A number or a name reads better than an id, where the line kept one.
  const named = (l: AuditLine) => {
    if (l.subject.type === 'business') return t.app.nav.settings;
    const v = l.detail?.number ?? l.detail?.name;
    return typeof v === 'string' ? v : null;
  };
  const subject = (l: AuditLine) => {
    const label = named(l) ?? l.subject.id ?? '—';
    const path = subjectPath(l.subject);
    return path ? <Link to={path}>{label}</Link> : <span>{label}</span>;
  };
  const who = (l: AuditLine) => (
    <>
      <span>{l.actor.name ?? t.audit.actorTypes[l.actor.type]}</span>{' '}
      <span className="muted">({t.audit.actorTypes[l.actor.type]})</span>
    </>
  );

  return (
    <section aria-labelledby="audit-title">
      <p>
        <Link to="/settings">{t.audit.backToSettings}</Link>
      </p>
      <h1 id="audit-title">{t.audit.title}</h1>
      <p className="muted">{t.audit.intro}</p>
      <form ref={form} className="card row" aria-label={t.audit.filters} onSubmit={apply} noValidate>
        <SelectField
          label={t.audit.action}
          id="audit-action"
          name="action"
          defaultValue=""
          error={fieldErrors.action}
        >
          <option value="">{t.audit.anyAction}</option>
          {Object.entries(actions).map(([key, words]) => (
            <option key={key} value={key}>
              {words}
            </option>
          ))}
        </SelectField>
        <Field
          label={t.audit.actor}
          id="audit-actor"
          name="actor"
          hint={t.audit.actorHint}
          error={fieldErrors.actor}
          autoComplete="off"
        />
        <Field
          label={t.audit.subjectId}
          id="audit-subject"
          name="subjectId"
          hint={t.audit.subjectIdHint}
          error={fieldErrors.subjectId}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t.audit.apply}
          </button>
          {filtered ? (
            <button
              type="button"
              onClick={() => {
                form.current?.reset();
                setFilters({});
              }}
            >
              {t.audit.clear}
            </button>
          ) : null}
        </div>
      </form>
      {log.error && Object.keys(fieldErrors).length === 0 ? (
        <FormError message={`${t.audit.couldNotLoad} ${problemText(log.error, t)}`} />
      ) : null}
      {log.isPending ? (
        <p className="muted">{t.app.loading}</p>
      ) : lines.length === 0 && !log.error ? (
        <div className="empty">
          <p>{filtered ? t.audit.noMatch : t.audit.empty}</p>
        </div>
      ) : (
        <>
          <table className="list audit-log" aria-busy={log.isFetching}>
            <thead>
              <tr>
                <th>{t.audit.when}</th>
                <th>{t.audit.who}</th>
                <th>{t.audit.what}</th>
                <th>{t.audit.subject}</th>
                <th>{t.audit.address}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <td data-label={t.audit.when}>
                    <time dateTime={l.at}>{at.format(new Date(l.at))}</time>
                  </td>
                  <td data-label={t.audit.who}>{who(l)}</td>
                  <td data-label={t.audit.what}>{what(l)}</td>
                  <td data-label={t.audit.subject}>{subject(l)}</td>
                  <td data-label={t.audit.address}>{l.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.hasNextPage ? (
            <nav className="pager" aria-label={t.audit.title}>
              <button
                type="button"
                disabled={log.isFetchingNextPage}
                onClick={() => {
                  void log.fetchNextPage();
                }}
              >
                {t.audit.loadMore}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
