import { describe, expect, it } from 'vitest';
import { unflow } from '../services/tickets/flowed-text';
import { parseMail } from '../services/tickets/parse-mail';
import { replyText } from '../services/tickets/reply-text';

/**
 * One test per rule family of reply-text.ts, on replies shaped as mail programs write them
 * to a business (Northwind Studio) in the languages its clients use. The shared corpora
 * (reply-corpora.happy.test.ts) measure the whole; these pin each rule.
 */

const QUOTE = 'Hello Maria,\n\nThe invoice is now corrected.\n\nNorthwind Studio';
const quoted = QUOTE.split('\n')
  .map((l) => `> ${l}`.trimEnd())
  .join('\n');
const ADDR = 'Northwind Studio <billing@clientele.app>';

const reply = (text: string) => replyText({ text });
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('attributions in other languages and shapes', () => {
  const cases: Array<[string, string]> = [
    ['Dutch "schreef"', 'Op 23-11-2026 om 14:02 schreef Northwind Studio:'],
    [
      'Dutch Apple Mail "het volgende geschreven"',
      `Op 23-11-2026, om 14:02 heeft ${ADDR} het volgende geschreven:`,
    ],
    ['Danish, time written 14.02', `Den 23. nov. 2026 kl. 14.02 skrev ${ADDR}:`],
    ['Norwegian', `På 23. november 2026 kl. 14:02, Northwind Studio (billing@clientele.app) skrev:`],
    ['Swedish', 'Den 2026-11-23 kl. 14:02, skrev Northwind Studio:'],
    ['Polish Gmail "napisał(a)"', `pon., 23 lis 2026 o 14:02 ${ADDR} napisał(a):`],
    [
      'Polish Thunderbird, wrapped',
      `W dniu 23.11.2026 o 14:02, Northwind Studio <billing@clientele.app>\nnapisał:`,
    ],
    ['Finnish', `ma 23. marrask. 2026 klo 14.02 ${ADDR} kirjoitti:`],
    ['Hungarian Gmail', `${ADDR} ezt írta (időpont: 2026. nov. 23., H, 14:02):`],
    ['Vietnamese', `Vào 14:02 Th 2, 23 thg 11, 2026 ${ADDR} đã viết:`],
    ['"wrote" without a colon', `On 23 Nov 2026, at 14:02, ${ADDR} wrote`],
    ['"---- On … wrote ----"', `---- On Mon, 23 Nov 2026 14:02:00 +0000 ${ADDR} wrote ----`],
    ['Gmail without a verb, time 18.30', `23.11.2026 18.30, ${ADDR}:`],
    ['address wrapped inside <…>', `2026-11-23 14:02 GMT+01:00 Northwind Studio <\nbilling@clientele.app>:`],
    ['date and address only, quote below', `2026/11/23 Northwind Studio <billing@clientele.app>`],
  ];
  for (const [name, attribution] of cases) {
    it(name, () => {
      expect(reply(`Thank you, paid today.\n\n${attribution}\n\n${quoted}\n`)).toBe('Thank you, paid today.');
    });
  }

  it('an attribution with unquoted history below it ends the reply', () => {
    const text = `Bedankt!\n\nOp 23-11-2026 om 14:02 schreef Northwind Studio:\n\n${QUOTE}\n`;
    expect(reply(text)).toBe('Bedankt!');
  });

  it('reply text on the same line as "On … wrote:" is kept, the attribution is not', () => {
    expect(reply(`Sounds good On Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n${quoted}`)).toBe('Sounds good');
    expect(reply(`Sounds good--- On Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n${quoted}`)).toBe(
      'Sounds good',
    );
  });

  it('sentences that look like attributions stay', () => {
    const text = 'On Friday 27 November I will pay the rest.\nI paid 200 as you wrote\n\nMaria';
    expect(reply(text)).toBe(text);
  });
});

