import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, type TemplateSet } from '../api';
import { keys } from '../queries';
import { Field, TextAreaField } from './Field';
import { FormError } from './FormError';

const KINDS: [string, string][] = [
  ['invoice', 'Invoice'],
  ['estimate', 'Estimate'],
  ['reminder', 'Payment reminder'],
  ['receipt', 'Payment receipt'],
  ['ticket_reply', 'Ticket reply'],
  ['portal_link', 'Portal sign-in link'],
];
const LANGS: [string, string][] = [
  ['en', 'English'],
  ['ru', 'Русский'],
  ['pt', 'Português'],
  ['it', 'Italiano'],
  ['ja', '日本語'],
];

/**
 * Edits the business templates, or one client's overrides when `clientId` is given,
 * with a live preview rendered by the API (the same code that sends the mail).
 */
export function TemplateEditor({
  clientId,
  language: initial = 'en',
}: {
  clientId?: string;
  language?: string;
}) {
  const [kind, setKind] = useState('invoice');
  // A client's overrides open on the language that client's mail goes out in.
  const [language, setLanguage] = useState(initial);
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
    const t = set?.languages[language];
    if (!t) return;
    setSubject(t.subject);
    setBody(t.body);
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
        setError(err.message);
      } else setError(String(err));
    }
  }

  const source = set?.languages[language]?.source;
  return (
    <div className="card form-grid template-editor">
      <div className="toolbar">
        <select aria-label="Email kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <div role="tablist" aria-label="Language" className="tabs">
          {LANGS.map(([l, label]) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={language === l}
              className={language === l ? 'active' : ''}
              onClick={() => setLanguage(l)}
            >
              {label}
            </button>
          ))}
        </div>
        {source ? (
          <span className={`badge badge-${source === 'builtin' ? 'draft' : 'sent'}`}>
            {source === 'client' ? 'client override' : source}
          </span>
        ) : null}
      </div>
      <FormError message={error ?? (templates.error ? templates.error.message : null)} />
      {saved ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <Field
        label="Subject"
        id="tpl-subject"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={errors.subject}
      />
      <TextAreaField
        label="Body"
        id="tpl-body"
        rows={9}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
        hint={`Variables: ${set?.variables.map((v) => `{{${v}}}`).join(' ') ?? ''}`}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={save}>
          {clientId ? 'Save for this client' : 'Save template'}
        </button>
        {clientId && source === 'client' ? (
          <button
            type="button"
            onClick={async () => setSet(await api.removeClientTemplate(kind, clientId, language))}
          >
            Use the business template
          </button>
        ) : null}
      </div>
      {preview ? (
        <section className="preview" aria-label="Preview">
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <iframe title="Email preview" sandbox="" srcDoc={preview.html} />
        </section>
      ) : null}
    </div>
  );
}
