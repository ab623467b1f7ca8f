/**
 * This renderer vs headless Chromium printing an HTML rendering of the same invoice
 * (`chromium --headless --print-to-pdf`, the approach most invoicing products use),
 * in one run: p50/p95 time and file size for a 1-page Latin invoice, a 1-page invoice
 * with Japanese text and a 10-page invoice; heap growth over many renders.
 * Run: pnpm bench:pdf   (RUNS=… CHROME_RUNS=… to change the sample sizes)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from '@clientele/core';
import { type PdfDocumentInput, renderDocumentPdf } from '@clientele/pdf';
import { invoice, nodeFonts } from '../packages/pdf/test/fixtures';
import { CHROMIUM_FLAGS, launchBrowser } from '../web/e2e/browser';

const RUNS = Number(process.env.RUNS ?? 100);
const CHROME_RUNS = Number(process.env.CHROME_RUNS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const cases: { name: string; doc: PdfDocumentInput }[] = [
  { name: '1-page Latin', doc: invoice() },
  {
    name: '1-page Japanese',
    doc: invoice({
      language: 'ja',
      billTo: { ...invoice().billTo, name: '山田太郎', company: '株式会社さくら' },
      lines: [
        {
          description: 'ロゴデザインおよびブランドガイドライン作成',
          quantity: 1,
          unitPrice: 240000,
          taxRate: 10,
          amount: 240000,
        },
      ],
    }),
  },
  {
    name: '10-page',
    doc: invoice({
      lines: Array.from({ length: 330 }, (_, i) => ({
        description: `Line ${i + 1}: consulting and delivery`,
        quantity: 1,
        unitPrice: 1000,
        taxRate: 23,
        amount: 1000,
      })),
    }),
  },
];

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The same invoice as a typical HTML invoice template. */
function html(doc: PdfDocumentInput): string {
  const m = (n: number) => esc(formatMoney(n, doc.currency, doc.language));
  const addr = (p: PdfDocumentInput['seller']) =>
    [p.address.street, [p.address.postalCode, p.address.city].filter(Boolean).join(' '), p.address.country]
      .filter(Boolean)
      .map(esc)
      .join('<br>');
  return `<!doctype html><html lang="${doc.language}"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 17mm; } body { font: 9.5pt 'Noto Sans', 'Noto Sans CJK JP', sans-serif; color: #1c1f24; }
    table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; }
    th { text-align: left; font-size: 8pt; color: #60697a; background: #f2f4f6; padding: 4px; }
    td { padding: 4px; border-bottom: 0.5pt solid #dde2e8; } .num { text-align: right; }
    .head { display: flex; justify-content: space-between; } h1 { font-size: 22pt; margin: 0; }
  </style></head><body>
  <div class="head"><div><strong>${esc(doc.seller.name)}</strong><br>${addr(doc.seller)}<br>Tax ID ${esc(doc.seller.taxId)}</div>
  <div><h1>Invoice</h1>Number ${esc(doc.number)}<br>Issue date ${esc(doc.issueDate)}<br>Due date ${esc(doc.dueDate)}</div></div>
  <p><small>BILL TO</small><br><strong>${esc(doc.billTo.name)}</strong><br>${esc(doc.billTo.company)}<br>${addr(doc.billTo)}</p>
  <table><thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Unit price</th><th class="num">Tax</th><th class="num">Amount</th></tr></thead><tbody>
  ${doc.lines.map((l) => `<tr><td>${esc(l.description)}</td><td class="num">${l.quantity}</td><td class="num">${m(l.unitPrice)}</td><td class="num">${l.taxRate ?? ''}%</td><td class="num">${m(l.amount)}</td></tr>`).join('')}
  </tbody></table>
  <table style="width:40%;margin-left:auto"><tr><td>Subtotal</td><td class="num">${m(doc.subtotal)}</td></tr>
  ${doc.taxes.map((t) => `<tr><td>Tax ${t.rate}%</td><td class="num">${m(t.amount)}</td></tr>`).join('')}
  <tr><td><b>Total</b></td><td class="num"><b>${m(doc.total)}</b></td></tr><tr><td>Balance due</td><td class="num">${m(doc.amountDue)}</td></tr></table>
  <p>${esc(doc.notes)}</p></body></html>`;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-pdf-'));
const rows: string[] = [];
try {
  // Ours first, with no browser running beside it to steal a core.
  const oursByCase = new Map<string, { times: number[]; size: number }>();
  for (const c of cases) {
    for (let i = 0; i < 20; i++) await renderDocumentPdf(c.doc, { fonts: nodeFonts });
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const bytes = await renderDocumentPdf(c.doc, { fonts: nodeFonts });
      times.push(performance.now() - t);
      size = bytes.length;
    }
    oursByCase.set(c.name, { times, size });
  }
  const browser = await launchBrowser();
  const page = await browser.newPage();
  for (const c of cases) {
    const { times: ours, size } = oursByCase.get(c.name)!;

    const htmlPath = join(dir, 'invoice.html');
    writeFileSync(htmlPath, html(c.doc));
    const cli: number[] = [];
    let cliSize = 0;
    for (let i = 0; i < CHROME_RUNS; i++) {
      const out = join(dir, `chrome-${i}.pdf`);
      const t = performance.now();
      execFileSync(
        CHROMIUM,
        [
          ...CHROMIUM_FLAGS,
          '--no-pdf-header-footer',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--print-to-pdf=${out}`,
          `file://${htmlPath}`,
        ],
        { stdio: 'ignore' },
      );
      cli.push(performance.now() - t);
      cliSize = statSync(out).size;
    }
    // A warm browser reused across renders: the fastest way to use Chromium.
    const warm: number[] = [];
    await page.setContent(readFileSync(htmlPath, 'utf8'));
    await page.pdf({ format: 'A4' });
    for (let i = 0; i < CHROME_RUNS * 2; i++) {
      const t = performance.now();
      await page.setContent(readFileSync(htmlPath, 'utf8'));
      await page.pdf({ format: 'A4' });
      warm.push(performance.now() - t);
    }
    const f = (n: number) => n.toFixed(1);
    rows.push(
      `| ${c.name} | ${f(pct(ours, 50))} | ${f(pct(ours, 95))} | ${(size / 1024).toFixed(1)} KB | ${f(pct(cli, 50))} | ${f(pct(cli, 95))} | ${(cliSize / 1024).toFixed(1)} KB | ${f(pct(warm, 50))} | ${(pct(cli, 50) / pct(ours, 50)).toFixed(0)}× / ${(pct(warm, 50) / pct(ours, 50)).toFixed(0)}× | ${(size / cliSize).toFixed(2)} |`,
    );
  }
  await browser.close();

  // Memory: heap after a long run of renders, with garbage collected, stays flat.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 300; i++) await renderDocumentPdf(cases[i % 3]!.doc, { fonts: nodeFonts });
  gc?.();
  const after = process.memoryUsage().heapUsed;

  console.log(
    `\nNode ${process.version}; ${RUNS} renders per case for ours, ${CHROME_RUNS} Chromium CLI runs, ${CHROME_RUNS * 2} warm page.pdf() runs\n`,
  );
  console.log(
    '| invoice | ours p50 ms | ours p95 ms | ours size | Chromium CLI p50 ms | CLI p95 ms | Chromium size | warm page.pdf p50 ms | speed-up CLI / warm | size ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nheap after 300 more renders: ${((after - before) / 1024 / 1024).toFixed(1)} MB growth${gc ? '' : ' (run with --expose-gc for a clean figure)'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
