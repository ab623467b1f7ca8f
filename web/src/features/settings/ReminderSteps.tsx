import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Settings } from '../../api/types';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { settingsQueries } from './queries';
import { updateSettings } from './writes';

type Side = 'before' | 'on' | 'after';

/** A step as the form edits it: a count of days and which side of the due date. */
interface Row {
  id: number;
  days: string;
  side: Side;
}

const MAX_STEPS = 10;

const rowOf = (offsetDays: number, id: number): Row => ({
  id,
  days: String(Math.abs(offsetDays)),
  side: offsetDays === 0 ? 'on' : offsetDays < 0 ? 'before' : 'after',
});

const offsetOf = (r: Row) => (r.side === 'on' ? 0 : (r.side === 'before' ? -1 : 1) * Number(r.days || 0));

/**
 * Settings → Reminders: the steps (days before, on or after the due date) and the option to
 * hold reminders while the client has an open ticket about the invoice; saved on their own.
 */
export function ReminderSteps() {
  const { t } = useWords();
  const queryClient = useQueryClient();
  const loaded = useQuery(settingsQueries.business());
  const settings = loaded.data ?? null;
  const [rows, setRows] = useState<Row[]>([]);
  const [pause, setPause] = useState(false);
  const [nextId, setNextId] = useState(0);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings) return;
    setRows(settings.reminders.map((s, i) => rowOf(s.offsetDays, i)));
    setNextId(settings.reminders.length);
    setPause(settings.remindersPauseForOpenTickets);
  }, [settings]);

  const save = useApiForm({
    action: (_: void, key) =>
      updateSettings(
        { reminders: rows.map((r) => ({ offsetDays: offsetOf(r) })), remindersPauseForOpenTickets: pause },
        key,
      ),
    onSuccess: (next: Settings) => {
      queryClient.setQueryData(settingsQueries.business().queryKey, next);
      setSaved(true);
    },
    whenFieldsNamed: 'correct-fields',
  });
  const errors = save.fieldErrors;

  const change = (id: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  };

  if (!settings) return null;
  return (
    <form
      className="card form-grid reminder-steps"
      aria-label={t.reminders.title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.submit();
      }}
    >
      <p className="hint">{t.reminders.intro}</p>
      <FormError message={save.error} />
      {saved ? (
        <p className="notice" role="status">
          {t.app.saved}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{t.reminders.none}</p> : null}
      <ol className="steps">
        {rows.map((r, i) => {
          const error = errors[`reminders.${i}.offsetDays`];
          return (
            <li key={r.id}>
              <fieldset>
                <legend>{t.reminders.step(i + 1)}</legend>
                <div className="row">
                  {r.side === 'on' ? null : (
                    <label>
                      {t.reminders.days}
                      <input
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={r.side === 'before' ? 60 : 365}
                        value={r.days}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `reminder-${r.id}-error` : undefined}
                        onChange={(e) => change(r.id, { days: e.target.value })}
                      />
                    </label>
                  )}
                  <label>
                    {t.reminders.when}
                    <select
                      value={r.side}
                      onChange={(e) => {
                        const side =
                          e.target.value === 'before' ? 'before' : e.target.value === 'on' ? 'on' : 'after';
                        change(r.id, { side, days: side === 'on' ? '0' : r.days === '0' ? '1' : r.days });
                      }}
                    >
                      <option value="before">{t.reminders.before}</option>
                      <option value="on">{t.reminders.onDue}</option>
                      <option value="after">{t.reminders.after}</option>
                    </select>
                  </label>
                  <button
                    type="button"
                    aria-label={t.reminders.remove(i + 1)}
                    onClick={() => {
                      setSaved(false);
                      setRows((all) => all.filter((x) => x.id !== r.id));
                    }}
                  >
                    ✕
                  </button>
                </div>
                {error ? (
                  <p id={`reminder-${r.id}-error`} className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          disabled={rows.length >= MAX_STEPS}
          onClick={() => {
            setSaved(false);
            setRows((all) => [...all, { id: nextId, days: '7', side: 'after' }]);
            setNextId((n) => n + 1);
          }}
        >
          {t.reminders.add}
        </button>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={pause}
          onChange={(e) => {
            setSaved(false);
            setPause(e.target.checked);
          }}
        />{' '}
        {t.reminders.pauseForTickets}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t.reminders.save}
        </button>
      </div>
    </form>
  );
}
