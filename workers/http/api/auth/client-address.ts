import type { Context } from 'hono';

/** Cloudflare sets this header on every request and overwrites any value a client sends. */
export const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'local';
