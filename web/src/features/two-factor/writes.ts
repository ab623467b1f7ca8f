import { actionKey, http, unwrap } from '../../api/http';

export const startEnrolment = (key?: string) => unwrap(http.POST('/me/totp', actionKey(key)));

export const confirmEnrolment = (code: string, key?: string) =>
  unwrap(http.POST('/me/totp/confirm', { body: { code }, ...actionKey(key) }));

export const turnOff = (code: string, key?: string) =>
  unwrap(http.DELETE('/me/totp', { body: { code }, ...actionKey(key) }));

export const requireTwoFactor = (required: boolean, key?: string) =>
  unwrap(http.PUT('/settings/two-factor', { body: { required }, ...actionKey(key) }));
