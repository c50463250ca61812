/**
 * The app's own screens in Portuguese, English, French and Kriolu (the interview itself has the survey's
 * languages). The enumerators' screens speak all four (French and Kriolu in messages-fr.ts and
 * messages-kea.ts); so does every staff tab, in the language chosen in the header (`tabletLang`): review
 * queue and screen, dashboard, tablets (client/review/messages*.ts), assignments
 * (client/review/assignment-messages.ts), office coding (client/review/office-coding-messages.ts) and
 * the analyst's tables, models, weights and microdata files (client/analyst/messages*.ts; the server
 * writes their words and labels in all four, a survey label its questionnaire lacks in French or Kriolu
 * in the survey's source language). The review screens read a survey's labels in the codebook's closest
 * language, Portuguese or English: French in English, Kriolu in Portuguese (`lang`).
 */
import { createContext, useContext } from 'react';
import { EA_TERM } from './ea-term.ts';
import { fr } from './messages-fr.ts';
import { kea } from './messages-kea.ts';

export const APP_LANGUAGES = ['pt', 'en', 'fr', 'kea'] as const;
export type TabletLanguage = (typeof APP_LANGUAGES)[number];
/**
 * The languages every survey label has (the codebook's, pt and en): the review screens' survey labels,
 * and the analyst's fallback for a catalogue text without French or Kriolu. The analyst's tables, models
 * and microdata files come in all four app languages.
 */
export type AppLanguage = 'pt' | 'en';
/** Each language in its own name, for the language switch. */
export const APP_LANGUAGE_NAMES: Record<TabletLanguage, string> = {
  pt: 'Português',
  en: 'English',
  fr: 'Français',
  kea: 'Kriolu',
};
/** The codebook language closest to an app language (English for French, Portuguese for Kriolu). */
export const staffLanguage = (l: TabletLanguage): AppLanguage => (l === 'en' || l === 'fr' ? 'en' : 'pt');

