import type { AdminMessages } from '@clientele/core/admin-words';
import { ApiError } from './api';

/** What a failed call says to the person: the API's problem detail, or why it never arrived. */
export function problemText(err: unknown, t: AdminMessages): string {
  if (err instanceof ApiError) return err.status === 0 ? t.app.networkError : err.message;
  return String(err);
}
