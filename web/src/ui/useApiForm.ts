import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { useWords } from '../i18n';
import { problemText } from './problemText';

export interface ApiFormOptions<TVars, TData> {
  /** The write, sent with the Idempotency-Key of this user action. */
  action: (vars: TVars, idempotencyKey: string) => Promise<TData>;
  /** Runs before the invalidation, while the form is still busy (show the result, navigate away). */
  onSuccess?: (data: TData, vars: TVars) => unknown;
  /** Query keys from the features' query factories whose reads this write changes. */
  invalidates?: readonly QueryKey[];
  /**
   * What the form says above its fields when the API named fields: the problem's detail
   * (default), "correct the highlighted fields", or nothing (the fields say it all).
   */
  whenFieldsNamed?: 'detail' | 'correct-fields' | 'nothing';
  /** The words for a failure that is no answer from the API. */
  fallback?: string;
}

/**
 * One user action against the API, on a TanStack mutation: `busy` while it runs (so its
 * controls are disabled), the problem's field errors (`fieldErrors[path]`, for next to the
 * inputs) and form-level `error` once it fails, the written reads invalidated once it succeeds.
 *
 * One Idempotency-Key per user action: a retry of the same request after an unknown outcome
 * (a dropped connection, a server error) reuses the key, so the API answers with the first
 * result instead of doing it twice; a success, a refusal (4xx: the corrected form is a new
 * action), other content or `newAction()` starts a new key.
 */
export function useApiForm<TVars = void, TData = unknown>(options: ApiFormOptions<TVars, TData>) {
  const { t } = useWords();
  const queryClient = useQueryClient();
  const pending = useRef<{ key: string; content: string } | null>(null);
  // Set in the click's own event, so the control is disabled before a second click of a
  // double click can land (the mutation's own state arrives a tick later).
  const [running, setRunning] = useState(false);
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: async ({ vars, key }: { vars: TVars; key: string }) => {
      let data: TData;
      try {
        data = await options.action(vars, key);
      } catch (err) {
        if (!(err instanceof ApiError) || (err.status >= 400 && err.status < 500)) pending.current = null;
        throw err;
      }
      pending.current = null;
      await options.onSuccess?.(data, vars);
      await Promise.all(
        (options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      return data;
    },
  });

  /** Runs the action: its data, or undefined once its failure is on screen (or while another submission runs). */
  const submit = async (vars: TVars): Promise<TData | undefined> => {
    // One at a time: a second submission while the first runs is the same click again.
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setRunning(true);
    const content = fingerprint(vars);
    if (pending.current?.content !== content) pending.current = { key: crypto.randomUUID(), content };
    try {
      return await mutation.mutateAsync({ vars, key: pending.current.key });
    } catch {
      return undefined;
    } finally {
      inFlight.current = false;
      setRunning(false);
    }
  };

  const failure = mutation.error;
  const fieldErrors = failure instanceof ApiError ? failure.fieldErrors() : {};
  const named = Object.keys(fieldErrors).length > 0;
  const mode = options.whenFieldsNamed ?? 'detail';
  const error = !failure
    ? null
    : !(failure instanceof ApiError)
      ? (options.fallback ?? String(failure))
      : named && mode === 'correct-fields'
        ? t.app.correctFields
        : named && mode === 'nothing'
          ? null
          : problemText(failure, t);

  return {
    submit,
    busy: running || mutation.isPending,
    fieldErrors,
    error,
    /** The form was edited: the next submission is a new action with a new key. */
    newAction: () => {
      pending.current = null;
    },
    /** Forgets the last failure (the form it belonged to is gone). */
    reset: mutation.reset,
  };
}

/** The request's content, to tell a retry of the same action from a new one; files by name, size and date. */
function fingerprint(vars: unknown): string {
  return (
    JSON.stringify(vars, (_key, value: unknown) =>
      value instanceof File
        ? { file: value.name, size: value.size, type: value.type, modified: value.lastModified }
        : value,
    ) ?? ''
  );
}
