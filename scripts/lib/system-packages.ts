import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian packages the test suite drives: a real browser, the PDF checkers, Info-ZIP's
 * checker, and CJK fonts so Chromium draws Japanese in screenshots instead of boxes.
 */
const REQUIRED = [
  { bin: 'chromium', pkg: 'chromium' },
  { bin: 'pdftotext', pkg: 'poppler-utils' },
  { bin: 'pdftoppm', pkg: 'poppler-utils' },
  { bin: 'qpdf', pkg: 'qpdf' },
  { bin: 'unzip', pkg: 'unzip' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', pkg: 'fonts-noto-cjk' },
];

const has = (r: { bin?: string; file?: string }) =>
  r.file
    ? existsSync(r.file)
    : spawnSync('sh', ['-c', `command -v ${r.bin}`], { stdio: 'ignore' }).status === 0;

/**
 * Installs what is missing when running as root (CI, fresh machines); otherwise
 * stops with the exact command, because skipping browser or PDF tests silently
 * would report a green run that checked less.
 */
export function ensureSystemPackages() {
  const missing = [...new Set(REQUIRED.filter((r) => !has(r)).map((r) => r.pkg))];
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(
      `\nMissing system packages: ${missing.join(', ')}.\nInstall them, then run npm test again:\n\n  sudo sh -c '${command}'\n`,
    );
    process.exit(1);
  }
  console.log(`› Installing system packages: ${missing.join(', ')}…`);
  execFileSync('sh', ['-c', command], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const still = REQUIRED.filter((r) => !has(r));
  if (still.length) {
    console.error(`apt-get finished but ${still.map((r) => r.bin ?? r.file).join(', ')} is still missing.`);
    process.exit(1);
  }
}