const en = {
  'app.title': 'Morabeza',
  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Wrong username or password.',
  'login.offlineUnknown':
    'No network, and this user has never logged in on this tablet. Log in once while online.',
  'login.otherUser':
    "This tablet holds another enumerator's unsent interviews. They must log in and send them first.",
  'login.passwordChanged':
    'Your password was changed: the tablet could not open its data with it. Log in again while online.',
  'nav.assignments': 'Assignments',
  'nav.outbox': 'Outbox',
  'nav.logout': 'Lock',
  'nav.signOut': 'Sign out',
  'nav.language': 'Language',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.noServer': 'No server',
  'status.retiredWiped':
    'A coordinator retired this tablet: its interviews were sent, and its data and keys deleted.',
  'status.retiredUnsent':
    'A coordinator retired this tablet: finish and send the interviews still on it; then it deletes its data.',
  'status.sessionExpired': 'Session expired: log in again to send interviews.',
  'status.storageFull': 'The tablet storage is nearly full. Send interviews now and free space.',
  'status.loading': 'Loading…',
  'assignments.title': 'My assignments',
  'assignments.empty': 'No assignments on this tablet yet. Connect to the network to download them.',
  'assignments.ea': EA_TERM.en,
  'assignments.island': 'Island',
  'assignments.dwelling': 'Dwelling',
  'assignments.household': 'Household',
  'assignments.status': 'Status',
  'assignments.search': 'Search: name, place, dwelling',
  'assignments.allStatuses': 'Every status',
  'assignments.allAreas': 'Every area',
  'assignments.sort': 'Sort',
  'assignments.sortPlace': 'By area and dwelling',
  'assignments.sortStatus': 'By status',
  'assignments.sortRecent': 'Most recently worked on',
  'assignments.start': 'Start',
  'assignments.resume': 'Resume',
  'assignments.fix': 'Fix (returned)',
  'assignments.refresh': 'Download updates',
  'assignments.refreshed': 'Assignments updated.',
  'assignments.refreshFailed': 'Updates not downloaded: the list below is what is already on this tablet.',
  'assignments.noQuestionnaire': 'The questionnaire is not on this tablet yet. Connect to download it.',
  'state.assigned': 'Not started',
  'state.in_progress': 'In progress',
  'state.completed': 'Completed, waiting to send',
  'state.submitted': 'Sent',
  'state.returned': 'Returned by supervisor',
  'state.approved': 'Approved',
  'state.queued': 'Waiting to send',
  'state.sending': 'Sending…',
  'state.retry_wait': 'Will retry',
  'state.auth_wait': 'Needs login',
  'state.conflict': 'Conflict: contact your supervisor',
  'state.rejected': 'Rejected: needs a fix',
  'state.draft': 'Being fixed',
  'state.accepted': 'Sent',
  'state.cancelled': 'Cancelled by the supervisor',
  'assignments.cancelledDraft':
    'Your supervisor cancelled this assignment. Your interview is kept on this tablet: you may finish and send it (the office keeps it and a person decides), or discard it.',
  'assignments.cancelledUnsent':
    'Your supervisor cancelled this assignment. Your finished interview will still be sent: the office keeps it and a person decides. Nothing is lost.',
  'state.reassigned': 'Reassigned to another enumerator',
  'assignments.reassignedDraft':
    'Your supervisor reassigned this assignment to another enumerator. Your interview is kept on this tablet: you may finish and send it (the office keeps it and a person decides), or discard it.',
  'assignments.reassignedUnsent':
    'Your supervisor reassigned this assignment to another enumerator. Your finished interview will still be sent: the office keeps it and a person decides. Nothing is lost.',
  'assignments.discard': 'Discard',
  'assignments.discardConfirm':
    'Discard this interview for good? Its answers are deleted from this tablet and never sent.',
  'assignments.discardYes': 'Yes, discard',
  'assignments.discardNo': 'No, keep it',
  'interview.language': 'Interview language',
  'interview.back': 'Back to assignments',
  'interview.notFound': 'This interview is not on this tablet.',
  'interview.unsupportedQuestion':
    'This questionnaire has a kind of question this app cannot show. Tell your supervisor; do not interview with it.',
  'interview.saved': 'Saved on the tablet',
  'interview.comments': 'Supervisor comments',
  'interview.commentGeneral': 'General',
  'interview.goToQuestion': 'Go to the question',
  'interview.supervisor': 'Supervisor',
  'interview.storageFull':
    'The tablet storage is full: the last answers could not be saved. Send interviews and free space; keep this screen open.',
  'interview.saveFailed':
    'The last answers could not be saved on the tablet. Keep this screen open and try again.',
  'interview.retry': 'Try again',
  'interview.revision': 'Revision',
  'interview.done': 'Interview completed and placed in the outbox.',
  'sections.title': 'Section',
  'sections.answered': 'answered',
  'section.done': 'Done',
  'section.errors': 'Has errors',
  'section.started': 'In progress',
  'section.not_started': 'Not started',
  'complete.title': 'Before completing the interview',
  'complete.clean': 'Every question shown is answered, with no error or warning.',
  'complete.unanswered': 'Required questions not answered',
  'complete.errors': 'Errors to fix',
  'complete.warnings': 'Warnings to confirm with the respondent',
  'complete.confirm': 'Confirm and complete',
  'complete.confirmAnyway': 'Complete anyway (the supervisor will see the problems)',
  'complete.cancel': 'Keep interviewing',
  'outbox.title': 'Outbox',
  'outbox.empty': 'Nothing waiting: every completed interview is on the server.',
  'outbox.damaged':
    'Records that could not be read on this tablet (kept for recovery; tell your supervisor):',
  'outbox.syncNow': 'Sync now',
  'outbox.syncing': 'Syncing…',
  'outbox.log': 'Sync log',
  'outbox.attempts': 'Attempts',
  'outbox.nextAttempt': 'Next attempt',
  'outbox.interview': 'Interview',
  'outbox.fix': 'Fix',
  'outbox.cause.offline': 'No network',
  'outbox.cause.timeout': 'The server took too long',
  'outbox.cause.server': 'The server had an error',
  'outbox.cause.interrupted': 'The upload was interrupted',
  'outbox.retryIn': 'retrying in {s} s',
  'outbox.retryNow': 'retrying now',
  'outbox.revision': 'revision',
  'outbox.notices': 'Notices for the office',
  'outbox.notice': 'Unsent draft discarded',
  'outbox.notice.cancelled': 'assignment cancelled',
  'outbox.notice.reassigned': 'assignment reassigned to another enumerator',
  'outbox.notice.refused': 'Refused by the office: tell your supervisor',
  'outbox.notice.unwarranted':
    'The office has no record of this assignment being withdrawn from you: sync, and if it is back on your list, interview the household again.',
  'log.accepted': 'Received by the server',
  'log.duplicate': 'Already on the server (resent copy)',
  'log.conflict': 'Conflict: the server holds another version of this revision',
  'log.rejected': 'Rejected by the server',
  'log.tooLarge': 'Too large for the server',
  'log.unauthorized': 'Session expired: log in again',
  'log.serverError': 'Server error; will retry',
  'log.timeout': 'The server took too long; will retry',
  'log.offline': 'No network; will retry',
  'log.interrupted': 'Upload was interrupted; will resend',
  'log.discarded': 'Draft discarded by the enumerator (assignment cancelled or reassigned)',
  'log.discardReported': 'The office was told of the discarded draft',
  'log.discardRefused': 'The office refused the notice of the discarded draft',
} as const;

