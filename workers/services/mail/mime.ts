import { createMimeMessage, Mailbox } from 'mimetext';

export interface OutgoingEmail {
  messageId: string;
  from: { name: string; addr: string };
  to: string;
  replyTo: string | null;
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
  msg.addMessage({ contentType: 'text/plain', data: e.text });
  msg.addMessage({ contentType: 'text/html', data: e.html });
  for (const a of e.attachments) {
    msg.addAttachment({ filename: a.filename, contentType: a.contentType, data: base64(a.bytes) });
  }
  return msg.asRaw().replace(/\r?\n/g, '\r\n');
}
