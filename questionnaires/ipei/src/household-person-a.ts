/** Individual modules D (migration), E (legal status) and F (education, languages): proxy answers allowed. */
import { COUNTRIES, ISLANDS, LANGUAGES } from './codelists.ts';
import {
  type Choice,
  calc,
  check,
  DK,
  int,
  type Json,
  L,
  lookup,
  multi,
  multiLookup,
  RF,
  single,
  warn,
  YES_NO_DK,
} from './dsl.ts';

const OTHER: Choice = [96, L('Outro')];
const NONE: Choice = [0, L('Nenhum')];
const p = (n: string) => `{panel.${n}}`;

export const migration: Json[] = [
  // v3: years are checked against the interview's date (A07a), not the date of validation; no fixed cap
  int('d01_year_first', L('Em que ano veio viver para Cabo Verde pela primeira vez?'), 1900, 2100, {
    validators: [
      check(
        `${p('d01_year_first')} >= getYear({a07a_date}) - ${p('c05_age')} - 1`,
        L('Ano de chegada anterior ao nascimento.'),
      ),
      check(`${p('d01_year_first')} <= getYear({a07a_date})`, L('Ano no futuro.')),
      warn(`${p('d01_year_first')} >= 1975`, L('Chegada antes de 1975: confirme.')),
    ],
  }),
  single('d02_abroad_12m', L('Desde então, viveu fora de Cabo Verde 12 meses ou mais?'), YES_NO_DK),
  int('d03_year_recent', L('Ano da chegada mais recente'), 1900, 2100, {
    visibleIf: `${p('d02_abroad_12m')} = 1`,
    validators: [
      check(`${p('d03_year_recent')} <= getYear({a07a_date})`, L('Ano no futuro.')),
      check(
        `${p('d03_year_recent')} >= ${p('d01_year_first')}`,
        L('A chegada mais recente é anterior à primeira.'),
      ),
    ],
  }),
  lookup('d04_prev_country', L('País de residência antes de vir'), COUNTRIES, {
    validators: [check(`${p('d04_prev_country')} <> 'CV'`, L('O país anterior não pode ser Cabo Verde.'))],
  }),
  single('d05_reason', L('Principal motivo para vir'), [
    [1, L('Juntar-se à família / reagrupamento')],
    [2, L('Casamento')],
    [3, L('Emprego já arranjado')],
    [4, L('Procurar trabalho')],
    [5, L('Comércio ou negócio próprio')],
    [6, L('Estudar')],
    [7, L('Transferido por empregador / organização internacional')],
    [8, L('Proteção/asilo')],
    [9, L('Trânsito para outro país')],
    [10, L('Reforma/estilo de vida')],
    OTHER,
  ]),
  single('d06_how_arrived', L('Como chegou?'), [[1, L('Avião')], [2, L('Barco')], OTHER]),
  single('d07_entry_document', L('Documento de entrada'), [
    [1, L('Só passaporte (CEDEAO, sem visto)')],
    [2, L('Visto de curta duração/turismo')],
    [3, L('Visto de estada temporária (trabalho/estudo)')],
    [4, L('Visto de residência')],
    OTHER,
    [5, L('Nenhum')],
  ]),
  single('d08_first_island', L('Ilha da primeira residência em Cabo Verde'), ISLANDS),
  multi(
    'd09_help',
    L('Alguém ajudou a organizar a vinda?'),
    [
      [1, L('Família/amigos em Cabo Verde')],
      [2, L('Empregador')],
      [3, L('Agência ou intermediário')],
    ],
    { none: [0, L('Ninguém')] },
  ),
  int('d10_cost', L('Custo total da viagem (CVE; -98 não sabe, -99 recusa)'), 0, 5000000, {
    special: [-98, -99],
    required: false,
  }),
];

/** v3: E01's code for a person who also holds Cabo Verdean citizenship (no residence status needed). */
const CV_NATIONAL = 9;
const cvNational = `(${p('c07_nationality1')} = 'CV' or ${p('c08a_nationality2')} = 'CV')`;
const foreignOnly = `(${p('c07_nationality1')} <> 'CV' and ${p('c08a_nationality2')} <> 'CV')`;

