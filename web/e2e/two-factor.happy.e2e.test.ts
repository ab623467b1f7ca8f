import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** RFC 4648 base32 → bytes. */
function fromBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/\s/g, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** What an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 s), computed apart from the app's code. */
function totp(secret: string, stepsAhead = 0): string {
  const counter = Math.floor(Date.now() / 1000 / 30) + stepsAhead;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', fromBase32(secret)).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

describe('two-factor sign-in in the admin app', () => {
  it('enrols from the app at 375 px, saves the recovery codes, then signs in with password → code, and with a recovery code', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const email = `e2e.totp.${Date.now()}@example.com`;
    await signUpInBrowser(page, baseUrl, 'Two Factor Studio', email);

    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('link', { name: 'Your own two-factor sign-in' }).click();
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'two-factor-enrolment-375.png'), fullPage: true });

    // A wrong code first: said beside the field, nothing turned on.
    const right = totp(secret);
    await page.getByLabel('Code from the app').fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /not right/ })
      .waitFor();
    await page.getByLabel('Code from the app').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();

    const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    const recoveryCodes = (await codes.allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await page.screenshot({ path: join(OUTPUT, 'two-factor-recovery-codes-375.png'), fullPage: true });
    const done = page.getByRole('button', { name: 'Done' });
    expect(await done.isDisabled()).toBe(true);
    await page.getByLabel('I have saved them').check();
    await done.click();
    await page.getByText('Two-factor sign-in is on.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Clientele' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await page.screenshot({ path: join(OUTPUT, 'two-factor-sign-in-code-375.png'), fullPage: true });
    // The step after the one that confirmed enrolment: a code is accepted once.
    await code.fill(totp(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Back where the person signed out from, signed in.
    await page.getByText('Two-factor sign-in is on.').waitFor();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    // Until the sign-in page is there, the unconfirmed-email banner also answers to "email".
    await page.getByRole('heading', { name: 'Sign in to Clientele' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.close();
  });
});
