/**
 * The sentences the app shows for an error, in its four languages (Portuguese, English, French, Kriolu):
 * one per kind of trouble the user can act on (no network, a slow server, an answer that is not the
 * server's, full storage, a refusal by the server...), each saying what happened and what to do.
 * client/error-sentence.ts decides which kind an error is; the raw technical text is never one of these
 * sentences, only the "details" line under it. The Kriolu is a first version, to be reviewed by a native
 * speaker of the team.
 */
import type { TabletLanguage } from './i18n.ts';

const en = {
  offline: 'No network, or the server cannot be reached. Check the connection and try again.',
  timeout: 'The server took too long to answer. Try again in a moment.',
  notJson:
    'The answer did not come from the server (perhaps a network login page or a proxy). Check the network, then try again.',
  badShape:
    'The server answered in a form this app does not understand. Reload the app; if it happens again, tell the admin.',
  storageFull: 'The storage of this device is full. Send the interviews and free space, then try again.',
  unavailable:
    'The server is not available right now (restarting, or without its database). Try again in a few minutes.',
  serverError: 'The server had an unexpected error. Try again; if it happens again, tell the admin.',
  session: 'Your session has expired. Log in again.',
  forbidden: 'Your role may not do this. Ask a coordinator.',
  notFound: 'Not found, or not visible to you. Reload the list.',
  invalid:
    'The server refused the request because something is missing or not valid. Check what you entered.',
  tooLarge: 'This is larger than the server accepts.',
  throttled: 'Too many attempts. Wait a minute and try again.',
  changed: 'This was changed in the meantime. Reload and try again.',
  badComment: 'A comment points at no question of this interview. Choose the question again.',
  notWeighted: 'This survey has no weighted results yet. Run the weighting first and wait until it is done.',
  busy: 'A weighting of this survey is already running. Wait until it is done.',
  otherDevice:
    'This tablet belongs to another enumerator. That enumerator must log in, or a coordinator revokes it.',
  unknown:
    'Something went wrong. Try again; if it keeps happening, tell your supervisor and show them the details below.',
  details: 'Details',
};

export type ErrorKind = Exclude<keyof typeof en, 'details'>;
type Catalogue = Record<keyof typeof en, string>;

const pt: Catalogue = {
  offline: 'Sem rede, ou o servidor não está ao alcance. Verifique a ligação e tente de novo.',
  timeout: 'O servidor demorou demasiado a responder. Tente de novo daqui a pouco.',
  notJson:
    'A resposta não veio do servidor (talvez uma página de entrada na rede ou um intermediário). Verifique a rede e tente de novo.',
  badShape:
    'O servidor respondeu numa forma que esta aplicação não compreende. Recarregue a aplicação; se voltar a acontecer, avise o administrador.',
  storageFull:
    'A memória deste aparelho está cheia. Envie as entrevistas e liberte espaço; depois tente de novo.',
  unavailable:
    'O servidor não está disponível neste momento (a reiniciar, ou sem a sua base de dados). Tente de novo daqui a uns minutos.',
  serverError:
    'O servidor teve um erro inesperado. Tente de novo; se voltar a acontecer, avise o administrador.',
  session: 'A sua sessão expirou. Entre de novo.',
  forbidden: 'O seu papel não permite fazer isto. Peça a um coordenador.',
  notFound: 'Não encontrado, ou não visível para si. Recarregue a lista.',
  invalid: 'O servidor recusou o pedido porque falta algo ou algo não é válido. Verifique o que escreveu.',
  tooLarge: 'Isto é maior do que o servidor aceita.',
  throttled: 'Demasiadas tentativas. Espere um minuto e tente de novo.',
  changed: 'Isto foi alterado entretanto. Recarregue e tente de novo.',
  badComment: 'Um comentário não aponta para nenhuma pergunta desta entrevista. Escolha a pergunta de novo.',
  notWeighted:
    'Este inquérito ainda não tem resultados ponderados. Faça primeiro a ponderação e espere que termine.',
  busy: 'Já está a correr uma ponderação deste inquérito. Espere que termine.',
  otherDevice:
    'Este tablet pertence a outro inquiridor. Esse inquiridor tem de entrar nele, ou um coordenador revoga-o.',
  unknown:
    'Algo correu mal. Tente de novo; se continuar a acontecer, avise o seu supervisor e mostre-lhe os detalhes abaixo.',
  details: 'Detalhes',
};

