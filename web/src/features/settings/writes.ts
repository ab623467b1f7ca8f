import { actionKey, http, type JsonBody, unwrap } from '../../api/http';
import type { SettingsPatch } from '../../api/types';

export const updateSettings = (body: SettingsPatch, key?: string) =>
  unwrap(http.PATCH('/settings', { body, ...actionKey(key) }));

export const uploadLogo = (file: File, key?: string) =>
  unwrap(
    http.PUT('/settings/logo', {
      // The document types an image body as a string (its bytes); the file itself goes out
      // through the serializer, with its own content type.
      body: '',
      bodySerializer: () => file,
      headers: { 'content-type': file.type || 'application/octet-stream', ...actionKey(key).headers },
    }),
  );

export const deleteLogo = (key?: string) => unwrap(http.DELETE('/settings/logo', actionKey(key)));

export type StripeKeys = JsonBody<'/settings/stripe', 'put'>;

export const saveStripeSettings = (body: StripeKeys, key?: string) =>
  unwrap(http.PUT('/settings/stripe', { body, ...actionKey(key) }));

export const removeStripe = (key?: string) => unwrap(http.DELETE('/settings/stripe', actionKey(key)));

/** "Connect with Stripe": the Account Link to open (a new one each press). */
export const startStripeConnect = (key?: string) =>
  unwrap(http.POST('/settings/stripe/connect', actionKey(key)));

/** "I already have a Stripe account": Stripe's Connect OAuth page to open (a new state each press). */
export const startStripeOauth = (key?: string) =>
  unwrap(http.POST('/settings/stripe/connect/oauth', actionKey(key)));
