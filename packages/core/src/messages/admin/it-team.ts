import type { AdminTeamMessages } from './en-team';

export const teamIt = {
  team: {
    title: 'Squadra',
    members: 'Persone in questa azienda',
    role: 'Ruolo',
    roles: { owner: 'Titolare', admin: 'Amministratore', member: 'Membro', accountant: 'Commercialista' },
    roleHint:
      'Gli amministratori gestiscono tutto tranne i titolari; i membri lavorano con clienti, documenti, pagamenti e ticket; i commercialisti leggono ed esportano, senza modificare nulla.',
    joined: 'Entrato il',
    remove: 'Rimuovi',
    leave: 'Esci',
    you: 'tu',
    removeTitle: (name) => `Rimuovere ${name} da questa azienda?`,
    removeMessage: 'Le sue sessioni in questa azienda terminano subito.',
    inviteTitle: 'Invita qualcuno',
    invite: 'Invia invito',
    invited: (email) => `Invito inviato a ${email}.`,
    pending: 'Inviti in attesa',
    nonePending: 'Nessun invito in attesa.',
    expires: (date) => `Il link funziona fino al ${date}`,
    resend: 'Invia di nuovo',
    acceptTitle: (business) => `Entra in ${business}`,
    acceptIntro: (email, role) => `Questo invito è per ${email}, come ${role}.`,
    yourName: 'Il tuo nome',
    choosePassword: 'Scegli una password (almeno 10 caratteri)',
    signInFirst: 'Esiste già un account con questo indirizzo: accedi con quello e riapri il link.',
    invalidLink:
      'Questo link di invito non funziona più: è scaduto, è stato sostituito o è già stato usato. Chiedine uno nuovo.',
    business: 'Azienda',
    switchTo: 'Cambia azienda',
  },
} satisfies AdminTeamMessages;