const fr: Catalogue = {
  offline: 'Pas de réseau, ou le serveur est injoignable. Vérifiez la connexion et réessayez.',
  timeout: 'Le serveur a mis trop de temps à répondre. Réessayez dans un instant.',
  notJson:
    'La réponse ne venait pas du serveur (peut-être une page de connexion au réseau ou un intermédiaire). Vérifiez le réseau, puis réessayez.',
  badShape:
    "Le serveur a répondu sous une forme que cette application ne comprend pas. Rechargez l'application ; si cela se reproduit, prévenez l'administrateur.",
  storageFull:
    "La mémoire de cet appareil est pleine. Envoyez les entretiens et libérez de l'espace, puis réessayez.",
  unavailable:
    'Le serveur n’est pas disponible en ce moment (redémarrage, ou base de données injoignable). Réessayez dans quelques minutes.',
  serverError:
    "Le serveur a eu une erreur inattendue. Réessayez ; si cela se reproduit, prévenez l'administrateur.",
  session: 'Votre session a expiré. Reconnectez-vous.',
  forbidden: 'Votre rôle ne permet pas de faire cela. Demandez à un coordinateur.',
  notFound: 'Introuvable, ou non visible pour vous. Rechargez la liste.',
  invalid:
    "Le serveur a refusé la demande : il manque quelque chose ou une valeur n'est pas valide. Vérifiez votre saisie.",
  tooLarge: "C'est plus volumineux que ce que le serveur accepte.",
  throttled: "Trop d'essais. Attendez une minute et réessayez.",
  changed: 'Cela a été modifié entre-temps. Rechargez et réessayez.',
  badComment:
    'Un commentaire ne désigne aucune question de cet entretien. Choisissez de nouveau la question.',
  notWeighted:
    "Cette enquête n'a pas encore de résultats pondérés. Lancez d'abord la pondération et attendez qu'elle finisse.",
  busy: "Une pondération de cette enquête est déjà en cours. Attendez qu'elle finisse.",
  otherDevice:
    'Cette tablette appartient à un autre enquêteur. Celui-ci doit s’y connecter, ou un coordinateur la révoque.',
  unknown:
    "Quelque chose s'est mal passé. Réessayez ; si cela continue, prévenez votre superviseur et montrez-lui les détails ci-dessous.",
  details: 'Détails',
};

const kea: Catalogue = {
  offline: 'Sen rede, o servidor ka sta na alkansi. Djobe ligason i tenta otu bes.',
  timeout: 'Servidor dimora txeu pa responde. Tenta otu bes daqui a pokinhu.',
  notJson:
    'Resposta ka ben di servidor (talvez un pájina di entrada na rede o un intermediáriu). Djobe rede, dipos tenta otu bes.',
  badShape:
    'Servidor responde na un forma ki kel aplikason li ka ta intende. Karega aplikason otu bes; si torna kontise, fla administrador.',
  storageFull: 'Memória di kel aparelhu li sta xeu. Manda entrevistas i libra spasu, dipos tenta otu bes.',
  unavailable:
    'Servidor ka sta disponível gosi (sta ta rinisia, o sen se baze di dadus). Tenta otu bes daqui a uns minutu.',
  serverError:
    'Servidor ten un eru ki ningen ka ta speraba. Tenta otu bes; si torna kontise, fla administrador.',
  session: 'Bu sesãu kaba. Entra otu bes.',
  forbidden: 'Bu papel ka ta dexa fazi kel-li. Pidi un kordenador.',
  notFound: 'Ka atxadu, o bu ka podi odja-l. Karega lista otu bes.',
  invalid: 'Servidor ruza pididu pamodi falta kuzé o kuzé ka sta dretu. Djobe kuzé ki bu skrebe.',
  tooLarge: 'Kel-li é más grandi di kuzé ki servidor ta aseita.',
  throttled: 'Txeu tentativa. Spera un minutu i tenta otu bes.',
  changed: 'Kel-li muda entretantu. Karega otu bes i tenta di novu.',
  badComment: 'Un kumentáriu ka ta mostra ninhun pergunta di kel entrevista li. Skodji pergunta otu bes.',
  notWeighted: 'Kel inkéritu li inda ka ten rezultadu ponderadu. Faze ponderason primeru i spera ki ta kaba.',
  busy: 'Dja sta ta kóre un ponderason di kel inkéritu li. Spera ki ta kaba.',
  otherDevice:
    'Kel tablet li é di otu inkiridor. Es inkiridor ten ki entra nel, o un kordenador ta revoga-l.',
  unknown:
    'Algun kuza ka dadu dretu. Tenta otu bes; si ta kontinua ta kontise, fla bu supervizor i mostra-l detalhis ki sta baxu.',
  details: 'Detalhis',
};