export type MessageKey = keyof typeof en;

const pt: Record<MessageKey, string> = {
  'app.title': 'Morabeza',
  'login.title': 'Entrar',
  'login.username': 'Utilizador',
  'login.password': 'Palavra-passe',
  'login.submit': 'Entrar',
  'login.failed': 'Utilizador ou palavra-passe errados.',
  'login.offlineUnknown': 'Sem rede, e este utilizador nunca entrou neste tablet. Entre uma vez com rede.',
  'login.otherUser':
    'Este tablet guarda entrevistas por enviar de outro inquiridor. Ele tem de entrar e enviá-las primeiro.',
  'login.passwordChanged':
    'A sua palavra-passe mudou: o tablet não conseguiu abrir os dados com ela. Entre de novo com rede.',
  'nav.assignments': 'Tarefas',
  'nav.outbox': 'Caixa de saída',
  'nav.logout': 'Bloquear',
  'nav.signOut': 'Terminar sessão',
  'nav.language': 'Idioma',
  'status.online': 'Com rede',
  'status.offline': 'Sem rede',
  'status.noServer': 'Sem servidor',
  'status.retiredWiped':
    'Um coordenador retirou este tablet: as entrevistas foram enviadas e os dados e as chaves apagados.',
  'status.retiredUnsent':
    'Um coordenador retirou este tablet: termine e envie as entrevistas que ainda tem; depois apaga os dados.',
  'status.sessionExpired': 'Sessão expirada: entre de novo para enviar as entrevistas.',
  'status.storageFull': 'A memória do tablet está quase cheia. Envie as entrevistas e liberte espaço.',
  'status.loading': 'A carregar…',
  'assignments.title': 'As minhas tarefas',
  'assignments.empty': 'Ainda não há tarefas neste tablet. Ligue-se à rede para as descarregar.',
  'assignments.ea': EA_TERM.pt,
  'assignments.island': 'Ilha',
  'assignments.dwelling': 'Alojamento',
  'assignments.household': 'Agregado',
  'assignments.status': 'Estado',
  'assignments.search': 'Procurar: nome, lugar, alojamento',
  'assignments.allStatuses': 'Todos os estados',
  'assignments.allAreas': 'Todas as áreas',
  'assignments.sort': 'Ordenar',
  'assignments.sortPlace': 'Por área e alojamento',
  'assignments.sortStatus': 'Por estado',
  'assignments.sortRecent': 'Trabalhadas mais recentemente',
  'assignments.start': 'Começar',
  'assignments.resume': 'Continuar',
  'assignments.fix': 'Corrigir (devolvida)',
  'assignments.refresh': 'Descarregar atualizações',
  'assignments.refreshed': 'Tarefas atualizadas.',
  'assignments.refreshFailed': 'Atualizações não descarregadas: a lista abaixo é o que já está neste tablet.',
  'assignments.noQuestionnaire':
    'O questionário ainda não está neste tablet. Ligue-se à rede para o descarregar.',
  'state.assigned': 'Por começar',
  'state.in_progress': 'Em curso',
  'state.completed': 'Concluída, à espera de envio',
  'state.submitted': 'Enviada',
  'state.returned': 'Devolvida pelo supervisor',
  'state.approved': 'Aprovada',
  'state.queued': 'À espera de envio',
  'state.sending': 'A enviar…',
  'state.retry_wait': 'Nova tentativa em breve',
  'state.auth_wait': 'Precisa de entrar',
  'state.conflict': 'Conflito: contacte o supervisor',
  'state.rejected': 'Rejeitada: precisa de correção',
  'state.draft': 'Em correção',
  'state.accepted': 'Enviada',
  'state.cancelled': 'Cancelada pelo supervisor',
  'assignments.cancelledDraft':
    'O seu supervisor cancelou esta tarefa. A sua entrevista fica guardada neste tablet: pode terminá-la e enviá-la (o escritório guarda-a e uma pessoa decide) ou descartá-la.',
  'assignments.cancelledUnsent':
    'O seu supervisor cancelou esta tarefa. A sua entrevista terminada será enviada na mesma: o escritório guarda-a e uma pessoa decide. Nada se perde.',
  'state.reassigned': 'Atribuída a outro inquiridor',
  'assignments.reassignedDraft':
    'O seu supervisor atribuiu esta tarefa a outro inquiridor. A sua entrevista fica guardada neste tablet: pode terminá-la e enviá-la (o escritório guarda-a e uma pessoa decide) ou descartá-la.',
  'assignments.reassignedUnsent':
    'O seu supervisor atribuiu esta tarefa a outro inquiridor. A sua entrevista terminada será enviada na mesma: o escritório guarda-a e uma pessoa decide. Nada se perde.',
  'assignments.discard': 'Descartar',
  'assignments.discardConfirm':
    'Descartar esta entrevista de vez? As respostas são apagadas deste tablet e nunca enviadas.',
  'assignments.discardYes': 'Sim, descartar',
  'assignments.discardNo': 'Não, guardar',
  'interview.language': 'Língua da entrevista',
  'interview.back': 'Voltar às tarefas',
  'interview.notFound': 'Esta entrevista não está neste tablet.',
  'interview.unsupportedQuestion':
    'Este questionário tem um tipo de pergunta que esta aplicação não mostra. Avise o seu supervisor; não entreviste com ele.',
  'interview.saved': 'Guardado no tablet',
  'interview.comments': 'Comentários do supervisor',
  'interview.commentGeneral': 'Geral',
  'interview.goToQuestion': 'Ir à pergunta',
  'interview.supervisor': 'Supervisor',
  'interview.storageFull':
    'A memória do tablet está cheia: as últimas respostas não foram guardadas. Envie as entrevistas e liberte espaço; mantenha este ecrã aberto.',
  'interview.saveFailed':
    'As últimas respostas não foram guardadas no tablet. Mantenha este ecrã aberto e tente de novo.',
  'interview.retry': 'Tentar de novo',
  'interview.revision': 'Revisão',
  'interview.done': 'Entrevista concluída e colocada na caixa de saída.',
  'sections.title': 'Secção',
  'sections.answered': 'respondidas',
  'section.done': 'Concluída',
  'section.errors': 'Com erros',
  'section.started': 'Em curso',
  'section.not_started': 'Por começar',
  'complete.title': 'Antes de finalizar a entrevista',
  'complete.clean': 'Todas as perguntas mostradas têm resposta, sem erros nem avisos.',
  'complete.unanswered': 'Perguntas obrigatórias sem resposta',
  'complete.errors': 'Erros a corrigir',
  'complete.warnings': 'Avisos a confirmar com o inquirido',
  'complete.confirm': 'Confirmar e finalizar',
  'complete.confirmAnyway': 'Finalizar mesmo assim (o supervisor verá os problemas)',
  'complete.cancel': 'Continuar a entrevista',
  'outbox.title': 'Caixa de saída',
  'outbox.empty': 'Nada à espera: todas as entrevistas concluídas estão no servidor.',
  'outbox.damaged':
    'Registos que o tablet não conseguiu ler (guardados para recuperação; avise o supervisor):',
  'outbox.syncNow': 'Sincronizar agora',
  'outbox.syncing': 'A sincronizar…',
  'outbox.log': 'Registo de sincronização',
  'outbox.attempts': 'Tentativas',
  'outbox.nextAttempt': 'Próxima tentativa',
  'outbox.interview': 'Entrevista',
  'outbox.fix': 'Corrigir',
  'outbox.cause.offline': 'Sem rede',
  'outbox.cause.timeout': 'O servidor demorou demasiado',
  'outbox.cause.server': 'O servidor teve um erro',
  'outbox.cause.interrupted': 'O envio foi interrompido',
  'outbox.retryIn': 'nova tentativa dentro de {s} s',
  'outbox.retryNow': 'nova tentativa agora',
  'outbox.revision': 'revisão',
  'outbox.notices': 'Avisos para o escritório',
  'outbox.notice': 'Rascunho não enviado descartado',
  'outbox.notice.cancelled': 'tarefa cancelada',
  'outbox.notice.reassigned': 'tarefa atribuída a outro inquiridor',
  'outbox.notice.refused': 'Recusado pelo escritório: avise o seu supervisor',
  'outbox.notice.unwarranted':
    'O escritório não tem registo de que esta tarefa lhe tenha sido retirada: sincronize e, se ela voltar à sua lista, entreviste o agregado de novo.',
  'log.accepted': 'Recebida pelo servidor',
  'log.duplicate': 'Já estava no servidor (cópia reenviada)',
  'log.conflict': 'Conflito: o servidor tem outra versão desta revisão',
  'log.rejected': 'Rejeitada pelo servidor',
  'log.tooLarge': 'Demasiado grande para o servidor',
  'log.unauthorized': 'Sessão expirada: entre de novo',
  'log.serverError': 'Erro do servidor; nova tentativa em breve',
  'log.timeout': 'O servidor demorou demasiado; nova tentativa em breve',
  'log.offline': 'Sem rede; nova tentativa em breve',
  'log.interrupted': 'O envio foi interrompido; será reenviada',
  'log.discarded': 'Rascunho descartado pelo inquiridor (tarefa cancelada ou atribuída a outro)',
  'log.discardReported': 'O escritório foi informado do rascunho descartado',
  'log.discardRefused': 'O escritório recusou o aviso do rascunho descartado',
};

export const MESSAGES: Record<TabletLanguage, Record<MessageKey, string>> = { en, pt, fr, kea };

export type Translate = (key: MessageKey) => string;

export function translator(lang: TabletLanguage): Translate {
  return (key) => MESSAGES[lang][key] ?? key;
}

/** A log event stored as a key ('accepted') shown in the app language. */
export function logText(t: Translate, event: string): string {
  const key = `log.${event}` as MessageKey;
  return key in en ? t(key) : event;
}

export const I18nContext = createContext<{
  /** the language of the survey's labels on the analyst's screen (see above) */
  lang: AppLanguage;
  /** the language the enumerator chose */
  tabletLang: TabletLanguage;
  t: Translate;
  setLang: (l: TabletLanguage) => void;
}>({
  lang: 'pt',
  tabletLang: 'pt',
  t: translator('pt'),
  setLang: () => {},
});

export const useI18n = () => useContext(I18nContext);
