/**
 * The pipeline's structured errors (errors.ts WeightingDetail: a key and the values it names), and the
 * server's around it (the survey folder's checks, a database without tables, a stopped run or thread), as
 * whole sentences in the staff's languages, Portuguese, English, French and Kriolu (the languages of the error
 * catalogue's weighting failures on the staff screens): the one home of those words. The English is the
 * error's `message` (weightingError builds both), so logs and older readers keep reading it; a report or a
 * screen calls detailText in its own language, and nothing is left in English there. Names the data give
 * (units, clusters, margins, categories) stay as they are; numbers take the language's decimal sign. The
 * Kriolu is a first version, to be reviewed by a native speaker of the team.
 */
import {
  DETAIL_CODES,
  type FarCategory,
  type RecordLevel,
  type WeightingDetail,
  type WeightingDetailKey,
  type WeightingDetailParams,
  WeightingError,
} from './errors.ts';

export const FAILURE_LANGS = ['pt', 'en', 'fr', 'kea'] as const;
export type FailureLang = (typeof FAILURE_LANGS)[number];

type Sentences = { [K in WeightingDetailKey]: (p: WeightingDetailParams[K]) => string };

const comma = (x: number) => String(x).replace('.', ',');
const names = (xs: readonly string[]) => xs.join(', ');
const numbers = (xs: readonly number[], num: (x: number) => string, sep: string) => xs.map(num).join(sep);

