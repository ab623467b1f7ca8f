import { createMimeMessage, Mailbox } from 'mimetext';
import {
  assertHeaderBlock,
  headerAddress,
  headerContentType,
  headerFilename,
  headerMessageId,
  headerMessageIds,
  headerText,
} from './header-values';

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

/** The only header lines a message we build may have (mimetext adds Date and MIME-Version). */
const HEADERS = [
  'Date',
  'From',
  'To',
  'Reply-To',
  'Message-ID',
  'In-Reply-To',
  'References',
  'Subject',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
];

/**
 * RFC 5322 message with text and HTML alternatives and attachments, built by mimetext
 * (UTF-8 subjects and names are RFC 2047-encoded there). Lines end in CRLF as SMTP wants.
 * Every header value goes through `header-values` first, whatever its source, and the
 * finished header block is checked once more, so stored or inbound text never adds a header
 * line or a body of its own; an address or our own Message-ID that is not valid refuses the
 * message (UnsafeHeaderError) rather than sending something else.
 */
export function buildMime(e: OutgoingEmail): string {
  const msg = createMimeMessage();
  msg.setSender({ name: headerText(e.from.name, 200), addr: headerAddress('From', e.from.addr) });
  msg.setRecipient({ addr: headerAddress('To', e.to) });
  msg.setSubject(headerText(e.subject));
  msg.setHeader('Message-ID', headerMessageId('Message-ID', e.messageId));
  if (e.replyTo) msg.setHeader('Reply-To', new Mailbox({ addr: headerAddress('Reply-To', e.replyTo) }));
  const inReplyTo = headerMessageIds([e.inReplyTo])[0];
  if (inReplyTo) msg.setHeader('In-Reply-To', inReplyTo);
  const references = headerMessageIds(e.references ?? []);
  // Folded one id per line: a long thread stays within the 998-character line limit.
  if (references.length) msg.setHeader('References', references.join('\r\n '));
  msg.addMessage(textPart('text/plain', e.text));
  msg.addMessage(textPart('text/html', e.html));
  for (const a of e.attachments) {
    msg.addAttachment({
      filename: headerFilename(a.filename),
      contentType: headerContentType(a.contentType),
      data: base64(a.bytes),
    });
  }
  const raw = msg.asRaw().replace(/\r?\n/g, '\r\n');
  assertHeaderBlock(raw, HEADERS);
  return raw;
}
