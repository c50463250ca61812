/**
 * A table or model the analysis refuses (a 422 `table.invalid` or `model.invalid`), said whole in the app
 * language (Portuguese, English, French, Kriolu): "the table cannot be made" or "the model cannot be
 * fitted", then the reason's sentence from its code (analysis/tables/refusals.ts, carried in the
 * problem's details, server/contract/analysis.ts), naming the variable by its label and name and the
 * statistic in the same language (a malformed plan names its field, a failed estimation its statistic,
 * a proxy rule its variable). A refusal without a known reason (none the analysis makes now; an older
 * server's) gets a sentence saying to check the settings; the analysis's English words are only in the banner's details line (client/error-note.tsx).
 * The Kriolu is a first version, to be reviewed by a native speaker of the team.
 */
import {
  type AnalysisRefusal,
  analysisRefusalSchema,
  type RefusalReason,
} from '../../server/contract/analysis.ts';
import type { TabletLanguage } from '../i18n.ts';

/** A catalogue variable's name and label (the catalogue's in four languages; pt and en at least). */
type Variable = { name: string; label: { pt: string; en: string; fr?: string; kea?: string } };
type Role = 'variable' | 'domain' | 'universe' | 'outcome' | 'predictor' | 'margins';
type Statistic = 'proportion' | 'mean' | 'total' | 'median' | 'multiple';

interface Words {
  table: string;
  model: string;
  /** a refusal without a known reason */
  check: string;
  role: Record<Role, string>;
  statistic: Record<Statistic, string>;
  /**
   * {v} the variable (label and name), {r} its role, {s} the statistic, {c} the weight column, {f} the
   * field of the plan
   */
  reason: Record<RefusalReason, string>;
}

const en: Words = {
  table: 'The table cannot be made:',
  model: 'The model cannot be fitted:',
  check: 'check its settings; the details below say what the analysis found.',
  role: {
    variable: 'variable',
    domain: 'domain variable',
    universe: 'universe variable',
    outcome: 'outcome',
    predictor: 'predictor',
    margins: 'variable',
  },
  statistic: {
    proportion: 'proportion',
    mean: 'mean',
    total: 'total',
    median: 'median',
    multiple: 'share citing each option',
  },
  reason: {
    unknown_variable: 'the {r} {v} is not in the data of this unit. Choose another variable or another unit.',
    needs_checkbox:
      'the share citing each option needs a multiple-choice question, and {v} is not one. Use proportion.',
    checkbox_variable: '{v} is a multiple-choice question: use the share citing each option.',
    checkbox_domain:
      '{v} is a multiple-choice question and cannot be a domain (a unit may be in several of its options).',
    needs_categorical:
      'a proportion needs a variable with categories, and {v} has none. Use mean, total or median.',
    needs_numeric: 'a {s} needs a numeric variable, and {v} has categories or text. Use proportion.',
    needs_number_or_categories: 'a total needs numbers or categories, and {v} is text.',
    ci_logit: 'the logit interval is only for proportions; a {s} needs another interval.',
    ci_median: "a median's interval is Woodruff's: leave the interval choice empty.",
    no_weights: 'the weighted data have no weight column {c}. Run the weighting again.',
    no_rows: 'the universe keeps nobody who answered {v}. Widen the universe.',
    domain_no_rows:
      'nobody in the universe answered the domain variable {v}. Choose another domain or widen the universe.',
    not_formula_name: '{v} cannot be used in a model: its name has characters a formula cannot hold.',
    outcome_is_predictor: 'the outcome {v} cannot also be a predictor. Remove it from the predictors.',
    predictor_twice: 'a predictor is chosen twice. Remove one.',
    margins_not_predictor: '{v} is not one of the predictors: choose the margins among the predictors.',
    choose_outcome_level: 'choose the category of {v} to model (the outcome is 1 there, 0 elsewhere).',
    categorical_outcome: '{v} has categories: model one of its categories with the logistic model.',
    plan_invalid:
      'its definition is not valid at {f}. Correct the table in tables.json; the details below say what is wrong.',
    duplicate_table: 'another table of tables.json has the same id. Give each table its own id.',
    proxy_rule_missing:
      'it leaves out answers given by a proxy, but tables.json has no proxy rule (the variable and codes of proxy interviews). Add the rule, or keep the proxies.',
    proxy_variable_missing:
      "the proxy variable {v} of tables.json's proxy rule is not in the data of this unit. Correct the rule.",
    estimation_failed:
      'the estimate of {v} ({s}) failed on these data. Try another domain or universe; the details below say what the analysis found.',
    model_failed:
      'the fit of {v} failed on these data (too few rows, or predictors that say the same thing). Remove a predictor or widen the universe; the details below say what the analysis found.',
    omit_levels_no_rows:
      'the {s} of {v} has no category rows to leave out: remove omitLevels from the table in tables.json.',
    omitted_level_held:
      'a category of {v} that the table leaves out (omitLevels) is held by people of its universe. Narrow the universe, or keep the row by removing it from omitLevels.',
  },
};

