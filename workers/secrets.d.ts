// Worker secrets (`wrangler secret put`, `--var` locally): not in wrangler.toml, so not
// in the generated Env. Optional here because a deployment may not have set them yet;
// the code that needs one fails with a clear message.
declare namespace Cloudflare {
  interface Env {
    /** Derives the tokens of emailed portal links from their ids (HMAC-SHA256). */
    PORTAL_LINK_KEY?: string;
  }
}
