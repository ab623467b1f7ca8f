import { describe, expect, it } from 'vitest';
import { replyAddress } from '../services/tickets/reply-address';
import { call, json, signUp } from './helpers/api';
import { appContext } from './helpers/context';
import { deliverEmail, openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

/** A message as Thunderbird sends it: format=flowed, the attribution line ending in a soft break. */
function flowedReply(from: string, to: string, lines: string[]) {
  return [
    `From: Maria <${from}>`,
    `To: ${to}`,
    'Subject: Re: Invoice question',
    `Message-ID: <${crypto.randomUUID()}@mail.example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8; format=flowed',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...lines,
  ].join('\r\n');
}

describe('Email Worker: replies written in other languages and formats land as written', () => {
  it('a format=flowed reply keeps the text apart from the quote the attribution line flowed into', async () => {
    const owner = await signUp();
    const { client, cookie } = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Invoice question', message: 'Is VAT included?' }),
    );
    await call(`/tickets/${id}/messages`, {
      method: 'POST',
      body: { body: 'Yes, 23% included.' },
      as: owner,
    });
    const to = await replyAddress(appContext(), owner.tenantId, id);
    const raw = flowedReply(client.email, to, [
      'Perfect, I will pay on Friday and send the ',
      'receipt.',
      '',
      'On 23/11/2026 14:02, Northwind Studio wrote: ',
      '> Yes, 23% ',
      '> included.',
      '',
    ]);
    expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    const messages = (await json(await call(`/tickets/${id}`, { as: owner }))).messages as {
      via: string;
      body: string;
    }[];
    expect(messages.filter((m) => m.via === 'email').map((m) => m.body)).toEqual([
      'Perfect, I will pay on Friday and send the receipt.',
    ]);
  });
});
