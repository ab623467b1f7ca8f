import { useState } from 'react';
import { ApiError } from '../api';

/**
 * Runs an API call, then reloads what it changed; a failure becomes the message shown
 * next to the buttons (the API's problem detail when there is one).
 */
export function useAction(reload: () => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return { run, error, setError };
}