const pt: Words = {
  table: 'Não é possível fazer o quadro:',
  model: 'Não é possível ajustar o modelo:',
  check: 'verifique as suas definições; os detalhes abaixo dizem o que a análise encontrou.',
  role: {
    variable: 'variável',
    domain: 'variável de domínio',
    universe: 'variável do universo',
    outcome: 'variável dependente',
    predictor: 'variável explicativa',
    margins: 'variável',
  },
  statistic: {
    proportion: 'proporção',
    mean: 'média',
    total: 'total',
    median: 'mediana',
    multiple: 'proporção que cita cada opção',
  },
  reason: {
    unknown_variable: 'a {r} {v} não está nos dados desta unidade. Escolha outra variável ou outra unidade.',
    needs_checkbox:
      'a proporção que cita cada opção exige uma pergunta de escolha múltipla, e {v} não o é. Use a proporção.',
    checkbox_variable: '{v} é uma pergunta de escolha múltipla: use a proporção que cita cada opção.',
    checkbox_domain:
      '{v} é uma pergunta de escolha múltipla e não pode ser um domínio (uma unidade pode estar em várias das suas opções).',
    needs_categorical:
      'uma proporção exige uma variável com categorias, e {v} não as tem. Use a média, o total ou a mediana.',
    needs_numeric: 'a {s} exige uma variável numérica, e {v} tem categorias ou texto. Use a proporção.',
    needs_number_or_categories: 'um total exige números ou categorias, e {v} é texto.',
    ci_logit: 'o intervalo logit só serve para proporções; a {s} exige outro intervalo.',
    ci_median: 'o intervalo de uma mediana é o de Woodruff: deixe a escolha do intervalo vazia.',
    no_weights: 'os dados ponderados não têm a coluna de ponderadores {c}. Faça a ponderação de novo.',
    no_rows: 'o universo não retém ninguém que tenha respondido a {v}. Alargue o universo.',
    domain_no_rows:
      'ninguém no universo respondeu à variável de domínio {v}. Escolha outro domínio ou alargue o universo.',
    not_formula_name: '{v} não pode entrar num modelo: o seu nome tem caracteres que uma fórmula não aceita.',
    outcome_is_predictor:
      'a variável dependente {v} não pode ser também explicativa. Retire-a das variáveis explicativas.',
    predictor_twice: 'uma variável explicativa está escolhida duas vezes. Retire uma.',
    margins_not_predictor: '{v} não é uma das variáveis explicativas: escolha as margens entre elas.',
    choose_outcome_level: 'escolha a categoria de {v} a modelar (a variável vale 1 nela, 0 nas outras).',
    categorical_outcome: '{v} tem categorias: modele uma das suas categorias com o modelo logístico.',
    plan_invalid:
      'a sua definição não é válida em {f}. Corrija o quadro em tables.json; os detalhes abaixo dizem o que está errado.',
    duplicate_table: 'outro quadro de tables.json tem o mesmo id. Dê a cada quadro o seu próprio id.',
    proxy_rule_missing:
      'exclui as respostas dadas por outra pessoa (proxy), mas tables.json não tem a regra dos proxies (a variável e os códigos das entrevistas por proxy). Acrescente a regra, ou mantenha os proxies.',
    proxy_variable_missing:
      'a variável de proxy {v} da regra de tables.json não está nos dados desta unidade. Corrija a regra.',
    estimation_failed:
      'a estimativa de {v} ({s}) falhou com estes dados. Experimente outro domínio ou outro universo; os detalhes abaixo dizem o que a análise encontrou.',
    model_failed:
      'o ajuste de {v} falhou com estes dados (poucas linhas, ou variáveis explicativas que dizem o mesmo). Retire uma variável explicativa ou alargue o universo; os detalhes abaixo dizem o que a análise encontrou.',
    omit_levels_no_rows:
      'a estatística {s} de {v} não tem linhas de categorias a omitir: retire omitLevels do quadro em tables.json.',
    omitted_level_held:
      'uma categoria de {v} que o quadro omite (omitLevels) tem pessoas do universo. Restrinja o universo, ou mantenha a linha retirando-a de omitLevels.',
  },
};