describe("the product's languages and their neighbours, as Thunderbird, Gmail and Outlook write them", () => {
  const shapes: Array<[string, string]> = [
    ['pt Thunderbird', 'Em 23/11/2026 14:02, Northwind Studio escreveu:'],
    [
      'pt Outlook',
      'De: Northwind Studio\nEnviado: segunda-feira, 23 de novembro de 2026 14:02\nPara: Maria\nAssunto: RE: Fatura',
    ],
    ['it Thunderbird', 'Il 23/11/2026 14:02, Northwind Studio ha scritto:'],
    [
      'it Outlook',
      'Da: Northwind Studio\nInviato: lunedì 23 novembre 2026 14:02\nA: Maria\nOggetto: R: Fattura',
    ],
    ['ru Thunderbird', '23.11.2026 14:02, Northwind Studio пишет:'],
    ['ru Outlook', 'От: Northwind Studio\nОтправлено: 23 ноября 2026 г. 14:02\nКому: Мария\nТема: RE: Счёт'],
    ['ja Gmail', `2026年11月23日(月) 14:02 ${ADDR}:`],
    ['ja Outlook', '差出人: Northwind Studio\n送信日時: 2026年11月23日 14:02\n宛先: Maria\n件名: RE: 請求書'],
    ['de Thunderbird, verb before the name', 'Am 23.11.2026 um 14:02 schrieb Northwind Studio:'],
    ['es Thunderbird', 'El 23/11/2026 a las 14:02, Northwind Studio escribió:'],
    ['fr Gmail', `Le lun. 23 nov. 2026 à 14:02, ${ADDR} a écrit :`],
  ];
  for (const [name, history] of shapes) {
    it(name, () => {
      expect(reply(`Obrigada / grazie / спасибо / ありがとう\n\n${history}\n\n${QUOTE}\n`)).toBe(
        'Obrigada / grazie / спасибо / ありがとう',
      );
    });
  }
});

describe('header blocks, banners and rules', () => {
  const blocks: Array<[string, string]> = [
    [
      'starting with Date:',
      'Date: Mon, 23 Nov 2026 14:02:00 +0000\nTo: maria@example.com\nFrom: billing@clientele.app',
    ],
    ['starting with To:', 'To: maria@example.com\nSent: 23 November 2026 14:02\nSubject: Re: Invoice'],
    [
      'Danish / Norwegian',
      'Fra: Northwind Studio\nSendt: 23. november 2026 14:02\nTil: Maria\nEmne: SV: Faktura',
    ],
    [
      'Swedish',
      'Från: Northwind Studio\nSkickat: den 23 november 2026 14:02\nTill: Maria\nÄmne: SV: Faktura',
    ],
    [
      'Dutch',
      'Van: Northwind Studio\nVerzonden: maandag 23 november 2026 14:02\nAan: Maria\nOnderwerp: RE: Factuur',
    ],
    [
      'French',
      'De : Northwind Studio\nEnvoyé : lundi 23 novembre 2026 14:02\nÀ : Maria\nObjet : RE: Facture',
    ],
    [
      'Polish',
      'Od: Northwind Studio\nWysłano: poniedziałek, 23 listopada 2026 14:02\nDo: Maria\nTemat: RE: Faktura',
    ],
    [
      'German, bold',
      '*Von:* Northwind Studio [mailto:\nbilling@clientele.app]\n*Gesendet:* Montag, 23. November 2026 14:02\n*An:* Maria\n*Betreff:* AW: Rechnung',
    ],
  ];
  for (const [name, block] of blocks) {
    it(`Outlook block ${name}`, () => {
      expect(reply(`Received, thank you.\n\n${block}\n\n${QUOTE}\n`)).toBe('Received, thank you.');
    });
  }

  for (const banner of [
    '-----Ursprüngliche Nachricht-----',
    '-----Oprindelig meddelelse-----',
    "-------- Message d'origine --------",
    '-----Reply Message-----',
    '-----Oorspronkelijk bericht-----',
  ]) {
    it(`banner ${banner}`, () => {
      expect(reply(`Received, thank you.\n\n${banner}\n${QUOTE}\n`)).toBe('Received, thank you.');
    });
  }

  it('an <hr> in HTML mail separates the reply from the header block below it', () => {
    const html = `<div>Fine by me.</div><hr><div><b>De :</b> ${ADDR.replace('<', '&lt;').replace('>', '&gt;')}<br><b>Envoyé :</b> lundi 23 novembre 2026 14:02<br><b>À :</b> Maria</div><div>${QUOTE}</div>`;
    expect(replyText({ html })).toBe('Fine by me.');
  });

  it('a dash rule without headers after it, and an invitation with a Date: line, are text', () => {
    const text =
      'Two options:\n\n----------\n1. pay now\n2. pay in January\n\nDate: Friday 27 November\nTime: 10:00\nPlace: your office';
    expect(reply(text)).toBe(text);
  });
});

