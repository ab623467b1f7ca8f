import type { Language } from '../languages';

/**
 * Emails to a person about their own account (reset, verification, notices), in the
 * person's language. English defines the keys; each language must have exactly these.
 */
const en = {
  resetSubject: 'Reset your Clientele password',
  resetBody:
    'Someone asked to reset the password of your Clientele account. If it was you, choose a new password with the link below; it works once, within an hour.',
  resetIgnore: 'If it was not you, ignore this email: your password stays as it is.',
  resetButton: 'Choose a new password',
  passwordChangedSubject: 'Your Clientele password was changed',
  passwordChangedBody:
    'The password of your Clientele account was just changed, and your other devices were signed out.',
  passwordChangedWarning: 'If you did not do this, reset your password at once and tell your business owner.',
  verifySubject: 'Confirm your email address for Clientele',
  verifyBody:
    'Confirm that this is your address, so your business can email its clients without a daily limit.',
  verifyButton: 'Confirm my address',
  changeSubject: 'Confirm your new email address for Clientele',
  changeBody:
    'You asked to use this address for your Clientele account. It takes effect once you confirm it with the link below.',
  changeButton: 'Confirm the new address',
  emailChangedSubject: 'Your Clientele email address was changed',
  emailChangedBody: (to: string): string =>
    `Your Clientele account now signs in with ${to}. If you did not do this, reply to your business owner at once.`,
};

export type AccountMailWords = typeof en;

const ru: AccountMailWords = {
  resetSubject: 'Сброс пароля Clientele',
  resetBody:
    'Кто-то запросил сброс пароля вашей учётной записи Clientele. Если это были вы, задайте новый пароль по ссылке ниже; она действует один раз в течение часа.',
  resetIgnore: 'Если это были не вы, просто проигнорируйте письмо: пароль останется прежним.',
  resetButton: 'Задать новый пароль',
  passwordChangedSubject: 'Пароль Clientele изменён',
  passwordChangedBody:
    'Пароль вашей учётной записи Clientele только что изменён, а на других устройствах выполнен выход.',
  passwordChangedWarning: 'Если это сделали не вы, немедленно сбросьте пароль и сообщите владельцу компании.',
  verifySubject: 'Подтвердите адрес электронной почты для Clientele',
  verifyBody:
    'Подтвердите, что это ваш адрес, чтобы ваша компания могла писать клиентам без дневного ограничения.',
  verifyButton: 'Подтвердить адрес',
  changeSubject: 'Подтвердите новый адрес для Clientele',
  changeBody:
    'Вы попросили использовать этот адрес для учётной записи Clientele. Он начнёт действовать после подтверждения по ссылке ниже.',
  changeButton: 'Подтвердить новый адрес',
  emailChangedSubject: 'Адрес электронной почты Clientele изменён',
  emailChangedBody: (to: string): string =>
    `Теперь для входа в Clientele используется адрес ${to}. Если это сделали не вы, сразу сообщите владельцу компании.`,
};

const pt: AccountMailWords = {
  resetSubject: 'Redefinir a sua palavra-passe do Clientele',
  resetBody:
    'Alguém pediu para redefinir a palavra-passe da sua conta Clientele. Se foi você, escolha uma nova palavra-passe com a ligação abaixo; funciona uma vez, durante uma hora.',
  resetIgnore: 'Se não foi você, ignore este email: a sua palavra-passe mantém-se.',
  resetButton: 'Escolher nova palavra-passe',
  passwordChangedSubject: 'A sua palavra-passe do Clientele foi alterada',
  passwordChangedBody:
    'A palavra-passe da sua conta Clientele acabou de ser alterada e os seus outros dispositivos terminaram a sessão.',
  passwordChangedWarning: 'Se não foi você, redefina já a palavra-passe e avise o proprietário da empresa.',
  verifySubject: 'Confirme o seu endereço de email para o Clientele',
  verifyBody:
    'Confirme que este endereço é seu, para que a sua empresa possa enviar emails aos clientes sem limite diário.',
  verifyButton: 'Confirmar o meu endereço',
  changeSubject: 'Confirme o seu novo endereço de email para o Clientele',
  changeBody:
    'Pediu para usar este endereço na sua conta Clientele. Passa a valer quando o confirmar com a ligação abaixo.',
  changeButton: 'Confirmar o novo endereço',
  emailChangedSubject: 'O seu endereço de email do Clientele foi alterado',
  emailChangedBody: (to: string): string =>
    `A sua conta Clientele passa a entrar com ${to}. Se não foi você, avise já o proprietário da empresa.`,
};