const fr: Words = {
  table: 'Le tableau ne peut pas être fait :',
  model: 'Le modèle ne peut pas être ajusté :',
  check: "vérifiez ses paramètres ; les détails ci-dessous disent ce que l'analyse a trouvé.",
  role: {
    variable: 'variable',
    domain: 'variable de domaine',
    universe: "variable de l'univers",
    outcome: 'variable dépendante',
    predictor: 'variable explicative',
    margins: 'variable',
  },
  statistic: {
    proportion: 'proportion',
    mean: 'moyenne',
    total: 'total',
    median: 'médiane',
    multiple: 'part citant chaque option',
  },
  reason: {
    unknown_variable:
      "la {r} {v} n'est pas dans les données de cette unité. Choisissez une autre variable ou une autre unité.",
    needs_checkbox:
      "la part citant chaque option demande une question à choix multiple, et {v} n'en est pas une. Prenez la proportion.",
    checkbox_variable: '{v} est une question à choix multiple : prenez la part citant chaque option.',
    checkbox_domain:
      '{v} est une question à choix multiple et ne peut pas être un domaine (une unité peut être dans plusieurs de ses options).',
    needs_categorical:
      "une proportion demande une variable à catégories, et {v} n'en a pas. Prenez la moyenne, le total ou la médiane.",
    needs_numeric:
      'la {s} demande une variable numérique, et {v} a des catégories ou du texte. Prenez la proportion.',
    needs_number_or_categories: 'un total demande des nombres ou des catégories, et {v} est du texte.',
    ci_logit: "l'intervalle logit ne vaut que pour les proportions ; la {s} demande un autre intervalle.",
    ci_median: "l'intervalle d'une médiane est celui de Woodruff : laissez le choix de l'intervalle vide.",
    no_weights: "les données pondérées n'ont pas la colonne de poids {c}. Refaites la pondération.",
    no_rows: "l'univers ne garde personne ayant répondu à {v}. Élargissez l'univers.",
    domain_no_rows:
      "personne dans l'univers n'a répondu à la variable de domaine {v}. Choisissez un autre domaine ou élargissez l'univers.",
    not_formula_name:
      '{v} ne peut pas entrer dans un modèle : son nom a des caractères qu’une formule n’accepte pas.',
    outcome_is_predictor:
      'la variable dépendante {v} ne peut pas être aussi explicative. Retirez-la des variables explicatives.',
    predictor_twice: 'une variable explicative est choisie deux fois. Retirez-en une.',
    margins_not_predictor:
      "{v} n'est pas une des variables explicatives : choisissez les marges parmi elles.",
    choose_outcome_level: 'choisissez la catégorie de {v} à modéliser (la variable vaut 1 là, 0 ailleurs).',
    categorical_outcome: '{v} a des catégories : modélisez une de ses catégories avec le modèle logistique.',
    plan_invalid:
      "sa définition n'est pas valide en {f}. Corrigez le tableau dans tables.json ; les détails ci-dessous disent ce qui ne va pas.",
    duplicate_table: 'un autre tableau de tables.json a le même id. Donnez à chaque tableau son propre id.',
    proxy_rule_missing:
      "il exclut les réponses données par une autre personne (proxy), mais tables.json n'a pas de règle des proxys (la variable et les codes des entretiens par proxy). Ajoutez la règle, ou gardez les proxys.",
    proxy_variable_missing:
      "la variable de proxy {v} de la règle de tables.json n'est pas dans les données de cette unité. Corrigez la règle.",
    estimation_failed:
      "l'estimation de {v} ({s}) a échoué sur ces données. Essayez un autre domaine ou un autre univers ; les détails ci-dessous disent ce que l'analyse a trouvé.",
    model_failed:
      "l'ajustement de {v} a échoué sur ces données (trop peu de lignes, ou des variables explicatives qui disent la même chose). Retirez une variable explicative ou élargissez l'univers ; les détails ci-dessous disent ce que l'analyse a trouvé.",
    omit_levels_no_rows:
      "la statistique {s} de {v} n'a pas de lignes de catégories à omettre : retirez omitLevels du tableau dans tables.json.",
    omitted_level_held:
      "une catégorie de {v} que le tableau omet (omitLevels) a des personnes de l'univers. Restreignez l'univers, ou gardez la ligne en la retirant de omitLevels.",
  },
};

