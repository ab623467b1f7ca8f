import { LANGUAGE_NAMES, LANGUAGES, TEMPLATE_KINDS, type TemplateKind } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, type TemplateSet } from '../api';
import { problemText } from '../errors';
import { useWords } from '../i18n';
import { keys } from '../queries';
import { Field, TextAreaField } from './Field';
import { FormError } from './FormError';

/**
 * Edits the business templates, or one client's overrides when `clientId` is given,
 * with a live preview rendered by the API (the same code that sends the mail).
 */
export function TemplateEditor({ clientId, language: initial }: { clientId?: string; language?: string }) {
  const { t, lang } = useWords();
  const [kind, setKind] = useState<TemplateKind>('invoice');
  // A client's overrides open on the language that client's mail goes out in; the
  // business's own templates on the business's language.
  const [language, setLanguage] = useState(initial ?? lang);
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: keys.templates(kind, clientId),
    queryFn: () => api.templates(kind, clientId),
  });
  const set = templates.data ?? null;
  const setSet = (next: TemplateSet) => queryClient.setQueryData(keys.templates(kind, clientId), next);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [preview, setPreview] = useState<{ subject: string; html: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const current = set?.languages[language];
    if (!current) return;
    setSubject(current.subject);
    setBody(current.body);
    setErrors({});
  }, [set, language]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the notice belongs to the template on screen
  useEffect(() => setSaved(false), [kind, language]);

  // Preview as you type, debounced.
  useEffect(() => {
    if (!subject || !body) return;
    const handle = setTimeout(() => {
      api.previewTemplate(kind, { language, subject, body, ...(clientId ? { clientId } : {}) }).then(
        (p) => setPreview(p),
        () => setPreview(null),
      );
    }, 300);
    return () => clearTimeout(handle);
  }, [kind, language, subject, body, clientId]);

  async function save() {
    setErrors({});
    setError(null);
    setSaved(false);
    try {
      setSet(await api.saveTemplate(kind, { language, subject, body }, clientId));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(problemText(err, t));
      } else setError(String(err));
    }
  }

  const source = set?.languages[language]?.source;
  return (
    <div className="card form-grid template-editor">
      <div className="toolbar">
        <select
          aria-label={t.templates.kindLabel}
          value={kind}
          onChange={(e) => setKind(e.target.value as TemplateKind)}
        >
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.templates.kinds[k]}
            </option>
          ))}
        </select>
        <div role="tablist" aria-label={t.templates.language} className="tabs">
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              lang={l}
              aria-selected={language === l}
              className={language === l ? 'active' : ''}
              onClick={() => setLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        {source ? (
          <span className={`badge badge-${source === 'builtin' ? 'draft' : 'sent'}`}>
            {t.templates.source[source]}
          </span>
        ) : null}
      </div>
      <FormError message={error ?? (templates.error ? problemText(templates.error, t) : null)} />
      {saved ? (
        <p className="notice" role="status">
          {t.app.saved}
        </p>
      ) : null}
      <Field
        label={t.templates.subject}
        id="tpl-subject"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={errors.subject}
      />
      <TextAreaField
        label={t.templates.body}
        id="tpl-body"
        rows={9}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
        hint={t.templates.variables(set?.variables.map((v) => `{{${v}}}`).join(' ') ?? '')}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={save}>
          {clientId ? t.templates.saveForClient : t.templates.save}
        </button>
        {clientId && source === 'client' ? (
          <button
            type="button"
            onClick={async () => setSet(await api.removeClientTemplate(kind, clientId, language))}
          >
            {t.templates.useBusiness}
          </button>
        ) : null}
      </div>
      {preview ? (
        <section className="preview" aria-label={t.templates.preview}>
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <iframe title={t.templates.emailPreview} sandbox="" srcDoc={preview.html} />
        </section>
      ) : null}
    </div>
  );
}
