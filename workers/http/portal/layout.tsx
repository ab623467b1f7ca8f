import type { Child } from 'hono/jsx';

const CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans JP",sans-serif;color:#1b1f24;background:#f6f7f9}
body{margin:0}main{max-width:44rem;margin:0 auto;padding:1.25rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1.25rem;background:#fff;border-bottom:1px solid #dde2e8}
.card{background:#fff;border:1px solid #dde2e8;border-radius:10px;padding:1.25rem;margin-bottom:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem}
dl{display:grid;grid-template-columns:auto auto;gap:.25rem 1rem;margin:0}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
button{font:inherit;padding:.6rem 1rem;border-radius:6px;border:1px solid #3b5bdb;background:#3b5bdb;color:#fff;cursor:pointer}
button.link{background:none;border:none;color:#3b5bdb;padding:0}.muted{color:#5f6b7a}.danger{color:#c92a2a}
`;

/** Shell of every portal page; the style tag carries the per-response CSP nonce. */
export function Page(props: {
  lang: string;
  title: string;
  nonce: string;
  business?: string;
  signOut?: string;
  children: Child;
}) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <style nonce={props.nonce}>{CSS}</style>
      </head>
      <body>
        <header>
          <strong>{props.business ?? ''}</strong>
          {props.signOut ? (
            <form method="post" action="/portal/logout">
              <button type="submit" class="link">
                {props.signOut}
              </button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
