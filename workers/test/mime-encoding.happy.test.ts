import { LANGUAGES, TEMPLATE_KINDS } from '@clientele/core';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { BUILT_IN } from '../services/mail/defaults';
import { buildMime } from '../services/mail/mime';
import { renderTemplate } from '../services/mail/templates';

const VALUES = {
  'client.name': 'Мария Оливейра 山田',
  'client.company': 'ООО «Север»',
  'client.email': 'maria@example.com',
  'business.name': 'Estúdio Norte',
  'business.email': 'billing@norte.pt',
  portalLink: 'https://app.clientele.test/portal/login/abc',
  'document.number': 'INV-2026-0001',
  'document.total': '€1,234.50',
  'document.amountDue': '€1,234.50',
  'document.dueDate': '2026-12-31',
  'document.issueDate': '2026-12-01',
  'document.validUntil': '2026-12-31',
  'payment.amount': '€100.00',
  'payment.date': '2026-12-02',
  'ticket.subject': 'Pergunta',
  'ticket.reply': 'Obrigado!',
};

/** Every MIME part: its headers, its raw body, and whether it is a text part. */
function parts(raw: string) {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]!);
  const chunks: string[] = [];
  for (const b of boundaries) chunks.push(...raw.split(`--${b}`).slice(1, -1));
  return chunks
    .map((c) => {
      const [head = '', ...rest] = c.replace(/^\r\n/, '').split('\r\n\r\n');
      return { head, body: rest.join('\r\n\r\n') };
    })
    .filter((p) => /Content-Type: text\/(plain|html)/i.test(p.head));
}

describe('email transfer encodings (RFC 2045)', () => {
  it('every built-in template in every language: each text part declares an encoding its bytes fit, and decodes back exactly', async () => {
    let checked = 0;
    for (const kind of TEMPLATE_KINDS) {
      for (const lang of LANGUAGES) {
        const rendered = renderTemplate(BUILT_IN[kind][lang], VALUES);
        const raw = buildMime({
          messageId: '<m1@clientele.test>',
          from: { name: 'Estúdio Norte', addr: 'billing@clientele.test' },
          to: 'maria@example.com',
          replyTo: null,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          attachments: [],
        });
        const textParts = parts(raw);
        expect(textParts).toHaveLength(2);
        for (const p of textParts) {
          const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(p.head)?.[1]?.toLowerCase();
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
          const ascii = /^[\x00-\x7f]*$/.test(p.body);
          if (encoding === '7bit') expect(ascii).toBe(true);
          else expect(encoding).toBe('base64');
          // Whatever the encoding, the body on the wire is ASCII with lines of at most 78 characters.
          expect(ascii).toBe(true);
          for (const line of p.body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
          checked++;
        }
        const parsed = await PostalMime.parse(raw);
        expect(parsed.subject).toBe(rendered.subject);
        expect(parsed.text?.trim()).toBe(rendered.text.trim());
        expect(parsed.html?.trim()).toBe(rendered.html.trim());
      }
    }
    expect(checked).toBe(TEMPLATE_KINDS.length * LANGUAGES.length * 2);
  });
});
