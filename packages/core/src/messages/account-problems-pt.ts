import type { accountProblemsEn } from './account-problems-en';

/** Refusals about people and their access: roles, team, sign-in factors, own account. */
export const accountProblemsPt = {
  roleMayNot: (role) => `A sua função nesta empresa (${role}) não permite fazer isto`,
  onlyOwnerTouchesOwner: 'Só um proprietário pode convidar, alterar ou remover um proprietário',
  alreadyMember: 'Esta pessoa já é membro desta empresa',
  lastOwner: 'Uma empresa precisa de um proprietário: torne outra pessoa proprietária primeiro',
  signInToAccept: 'Já existe uma conta com este email: inicie sessão com ela e abra o convite de novo',
  invitationForAnotherEmail:
    'Este convite é para outro endereço de email: termine a sessão e abra a ligação de novo',
  totpRequired: 'Introduza o código da sua aplicação de autenticação',
  totpWrong:
    'Este código não está certo ou já foi usado; introduza o código atual da aplicação de autenticação ou um código de recuperação',
  twoFactorAlreadyOn: 'O início de sessão em dois passos já está ativo na sua conta',
  twoFactorNotStarted:
    'Comece primeiro a ativar o início de sessão em dois passos: o código pertence ao segredo mostrado nesse momento',
  twoFactorNotOn: 'O início de sessão em dois passos não está ativo na sua conta',
  twoFactorRequired:
    'Esta empresa pede a todos que entrem com um segundo fator: ative primeiro o início de sessão em dois passos na sua conta',
  ownerNeedsTwoFactor: 'Ative o início de sessão em dois passos para si antes de o exigir a todos',
  businessNameMismatch: 'Escreva o nome da empresa exatamente como é mostrado',
  passwordIncorrect: 'A palavra-passe não está correta',
  secondFactorNeeded: 'Introduza um código da sua aplicação de autenticação',
  wrongCurrentPassword: 'A sua palavra-passe atual não está correta',
  sameEmail: 'Este já é o seu endereço de email',
  clientEmailCap: (n: number): string =>
    `Confirme o seu endereço de email para enviar mais de ${n} emails por dia aos clientes (veja o aviso no topo: "Enviar a ligação de novo")`,
  resetLinkSent:
    'Se existir uma conta com este endereço, vai receber uma ligação para escolher uma nova palavra-passe. Funciona uma vez, durante uma hora.',
} satisfies typeof accountProblemsEn;