export const ERROR_MESSAGES: Record<TabletLanguage, Catalogue> = { en, pt, fr, kea };
export const ERROR_KINDS = Object.keys(en).filter((k) => k !== 'details') as ErrorKind[];

/**
 * What failed, said before the kind's sentence where the screen knows it: a login that unlocked the
 * tablet without the server, or could not; the renewal of an expired session that did not reach the server, or that the server refused; the automatic upload and download (client/sync/trouble-text.ts);
 * a survey profile that did not come (to the tablet, or to the staff's dashboard). `{time}` is the clock time the trouble began.
 */
const contextEn = {
  loginOffline: 'Unlocked without the server; interviews wait on this tablet until it answers.',
  renewOffline:
    'The session could not be renewed; the tablet keeps working and its interviews wait until the server answers.',
  renewRefused:
    'The server refused to renew the session; the interviews stay on this tablet. Log in again; if it is refused again, tell your supervisor.',
  loginFirstTime: 'This user has never logged in on this tablet: the first login needs the server.',
  autoUpload: 'Interviews could not be sent; the tablet keeps them and tries again by itself.',
  autoRefresh: 'Updates could not be downloaded; the tablet keeps what it has and tries again.',
  profileStale: "The survey's settings could not be updated; the tablet keeps the ones it had.",
  profileMissing:
    "The survey's settings could not be loaded: the map and the rates' labels may be missing from this screen.",
  since: 'Since {time}.',
};
export type FailureContext = Exclude<keyof typeof contextEn, 'since'>;
type ContextCatalogue = Record<keyof typeof contextEn, string>;

const contextPt: ContextCatalogue = {
  loginOffline: 'Desbloqueado sem o servidor; as entrevistas esperam neste tablet até ele responder.',
  renewOffline:
    'A sessão não foi renovada; o tablet continua a funcionar e as entrevistas esperam até o servidor responder.',
  renewRefused:
    'O servidor recusou renovar a sessão; as entrevistas ficam neste tablet. Entre de novo; se for recusado outra vez, avise o seu supervisor.',
  loginFirstTime: 'Este utilizador nunca entrou neste tablet: a primeira entrada precisa do servidor.',
  autoUpload: 'As entrevistas não foram enviadas; o tablet guarda-as e tenta de novo sozinho.',
  autoRefresh: 'As atualizações não foram descarregadas; o tablet guarda o que tem e tenta de novo.',
  profileStale: 'As definições do inquérito não foram atualizadas; o tablet guarda as que tinha.',
  profileMissing:
    'As definições do inquérito não foram carregadas: o mapa e os nomes das taxas podem faltar neste ecrã.',
  since: 'Desde as {time}.',
};