const kea: Words = {
  table: 'Ka ta da pa faze kuadru:',
  model: 'Ka ta da pa djusta modelu:',
  check: 'djobe se definisons; detalhis li baxu ta fla kuzê ki analizi atxa.',
  role: {
    variable: 'variável',
    domain: 'variável di dumíniu',
    universe: 'variável di universu',
    outcome: 'variável dipendenti',
    predictor: 'variável splikativu',
    margins: 'variável',
  },
  statistic: {
    proportion: 'proporson',
    mean: 'média',
    total: 'total',
    median: 'mediana',
    multiple: 'proporson ki ta sita kada opson',
  },
  reason: {
    unknown_variable: '{r} {v} ka sta na dadus di es unidadi. Kodji otu variável o otu unidadi.',
    needs_checkbox:
      'proporson ki ta sita kada opson meste un pergunta di skodja múltiplu, i {v} ka é un. Uza proporson.',
    checkbox_variable: '{v} é un pergunta di skodja múltiplu: uza proporson ki ta sita kada opson.',
    checkbox_domain:
      '{v} é un pergunta di skodja múltiplu i ka pode ser dumíniu (un unidadi pode sta na txeu di se opsons).',
    needs_categorical:
      'un proporson meste un variável ku kategorias, i {v} ka ten. Uza média, total o mediana.',
    needs_numeric: '{s} meste un variável numériku, i {v} ten kategorias o testu. Uza proporson.',
    needs_number_or_categories: 'un total meste númerus o kategorias, i {v} é testu.',
    ci_logit: 'intervalu logit é só pa proporsons; {s} meste otu intervalu.',
    ci_median: 'intervalu di un mediana é di Woodruff: dexa skodja di intervalu bazio.',
    no_weights: 'dadus ponderadu ka ten koluna di ponderadoris {c}. Faze ponderason otu bes.',
    no_rows: 'universu ka ta fika ku ninguen ki responde {v}. Larga universu.',
    domain_no_rows:
      'ninguen na universu ka responde variável di dumíniu {v}. Kodji otu dumíniu o larga universu.',
    not_formula_name: '{v} ka pode entra na un modelu: se nómi ten karaktis ki un fórmula ka ta aseta.',
    outcome_is_predictor:
      'variável dipendenti {v} ka pode ser tanbê splikativu. Tra-l di variáveis splikativu.',
    predictor_twice: 'un variável splikativu sta kodjedu dos bes. Tra un.',
    margins_not_predictor: '{v} ka é un di variáveis splikativu: kodji marjens entri es.',
    choose_outcome_level: 'kodji kategoria di {v} pa modela (variável ta bali 1 la, 0 na otus).',
    categorical_outcome: '{v} ten kategorias: modela un di se kategorias ku modelu lojístiku.',
    plan_invalid:
      'se definison ka sta dretu na {f}. Kurigi kuadru na tables.json; detalhis li baxu ta fla kuzê ki sta eradu.',
    duplicate_table: 'otu kuadru di tables.json ten mésmu id. Da kada kuadru se própi id.',
    proxy_rule_missing:
      'e ta tra respostas dadu pa otu algen (proxy), ma tables.json ka ten regra di proxy (variável i kódigus di entrevistas pa proxy). Djunta regra, o dexa proxys.',
    proxy_variable_missing:
      'variável di proxy {v} di regra di tables.json ka sta na dadus di es unidadi. Kurigi regra.',
    estimation_failed:
      'estimason di {v} ({s}) ka da ku es dadus. Tenta otu dumíniu o otu universu; detalhis li baxu ta fla kuzê ki analizi atxa.',
    model_failed:
      'djustamentu di {v} ka da ku es dadus (poku linhas, o variáveis splikativu ki ta fla mésmu kuza). Tra un variável splikativu o larga universu; detalhis li baxu ta fla kuzê ki analizi atxa.',
    omit_levels_no_rows:
      'statístika {s} di {v} ka ten linhas di kategorias pa tra: tra omitLevels di kuadru na tables.json.',
    omitted_level_held:
      'un kategoria di {v} ki kuadru ta tra (omitLevels) ten algen di universu. Diminui universu, o fika ku linha tirandu-l di omitLevels.',
  },
};

