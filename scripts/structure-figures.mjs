// Structure figures for a change note: import hops from the Worker's entry to the code of
// key operations, files and lines per package, casts, hand-built problem bodies, English
// refusal literals, context constructions. Reruns on any commit, so before/after compare
// like with like: `node scripts/structure-figures.mjs` (add `--json` for machine output).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? '.');
const SKIP = /^(node_modules|dist|\.tmp|\.wrangler|test-output|migrations|fixtures|fonts|\.git)$/;
const isTest = (f) => /(^|\/)(test|tests|e2e)\/|\.(test|spec)\.tsx?$/.test(f);

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (SKIP.test(name) || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(relative(root, p));
  }
  return out;
}
const read = (f) => readFileSync(join(root, f), 'utf8');
const lines = (f) => read(f).split('\n').length;

const all = walk(root);
const source = all.filter((f) => !isTest(f));

// Workspace packages resolve to their source entry, as TypeScript and Vite do here.
const packageEntry = {
  '@clientele/core': 'packages/core/src/index.ts',
  '@clientele/core/money': 'packages/core/src/money/index.ts',
  '@clientele/core/admin-words': 'packages/core/src/admin-words.ts',
  '@clientele/db': 'packages/db/src/index.ts',
  '@clientele/db/d1': 'packages/db/src/d1.ts',
  '@clientele/db/libsql': 'packages/db/src/libsql.ts',
  '@clientele/pdf': 'packages/pdf/src/index.ts',
};
function resolveImport(from, spec) {
  if (packageEntry[spec]) return packageEntry[spec];
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(from), spec).replace(/\.js$/, '');
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(join(root, c)) && statSync(join(root, c)).isFile()) return c;
  }
  return null;
}
const IMPORT =
  /^\s*(?:import|export)\s+(?:type\s+)?[\s\S]*?\s+from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const graph = new Map();