const contextFr: ContextCatalogue = {
  loginOffline: 'Déverrouillée sans le serveur ; les entretiens attendent sur cette tablette qu’il réponde.',
  renewOffline:
    'La session n’a pas pu être renouvelée ; la tablette continue de fonctionner et les entretiens attendent que le serveur réponde.',
  renewRefused:
    'Le serveur a refusé de renouveler la session ; les entretiens restent sur cette tablette. Reconnectez-vous ; en cas de nouveau refus, prévenez votre superviseur.',
  loginFirstTime:
    'Cet utilisateur ne s’est jamais connecté sur cette tablette : la première connexion a besoin du serveur.',
  autoUpload: 'Les entretiens n’ont pas pu être envoyés ; la tablette les garde et réessaie d’elle-même.',
  autoRefresh:
    'Les mises à jour n’ont pas pu être téléchargées ; la tablette garde ce qu’elle a et réessaie.',
  profileStale:
    'Les paramètres de l’enquête n’ont pas pu être mis à jour ; la tablette garde ceux qu’elle avait.',
  profileMissing:
    'Les paramètres de l’enquête n’ont pas pu être chargés : la carte et les libellés des taux peuvent manquer sur cet écran.',
  since: 'Depuis {time}.',
};

const contextKea: ContextCatalogue = {
  loginOffline: 'Dizbloketadu sen servidor; entrevistas ta spera na kel tablet li ti ki servidor responde.',
  renewOffline:
    'Seson ka podu ser renovadu; tablet ta kontinua ta funsiona i entrevistas ta spera ti ki servidor responde.',
  renewRefused:
    'Servidor ka aseita renova seson; entrevistas ta fika na kel tablet li. Entra otu bes; si e ka aseita otu bes, fla bu supervizor.',
  loginFirstTime: 'Kel utilizador li nunka ka entra na kel tablet li: primeru entrada ta mesti servidor.',
  autoUpload: 'Entrevistas ka podu ser mandadu; tablet ta guarda-s i ta tenta otu bes sozinhu.',
  autoRefresh: 'Atualizason ka podu ser baxadu; tablet ta guarda kuzé ki e ten i ta tenta otu bes.',
  profileStale: 'Konfigurason di inkéritu ka podu ser atualizadu; tablet ta guarda kes ki e tinha.',
  profileMissing:
    'Konfigurason di inkéritu ka podu ser karegadu: mapa ku nomi di taxas pode falta na kel ekran li.',
  since: 'Dizdi {time}.',
};

export const FAILURE_CONTEXT: Record<TabletLanguage, ContextCatalogue> = {
  en: contextEn,
  pt: contextPt,
  fr: contextFr,
  kea: contextKea,
};

/**
 * What the renewal's refusal (`renewRefused` above) says after it, for the refusals whose generic
 * sentence reads oddly there ("Reload the list", "Check what you entered"); which refusal takes which,
 * the generic one or none is the table REFUSAL_FOLLOW_UP in client/sync/renewal.ts.
 */
const refusalEn = {
  /** a 404 or 410: not the server's login */
  notFound: "The address answered, but not with the server's login (a wrong address, or a proxy in between).",
  /** a 400, 413, 422 or another 4xx */
  badRequest:
    'The server did not accept the renewal as this version of the app sends it; reload the app while online.',
};
export type RefusalWords = keyof typeof refusalEn;

export const RENEWAL_REFUSAL: Record<TabletLanguage, Record<RefusalWords, string>> = {
  en: refusalEn,
  pt: {
    notFound:
      'O endereço respondeu, mas não com a entrada do servidor (um endereço errado, ou um intermediário).',
    badRequest:
      'O servidor não aceitou a renovação tal como esta versão da aplicação a envia; recarregue a aplicação com rede.',
  },
  fr: {
    notFound:
      'L’adresse a répondu, mais pas avec la connexion du serveur (une mauvaise adresse, ou un intermédiaire).',
    badRequest:
      'Le serveur n’a pas accepté le renouvellement tel que cette version de l’application l’envoie ; rechargez l’application avec du réseau.',
  },
  kea: {
    notFound: 'Enderesu responde, ma ka ku entrada di servidor (un enderesu eradu, o un intermediáriu).',
    badRequest:
      'Servidor ka aseita renovason sima kel versãu di aplikason li ta manda-l; karega aplikason otu bes ku rede.',
  },
};
