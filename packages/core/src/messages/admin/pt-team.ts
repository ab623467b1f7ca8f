import type { AdminTeamMessages } from './en-team';

export const teamPt = {
  team: {
    title: 'Equipa',
    members: 'Pessoas nesta empresa',
    role: 'Função',
    roles: { owner: 'Proprietário', admin: 'Administrador', member: 'Membro', accountant: 'Contabilista' },
    roleHint:
      'Os administradores gerem tudo exceto os proprietários; os membros trabalham com clientes, documentos, pagamentos e pedidos; os contabilistas leem e exportam, sem alterar nada.',
    joined: 'Entrou em',
    remove: 'Remover',
    leave: 'Sair',
    you: 'você',
    removeTitle: (name) => `Remover ${name} desta empresa?`,
    removeMessage: 'As sessões desta pessoa nesta empresa terminam de imediato.',
    inviteTitle: 'Convidar alguém',
    invite: 'Enviar convite',
    invited: (email) => `Convite enviado para ${email}.`,
    pending: 'Convites pendentes',
    nonePending: 'Nenhum convite pendente.',
    expires: (date) => `A ligação funciona até ${date}`,
    resend: 'Enviar de novo',
    acceptTitle: (business) => `Entrar em ${business}`,
    acceptIntro: (email, role) => `Este convite é para ${email}, como ${role}.`,
    yourName: 'O seu nome',
    choosePassword: 'Escolha uma palavra-passe (10 caracteres ou mais)',
    signInFirst: 'Já existe uma conta com este endereço: inicie sessão com ela e abra a ligação de novo.',
    invalidLink:
      'Esta ligação de convite já não funciona: expirou, foi substituída ou já foi usada. Peça uma nova.',
    business: 'Empresa',
    switchTo: 'Mudar de empresa',
  },
} satisfies AdminTeamMessages;
