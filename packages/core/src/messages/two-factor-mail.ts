import type { Language } from '../languages';

/** The security notice a person gets when two-factor sign-in is turned on or off on their account. */
export interface TwoFactorMailWords {
  enabledSubject: string;
  disabledSubject: string;
  enabled: string;
  disabled: string;
  notYou: string;
  openApp: string;
}

export const TWO_FACTOR_MAIL: Record<Language, TwoFactorMailWords> = {
  en: {
    enabledSubject: 'Two-factor sign-in is on',
    disabledSubject: 'Two-factor sign-in was turned off',
    enabled:
      'Two-factor sign-in was just turned on for your Clientele account: signing in now also asks for a code from your authenticator app. Keep your recovery codes somewhere safe.',
    disabled:
      'Two-factor sign-in was just turned off for your Clientele account: signing in now asks only for your password.',
    notYou: 'If this was not you, change your password at once and turn two-factor sign-in back on.',
    openApp: 'Open Clientele',
  },
  ru: {
    enabledSubject: 'Двухфакторный вход включён',
    disabledSubject: 'Двухфакторный вход выключен',
    enabled:
      'Для вашей учётной записи Clientele только что включён двухфакторный вход: теперь при входе нужен ещё код из приложения-аутентификатора. Храните резервные коды в надёжном месте.',
    disabled:
      'Для вашей учётной записи Clientele только что выключен двухфакторный вход: теперь для входа нужен только пароль.',
    notYou: 'Если это были не вы, сразу смените пароль и снова включите двухфакторный вход.',
    openApp: 'Открыть Clientele',
  },
  pt: {
    enabledSubject: 'O início de sessão em dois passos está ativo',
    disabledSubject: 'O início de sessão em dois passos foi desativado',
    enabled:
      'O início de sessão em dois passos acabou de ser ativado na sua conta Clientele: ao entrar, é pedido também um código da sua aplicação de autenticação. Guarde os códigos de recuperação num lugar seguro.',
    disabled:
      'O início de sessão em dois passos acabou de ser desativado na sua conta Clientele: ao entrar, é pedida apenas a palavra-passe.',
    notYou: 'Se não foi você, mude já a palavra-passe e volte a ativar o início de sessão em dois passos.',
    openApp: 'Abrir o Clientele',
  },
  it: {
    enabledSubject: 'L’accesso in due passaggi è attivo',
    disabledSubject: 'L’accesso in due passaggi è stato disattivato',
    enabled:
      'L’accesso in due passaggi è appena stato attivato per il tuo account Clientele: per accedere ora serve anche un codice della tua app di autenticazione. Conserva i codici di recupero in un posto sicuro.',
    disabled:
      'L’accesso in due passaggi è appena stato disattivato per il tuo account Clientele: per accedere ora basta la password.',
    notYou: 'Se non sei stato tu, cambia subito la password e riattiva l’accesso in due passaggi.',
    openApp: 'Apri Clientele',
  },
  ja: {
    enabledSubject: '2段階認証が有効になりました',
    disabledSubject: '2段階認証が無効になりました',
    enabled:
      'Clientele アカウントの2段階認証が有効になりました。今後のサインインでは、認証アプリのコードも入力します。リカバリーコードは安全な場所に保管してください。',
    disabled:
      'Clientele アカウントの2段階認証が無効になりました。今後のサインインではパスワードのみを入力します。',
    notYou: 'お心当たりがない場合は、すぐにパスワードを変更し、2段階認証を再度有効にしてください。',
    openApp: 'Clientele を開く',
  },
};
