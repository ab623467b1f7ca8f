import { http, type JsonBody, unwrap } from '../../api/http';

/** Sign-up and sign-in ignore an Idempotency-Key: there is no credential to bind it to yet. */
export const signUp = (body: JsonBody<'/signup', 'post'>) => unwrap(http.POST('/signup', { body }));
export const signIn = (body: JsonBody<'/sessions', 'post'>) => unwrap(http.POST('/sessions', { body }));
export const currentSession = () => unwrap(http.GET('/sessions/current'));
export const signOut = () => unwrap(http.DELETE('/sessions/current'));
