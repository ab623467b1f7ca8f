import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import type { Client } from '../../api/types';
import { useWords } from '../../i18n';
import { FieldShell } from '../../ui/Field';
import { clientQueries } from './queries';

/** How many matches the list shows: typing more narrows it, so every client can be reached. */
const MATCHES = 20;

/** A client as the search lists it. */
type Match = Pick<Client, 'id' | 'name' | 'company'>;

const nameOf = (c: Match) => (c.company ? `${c.name} — ${c.company}` : c.name);

/**
 * Picks one client by searching the API as the person types (name, company or email), so
 * a business with thousands of clients reaches every one. A labelled combobox: arrows move
 * through the matches, Enter picks, Escape closes and keeps the current client, which the
 * box shows whenever it is not being searched.
 */
export function ClientPicker({
  id,
  label,
  value,
  onChange,
  error,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (client: Match) => void;
  error?: string | undefined;
  placeholder?: string;
}) {
  const { t } = useWords();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  // The picked match shows at once; the client's own record replaces it once loaded.
  const [picked, setPicked] = useState<Match | null>(null);
  const loaded = useQuery(clientQueries.detail(value)).data;
  const selected = loaded ?? (picked?.id === value ? picked : undefined);
  const matches = useQuery({ ...clientQueries.list({ q, limit: MATCHES }), enabled: open });
  const options = matches.data?.data ?? [];

  // Search as you type, debounced so each keystroke is not a request.
  useEffect(() => {
    const handle = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(handle);
  }, [text]);

  // A new set of matches starts at its first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the matches are the trigger
  useEffect(() => setActive(0), [matches.data]);

  const pick = (client: Match) => {
    setPicked(client);
    onChange(client);
    setOpen(false);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (options.length) setActive((active + step + options.length) % options.length);
    } else if (e.key === 'Enter' && open) {
      // Enter picks; it does not submit the form around the box.
      e.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setText('');
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const searching = open && (text !== '' || !selected);
  return (
    <FieldShell id={id} label={label} error={error}>
      {(aria) => (
        <div className="combobox">
          <input
            id={id}
            {...aria}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && options[active] ? optionId(active) : undefined}
            placeholder={selected ? nameOf(selected) : placeholder}
            value={searching ? text : selected ? nameOf(selected) : text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onFocus={(e) => {
              setOpen(true);
              e.currentTarget.select();
            }}
            onClick={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              setText('');
            }}
            onKeyDown={onKeyDown}
          />
          <div id={listId} role="listbox" aria-label={label} hidden={!open || options.length === 0}>
            {options.map((c, i) => (
              <div
                key={c.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                data-client={c.id}
                className={c.id === value ? 'current' : undefined}
                // Picked before the box loses focus (a click would blur it first).
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {nameOf(c)}
              </div>
            ))}
          </div>
          {open && options.length === 0 ? (
            <p className="combobox-note muted" role="status">
              {!matches.data ? t.app.loading : q ? t.clients.noMatch(q) : t.clients.empty}
            </p>
          ) : null}
        </div>
      )}
    </FieldShell>
  );
}