describe('interleaved answers', () => {
  it('text between and after quotes is the reply; the quotes are not', () => {
    const text = `On Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n> Can you confirm the address?\nYes, Rua Augusta 12.\n\n> And the VAT number?\nPT123456789\n\n> Anything else?\n`;
    expect(norm(reply(text))).toBe('Yes, Rua Augusta 12. PT123456789');
  });

  it('a top-posted reply keeps the sign-off written under the quote', () => {
    const text = `Thanks\n\nOn Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n${quoted}\n\nMaria`;
    expect(norm(reply(text))).toBe('Thanks Maria');
  });

  it('history introduced inside the tail by an attribution or a header block is dropped', () => {
    const text = `On Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n${quoted}\n\nAgreed.\n\nFrom: Northwind Studio\nSent: 20 November 2026\nTo: Maria\n\nEarlier message`;
    expect(reply(text)).toBe('Agreed.');
  });

  it('a mailing-list footer after the quote is not the reply', () => {
    const text = `Agreed.\n\nOn Mon, 23 Nov 2026 at 14:02, ${ADDR} wrote:\n${quoted}\n\n_______________________________________________\nclients mailing list\nhttps://lists.example.com/listinfo/clients`;
    expect(reply(text)).toBe('Agreed.');
  });
});

describe('false positives', () => {
  it('"Sent from my desk, …" is a sentence; a short last "Sent from …" line is a signature', () => {
    expect(reply('Here it is.\n\nSent from my desk, which is easier than my phone.')).toBe(
      'Here it is.\n\nSent from my desk, which is easier than my phone.',
    );
    expect(reply('Here it is.\n\nSent from a tiny keyboard')).toBe('Here it is.');
  });

  it('a ">>> … <<<" banner is not a quote', () => {
    const text = 'New opening hours:\n>>> Monday to Friday, 9 to 5 <<<\nSee you soon';
    expect(reply(text)).toBe(text);
  });

  it('a forwarded message is new to the conversation and is kept', () => {
    const text =
      'See the supplier message below.\n\n---------- Forwarded message ---------\nFrom: Supplier <orders@supplier.example>\nDate: Mon, 23 Nov 2026 at 10:00\nSubject: Delivery\nTo: Maria <maria@example.com>\n\nThe goods ship on Friday.';
    expect(reply(text)).toBe(text);
  });
});

describe('localized phone signatures', () => {
  for (const signature of [
    'Envoyé de mon iPhone',
    'Gesendet von Outlook für Android',
    'iPhoneから送信',
    'Отправлено с iPhone',
    'Inviato da iPhone',
    'Enviado do meu iPhone',
    'Verzonden vanaf mijn iPhone',
  ]) {
    it(signature, () => {
      expect(reply(`Ok, merci.\n\n${signature}\n\n> ${QUOTE.split('\n')[0]}`)).toBe('Ok, merci.');
    });
  }
});

describe('format=flowed text', () => {
  it('soft breaks join lines of one quote depth only; stuffing, delsp and the signature line', () => {
    const flowed =
      'This is fine, \nthank you.\nOn 23/11/2026, Northwind wrote: \n> Hello \n> Maria\n>> older \nreply\n--  \n-- \nMaria';
    expect(unflow(flowed)).toBe(
      'This is fine, thank you.\nOn 23/11/2026, Northwind wrote: \n> Hello Maria\n>> older\nreply\n--  \n-- \nMaria',
    );
    expect(unflow('Para-\ngraph\nsplit-wo \nrd', true)).toBe('Para-\ngraph\nsplit-word');
    expect(unflow(' >not a quote\n From here')).toBe('>not a quote\nFrom here');
  });

  it('a flowed Thunderbird reply keeps its text apart from the quote below it', async () => {
    const raw = [
      'From: Maria <maria@example.com>',
      'To: reply@example.com',
      'Subject: Re: Invoice',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=no',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Fine, I will pay on Friday and send you the ',
      'receipt. ',
      '',
      'On 23/11/2026 14:02, Northwind Studio wrote: ',
      '> Hello Maria, the invoice is now ',
      '> corrected.',
      '',
    ].join('\r\n');
    const mail = await parseMail(raw);
    expect(mail.text).toContain('> Hello Maria, the invoice is now corrected.');
    expect(replyText(mail)).toBe('Fine, I will pay on Friday and send you the receipt.');
  });
});
