/**
 * The assignment management screen's words in the app's four languages (Portuguese, English, French,
 * Kriolu), picked by the language the user chose. The words it shares with the tablet (EA, dwelling,
 * household, the assignment states) come from the tablet's catalogue (client/i18n.ts), so each has one
 * home and the same term on both screens.
 */
import { useMemo } from 'react';
import type { ListedAssignmentStatus } from '../../server/contract/vocabulary.ts';
import { type MessageKey, type TabletLanguage, useI18n } from '../i18n.ts';

const en = {
  'manage.tab': 'Assignments',
  'manage.title': 'Assignments',
  'manage.survey': 'Survey',
  'manage.any': 'any',
  'manage.enumerator': 'Enumerator',
  'manage.range': '{from}–{to} of {total}',
  'manage.previous': 'Previous',
  'manage.next': 'Next',
  'manage.empty': 'No assignment matches.',
  'manage.reassign': 'Reassign',
  'manage.cancel': 'Cancel',
  'manage.create': 'New assignment',
  'manage.to': 'To',
  'manage.choose': 'choose…',
  'manage.reason': 'Reason (kept in the audit log)',
  'manage.confirmReassign': 'Reassign the assignment',
  'manage.confirmCancel': 'Cancel the assignment',
  'manage.confirmCreate': 'Create the assignment',
  'manage.close': 'Close',
  'manage.reassigned': 'Assignment {id} handed to {name}.',
  'manage.cancelled': "Assignment {id} cancelled: it leaves the enumerator's tablet at the next sync.",
  'manage.created': 'Assignment {id} created for {name}.',
  'manage.state.cancelled': 'Cancelled',
  'manage.locked': 'has an interview',
  'manage.history': 'History',
  'manage.historyEmpty': 'No change since the listing assigned it.',
  'manage.action.assignment.create': 'created for {to}',
  'manage.action.assignment.reassign': 'handed from {from} to {to}',
  'manage.action.assignment.cancel': 'cancelled (was {from}’s)',
  'manage.action.assignment.draft_discard': 'unsent draft discarded on {from}’s tablet',
  'manage.discardReason.cancelled': 'the assignment was cancelled',
  'manage.discardReason.reassigned': 'the assignment was handed to another enumerator',
  'manage.discardServer': 'according to the server: {reason}',
  'manage.discardTablet': 'according to the tablet: {reason}',
  'manage.problem.assignment.interviewed':
    'This assignment has an uploaded interview: it cannot be cancelled.',
  'manage.problem.assignment.started': 'This assignment has an interview: it stays with its enumerator.',
  'manage.problem.assignment.cancelled': 'This assignment is cancelled: create a new one for the household.',
  'manage.problem.assignment.exists':
    'This household already has an open assignment ({id}): reassign or cancel it.',
} as const;
type Key = keyof typeof en;

const pt: Record<Key, string> = {
  'manage.tab': 'Tarefas',
  'manage.title': 'Tarefas',
  'manage.survey': 'Inquérito',
  'manage.any': 'todos',
  'manage.enumerator': 'Inquiridor',
  'manage.range': '{from}–{to} de {total}',
  'manage.previous': 'Anterior',
  'manage.next': 'Seguinte',
  'manage.empty': 'Nenhuma tarefa corresponde.',
  'manage.reassign': 'Reatribuir',
  'manage.cancel': 'Cancelar',
  'manage.create': 'Nova tarefa',
  'manage.to': 'Para',
  'manage.choose': 'escolher…',
  'manage.reason': 'Motivo (fica no registo de auditoria)',
  'manage.confirmReassign': 'Reatribuir a tarefa',
  'manage.confirmCancel': 'Cancelar a tarefa',
  'manage.confirmCreate': 'Criar a tarefa',
  'manage.close': 'Fechar',
  'manage.reassigned': 'Tarefa {id} entregue a {name}.',
  'manage.cancelled': 'Tarefa {id} cancelada: sai do tablet do inquiridor na próxima sincronização.',
  'manage.created': 'Tarefa {id} criada para {name}.',
  'manage.state.cancelled': 'Cancelada',
  'manage.locked': 'tem entrevista',
  'manage.history': 'Histórico',
  'manage.historyEmpty': 'Nenhuma alteração desde que a listagem a atribuiu.',
  'manage.action.assignment.create': 'criada para {to}',
  'manage.action.assignment.reassign': 'passada de {from} para {to}',
  'manage.action.assignment.cancel': 'cancelada (era de {from})',
  'manage.action.assignment.draft_discard': 'rascunho não enviado descartado no tablet de {from}',
  'manage.discardReason.cancelled': 'a tarefa foi cancelada',
  'manage.discardReason.reassigned': 'a tarefa foi passada a outro inquiridor',
  'manage.discardServer': 'segundo o servidor: {reason}',
  'manage.discardTablet': 'segundo o tablet: {reason}',
  'manage.problem.assignment.interviewed': 'Esta tarefa tem uma entrevista enviada: não pode ser cancelada.',
  'manage.problem.assignment.started': 'Esta tarefa tem uma entrevista: fica com o seu inquiridor.',
  'manage.problem.assignment.cancelled': 'Esta tarefa está cancelada: crie uma nova para o agregado.',
  'manage.problem.assignment.exists':
    'Este agregado já tem uma tarefa aberta ({id}): reatribua-a ou cancele-a.',
};

