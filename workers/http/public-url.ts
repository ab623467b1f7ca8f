/** The product's address as configured (`PUBLIC_URL`), without a trailing slash. */
export function publicOrigin(env: Pick<Env, 'PUBLIC_URL'>): string {
  return new URL(env.PUBLIC_URL).origin;
}
