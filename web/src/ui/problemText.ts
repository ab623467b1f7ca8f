import type { AdminMessages } from '@clientele/core/admin-words';
import { ApiError } from '../api/http';

/** What a failed call says to the person: the API's problem detail, or why it never arrived. */
export function problemText(err: unknown, t: AdminMessages): string {
  if (err instanceof ApiError) return err.status === 0 ? t.app.networkError : err.message;
  return String(err);
}

/** A read that failed because the thing is not there (or belongs to another business). */
export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;
