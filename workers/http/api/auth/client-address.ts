import type { Context } from 'hono';

/** Cloudflare sets this header on every request and overwrites any value a client sends. */
export const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'local';

/** The browser and approximate country a session is signed in from, for the list of devices. */
export const clientDevice = (c: Context) => ({
  userAgent: c.req.header('user-agent'),
  country: c.req.header('cf-ipcountry')?.toUpperCase(),
});