export const legal: Json[] = [
  single(
    'e01_residence_status',
    L('Situação atual quanto à residência'),
    [
      [1, L('Título de residência (TRE) temporário válido')],
      [2, L('Residência permanente')],
      [3, L('TRE caducado, renovação pendente')],
      [4, L('Primeiro pedido pendente')],
      [5, L('Visto válido (estada temporária, trabalho ou estudo)')],
      [6, L('Cidadão CEDEAO dentro da estada autorizada')],
      [7, L('Sem documento')],
      [8, L('Estatuto diplomático/internacional')],
      [CV_NATIONAL, L('Não precisa: tem nacionalidade cabo-verdiana')],
      DK,
      RF,
    ],
    {
      // v3: a Cabo Verdean national (first or second citizenship) needs no foreigner's residence status
      validators: [
        check(
          `${foreignOnly} or ${p('e01_residence_status')} noneof [1, 2, 3, 4, 5, 6, 7]`,
          L(
            'Tem nacionalidade cabo-verdiana (C07/C08A): não tem estatuto de residência de estrangeiro; escolha “Não precisa” ou corrija a nacionalidade.',
          ),
        ),
        check(
          `${cvNational} or ${p('e01_residence_status')} <> ${CV_NATIONAL}`,
          L(
            '“Não precisa: tem nacionalidade cabo-verdiana” exige a nacionalidade cabo-verdiana em C07 ou C08A.',
          ),
        ),
      ],
    },
  ),
  single(
    'e02_regularisation',
    L('Candidatou-se à regularização extraordinária de 2022?'),
    [
      [1, L('Sim, concedida')],
      [2, L('Sim, pendente')],
      [3, L('Sim, recusada')],
      [4, L('Não, não precisava')],
      [5, L('Não, não sabia')],
      [6, L('Não, outro motivo')],
    ],
    { visibleIf: `${p('e01_residence_status')} noneof [8, ${CV_NATIONAL}]` },
  ),
  multi(
    'e03_doc_difficulties',
    L('Principais dificuldades para obter documentos'),
    [
      [1, L('Custos')],
      [2, L('Documentos do país de origem')],
      [3, L('Certificado de registo criminal')],
      [4, L('Prova de rendimentos')],
      [5, L('Tempo de espera')],
      [6, L('Língua')],
      [7, L('Falta de informação')],
    ],
    { none: [0, L('Nenhuma')] },
  ),
  single('e04_nif', L('Tem número de identificação fiscal (NIF)?'), YES_NO_DK),
  single('e05_inps', L('Está inscrito(a) no INPS?'), YES_NO_DK),
  single(
    'e06_nationality_intent',
    L('Tenciona pedir a nacionalidade cabo-verdiana?'),
    [[1, L('Já pediu')], [2, L('Tenciona pedir')], [3, L('Não')], DK],
    { visibleIf: `${p('c07_nationality1')} <> 'CV' and ${p('c08a_nationality2')} <> 'CV'` },
  ),
  single('e07_passport', L('Tem passaporte válido do seu país?'), YES_NO_DK, {
    required: false,
    visibleIf: `${p('c07_nationality1')} <> 'XX'`,
  }),
];

const SCALE: Choice[] = [
  [1, L('Muito bem')],
  [2, L('Bem')],
  [3, L('Um pouco')],
  [4, L('Nada')],
];
const higher = [31, 32, 4, 5, 6, 7, 8];
/** v3: F02's codes by ordered level (the index): none, primary incomplete, ISCED 1, 2, 3 (general or vocational), 4-8. */
const EDU_ORDER = [[0], [10], [1], [2], [31, 32], [4], [5], [6], [7], [8]];

