import { actionKey, http, type JsonBody, unwrap } from '../../api/http';

/** Public: the same answer whether or not the address has an account. */
export const requestPasswordReset = (email: string) =>
  unwrap(http.POST('/password-resets', { body: { email } }));

export const resetPassword = (token: string, password: string) =>
  unwrap(http.POST('/password-resets/{token}', { params: { path: { token } }, body: { password } }));

/** Public: the emailed token alone confirms the address, in any browser. */
export const verifyEmail = (token: string) =>
  unwrap(http.POST('/email-verifications/{token}', { params: { path: { token } } }));

export const resendVerification = (key?: string) =>
  unwrap(http.POST('/email-verifications', { ...actionKey(key) }));

export const updateProfile = (body: JsonBody<'/me', 'patch'>, key?: string) =>
  unwrap(http.PATCH('/me', { body, ...actionKey(key) }));

export const changePassword = (body: JsonBody<'/me/password', 'put'>, key?: string) =>
  unwrap(http.PUT('/me/password', { body, ...actionKey(key) }));

export const changeEmail = (body: JsonBody<'/me/email', 'put'>, key?: string) =>
  unwrap(http.PUT('/me/email', { body, ...actionKey(key) }));

export const signOutDevice = (id: string, key?: string) =>
  unwrap(http.DELETE('/me/sessions/{id}', { params: { path: { id } }, ...actionKey(key) }));

export const signOutOtherDevices = (key?: string) =>
  unwrap(http.DELETE('/me/sessions', { ...actionKey(key) }));
