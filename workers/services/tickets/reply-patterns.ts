/**
 * The words mail programs write around a quoted message, in the product's five languages
 * and the common European ones (plus Vietnamese, which Gmail users send). reply-text.ts
 * holds the rules; this module only the vocabulary, so a new language is a data change.
 */

/** How an attribution line ends ("On … wrote:", "Le … a écrit :", "… schreef:"). */
export const ATTRIBUTION_ENDINGS: RegExp[] = [
  /\bwrote\s*:?$/i,
  /\bsent\s*:$/i,
  /\bescreveu\s*:?$/i,
  /\bescribió\s*:?$/i,
  /\bha scritto\s*:?$/i,
  /\ba écrit\s*:?$/i,
  /\bschrieb\s*:?$/i,
  /\bschreef\s*:?$/i,
  /\bhet volgende geschreven\s*:?$/i,
  /\bskrev\s*:?$/i,
  /\bnapisał[a-ząćęłńóśźż]*(?:\(a\))?\s*:?$/i,
  /\bnapsal[a-z]*\s*:?$/i,
  /\bkirjoitti\s*:?$/i,
  /(?:^|\s)írta(?:\s*\([^()]*\))?\s*:?$/i,
  /đã viết\s*:?$/i,
  /пишет\s*:?$/i,
  /написал[а-я]*\s*:?$/i,
  /のメール\s*[:：]$/,
  /のメッセージ\s*[:：]$/,
  /が書きました\s*[:：]$/,
];

/**
 * Thunderbird and Apple Mail in several languages put the verb before the name:
 * "Am 23.11.2026 um 14:02 schrieb Northwind Studio:", "Op … schreef …:", "Den … skrev …:".
 * Only trusted after an opening word (ATTRIBUTION_OPENERS) and with the closing colon.
 */
export const VERB_BEFORE_NAME =
  /\s(schrieb|schreef|skrev|escribió|escreveu|kirjoitti|napisał[a-ząćęłńóśźż]*|ha scritto|a écrit|пишет|написал[а-я]*)\s+\S.{0,80}[:：]$/iu;

/**
 * Words an attribution may open with. An attribution that wraps across a blank line (some
 * mobile clients put the address on lines of its own) is only followed when it opens so.
 */
export const ATTRIBUTION_OPENERS = /^(on|le|am|el|il|em|op|den|på|w dniu|vào|dne|в|el día)\s/i;

/** "-----Original Message-----" and its translations; other dash banners are text. */
export const ORIGINAL_MESSAGE = new RegExp(
  `^[-_=*\\s]*(${[
    'original message',
    'reply message',
    'ursprüngliche nachricht',
    'originalnachricht',
    'antwort nachricht',
    'oprindelig meddelelse',
    'opprinnelig melding',
    'ursprungligt meddelande',
    'originalmeddelande',
    'oorspronkelijk bericht',
    "message d'origine",
    'message original',
    'mensaje original',
    'mensagem original',
    'messaggio originale',
    'wiadomość oryginalna',
    'alkuperäinen viesti',
    'eredeti üzenet',
    'původní zpráva',
    'исходное сообщение',
    '元のメッセージ',
  ].join('|')})[-_=*\\s]*$`,
  'i',
);

/** A forwarded message is new to the conversation: kept, with the headers it carries. */
export const FORWARDED = new RegExp(
  `^(?:-{2,}\\s*(?:${[
    'forwarded message',
    'weitergeleitete nachricht',
    'message transféré',
    'mensaje reenviado',
    'mensagem encaminhada',
    'messaggio inoltrato',
    'doorgestuurd bericht',
    'videresendt meddelelse',
    'vidarebefordrat meddelande',
    'przekazana wiadomość',
    'пересылаемое сообщение',
    '転送されたメッセージ',
  ].join('|')})\\s*-{2,}|begin forwarded message:)$`,
  'i',
);

/** Header names of a quoted message's header block, by role. */
const HEADER_KEYS = {
  from: [
    'from',
    'von',
    'de',
    'da',
    'van',
    'fra',
    'från',
    'od',
    'lähettäjä',
    'feladó',
    'от',
    '差出人',
    '送信者',
  ],
  date: [
    'sent',
    'date',
    'gesendet',
    'datum',
    'envoyé',
    'enviado',
    'enviada',
    'inviato',
    'data',
    'fecha',
    'verzonden',
    'verstuurd',
    'sendt',
    'skickat',
    'wysłano',
    'lähetetty',
    'päivämäärä',
    'elküldve',
    'dátum',
    'отправлено',
    'дата',
    '送信日時',
    '日付',
  ],
  to: ['to', 'an', 'à', 'a', 'para', 'aan', 'til', 'till', 'do', 'vastaanottaja', 'címzett', 'кому', '宛先'],
  subject: [
    'subject',
    'betreff',
    'objet',
    'oggetto',
    'assunto',
    'asunto',
    'onderwerp',
    'emne',
    'ämne',
    'temat',
    'aihe',
    'tárgy',
    'тема',
    '件名',
  ],
  cc: ['cc', 'kopie', 'copie', 'kopia', 'копия'],
} as const;

export type HeaderRole = keyof typeof HEADER_KEYS;

const HEADER_LINE = new RegExp(
  `^\\s*\\*?\\s*(${Object.values(HEADER_KEYS)
    .flat()
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s*\\*?\\s*[:：]`,
  'i',
);

/** The role of a quoted-header line ("From:", "*Sent:*", "De :", "件名:"), if it is one. */
export function headerRole(line: string): HeaderRole | undefined {
  // A header name sits at the start; looking further only costs time on a long line.
  const m = HEADER_LINE.exec(line.slice(0, 60));
  if (!m) return undefined;
  const key = m[1]!.toLowerCase();
  for (const [role, keys] of Object.entries(HEADER_KEYS)) {
    if ((keys as readonly string[]).includes(key)) return role as HeaderRole;
  }
  return undefined;
}

/** Phone and app signatures, always a line of their own. */
export const PHONE_SIGNATURES: RegExp[] = [
  /^sent from my .{1,40}$/i,
  /^sent (?:with|via) .{1,60}$/i,
  /^get outlook for .{1,30}$/i,
  /^envoyé de mon .{1,30}$/i,
  /^envoyé depuis .{1,40}$/i,
  /^gesendet von .{1,40}$/i,
  /^von meinem .{1,30} gesendet$/i,
  /^enviado do meu .{1,30}$/i,
  /^enviado desde mi .{1,30}$/i,
  /^enviado de .{1,30}$/i,
  /^inviato da .{1,40}$/i,
  /^verzonden vanaf .{1,30}$/i,
  /^verstuurd vanaf .{1,30}$/i,
  /^skickat från .{1,30}$/i,
  /^sendt fra .{1,30}$/i,
  /^wysłane z .{1,30}$/i,
  /^отправлено с .{1,40}$/i,
  /^отправлено из .{1,40}$/i,
  /^.{1,30}から送信$/,
];