export const education: Json[] = [
  single('f01_literate', L('Sabe ler e escrever em alguma língua?'), YES_NO_DK),
  single(
    'f02_education',
    L('Nível de ensino mais elevado concluído'),
    [
      NONE,
      [10, L('Primário incompleto')],
      [1, L('Primário / ensino básico (CITE 1)')],
      [2, L('Secundário inferior (CITE 2)')],
      [31, L('Secundário geral (CITE 3)')],
      [32, L('Secundário profissional (CITE 3)')],
      [4, L('Pós-secundário não superior (CITE 4)')],
      [5, L('Superior de ciclo curto (CITE 5)')],
      [6, L('Licenciatura (CITE 6)')],
      [7, L('Mestrado (CITE 7)')],
      [8, L('Doutoramento (CITE 8)')],
      DK,
    ],
    {
      validators: [
        warn(
          `${p('f01_literate')} = 1 or ${p('f02_education')} noneof [${higher.join(', ')}]`,
          L('Não sabe ler mas tem secundário ou mais: confirme.'),
        ),
      ],
    },
  ),
  // v3: F02's codes are not in order (10 = primary incomplete, 31/32 both ISCED 3): an ordered level
  calc(
    'f02b_edu_level',
    L(
      'Nível de ensino ordenado (0 nenhum, 1 primário incompleto, 2 primário, 3 secundário inferior, 4 secundário, 5 pós-secundário, 6 superior curto, 7 licenciatura, 8 mestrado, 9 doutoramento)',
    ),
    EDU_ORDER.reduceRight(
      (rest, codes, level) => `iif(${p('f02_education')} anyof [${codes.join(', ')}], ${level}, ${rest})`,
      "''",
    ),
  ),
  // v3: years of schooling beside the level, checked against the level and the age
  int(
    'f02a_years_school',
    L('Quantos anos de escolaridade completou com aproveitamento? (-98 não sabe)'),
    0,
    30,
    {
      special: [-98],
      validators: [
        check(
          `${p('f02a_years_school')} empty or ${p('f02a_years_school')} < 0 or ${p('f02a_years_school')} <= ${p('c05_age')} - 3`,
          L('Mais anos de escolaridade do que a idade permite (idade menos 3).'),
        ),
        check(
          `${p('f02_education')} <> 0 or ${p('f02a_years_school')} empty or ${p('f02a_years_school')} <= 0`,
          L(
            'Nenhum nível concluído (F02) mas com anos de escolaridade: escolha “Primário incompleto” ou corrija.',
          ),
        ),
        warn(
          `${p('f02a_years_school')} empty or ${p('f02a_years_school')} < 0 or ${p('f02a_years_school')} >= 9 or ${p('f02_education')} noneof [${higher.join(', ')}]`,
          L('Secundário ou mais com menos de 9 anos de escolaridade: confirme.'),
        ),
      ],
    },
  ),
  lookup('f03_edu_country', L('País onde obteve esse nível'), COUNTRIES, {
    visibleIf: `${p('f02_education')} noneof [0, 98]`,
  }),
  single(
    'f04_recognised',
    L('O diploma está reconhecido em Cabo Verde?'),
    [
      [1, L('Sim')],
      [2, L('Pedido pendente')],
      [3, L('Não pediu')],
      [4, L('Recusado')],
    ],
    { visibleIf: `${p('f02_education')} anyof [${higher.join(', ')}] and ${p('f03_edu_country')} <> 'CV'` },
  ),
  single('f05_studying', L('Está atualmente a estudar ou em formação?'), YES_NO_DK),
  multiLookup('f06_mother_tongue', L('Língua(s) materna(s) (máximo 2)'), LANGUAGES, {
    maxSelectedChoices: 2,
  }),
  multiLookup('f07_other_languages', L('Outras línguas que fala'), LANGUAGES, { required: false }),
  // v3: a mother tongue (F06) the person does not speak at all is a contradiction
  single('f08_pt_speak', L('Como fala português?'), SCALE, {
    validators: [
      check(
        `${p('f06_mother_tongue')} notcontains 'pt' or ${p('f08_pt_speak')} <> 4`,
        L('O português é língua materna (F06) mas “não fala nada” (F08): corrija uma das respostas.'),
      ),
    ],
  }),
  single('f09_pt_understand', L('Como compreende português?'), SCALE, {
    visibleIf: `${p('f08_pt_speak')} <> 1`,
  }),
  single('f10_kea_speak', L('Como fala crioulo cabo-verdiano?'), SCALE, {
    validators: [
      check(
        `${p('f06_mother_tongue')} notcontains 'kea' or ${p('f10_kea_speak')} <> 4`,
        L('O crioulo é língua materna (F06) mas “não fala nada” (F10): corrija uma das respostas.'),
      ),
    ],
  }),
  single('f11_pt_course', L('Frequentou um curso de português em Cabo Verde?'), [
    [1, L('Não')],
    [2, L('Sim, AAI/ULI')],
    [3, L('Sim, escola')],
    [4, L('Sim, igreja ou associação')],
    [5, L('Sim, outro')],
  ]),
];
