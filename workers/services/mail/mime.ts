import { createMimeMessage, Mailbox } from 'mimetext';

export interface OutgoingEmail {
  messageId: string;
  from: { name: string; addr: string };
  to: string;
  replyTo: string | null;
  /** Threading (RFC 5322 §3.6.4): the message this answers, and the thread so far. */
  inReplyTo?: string | null;
  references?: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; bytes: Uint8Array }[];
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Lines of at most 76 characters, as RFC 2045 requires of base64 bodies. */
const wrap76 = (text: string) => text.replace(/.{76}(?=.)/g, '$&\r\n');

/**
 * A text part whose declared transfer encoding matches its bytes (RFC 2045): pure ASCII
 * goes as 7bit, anything else (Cyrillic, Japanese, accents, emoji) as base64 of its UTF-8,
 * which strict mail servers and parsers never mangle.
 */
export function textPart(contentType: 'text/plain' | 'text/html', data: string) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (/^[\x00-\x7f]*$/.test(data)) return { contentType, data, encoding: '7bit' as const };
  return {
    contentType,
    data: wrap76(base64(new TextEncoder().encode(data))),
    encoding: 'base64' as const,
    charset: 'UTF-8',
  };
}

/**
 * RFC 5322 message with text and HTML alternatives and attachments, built by mimetext
 * (UTF-8 subjects and names are RFC 2047-encoded there). Lines end in CRLF as SMTP wants.
 */
export function buildMime(e: OutgoingEmail): string {
  const msg = createMimeMessage();
  msg.setSender({ name: e.from.name, addr: e.from.addr });
  msg.setRecipient(e.to);
  msg.setSubject(e.subject);
  msg.setHeader('Message-ID', e.messageId);
  if (e.replyTo) msg.setHeader('Reply-To', new Mailbox({ addr: e.replyTo }));
  if (e.inReplyTo) msg.setHeader('In-Reply-To', e.inReplyTo);
  if (e.references?.length) msg.setHeader('References', e.references.join(' '));
  msg.addMessage(textPart('text/plain', e.text));
  msg.addMessage(textPart('text/html', e.html));
  for (const a of e.attachments) {
    msg.addAttachment({ filename: a.filename, contentType: a.contentType, data: base64(a.bytes) });
  }
  return msg.asRaw().replace(/\r?\n/g, '\r\n');
}
