import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemText } from '../errors';
import { useWords } from '../i18n';

/**
 * Runs a write, then invalidates the cached reads it changed (by key prefix); a failure
 * becomes the message shown next to the buttons (the API's problem detail when there is
 * one). `busy` is true while it runs, so its controls can be disabled.
 */
export function useAction(changes: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useWords();
  const invalidate = () =>
    Promise.all(changes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
      await invalidate();
    } catch (err) {
      setError(problemText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return { run, error, setError, busy, invalidate };
}
