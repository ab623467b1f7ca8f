import { LANGUAGE_NAMES, LANGUAGES, type Language, TEMPLATE_KINDS, type TemplateKind } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { oneOf } from '../../api/http';
import type { TemplateSet } from '../../api/types';
import { useWords } from '../../i18n';
import { Field, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { settingsQueries } from '../settings/queries';
import { templateQueries } from './queries';
import { previewTemplate, removeClientTemplate, saveTemplate } from './writes';

/** What the editor does: save the template on screen, or drop a client's override of it. */
type TemplateCommand =
  | { do: 'save'; subject: string; body: string }
  | { do: 'use-business'; clientId: string };

/**
 * Edits the business templates, or one client's overrides when `clientId` is given,
 * with a live preview rendered by the API (the same code that sends the mail).
 */
export function TemplateEditor({ clientId, language: initial }: { clientId?: string; language?: string }) {
  const { t, lang } = useWords();
  const [kind, setKind] = useState<TemplateKind>('invoice');
  // A reminder step's own words ('' = the general reminder), for the business's templates.
  const [stepChoice, setStepChoice] = useState('');
  const steps = useQuery({ ...settingsQueries.business(), enabled: !clientId && kind === 'reminder' });
  const step = !clientId && kind === 'reminder' && stepChoice ? stepChoice : undefined;
  // A client's overrides open on the language that client's mail goes out in; the
  // business's own templates on the business's language.
  const [language, setLanguage] = useState<Language>(oneOf(LANGUAGES, initial) ?? lang);
  const queryClient = useQueryClient();
  const templates = useQuery(templateQueries.set(kind, clientId, step));
  const set = templates.data ?? null;
  const setSet = (next: TemplateSet) =>
    queryClient.setQueryData(templateQueries.set(kind, clientId, step).queryKey, next);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [preview, setPreview] = useState<{ subject: string; html: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useApiForm({
    action: (c: TemplateCommand, key) =>
      c.do === 'save'
        ? saveTemplate(
            kind,
            { language, subject: c.subject, body: c.body, ...(step ? { step } : {}) },
            clientId,
            key,
          )
        : removeClientTemplate(kind, c.clientId, language, key),
    onSuccess: (next, c) => {
      setSet(next);
      if (c.do === 'save') setSaved(true);
    },
  });
  const errors = action.fieldErrors;

  useEffect(() => {
    const current = set?.languages[language];
    if (!current) return;
    setSubject(current.subject);
    setBody(current.body);
  }, [set, language]);

  // The notice and the errors belong to the template on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: kind, step and language are the triggers
  useEffect(() => {
    setSaved(false);
    action.reset();
  }, [kind, step, language]);

  // Preview as you type, debounced.
  useEffect(() => {
    if (!subject || !body) return;
    const handle = setTimeout(() => {
      previewTemplate(kind, {
        language,
        subject,
        body,
        ...(clientId ? { clientId } : {}),
        ...(step ? { step } : {}),
      }).then(
        (p) => setPreview(p),
        () => setPreview(null),
      );
    }, 300);
    return () => clearTimeout(handle);
  }, [kind, step, language, subject, body, clientId]);

  function save() {
    setSaved(false);
    void action.submit({ do: 'save', subject, body });
  }

  const source = set?.languages[language]?.source;
  return (
    <div className="card form-grid template-editor">
      <div className="toolbar">
        <select
          aria-label={t.templates.kindLabel}
          value={kind}
          onChange={(e) => setKind(oneOf(TEMPLATE_KINDS, e.target.value) ?? kind)}
        >
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.templates.kinds[k]}
            </option>
          ))}
        </select>
        {!clientId && kind === 'reminder' ? (
          <select
            aria-label={t.reminders.templateStep}
            value={stepChoice}
            onChange={(e) => setStepChoice(e.target.value)}
          >
            <option value="">{t.reminders.allSteps}</option>
            {(steps.data?.reminders ?? []).map((s) => (
              <option key={s.key} value={s.key}>
                {t.reminders.describe(s.offsetDays)}
              </option>
            ))}
          </select>
        ) : null}
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
      <FormError message={action.error ?? (templates.error ? problemText(templates.error, t) : null)} />
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
        <button type="button" className="primary" disabled={action.busy} onClick={save}>
          {clientId ? t.templates.saveForClient : t.templates.save}
        </button>
        {clientId && source === 'client' ? (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => void action.submit({ do: 'use-business', clientId })}
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
