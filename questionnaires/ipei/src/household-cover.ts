/** Modules A (cover and consent), B (screener) and C (household roster) of the IPEI household interview. */
import { COUNTRIES, ISLANDS, MUNICIPALITIES, NATIONALITIES } from './codelists.ts';
import {
  type Choice,
  calc,
  check,
  date,
  int,
  type Json,
  L,
  lookup,
  note,
  panelize,
  single,
  text,
  warn,
  YES_NO,
  YES_NO_DK,
} from './dsl.ts';

const pre = {
  readOnly: true,
  description: L('Pré-carregado da atribuição.'),
};
const municipalities = MUNICIPALITIES.map(([iso, name]) => ({ value: iso, text: name }));

/**
 * v3: read aloud before A10 (who asks, why, voluntary, confidential under statistical secrecy, nothing
 * passed on to the police, immigration or tax services); refusal at A10 ends the interview, result 13.
 */
const CONSENT_SCRIPT = L(
  '<p><b>Leia ao respondente antes de começar:</b></p><p>Bom dia / boa tarde. Chamo-me … e trabalho no Inquérito à População Estrangeira e Imigrante, do Instituto Nacional de Estatística (INE) com a Alta Autoridade para a Imigração (AAI). Queremos conhecer as condições de vida, o trabalho e a integração das pessoas estrangeiras e imigrantes em Cabo Verde. A participação é voluntária: pode recusar, não responder a uma pergunta ou parar quando quiser, sem nenhuma consequência. As respostas são confidenciais e protegidas pelo segredo estatístico: servem só para estatísticas, nunca são publicadas com o seu nome e não são entregues a ninguém, nem à polícia, aos serviços de imigração ou às Finanças. Não lhe vamos pedir para mostrar documentos.</p><p><i>Entrevistador: responda A10 depois de ler este texto. Se recusar, a entrevista termina aqui (resultado 13).</i></p>',
);

export const coverPage: Json = {
  name: 'a_cover',
  title: L('A. Capa e consentimento'),
  elements: [
    calc('a01_key', L('Chave da entrevista'), "{a04_ea} + '-' + {a05_dwelling} + '-' + {a06_household}"),
    lookup('a02_island', L('Ilha'), ISLANDS, pre),
    {
      type: 'dropdown',
      name: 'a03_municipality',
      title: L('Concelho'),
      choices: municipalities,
      searchEnabled: true,
      isRequired: true,
      ...pre,
    },
    text('a04_ea', L('Código do distrito de recenseamento (DR)'), pre),
    int('a05_dwelling', L('Número do alojamento na listagem'), 1, 9999, pre),
    int('a06_household', L('Número do agregado no alojamento'), 1, 9, pre),
    text('a06b_gps', L('GPS (automático)'), { readOnly: true, required: false }),
    int('a07_visit', L('Número da visita'), 1, 3),
    // v3: the interview's date (the reference dates follow it) and a log of every visit
    date('a07a_date', L('Data da entrevista (desta visita)'), {
      defaultValueExpression: 'today()',
      validators: [check('{a07a_date} <= today()', L('A data da entrevista está no futuro.'))],
    }),
    {
      type: 'paneldynamic',
      name: 'a07b_visits',
      title: L('Registo de visitas (uma linha por visita, incluindo esta)'),
      templateTitle: L('Visita {panelIndex}'),
      minPanelCount: 1,
      maxPanelCount: 3,
      isRequired: true,
      validators: [
        check(
          "countInArray({a07b_visits}, 'a07e_visit_result') = {a07_visit}",
          L('O registo de visitas deve ter uma linha por visita (A07).'),
        ),
      ],
      templateElements: panelize([
        date('a07c_visit_date', L('Data da visita')),
        text('a07d_visit_time', L('Hora da visita'), { inputType: 'time', required: false }),
        single('a07e_visit_result', L('Resultado da visita'), [
          [1, L('Contacto: entrevista feita ou continuada')],
          [2, L('Sem contacto: ninguém em casa')],
          [3, L('Contacto: marcada nova visita')],
          [4, L('Contacto: recusa')],
          [96, L('Outro')],
        ]),
      ]),
    },
    single('a07f_contact', L('Houve contacto com o agregado nesta visita?'), YES_NO),
    single(
      'a08_language',
      L('Língua da entrevista'),
      [
        [1, L('Português')],
        [2, L('Kriolu cabo-verdiano')],
        [3, L('Francês')],
        [4, L('Inglês')],
        [5, L('Wolof')],
        [6, L('Mandarim')],
        [96, L('Outra, com intérprete')],
      ],
      { visibleIf: '{a07f_contact} = 1' },
    ),
    single(
      'a09_interpreter',
      L('Foi usado intérprete?'),
      [
        [1, L('Não')],
        [2, L('Sim, membro do agregado')],
        [3, L('Sim, mediador da AAI/ULI')],
        [4, L('Sim, outro')],
      ],
      { visibleIf: '{a07f_contact} = 1 and {a08_language} <> 1' },
    ),
    // v3: the consent and confidentiality script the enumerator reads before asking A10
    note('a10s_script', CONSENT_SCRIPT, { visibleIf: '{a07f_contact} = 1' }),
    single(
      'a10_consent',
      L('Depois de ler a informação sobre o inquérito, aceita participar?'),
      // v2: a visit without anyone to ask (no one at home, language barrier, other) is recorded here,
      // then its result (14-16) at the end; v1 could only record a refusal.
      [
        ...YES_NO,
        [
          3,
          L(
            'Entrevista impossível: ninguém em casa, barreira linguística ou outro motivo (registe o resultado no fim)',
          ),
        ] as Choice,
      ],
      // v3: a visit without contact asks nothing else
      { visibleIf: '{a07f_contact} = 1' },
    ),
  ],
};