function edges(f) {
  if (!graph.has(f)) {
    const out = [];
    if (existsSync(join(root, f))) {
      for (const m of read(f).matchAll(IMPORT)) {
        const to = resolveImport(f, m[1] ?? m[2] ?? m[3]);
        if (to) out.push(to);
      }
    }
    graph.set(f, out);
  }
  return graph.get(f);
}
/** Breadth-first from the Worker entry: fewest import edges to reach each file. */
function hopsFrom(entry) {
  const dist = new Map([[entry, 0]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift();
    for (const t of edges(f)) {
      if (!dist.has(t)) {
        dist.set(t, dist.get(f) + 1);
        queue.push(t);
      }
    }
  }
  return dist;
}

// Where each operation's code is: the handler that writes its method and path (or the
// entry's handler), and the file that does the work. Found by content, not by name, so the
// figures follow the code through a restructuring.
const route = (method, path) =>
  new RegExp(
    `method:\\s*'${method}',\\s*path:\\s*'${path.replace(/[{}/]/g, '\\$&')}'|\\.${method}\\(\\s*'${path.replace(/[{}/]/g, '\\$&')}'`,
  );
const fn = (...names) => new RegExp(`export (async )?function (${names.join('|')})\\b`);
const operations = [
  ['create invoice', route('post', '/invoices'), fn('createDraft', 'createInvoice', 'createDocument')],
  ['record payment', route('post', '/invoices/{id}/payments'), fn('recordManualPayment', 'recordPayment')],
  ['Stripe webhook', route('post', '/stripe/:tenantId'), fn('receiveStripeEvent')],
  ['inbound reply', fn('handleEmail'), fn('receiveInboundEmail')],
  ['portal sign-in', route('post', '/login/:token'), fn('signInWithLink')],
  ['ZIP', route('post', '/downloads'), fn('invoiceZip')],
  ['PDF', route('get', '/invoices/{id}/pdf'), fn('documentPdf')],
  ['dashboard', route('get', '/dashboard'), fn('dashboard', 'dashboardFor', 'getDashboard')],
];
const dist = hopsFrom('workers/index.ts');
const workerSource = source.filter((f) => f.startsWith('workers/'));
function locate(pattern) {
  const hits = workerSource.filter((f) => pattern.test(read(f)) && dist.has(f));
  hits.sort((a, b) => dist.get(a) - dist.get(b));
  return hits[0] ? { file: hits[0], hops: dist.get(hits[0]) } : null;
}
const hops = operations.map(([name, handler, work]) => ({
  name,
  handler: locate(handler),
  work: locate(work),
}));

const areas = [
  ['workers entries', (f) => /^workers\/(index\.ts|cron|queue|email)\b/.test(f)],
  ['workers/http', (f) => f.startsWith('workers/http/')],
  ['workers/services', (f) => f.startsWith('workers/services/')],
  [
    'workers (other)',
    (f) => f.startsWith('workers/') && !/^workers\/(index\.ts|cron|queue|email|http|services)\b/.test(f),
  ],
  ['packages/core', (f) => f.startsWith('packages/core/')],
  ['packages/db', (f) => f.startsWith('packages/db/')],
  ['packages/pdf', (f) => f.startsWith('packages/pdf/')],
  ['packages/stripe-fake', (f) => f.startsWith('packages/stripe-fake/')],
  ['web/src', (f) => f.startsWith('web/src/')],
  ['scripts + bench', (f) => /^(scripts|bench)\//.test(f)],
];
const size = (files) => ({ files: files.length, lines: files.reduce((n, f) => n + lines(f), 0) });
const perArea = areas.map(([name, test]) => ({
  area: name,
  source: size(source.filter(test)),
  tests: size(all.filter((f) => isTest(f) && test(f.replace(/\/(test|tests|e2e)\//, '/src/')))),
}));
const testsPerPackage = [
  ['workers/test', (f) => f.startsWith('workers/test/')],
  ['packages/*/test', (f) => /^packages\/[^/]+\/test\//.test(f)],
  ['web/e2e', (f) => f.startsWith('web/e2e/')],
].map(([name, test]) => ({ area: name, ...size(all.filter(test)) }));

const countIn = (files, re) =>
  files
    .flatMap((f) => [...read(f).matchAll(re)].map(() => f))
    .reduce((m, f) => m.set(f, (m.get(f) ?? 0) + 1), new Map());
const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const casts = countIn(source, /\bas (never|any)\b|\bas unknown as\b/g);
const problemBodies = countIn(
  source.filter((f) => f.startsWith('workers/') && !/\/problem\.tsx?$/.test(f)),
  /\bproblemResponse\(|new Response\(\s*JSON\.stringify\(\s*\{\s*type:/g,
);
const ERROR_CLASSES =
  '(?:NotFound|Conflict|Validation|Unauthorized|Forbidden|RateLimited|Upstream|RetryLater|Domain|Payload\\w*|Unsupported\\w*)Error';
// A refusal's words are English when a literal with a capital or a space is handed to an
// error (`new NotFoundError('Invoice')`); a catalogue key (`'invoiceNotFound'`) is not.
const englishRefusals = countIn(
  source.filter((f) => f.startsWith('workers/')),
  new RegExp(`new ${ERROR_CLASSES}\\(\\s*(?:\\d{3}\\s*,\\s*)?['"\`](?:[A-Z]|[^'"\`]* )`, 'g'),
);
// A context built: an object literal carrying db, tenantId and now, or the one constructor's
// calls; narrowing an existing context to a tenant is counted apart.
const contexts = countIn(
  source.filter((f) => f.startsWith('workers/')),
  /\{\s*db[,:][^{};]*\btenantId\b[^{};]*\bnow\b[^{};]*\}|\{\s*db:\s*c\.var\.db\b|\binitContext\((?:env|c\.env)\b/g,
);
const narrowings = countIn(
  source.filter((f) => f.startsWith('workers/')),
  /\bforTenant\((?!ctx: AppContext)/g,
);
const dbClients = countIn(
  source.filter((f) => f.startsWith('workers/')),
  /\bcreateD1Db\(/g,
);
const envInServices = countIn(
  source.filter((f) => f.startsWith('workers/services/')),
  /export (?:async )?function \w+\([^)]*\b(?:env|queue|files|bucket)\s*:\s*(?:Env|Pick<Env|Queue|R2Bucket)/g,
);
const adHocLogs = countIn(
  source.filter((f) => f.startsWith('workers/')),
  /console\.(log|error|warn|info)\(/g,
);

const figures = {
  hops,
  perArea,
  testsPerPackage,
  casts: { total: total(casts), byFile: Object.fromEntries(casts) },
  handBuiltProblemBodies: { total: total(problemBodies), byFile: Object.fromEntries(problemBodies) },
  englishRefusalLiterals: { total: total(englishRefusals), byFile: Object.fromEntries(englishRefusals) },
  contextConstructions: { total: total(contexts), byFile: Object.fromEntries(contexts) },
  tenantNarrowings: { total: total(narrowings), byFile: Object.fromEntries(narrowings) },
  dbClientConstructions: { total: total(dbClients), byFile: Object.fromEntries(dbClients) },
  serviceSignaturesTakingEnv: { total: total(envInServices), byFile: Object.fromEntries(envInServices) },
  consoleCallsInWorker: { total: total(adHocLogs), byFile: Object.fromEntries(adHocLogs) },
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log('hops from workers/index.ts (handler · work):');
  for (const h of hops) {
    const fmt = (x) => (x ? `${x.hops} ${x.file}` : '—');
    console.log(`  ${h.name.padEnd(15)} ${fmt(h.handler)} · ${fmt(h.work)}`);
  }
  console.log('files / lines (source; tests):');
  for (const a of perArea) console.log(`  ${a.area.padEnd(22)} ${a.source.files} / ${a.source.lines}`);
  for (const t of testsPerPackage) console.log(`  ${t.area.padEnd(22)} ${t.files} / ${t.lines} (tests)`);
  for (const key of [
    'casts',
    'handBuiltProblemBodies',
    'englishRefusalLiterals',
    'contextConstructions',
    'tenantNarrowings',
    'dbClientConstructions',
    'serviceSignaturesTakingEnv',
    'consoleCallsInWorker',
  ]) {
    const v = figures[key];
    const files = Object.entries(v.byFile).map(([f, n]) => `${f.replace(/^workers\//, '')}:${n}`);
    console.log(`${key}: ${v.total}${files.length ? `  (${files.join(', ')})` : ''}`);
  }
}