const fr: Record<Key, string> = {
  'manage.tab': 'Affectations',
  'manage.title': 'Affectations',
  'manage.survey': 'Enquête',
  'manage.any': 'tous',
  'manage.enumerator': 'Enquêteur',
  'manage.range': '{from}–{to} sur {total}',
  'manage.previous': 'Précédent',
  'manage.next': 'Suivant',
  'manage.empty': 'Aucune affectation ne correspond.',
  'manage.reassign': 'Réaffecter',
  'manage.cancel': 'Annuler',
  'manage.create': 'Nouvelle affectation',
  'manage.to': 'À',
  'manage.choose': 'choisir…',
  'manage.reason': "Motif (conservé dans le journal d'audit)",
  'manage.confirmReassign': "Réaffecter l'affectation",
  'manage.confirmCancel': "Annuler l'affectation",
  'manage.confirmCreate': "Créer l'affectation",
  'manage.close': 'Fermer',
  'manage.reassigned': 'Affectation {id} confiée à {name}.',
  'manage.cancelled':
    "Affectation {id} annulée : elle quitte la tablette de l'enquêteur à la prochaine synchronisation.",
  'manage.created': 'Affectation {id} créée pour {name}.',
  'manage.state.cancelled': 'Annulée',
  'manage.locked': 'a un entretien',
  'manage.history': 'Historique',
  'manage.historyEmpty': 'Aucun changement depuis son affectation par le listage.',
  'manage.action.assignment.create': 'créée pour {to}',
  'manage.action.assignment.reassign': 'passée de {from} à {to}',
  'manage.action.assignment.cancel': 'annulée (était à {from})',
  'manage.action.assignment.draft_discard': 'brouillon non envoyé abandonné sur la tablette de {from}',
  'manage.discardReason.cancelled': 'l’affectation a été annulée',
  'manage.discardReason.reassigned': 'l’affectation a été passée à un autre enquêteur',
  'manage.discardServer': 'selon le serveur : {reason}',
  'manage.discardTablet': 'selon la tablette : {reason}',
  'manage.problem.assignment.interviewed':
    'Cette affectation a un entretien envoyé : elle ne peut pas être annulée.',
  'manage.problem.assignment.started': 'Cette affectation a un entretien : elle reste à son enquêteur.',
  'manage.problem.assignment.cancelled':
    'Cette affectation est annulée : créez-en une nouvelle pour le ménage.',
  'manage.problem.assignment.exists':
    'Ce ménage a déjà une affectation ouverte ({id}) : réaffectez-la ou annulez-la.',
};

const kea: Record<Key, string> = {
  'manage.tab': 'Tarefas',
  'manage.title': 'Tarefas',
  'manage.survey': 'Inkéritu',
  'manage.any': 'tudu',
  'manage.enumerator': 'Inkiridor',
  'manage.range': '{from}–{to} di {total}',
  'manage.previous': 'Anterior',
  'manage.next': 'Siginti',
  'manage.empty': 'Ka ten nenhun tarefa ki ta dâ.',
  'manage.reassign': 'Da otu inkiridor',
  'manage.cancel': 'Kansela',
  'manage.create': 'Tarefa nobu',
  'manage.to': 'Pa',
  'manage.choose': 'skodje…',
  'manage.reason': 'Motivu (ta fika na rejistu di auditoria)',
  'manage.confirmReassign': 'Da tarefa otu inkiridor',
  'manage.confirmCancel': 'Kansela tarefa',
  'manage.confirmCreate': 'Kria tarefa',
  'manage.close': 'Fitxa',
  'manage.reassigned': 'Tarefa {id} entregadu a {name}.',
  'manage.cancelled': 'Tarefa {id} kanseladu: e ta sai di tablet di inkiridor na prósimu sinkronizason.',
  'manage.created': 'Tarefa {id} kriadu pa {name}.',
  'manage.state.cancelled': 'Kanseladu',
  'manage.locked': 'ten entrevista',
  'manage.history': 'Stória',
  'manage.historyEmpty': 'Nenhun mudansa désdi ki listajen da-l.',
  'manage.action.assignment.create': 'kriadu pa {to}',
  'manage.action.assignment.reassign': 'pasadu di {from} pa {to}',
  'manage.action.assignment.cancel': 'kanseladu (éra di {from})',
  'manage.action.assignment.draft_discard': 'rasunhu ki ka mandadu diskartadu na tablet di {from}',
  'manage.discardReason.cancelled': 'tarefa foi kanseladu',
  'manage.discardReason.reassigned': 'tarefa foi pasadu pa otu inkiridor',
  'manage.discardServer': 'sugundu servidor: {reason}',
  'manage.discardTablet': 'sugundu tablet: {reason}',
  'manage.problem.assignment.interviewed': 'Es tarefa ten un entrevista mandadu: e ka podi ser kanseladu.',
  'manage.problem.assignment.started': 'Es tarefa ten un entrevista: e ta fika ku se inkiridor.',
  'manage.problem.assignment.cancelled': 'Es tarefa sta kanseladu: kria un nobu pa agregadu.',
  'manage.problem.assignment.exists':
    'Es agregadu dja ten un tarefa abertu ({id}): da-l otu inkiridor o kansela-l.',
};

export const ASSIGNMENT_MESSAGES: Record<TabletLanguage, Record<Key, string>> = { en, pt, fr, kea };
export type AssignmentKey = Key;

/** The screen's translator, the tablet's shared words, and an assignment state's label. */
export function useAssignmentT() {
  const { tabletLang, t: tablet } = useI18n();
  return useMemo(() => {
    const dict = ASSIGNMENT_MESSAGES[tabletLang] ?? en;
    const t = (key: Key, vars: Record<string, string | number> = {}) =>
      dict[key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
    const status = (s: ListedAssignmentStatus) =>
      s === 'cancelled' ? dict['manage.state.cancelled'] : tablet(`state.${s}` as MessageKey);
    return { t, tablet, status, lang: tabletLang };
  }, [tabletLang, tablet]);
}