/** v3: the screener decides who is rostered (anyone possibly in scope), the roster decides eligibility. */
const rostered = '{a10_consent} = 1 and {b05s_screen} <> 0';

export const screenerPage: Json = {
  name: 'b_screener',
  title: L('B. Triagem e elegibilidade'),
  visibleIf: '{a10_consent} = 1',
  elements: [
    note(
      'b00_population',
      L(
        'População do inquérito: estrangeiro = primeira nacionalidade não cabo-verdiana (ou apátrida); imigrante = nascido fora de Cabo Verde. Registe no roster todos os agregados com um estrangeiro, um nascido no estrangeiro ou quando não se sabe; a elegibilidade decide-se no roster.',
      ),
    ),
    int('b01_residents', L('Quantas pessoas residem habitualmente neste agregado?'), 1, 30, {
      validators: [warn('{b01_residents} <= 12', L('Mais de 12 residentes: confirme.'))],
    }),
    single(
      'b02_foreign_nat',
      L('Algum residente habitual tem nacionalidade diferente da cabo-verdiana?'),
      YES_NO_DK,
    ),
    single('b03_stateless', L('Algum residente habitual é apátrida (sem nacionalidade)?'), YES_NO),
    single('b04_foreign_born', L('Algum residente habitual nasceu fora de Cabo Verde?'), YES_NO),
    calc(
      'b05s_screen',
      L('Triagem (1 elegível, 3 só nascido no estrangeiro, 98 não sabe, 0 não elegível)'),
      'iif({b02_foreign_nat} = 1 or {b03_stateless} = 1, 1, iif({b02_foreign_nat} = 98, 98, iif({b04_foreign_born} = 1, 3, 0)))',
    ),
    calc(
      'b05_eligible',
      L('Agregado elegível: algum membro elegível no roster (1 = sim)'),
      'iif({hh_n_eligible} >= 1, 1, 0)',
    ),
    calc(
      'b05a_extended_only',
      L('Só no universo alargado (nascido no estrangeiro)'),
      'iif({b05_eligible} = 0 and {hh_n_born_abroad} >= 1, 1, 0)',
    ),
  ],
};

const relationship: Choice[] = [
  [1, L('Representante do agregado')],
  [2, L('Cônjuge/companheiro(a)')],
  [3, L('Filho(a)')],
  [4, L('Enteado(a)')],
  [5, L('Pai/mãe/sogro(a)')],
  [6, L('Irmão/irmã')],
  [7, L('Neto(a)')],
  [8, L('Outro parente')],
  [9, L('Não parente (incl. empregado doméstico)')],
  [96, L('Outro')],
];
const marital: Choice[] = [
  [1, L('Solteiro(a)')],
  [2, L('Casado(a)')],
  [3, L('União de facto')],
  [4, L('Separado(a)/divorciado(a)')],
  [5, L('Viúvo(a)')],
];

