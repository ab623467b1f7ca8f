import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { servedType } from '../services/tickets/attachment-type';
import { type Caller, call, json, signUp } from './helpers/api';
import { portal } from './helpers/portal';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...text(p)] : p)));

/** A 1×1 PNG as an image editor writes it. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
const PDF = text('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
const DOCX = zipSync({
  '[Content_Types].xml': text('<Types/>'),
  '_rels/.rels': text('<Relationships/>'),
  'word/document.xml': text('<w:document/>'),
});
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0));

/** Upload → what each path must serve it as. */
const FIRST = [
  {
    file: new File([HTML], 'page.html', { type: 'text/html' }),
    type: 'text/plain; charset=utf-8',
    inline: false,
  },
  {
    file: new File([SVG], 'logo.svg', { type: 'image/svg+xml' }),
    type: 'text/plain; charset=utf-8',
    inline: false,
  },
  // HTML bytes that claim to be a PNG: the claim is ignored.
  {
    file: new File([HTML], 'photo.png', { type: 'image/png' }),
    type: 'text/plain; charset=utf-8',
    inline: false,
  },
  { file: new File([PNG], 'scan.png', { type: 'image/png' }), type: 'image/png', inline: true },
  {
    file: new File([PDF], 'receipt.pdf', { type: 'application/pdf' }),
    type: 'application/pdf',
    inline: true,
  },
];
const SECOND = [
  {
    file: new File([DOCX], 'letter.docx', { type: 'text/html' }),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    inline: false,
  },
  {
    file: new File([OLE], 'old.xls', { type: 'text/html' }),
    type: 'application/vnd.ms-excel',
    inline: false,
  },
  // Binary that is none of the allowed kinds, claiming a safe image type.
  {
    file: new File([bytes([0, 1, 2, 0xfe, 0xff], '<script>')], 'x.jpg', { type: 'image/jpeg' }),
    type: 'application/octet-stream',
    inline: false,
  },
  // A GIF header followed by markup is still only ever an image to the browser (nosniff, sandbox).
  {
    file: new File([bytes('GIF89a', HTML)], 'anim.gif', { type: 'text/html' }),
    type: 'image/gif',
    inline: true,
  },
];

function expectServedSafely(res: Response, want: { type: string; inline: boolean; name: string }) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(want.type);
  const disposition = res.headers.get('content-disposition') ?? '';
  expect(disposition.startsWith(want.inline ? 'inline;' : 'attachment;')).toBe(true);
  expect(disposition).toContain(`filename="${want.name}"`);
  expect(res.headers.get('content-security-policy')).toBe('sandbox');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

async function uploadAll(owner: Caller) {
  const { cookie } = await supportClient(owner);
  const id = await ticketIdFrom(
    await openTicketInPortal(
      cookie,
      { subject: 'Files', message: 'See attached' },
      FIRST.map((f) => f.file),
    ),
  );
  const reply = new FormData();
  reply.set('message', 'More files');
  for (const f of SECOND) reply.append('attachments', f.file);
  expect((await portal(`/tickets/${id}/messages`, cookie, { method: 'POST', body: reply })).status).toBe(303);
  const ticket = await json(await call(`/tickets/${id}`, { as: owner }));
  const stored = ticket.messages!.flatMap(
    (m: { attachments: { id: string; name: string }[] }) => m.attachments,
  );
  expect(stored).toHaveLength(FIRST.length + SECOND.length);
  return { id, cookie, stored: stored as { id: string; name: string }[] };
}

describe('attachments are served as what their bytes are', () => {
  it('admin route: HTML, SVG and a polyglot download as text; PNG and PDF inline; Office kept; sandboxed', async () => {
    const owner = await signUp();
    const { id, stored } = await uploadAll(owner);
    for (const want of [...FIRST, ...SECOND]) {
      const att = stored.find((a) => a.name === want.file.name)!;
      const res = await call(`/tickets/${id}/attachments/${att.id}`, { as: owner });
      expectServedSafely(res, { type: want.type, inline: want.inline, name: want.file.name });
      // The bytes themselves are unchanged.
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(await want.file.arrayBuffer()));
    }
  });

  it('portal route: the same types and headers for the client who uploaded them', async () => {
    const owner = await signUp();
    const { id, cookie, stored } = await uploadAll(owner);
    for (const want of [...FIRST, ...SECOND]) {
      const att = stored.find((a) => a.name === want.file.name)!;
      const res = await portal(`/tickets/${id}/attachments/${att.id}`, cookie);
      expectServedSafely(res, { type: want.type, inline: want.inline, name: want.file.name });
      expect(res.headers.get('content-type')).not.toMatch(/html|svg/);
      await res.arrayBuffer();
    }
  });

  it('sniffing: truncated signatures and a plain ZIP are not trusted', () => {
    expect(servedType(bytes([0x89, 0x50, 0x4e, 0x47]), 'a.png').contentType).toBe('application/octet-stream');
    expect(servedType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'a.webp').contentType).toBe(
      'application/octet-stream',
    );
    expect(servedType(bytes('RIFF', [1, 0, 0, 0], 'WEBPVP8 '), 'a.webp')).toEqual({
      contentType: 'image/webp',
      inline: true,
    });
    expect(servedType(zipSync({ 'a.txt': text('x') }), 'a.docx').contentType).toBe(
      'application/octet-stream',
    );
    expect(servedType(bytes('PK', [3, 4], 'garbage'), 'a.docx').contentType).toBe('application/octet-stream');
    expect(servedType(OLE, 'a.exe').contentType).toBe('application/octet-stream');
    expect(servedType(bytes([0xc3, 0x28]), 'bad-utf8.txt').contentType).toBe('application/octet-stream');
    expect(servedType(text('Счёт №7 — 請求書'), 'note.txt')).toEqual({
      contentType: 'text/plain; charset=utf-8',
      inline: false,
    });
  });
});
