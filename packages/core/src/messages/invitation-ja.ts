import type { Messages } from './en';

export const invitationJa = {
  subject: (business) => `Clientele の ${business} に招待されました`,
  body: (inviter, business, role) =>
    `${inviter} さんが Clientele の ${business} に「${role}」として招待しました。`,
  expires: 'リンクは 7 日間、1 回だけ使えます。',
  accept: '招待を受ける',
  ignore: '心当たりがない場合は、このメールを無視してください。',
  role: { owner: 'オーナー', admin: '管理者', member: 'メンバー', accountant: '会計担当' },
} satisfies Messages['invitation'];