const en: Sentences = {
  'input.no_units': () => 'No sampled unit to weight.',
  'input.probabilities': (p) =>
    `Unit ${p.unit} (cluster ${p.cluster}) has inclusion probabilities pi1 = ${p.pi1}, pi2 = ${p.pi2}: both must be in (0, 1]; record the cluster's selection and listing first.`,
  'input.pi2_lost': (p) =>
    `Drawn in the sample by their cluster's listing but without a stage-two inclusion probability (pi2): ${names(p.units)} (cluster${p.clusters.length > 1 ? 's' : ''} ${names(p.clusters)}). Restore pi2 (record the cluster's listing again); only practice or reserve households, which no listing drew, are left out of the weighting.`,
  'input.no_sample': (p) =>
    `No selected unit of survey '${p.survey}' in ${p.source}: select the sample (and record the listings) first.`,
  'input.no_respondents': () =>
    'No responding unit in the states analysed yet (ANALYSIS_STATES): reviewers must approve interviews before the weighting.',
  'input.person_outside': (p) => `Person ${p.person} belongs to unit ${p.unit}, which is not in the sample.`,
  'input.person_nonrespondent': (p) =>
    `Person ${p.person} belongs to unit ${p.unit}, which is not a respondent.`,
  'recipe.no_persons': (p) =>
    `The sample has ${p.persons} roster persons but the weighting recipe has no persons section: add one (or weight units only).`,
  'recipe.omit_unknown': (p) =>
    `Weighting recipe, ${p.where}: omit names '${p.category}', which is not a category of the controls (${names(p.categories)}).`,
  'recipe.controls_path': (p) =>
    `Weighting recipe, ${p.where}: design.json has nothing at '${p.path}' (missing '${p.part}'): fix the path.`,
  'recipe.controls_total': (p) =>
    `Weighting recipe, ${p.where}: the total of '${p.category}' is ${p.value}, not a number >= 0.`,
  'recipe.controls_table': (p) => `Weighting recipe, ${p.where}: '${p.design}' is not a table of totals.`,
  'recipe.controls_key': (p) =>
    `Weighting recipe, ${p.where}: '${p.design}' is a list: say which field is the category (key).`,
  'recipe.controls_row': (p) =>
    `Weighting recipe, ${p.where}: row ${p.row} of '${p.design}' has no '${p.key}'.`,
  'recipe.controls_value': (p) =>
    `Weighting recipe, ${p.where}: '${p.design}' is a list: say which field holds the total (value or columns).`,
  'recipe.group_twice': (p) =>
    `Weighting recipe, variables.${p.variable}: '${p.code}' is in groups '${p.first}' and '${p.second}': keep it in one.`,
  'margin.missing_value': (p) =>
    `${p.level === 'unit' ? 'Unit' : 'Person'} ${p.id} has no value for the calibration variable '${p.variable}': correct the answers or give the variable a category for missing values.`,
  'margin.unknown_category': (p) =>
    `Calibration margin '${p.margin}': category '${p.category}' is in the data but not in the controls (${names(p.controls)}): recode the data or add its total.`,
  'margin.empty_category': (p) =>
    `Calibration margin '${p.margin}': control category '${p.category}' (total ${p.total}) has no sample: collapse it with a neighbouring category in the controls and the data.`,
  'margin.sum_mismatch': (p) =>
    `Calibration margin '${p.margin}' sums to ${p.sum} but '${p.first}' to ${p.total}: the margins must describe the same population.`,
  'calibration.no_convergence': (p) =>
    `${p.method === 'raking' ? 'Raking' : 'Linear calibration'} to ${names(p.margins)} did not converge within bounds [${p.bounds.join(', ')}] (${p.solver}). ${
      p.far === null
        ? 'Categories not examined'
        : `Furthest from their totals: ${far(p.far, (c) => `${c.margin}=${c.category} (weighted ${c.weighted.toFixed(1)} against a control of ${c.control}; its sample weights would need x${c.factor.toFixed(2)} on average)`)}`
    }: widen the bounds or collapse these categories with neighbours in the controls and the data.`,
  'listing.none_screened': (p) =>
    `Cluster ${p.cluster}: no screened unit (E + I = ${p.screened}): the listing must screen at least one, or the recipe must drop eligibilityUnknown.`,
  'cell.unknown': (p) => `${level(p.level, 'Unit', 'Person')} nonresponse: unit in unknown cell ${p.cell}.`,
  'cell.empty': (p) =>
    `${level(p.level, 'Unit', 'Person')} nonresponse: weighting class ${p.cell} has eligible units but no responding one (empty class): collapse it with another class or lower the minimum.`,
  'files.survey_id': (p) => `'${p.survey}' is not a survey id (lowercase letters and digits).`,
  'files.no_folder': (p) => `There is no survey folder ${p.folder}: create it or check the survey id.`,
  'files.missing': (p) =>
    `${p.path} is missing: every survey folder needs its ${{ profile: 'survey profile', recipe: 'weighting recipe', design: 'design' }[p.file]}.`,
  'files.not_json': (p) => `${p.path} is not valid JSON (${p.error}).`,
  'files.invalid': (p) => `${p.path}: ${p.problems.join('; ')}`,
  'files.survey_mismatch': (p) => `${p.path}: survey is '${p.survey}' but the folder is '${p.folder}'.`,
  'files.persons_no_roster': (p) =>
    `${p.path}: persons: the recipe weights persons but profile.json has no roster: drop persons or describe the roster.`,
  'input.no_tables': (p) =>
    `The database has no Morabeza tables (${p.error}): check DATABASE_URL, or start the server once to create them.`,
  'run.stopped': () => 'The run was stopped while the server was shutting down.',
  'run.interrupted': () => 'interrupted by a restart',
  'run.worker_exit': (p) => `The weighting thread ended with code ${p.exit} before giving its result.`,
  'thread.exit': (p) => `A replicate thread ended with code ${p.exit} before finishing its replicates.`,
  'thread.error': (p) => `A replicate thread failed: ${p.error}.`,
  'thread.count': (p) => `A replicate thread found ${p.found} replicates, the run ${p.expected}.`,
};