const it: AccountMailWords = {
  resetSubject: 'Reimposta la password di Clientele',
  resetBody:
    'Qualcuno ha chiesto di reimpostare la password del tuo account Clientele. Se sei stato tu, scegli una nuova password con il link qui sotto; vale una volta, entro un’ora.',
  resetIgnore: 'Se non sei stato tu, ignora questa email: la password resta invariata.',
  resetButton: 'Scegli una nuova password',
  passwordChangedSubject: 'La password di Clientele è stata cambiata',
  passwordChangedBody:
    'La password del tuo account Clientele è appena stata cambiata e gli altri dispositivi sono stati disconnessi.',
  passwordChangedWarning:
    'Se non sei stato tu, reimposta subito la password e avvisa il titolare dell’attività.',
  verifySubject: 'Conferma il tuo indirizzo email per Clientele',
  verifyBody:
    'Conferma che questo indirizzo è tuo, così la tua attività potrà scrivere ai clienti senza limite giornaliero.',
  verifyButton: 'Conferma il mio indirizzo',
  changeSubject: 'Conferma il nuovo indirizzo email per Clientele',
  changeBody:
    'Hai chiesto di usare questo indirizzo per il tuo account Clientele. Diventa valido quando lo confermi con il link qui sotto.',
  changeButton: 'Conferma il nuovo indirizzo',
  emailChangedSubject: 'Il tuo indirizzo email di Clientele è stato cambiato',
  emailChangedBody: (to: string): string =>
    `Il tuo account Clientele ora accede con ${to}. Se non sei stato tu, avvisa subito il titolare dell’attività.`,
};

const ja: AccountMailWords = {
  resetSubject: 'Clientele のパスワードを再設定',
  resetBody:
    'Clientele アカウントのパスワード再設定が依頼されました。ご本人の場合は、下のリンクから新しいパスワードを設定してください。リンクは 1 時間以内に 1 回だけ使えます。',
  resetIgnore: 'お心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
  resetButton: '新しいパスワードを設定',
  passwordChangedSubject: 'Clientele のパスワードが変更されました',
  passwordChangedBody: 'Clientele アカウントのパスワードが変更され、ほかの端末はサインアウトされました。',
  passwordChangedWarning:
    'お心当たりがない場合は、すぐにパスワードを再設定し、事業のオーナーに知らせてください。',
  verifySubject: 'Clientele のメールアドレスを確認してください',
  verifyBody:
    'このアドレスがご本人のものか確認してください。確認すると、顧客へのメールを 1 日の上限なく送れます。',
  verifyButton: 'アドレスを確認',
  changeSubject: 'Clientele の新しいメールアドレスを確認してください',
  changeBody:
    'Clientele アカウントでこのアドレスを使うよう依頼されました。下のリンクで確認すると有効になります。',
  changeButton: '新しいアドレスを確認',
  emailChangedSubject: 'Clientele のメールアドレスが変更されました',
  emailChangedBody: (to: string): string =>
    `Clientele アカウントのサインインは今後 ${to} で行います。お心当たりがない場合は、すぐに事業のオーナーに知らせてください。`,
};

export const ACCOUNT_MAIL_WORDS: Record<Language, AccountMailWords> = { en, ru, pt, it, ja };
