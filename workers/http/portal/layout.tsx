import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@clientele/core';
import type { Child } from 'hono/jsx';
import type { PortalMessages } from './messages';

const CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans JP",sans-serif;color:#1b1f24;background:#f6f7f9;line-height:1.45}
body{margin:0}main{max-width:56rem;margin:0 auto;padding:1.25rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem;padding:.75rem 1.25rem;background:#fff;border-bottom:1px solid #dde2e8}
header .brand{display:flex;align-items:center;gap:.6rem}header img{max-height:2rem;max-width:8rem}
nav.main{display:flex;flex-wrap:wrap;gap:.25rem 1rem}nav.main a{color:#1b1f24;text-decoration:none;padding:.25rem 0}nav.main a[aria-current=page]{border-bottom:2px solid #3b5bdb;font-weight:600}
form.langs{display:flex;flex-wrap:wrap;gap:.5rem;margin:0}form.langs button{font-size:.85rem}
.card{background:#fff;border:1px solid #dde2e8;border-radius:10px;padding:1.25rem;margin-bottom:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem}
dl{display:grid;grid-template-columns:auto auto;gap:.25rem 1rem;margin:0}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
button,.button{font:inherit;display:inline-block;padding:.6rem 1rem;border-radius:6px;border:1px solid #3b5bdb;background:#3b5bdb;color:#fff;cursor:pointer;text-decoration:none}
button:disabled{background:#adb5bd;border-color:#adb5bd;cursor:not-allowed}.button.secondary,button.secondary{background:#fff;color:#3b5bdb}
button.link{background:none;border:none;color:#3b5bdb;padding:0}button[aria-pressed=true]{font-weight:700;text-decoration:underline}
.muted{color:#5f6b7a}.danger{color:#c92a2a}.ok{color:#2b8a3e}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.5rem .4rem;border-bottom:1px solid #edf0f3;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:1rem 0}
.parties{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.parties p{margin:.1rem 0}
.totals{margin-left:auto;max-width:22rem}.totals dd{min-width:7rem}
textarea{font:inherit;width:100%;box-sizing:border-box;min-height:4rem}
.pre{white-space:pre-line}.thread{list-style:none;padding:0;margin:0}.thread li{border-left:3px solid #dde2e8;padding:.25rem .75rem;margin:.75rem 0}.thread li.staff{border-color:#3b5bdb}.field{margin:.75rem 0}.field label{display:block;font-weight:600;margin-bottom:.25rem}.field input[type=text],.field select{font:inherit;width:100%;box-sizing:border-box;padding:.45rem}.field-error{color:#c92a2a;margin:.25rem 0}
:focus-visible{outline:3px solid #91a7ff;outline-offset:2px}
.phone-only{display:none}.toolbar{justify-content:space-between;align-items:center;gap:1rem;padding-bottom:.5rem;border-bottom:1px solid #dde2e8}
article h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#5f6b7a;margin:.2rem 0 .4rem}article>dl{max-width:22rem;margin:1rem 0}
@media (max-width:40rem){main{padding:.75rem}.phone-only{display:flex}.parties{grid-template-columns:1fr}
 table.responsive thead{display:none}table.responsive tr{display:block;border-bottom:1px solid #dde2e8;padding:.5rem 0}
 table.responsive td{display:flex;justify-content:space-between;gap:1rem;border:none;padding:.2rem 0;text-align:right}
 table.responsive td::before{content:attr(data-label);color:#5f6b7a;text-align:left}table.responsive td.check::before{content:none}}
`;

export type Section = 'statement' | 'invoices' | 'estimates' | 'support';

/**
 * Shell of every portal page; style and script carry the per-response CSP nonce. The
 * language switcher posts (so a sign-in token in `next` never lands in a URL or a log).
 */
export function Page(props: {
  lang: Language;
  title: string;
  nonce: string;
  path: string;
  m?: PortalMessages;
  business?: string | undefined;
  logo?: boolean;
  section?: Section;
  script?: string | undefined;
  /** A script from another origin the page's own policy allows (Stripe.js on the payment page). */
  externalScript?: string | undefined;
  children: Child;
}) {
  const { m } = props;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        {/* Raw: text children would be HTML-escaped, and quotes matter in CSS and JS. */}
        <style nonce={props.nonce} dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header>
          <span class="brand">
            {props.logo ? <img src="/portal/logo" alt="" /> : null}
            <strong>{props.business ?? ''}</strong>
          </span>
          {m && props.section ? (
            <nav class="main">
              {(['statement', 'invoices', 'estimates', 'support'] as const).map((s) => (
                <a
                  href={s === 'statement' ? '/portal' : s === 'support' ? '/portal/tickets' : `/portal/${s}`}
                  aria-current={props.section === s ? 'page' : undefined}
                >
                  {m[s]}
                </a>
              ))}
            </nav>
          ) : null}
          <form class="langs" method="post" action="/portal/language" aria-label={m?.language ?? 'Language'}>
            <input type="hidden" name="next" value={props.path} />
            {LANGUAGES.map((l) => (
              <button
                type="submit"
                class="link"
                name="lang"
                value={l}
                lang={l}
                aria-pressed={l === props.lang}
              >
                {LANGUAGE_NAMES[l]}
              </button>
            ))}
          </form>
          {m && props.section ? (
            <form method="post" action="/portal/logout">
              <button type="submit" class="link">
                {m.signOut}
              </button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
        {props.externalScript ? <script nonce={props.nonce} src={props.externalScript} /> : null}
        {props.script ? (
          <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: props.script }} />
        ) : null}
      </body>
    </html>
  );
}