const pt: Sentences = {
  'input.no_units': () => 'Nenhuma unidade da amostra para ponderar.',
  'input.probabilities': (p) =>
    `A unidade ${p.unit} (conglomerado ${p.cluster}) tem probabilidades de inclusão pi1 = ${comma(p.pi1)}, pi2 = ${comma(p.pi2)}: ambas devem estar em ]0; 1]; registe primeiro a seleção e a listagem do conglomerado.`,
  'input.pi2_lost': (p) =>
    `Sorteadas na amostra pela listagem do seu conglomerado, mas sem probabilidade de inclusão da segunda etapa (pi2): ${names(p.units)} (conglomerado${p.clusters.length > 1 ? 's' : ''} ${names(p.clusters)}). Reponha o pi2 (registe de novo a listagem do conglomerado); só os agregados de treino ou de reserva, que nenhuma listagem sorteou, ficam fora da ponderação.`,
  'input.no_sample': (p) =>
    `Nenhuma unidade selecionada do inquérito '${p.survey}' em ${p.source}: selecione primeiro a amostra (e registe as listagens).`,
  'input.no_respondents': () =>
    'Nenhuma unidade respondente nos estados já analisados (ANALYSIS_STATES): os revisores têm de aprovar entrevistas antes da ponderação.',
  'input.person_outside': (p) =>
    `A pessoa ${p.person} pertence à unidade ${p.unit}, que não está na amostra.`,
  'input.person_nonrespondent': (p) =>
    `A pessoa ${p.person} pertence à unidade ${p.unit}, que não é respondente.`,
  'recipe.no_persons': (p) =>
    `A amostra tem ${p.persons} pessoas nos agregados, mas a receita de ponderação não tem a secção persons: acrescente-a (ou pondere só as unidades).`,
  'recipe.omit_unknown': (p) =>
    `Receita de ponderação, ${p.where}: omit indica '${p.category}', que não é uma categoria dos controlos (${names(p.categories)}).`,
  'recipe.controls_path': (p) =>
    `Receita de ponderação, ${p.where}: o design.json não tem nada em '${p.path}' (falta '${p.part}'): corrija o caminho.`,
  'recipe.controls_total': (p) =>
    `Receita de ponderação, ${p.where}: o total de '${p.category}' é ${p.value}, não um número >= 0.`,
  'recipe.controls_table': (p) =>
    `Receita de ponderação, ${p.where}: '${p.design}' não é uma tabela de totais.`,
  'recipe.controls_key': (p) =>
    `Receita de ponderação, ${p.where}: '${p.design}' é uma lista: diga que campo é a categoria (key).`,
  'recipe.controls_row': (p) =>
    `Receita de ponderação, ${p.where}: a linha ${p.row} de '${p.design}' não tem '${p.key}'.`,
  'recipe.controls_value': (p) =>
    `Receita de ponderação, ${p.where}: '${p.design}' é uma lista: diga que campo tem o total (value ou columns).`,
  'recipe.group_twice': (p) =>
    `Receita de ponderação, variables.${p.variable}: '${p.code}' está nos grupos '${p.first}' e '${p.second}': deixe-o num só.`,
  'margin.missing_value': (p) =>
    `${level(p.level, 'A unidade', 'A pessoa')} ${p.id} não tem valor na variável de calibração '${p.variable}': corrija as respostas ou dê à variável uma categoria para valores em falta.`,
  'margin.unknown_category': (p) =>
    `Margem de calibração '${p.margin}': a categoria '${p.category}' está nos dados mas não nos controlos (${names(p.controls)}): recodifique os dados ou acrescente o seu total.`,
  'margin.empty_category': (p) =>
    `Margem de calibração '${p.margin}': a categoria de controlo '${p.category}' (total ${comma(p.total)}) não tem amostra: junte-a a uma categoria vizinha nos controlos e nos dados.`,
  'margin.sum_mismatch': (p) =>
    `A margem de calibração '${p.margin}' soma ${comma(p.sum)}, mas '${p.first}' soma ${comma(p.total)}: as margens devem descrever a mesma população.`,
  'calibration.no_convergence': (p) =>
    `${p.method === 'raking' ? 'O ajustamento iterativo às margens (raking)' : 'A calibração linear'} para ${names(p.margins)} não convergiu dentro dos limites [${numbers(p.bounds, comma, '; ')}]. ${
      p.far === null
        ? 'Categorias não examinadas'
        : `Mais afastadas dos seus totais: ${far(p.far, (c) => `${c.margin}=${c.category} (ponderado ${comma(Number(c.weighted.toFixed(1)))} para um controlo de ${comma(c.control)}; os seus pesos amostrais teriam de ser multiplicados em média por ${c.factor.toFixed(2).replace('.', ',')})`)}`
    }: alargue os limites ou junte estas categorias a categorias vizinhas nos controlos e nos dados.`,
  'listing.none_screened': (p) =>
    `Conglomerado ${p.cluster}: nenhuma unidade triada (E + I = ${p.screened}): a listagem tem de triar pelo menos uma, ou a receita tem de retirar eligibilityUnknown.`,
  'cell.unknown': (p) =>
    `Não resposta ${level(p.level, 'das unidades', 'das pessoas')}: uma unidade numa classe desconhecida, ${p.cell}.`,
  'cell.empty': (p) =>
    `Não resposta ${level(p.level, 'das unidades', 'das pessoas')}: a classe de ponderação ${p.cell} tem unidades elegíveis mas nenhuma respondente (classe vazia): junte-a a outra classe ou baixe o mínimo.`,
  'files.survey_id': (p) =>
    `'${p.survey}' não é um identificador de inquérito (letras minúsculas e algarismos).`,
  'files.no_folder': (p) =>
    `Não existe a pasta do inquérito ${p.folder}: crie-a ou verifique o identificador do inquérito.`,
  'files.missing': (p) =>
    `Falta ${p.path}: cada pasta de inquérito precisa ${{ profile: 'do seu perfil do inquérito', recipe: 'da sua receita de ponderação', design: 'do seu desenho' }[p.file]}.`,
  'files.not_json': (p) => `${p.path} não é JSON válido (${p.error}).`,
  'files.invalid': (p) => `${p.path} não é válido: ${p.problems.join('; ')}.`,
  'files.survey_mismatch': (p) =>
    `${p.path}: o inquérito (survey) é '${p.survey}', mas a pasta é '${p.folder}'.`,
  'files.persons_no_roster': (p) =>
    `${p.path}: persons: a receita pondera pessoas, mas o profile.json não descreve o agregado (roster): retire persons ou descreva o roster.`,
  'input.no_tables': (p) =>
    `A base de dados não tem as tabelas do Morabeza (${p.error}): verifique DATABASE_URL, ou inicie o servidor uma vez para as criar.`,
  'run.stopped': () => 'A ponderação foi parada enquanto o servidor encerrava.',
  'run.interrupted': () => 'interrompida por um reinício do servidor',
  'run.worker_exit': (p) =>
    `O processo da ponderação terminou com o código ${p.exit} antes de dar o resultado.`,
  'thread.exit': (p) =>
    `Um processo dos ponderadores replicados terminou com o código ${p.exit} antes de acabar as suas réplicas.`,
  'thread.error': (p) => `Um processo dos ponderadores replicados falhou: ${p.error}.`,
  'thread.count': (p) =>
    `Um processo dos ponderadores replicados encontrou ${p.found} réplicas, a ponderação ${p.expected}.`,
};