export const REFUSAL_WORDS: Record<TabletLanguage, Words> = { en, pt, fr, kea };

/** The role of the variable a refusal names, from its field ('domains.1', 'universe.0.variable'...). */
function roleOf(field: string): Role {
  const head = field.split('.')[0];
  if (head === 'domains') return 'domain';
  if (head === 'universe') return 'universe';
  if (head === 'outcome' || head === 'outcomeLevel' || head === 'family') return 'outcome';
  if (head === 'predictors') return 'predictor';
  if (head === 'margins') return 'margins';
  return 'variable';
}

/**
 * «label» (name), the label in the app language (the catalogue's; a label without French or Kriolu
 * gives English for French, Portuguese for Kriolu).
 */
function variableWords(name: string, lang: TabletLanguage, variables: readonly Variable[]): string {
  const label = variables.find((v) => v.name === name)?.label;
  const text = label ? (label[lang] ?? label[lang === 'pt' || lang === 'kea' ? 'pt' : 'en']) : '';
  return text && text !== name ? `«${text}» (${name})` : `«${name}»`;
}

/** The refusal a failed API result carries, or null (another failure). */
export function refusalOf(error: unknown): { kind: 'table' | 'model'; refusal: AnalysisRefusal } | null {
  const problem = (error as { problem?: { code?: unknown; details?: unknown } } | null)?.problem;
  const kind =
    problem?.code === 'table.invalid' ? 'table' : problem?.code === 'model.invalid' ? 'model' : null;
  if (!kind) return null;
  const parsed = analysisRefusalSchema.safeParse(problem?.details);
  return parsed.success ? { kind, refusal: parsed.data } : null;
}

/** The whole sentence in `lang` for a refused table or model, or null when `error` is not one. */
export function refusalSentence(
  error: unknown,
  lang: TabletLanguage,
  variables: readonly Variable[],
): string | null {
  const found = refusalOf(error);
  if (!found) return null;
  const words = REFUSAL_WORDS[lang] ?? en;
  const { refusal } = found;
  const statistic = refusal.statistic as Statistic | undefined;
  const body = refusal.reason
    ? words.reason[refusal.reason]
        .replace('{r}', words.role[roleOf(refusal.field)])
        .replace('{v}', variableWords(refusal.variable ?? '', lang, variables))
        .replace('{s}', (statistic && words.statistic[statistic]) ?? statistic ?? '')
        .replace('{c}', `«${refusal.column ?? ''}»`)
        .replace('{f}', `«${refusal.field}»`)
    : words.check;
  return `${words[found.kind]} ${body}`;
}
