import { describe, expect, it } from 'vitest';
import { replyText } from '../services/tickets/reply-text';

/** Inbound mail is anyone's to write: extraction must not let one message burn the Worker's CPU. */

describe('hostile input stays linear', () => {
  it('a line of 100 000 spaces, a 200 000-dash rule and 5 000 header lines take well under a second each', () => {
    const inputs = [
      `Fine${' '.repeat(100_000)}thanks`,
      `${'-'.repeat(200_000)}x`,
      Array.from({ length: 5_000 }, () => 'From: Northwind Studio').join('\n'),
      `On 1 ${'<'.repeat(100_000)} wrote`,
    ];
    for (const text of inputs) {
      const started = performance.now();
      replyText({ text });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