const fr: Sentences = {
  'input.no_units': () => "Aucune unité de l'échantillon à pondérer.",
  'input.probabilities': (p) =>
    `L'unité ${p.unit} (grappe ${p.cluster}) a pour probabilités d'inclusion pi1 = ${comma(p.pi1)}, pi2 = ${comma(p.pi2)} : toutes deux doivent être dans ]0 ; 1] ; enregistrez d'abord la sélection et le dénombrement de la grappe.`,
  'input.pi2_lost': (p) =>
    `Tirées dans l'échantillon par le dénombrement de leur grappe, mais sans probabilité d'inclusion du second degré (pi2) : ${names(p.units)} (grappe${p.clusters.length > 1 ? 's' : ''} ${names(p.clusters)}). Rétablissez le pi2 (enregistrez de nouveau le dénombrement de la grappe) ; seuls les ménages d'exercice ou de réserve, qu'aucun dénombrement n'a tirés, restent hors de la pondération.`,
  'input.no_sample': (p) =>
    `Aucune unité sélectionnée de l'enquête « ${p.survey} » dans ${p.source} : sélectionnez d'abord l'échantillon (et enregistrez les dénombrements).`,
  'input.no_respondents': () =>
    'Aucune unité répondante dans les états déjà analysés (ANALYSIS_STATES) : les réviseurs doivent approuver des entretiens avant la pondération.',
  'input.person_outside': (p) =>
    `La personne ${p.person} appartient à l'unité ${p.unit}, qui n'est pas dans l'échantillon.`,
  'input.person_nonrespondent': (p) =>
    `La personne ${p.person} appartient à l'unité ${p.unit}, qui n'est pas répondante.`,
  'recipe.no_persons': (p) =>
    `L'échantillon compte ${p.persons} personnes dans les ménages, mais la recette de pondération n'a pas de section persons : ajoutez-la (ou ne pondérez que les unités).`,
  'recipe.omit_unknown': (p) =>
    `Recette de pondération, ${p.where} : omit nomme « ${p.category} », qui n'est pas une catégorie des contrôles (${names(p.categories)}).`,
  'recipe.controls_path': (p) =>
    `Recette de pondération, ${p.where} : design.json n'a rien à « ${p.path} » (il manque « ${p.part} ») : corrigez le chemin.`,
  'recipe.controls_total': (p) =>
    `Recette de pondération, ${p.where} : le total de « ${p.category} » vaut ${p.value}, pas un nombre >= 0.`,
  'recipe.controls_table': (p) =>
    `Recette de pondération, ${p.where} : « ${p.design} » n'est pas une table de totaux.`,
  'recipe.controls_key': (p) =>
    `Recette de pondération, ${p.where} : « ${p.design} » est une liste : dites quel champ est la catégorie (key).`,
  'recipe.controls_row': (p) =>
    `Recette de pondération, ${p.where} : la ligne ${p.row} de « ${p.design} » n'a pas de « ${p.key} ».`,
  'recipe.controls_value': (p) =>
    `Recette de pondération, ${p.where} : « ${p.design} » est une liste : dites quel champ contient le total (value ou columns).`,
  'recipe.group_twice': (p) =>
    `Recette de pondération, variables.${p.variable} : « ${p.code} » est dans les groupes « ${p.first} » et « ${p.second} » : gardez-le dans un seul.`,
  'margin.missing_value': (p) =>
    `${level(p.level, "L'unité", 'La personne')} ${p.id} n'a pas de valeur pour la variable de calage « ${p.variable} » : corrigez les réponses ou donnez à la variable une catégorie pour les valeurs manquantes.`,
  'margin.unknown_category': (p) =>
    `Marge de calage « ${p.margin} » : la catégorie « ${p.category} » est dans les données mais pas dans les contrôles (${names(p.controls)}) : recodez les données ou ajoutez son total.`,
  'margin.empty_category': (p) =>
    `Marge de calage « ${p.margin} » : la catégorie de contrôle « ${p.category} » (total ${comma(p.total)}) n'a pas d'échantillon : regroupez-la avec une catégorie voisine dans les contrôles et les données.`,
  'margin.sum_mismatch': (p) =>
    `La marge de calage « ${p.margin} » totalise ${comma(p.sum)}, mais « ${p.first} » ${comma(p.total)} : les marges doivent décrire la même population.`,
  'calibration.no_convergence': (p) =>
    `${p.method === 'raking' ? 'Le calage par raking' : 'Le calage linéaire'} sur ${names(p.margins)} n'a pas convergé dans les bornes [${numbers(p.bounds, comma, ' ; ')}]. ${
      p.far === null
        ? 'Catégories non examinées'
        : `Les plus éloignées de leur total : ${far(p.far, (c) => `${c.margin}=${c.category} (pondéré ${comma(Number(c.weighted.toFixed(1)))} pour un contrôle de ${comma(c.control)} ; ses poids d'échantillon devraient être multipliés en moyenne par ${c.factor.toFixed(2).replace('.', ',')})`)}`
    } : élargissez les bornes ou regroupez ces catégories avec des voisines dans les contrôles et les données.`,
  'listing.none_screened': (p) =>
    `Grappe ${p.cluster} : aucune unité filtrée (E + I = ${p.screened}) : le dénombrement doit en filtrer au moins une, ou la recette doit retirer eligibilityUnknown.`,
  'cell.unknown': (p) =>
    `Non-réponse ${level(p.level, 'des unités', 'des personnes')} : une unité dans une classe inconnue, ${p.cell}.`,
  'cell.empty': (p) =>
    `Non-réponse ${level(p.level, 'des unités', 'des personnes')} : la classe de pondération ${p.cell} a des unités éligibles mais aucune répondante (classe vide) : regroupez-la avec une autre classe ou abaissez le minimum.`,
  'files.survey_id': (p) =>
    `« ${p.survey} » n'est pas un identifiant d'enquête (lettres minuscules et chiffres).`,
  'files.no_folder': (p) =>
    `Le dossier d'enquête ${p.folder} n'existe pas : créez-le ou vérifiez l'identifiant de l'enquête.`,
  'files.missing': (p) =>
    `${p.path} manque : chaque dossier d'enquête a besoin de ${{ profile: "son profil d'enquête", recipe: 'sa recette de pondération', design: 'son plan de sondage' }[p.file]}.`,
  'files.not_json': (p) => `${p.path} n'est pas du JSON valide (${p.error}).`,
  'files.invalid': (p) => `${p.path} n'est pas valide : ${p.problems.join(' ; ')}.`,
  'files.survey_mismatch': (p) =>
    `${p.path} : l'enquête (survey) est « ${p.survey} », mais le dossier est « ${p.folder} ».`,
  'files.persons_no_roster': (p) =>
    `${p.path} : persons : la recette pondère des personnes, mais profile.json ne décrit pas le ménage (roster) : retirez persons ou décrivez le roster.`,
  'input.no_tables': (p) =>
    `La base de données n'a pas les tables de Morabeza (${p.error}) : vérifiez DATABASE_URL, ou démarrez le serveur une fois pour les créer.`,
  'run.stopped': () => "La pondération a été arrêtée pendant l'extinction du serveur.",
  'run.interrupted': () => 'interrompue par un redémarrage du serveur',
  'run.worker_exit': (p) =>
    `Le processus de la pondération s'est terminé avec le code ${p.exit} avant de donner son résultat.`,
  'thread.exit': (p) =>
    `Un processus des poids répliqués s'est terminé avec le code ${p.exit} avant de finir ses répliques.`,
  'thread.error': (p) => `Un processus des poids répliqués a échoué : ${p.error}.`,
  'thread.count': (p) =>
    `Un processus des poids répliqués a trouvé ${p.found} répliques, la pondération ${p.expected}.`,
};