export const rosterPage: Json = {
  name: 'c_roster',
  title: L('C. Composição do agregado'),
  visibleIf: rostered,
  elements: [
    {
      type: 'paneldynamic',
      name: 'members',
      title: L('Residentes habituais'),
      templateTitle: L('Linha {panelIndex}: {panel.c01_name}'),
      minPanelCount: 1,
      maxPanelCount: 30,
      isRequired: true,
      validators: [
        check(
          "countInArray({members}, 'c01_name') = {b01_residents}",
          L('O número de linhas difere do número de residentes (B01).'),
        ),
        check(
          "countInArray({members}, 'c02_relationship', '{c02_relationship} = 1') = 1",
          L('O agregado tem um e um só representante (relação 1 em C02).'),
        ),
        warn(
          "{b05s_screen} <> 1 or sumInArray({members}, 'c13_eligible') >= 1",
          L('Nenhum membro elegível, mas B02/B03 disse que sim: confirme.'),
        ),
      ],
      templateElements: panelize([
        calc('c00_line', L('Linha'), '{panelIndex} + 1'),
        text('c01_name', L('Primeiro nome')),
        single('c02_relationship', L('Relação com o representante do agregado'), relationship, {
          validators: [
            warn(
              '{panel.c02_relationship} <> 2 or {panel.c05_age} >= 15',
              L('Cônjuge com menos de 15 anos: confirme.'),
            ),
          ],
        }),
        single('c03_sex', L('Sexo'), [
          [1, L('Masculino')],
          [2, L('Feminino')],
        ]),
        date('c04_birth_date', L('Data de nascimento (deixe vazio se não sabe)'), { required: false }),
        int('c05_age', L('Idade em anos completos'), 0, 110, {
          validators: [
            check(
              '{panel.c04_birth_date} empty or age({panel.c04_birth_date}) = {panel.c05_age}',
              L('A idade não corresponde à data de nascimento.'),
            ),
            warn('{panel.c05_age} <= 95', L('Idade acima de 95: confirme.')),
          ],
        }),
        lookup('c06_birth_country', L('País de nascimento'), COUNTRIES),
        lookup('c06a_birth_island', L('Ilha de nascimento'), ISLANDS, {
          visibleIf: "{panel.c06_birth_country} = 'CV'",
        }),
        lookup('c07_nationality1', L('Nacionalidade'), NATIONALITIES),
        single('c08_other_nationality', L('Tem outra nacionalidade?'), YES_NO, {
          visibleIf: "{panel.c07_nationality1} <> 'XX'",
        }),
        lookup('c08a_nationality2', L('Qual é a outra nacionalidade?'), COUNTRIES, {
          visibleIf: '{panel.c08_other_nationality} = 1',
          validators: [
            check(
              '{panel.c08a_nationality2} <> {panel.c07_nationality1}',
              L('A segunda nacionalidade repete a primeira.'),
            ),
          ],
        }),
        single(
          'c09_first_nationality',
          L('Qual é a primeira (principal) nacionalidade?'),
          [
            [1, L('A indicada em C07')],
            [2, L('A indicada em C08')],
          ],
          { visibleIf: '{panel.c08_other_nationality} = 1' },
        ),
        single('c10_marital', L('Estado civil'), marital, { visibleIf: '{panel.c05_age} >= 15' }),
        single('c11_cv_ancestry', L('Tem pai, mãe ou avô/avó nascido(a) em Cabo Verde?'), YES_NO_DK, {
          visibleIf: '{panel.c13_eligible} = 1',
        }),
        single('c12_in_school', L('Frequenta atualmente a escola ou formação?'), YES_NO, {
          visibleIf: '{panel.c05_age} >= 4 and {panel.c05_age} <= 24',
        }),
        calc(
          'c13a_first_nationality',
          L('Primeira nacionalidade'),
          'iif({panel.c08_other_nationality} = 1 and {panel.c09_first_nationality} = 2, {panel.c08a_nationality2}, {panel.c07_nationality1})',
        ),
        calc(
          'c13_eligible',
          L('Pessoa elegível (1 = sim)'),
          "iif({panel.c13a_first_nationality} notempty and {panel.c13a_first_nationality} <> 'CV', 1, 0)",
        ),
        calc(
          'c13b_born_abroad',
          L('Nascido(a) no estrangeiro (1 = sim)'),
          "iif({panel.c06_birth_country} notempty and {panel.c06_birth_country} <> 'CV', 1, 0)",
        ),
        calc(
          'c13c_extended',
          L('Universo alargado: cabo-verdiano(a) nascido(a) no estrangeiro (1 = sim)'),
          'iif({panel.c13_eligible} = 0 and {panel.c13b_born_abroad} = 1, 1, 0)',
        ),
        calc(
          'c14_individual',
          L('Precisa de entrevista individual (1 = sim)'),
          'iif({panel.c13_eligible} = 1 and {panel.c05_age} >= 15, 1, 0)',
        ),
      ]),
    },
  ],
};