const kea: Sentences = {
  'input.no_units': () => 'Ka ten nenhun unidadi di amostra pa pondera.',
  'input.probabilities': (p) =>
    `Unidadi ${p.unit} (konglomeradu ${p.cluster}) ten probabilidadis di inkluzon pi1 = ${comma(p.pi1)}, pi2 = ${comma(p.pi2)}: es dos ten ki sta na ]0; 1]; rejista purmeru selekson i listajen di konglomeradu.`,
  'input.pi2_lost': (p) =>
    `Sorteadu na amostra pa listajen di se konglomeradu, ma sen probabilidadi di inkluzon di sugundu etapa (pi2): ${names(p.units)} (konglomeradu ${names(p.clusters)}). Poi pi2 otu bes (rejista listajen di konglomeradu otu bes); só agregadus di trenu o di rezerva, ki nenhun listajen ka sorteia, ta fika fora di ponderason.`,
  'input.no_sample': (p) =>
    `Ka ten nenhun unidadi selesionadu di inkéritu '${p.survey}' na ${p.source}: seleciona purmeru amostra (i rejista listajens).`,
  'input.no_respondents': () =>
    'Ka ten nenhun unidadi ki responde na stadus dja analizadu (ANALYSIS_STATES): revizoris ten ki aprova entrevistas antis di ponderason.',
  'input.person_outside': (p) => `Pesoa ${p.person} e di unidadi ${p.unit}, ki ka sta na amostra.`,
  'input.person_nonrespondent': (p) => `Pesoa ${p.person} e di unidadi ${p.unit}, ki ka responde.`,
  'recipe.no_persons': (p) =>
    `Amostra ten ${p.persons} pesoas na agregadus, ma reseita di ponderason ka ten sekson persons: djunta-l (o pondera só unidadis).`,
  'recipe.omit_unknown': (p) =>
    `Reseita di ponderason, ${p.where}: omit ta nomia '${p.category}', ki ka e un kategoria di kontrolus (${names(p.categories)}).`,
  'recipe.controls_path': (p) =>
    `Reseita di ponderason, ${p.where}: design.json ka ten nada na '${p.path}' (falta '${p.part}'): kurigi kaminhu.`,
  'recipe.controls_total': (p) =>
    `Reseita di ponderason, ${p.where}: total di '${p.category}' e ${p.value}, ka e un númeru >= 0.`,
  'recipe.controls_table': (p) =>
    `Reseita di ponderason, ${p.where}: '${p.design}' ka e un tabela di totais.`,
  'recipe.controls_key': (p) =>
    `Reseita di ponderason, ${p.where}: '${p.design}' e un lista: fla kal kampu ki e kategoria (key).`,
  'recipe.controls_row': (p) =>
    `Reseita di ponderason, ${p.where}: linha ${p.row} di '${p.design}' ka ten '${p.key}'.`,
  'recipe.controls_value': (p) =>
    `Reseita di ponderason, ${p.where}: '${p.design}' e un lista: fla kal kampu ki ten total (value o columns).`,
  'recipe.group_twice': (p) =>
    `Reseita di ponderason, variables.${p.variable}: '${p.code}' sta na grupus '${p.first}' i '${p.second}': dexa-l na un só.`,
  'margin.missing_value': (p) =>
    `${level(p.level, 'Unidadi', 'Pesoa')} ${p.id} ka ten valor pa variavel di kalibrason '${p.variable}': kurigi respostas o da variavel un kategoria pa valoris ki falta.`,
  'margin.unknown_category': (p) =>
    `Marjen di kalibrason '${p.margin}': kategoria '${p.category}' sta na dadus ma ka sta na kontrolus (${names(p.controls)}): rekodifika dadus o djunta se total.`,
  'margin.empty_category': (p) =>
    `Marjen di kalibrason '${p.margin}': kategoria di kontrolu '${p.category}' (total ${comma(p.total)}) ka ten amostra: djunta-l ku un kategoria vizinhu na kontrolus i na dadus.`,
  'margin.sum_mismatch': (p) =>
    `Marjen di kalibrason '${p.margin}' ta soma ${comma(p.sum)}, ma '${p.first}' ta soma ${comma(p.total)}: marjens ten ki diskrebe mésmu populason.`,
  'calibration.no_convergence': (p) =>
    `${p.method === 'raking' ? 'Ajustamentu iterativu (raking)' : 'Kalibrason linear'} pa ${names(p.margins)} ka konverji dentu di limitis [${numbers(p.bounds, comma, '; ')}]. ${
      p.far === null
        ? 'Kategorias ka ezaminadu'
        : `Mas lonji di ses total: ${far(p.far, (c) => `${c.margin}=${c.category} (ponderadu ${comma(Number(c.weighted.toFixed(1)))} pa un kontrolu di ${comma(c.control)}; se pezus di amostra ta presiza di ser multiplikadu en média pa ${c.factor.toFixed(2).replace('.', ',')})`)}`
    }: larga limitis o djunta kes kategoria ku vizinhus na kontrolus i na dadus.`,
  'listing.none_screened': (p) =>
    `Konglomeradu ${p.cluster}: nenhun unidadi triadu (E + I = ${p.screened}): listajen ten ki tria pelu menus un, o reseita ten ki tira eligibilityUnknown.`,
  'cell.unknown': (p) =>
    `Ka-resposta di ${level(p.level, 'unidadis', 'pesoas')}: un unidadi na un klasi diskonxedu, ${p.cell}.`,
  'cell.empty': (p) =>
    `Ka-resposta di ${level(p.level, 'unidadis', 'pesoas')}: klasi di ponderason ${p.cell} ten unidadis elejivel ma nenhun ki responde (klasi vaziu): djunta-l ku otu klasi o baxa minimu.`,
  'files.survey_id': (p) => `'${p.survey}' ka e un identifikador di inkéritu (letras pikinoti i algarismus).`,
  'files.no_folder': (p) => `Ka ten pasta di inkéritu ${p.folder}: kria-l o djobe identifikador di inkéritu.`,
  'files.missing': (p) =>
    `${p.path} ka sta la: kada pasta di inkéritu presiza di ${{ profile: 'se perfil di inkéritu', recipe: 'se reseita di ponderason', design: 'se dezenhu' }[p.file]}.`,
  'files.not_json': (p) => `${p.path} ka e JSON validu (${p.error}).`,
  'files.invalid': (p) => `${p.path} ka sta dretu: ${p.problems.join('; ')}.`,
  'files.survey_mismatch': (p) => `${p.path}: inkéritu (survey) e '${p.survey}', ma pasta e '${p.folder}'.`,
  'files.persons_no_roster': (p) =>
    `${p.path}: persons: reseita ta pondera pesoas, ma profile.json ka ta diskrebe agregadu (roster): tira persons o diskrebe roster.`,
  'input.no_tables': (p) =>
    `Baze di dadus ka ten tabelas di Morabeza (${p.error}): djobe DATABASE_URL, o kumesa servidor un bes pa kria-s.`,
  'run.stopped': () => 'Ponderason para enkuantu servidor sa ta fitxa.',
  'run.interrupted': () => 'interompidu pamodi servidor torna kumesa',
  'run.worker_exit': (p) => `Prosesu di ponderason kaba ku kódigu ${p.exit} antis di da se rezultadu.`,
  'thread.exit': (p) => `Un prosesu di pezus riplikadu kaba ku kódigu ${p.exit} antis di kaba se réplikas.`,
  'thread.error': (p) => `Un prosesu di pezus riplikadu falha: ${p.error}.`,
  'thread.count': (p) => `Un prosesu di pezus riplikadu atxa ${p.found} réplikas, ponderason ${p.expected}.`,
};

function level(l: RecordLevel, unit: string, person: string): string {
  return l === 'person' ? person : unit;
}

function far(cs: readonly FarCategory[], one: (c: FarCategory) => string): string {
  return cs.map(one).join('; ');
}

const SENTENCES: Record<FailureLang, Sentences> = { pt, en, fr, kea };

/** The detail's whole sentence in `lang`. */
export function detailText(lang: FailureLang, detail: WeightingDetail): string {
  const say = SENTENCES[lang][detail.key] as (p: WeightingDetail['params']) => string;
  return say(detail.params);
}

/** Whether a value read back (a stored report, a message from a thread) is a detail this code can say. */
export function isWeightingDetail(x: unknown): x is WeightingDetail {
  if (!x || typeof x !== 'object') return false;
  const { key, params } = x as { key?: unknown; params?: unknown };
  return (
    typeof key === 'string' && Object.hasOwn(DETAIL_CODES, key) && !!params && typeof params === 'object'
  );
}

/** The pipeline's error for `key`: its catalogue code, its English words, and the detail for the others. */
export function weightingError<K extends WeightingDetailKey>(
  key: K,
  params: WeightingDetailParams[K],
): WeightingError {
  const detail = { key, params } as WeightingDetail;
  return new WeightingError(detailText('en', detail), DETAIL_CODES[key], detail);
}
