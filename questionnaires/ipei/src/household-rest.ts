/** Module H (housing, household level), individual self-response modules I to M, and Z (closing). */
import { COUNTRIES } from './codelists.ts';
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
  RF,
  single,
  warn,
  YES_NO,
} from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const OTHER: Choice = [96, L('Outro')];
const NONE: Choice = [0, L('Nenhum')];
const c = (v: number, pt: string): Choice => [v, L(pt)];

/** v3: household monthly income bands (CVE): code, upper bound (exclusive; null for the top band), label. */
export const HH_INCOME_BANDS: [number, number | null, string][] = [
  [1, 15000, 'Menos de 15 000 CVE'],
  [2, 30000, '15 000–29 999 CVE'],
  [3, 50000, '30 000–49 999 CVE'],
  [4, 100000, '50 000–99 999 CVE'],
  [5, 200000, '100 000–199 999 CVE'],
  [6, null, '200 000 CVE ou mais'],
];

export const housing: Json[] = [
  single('h01_dwelling_type', L('Tipo de alojamento'), [
    c(1, 'Moradia'),
    c(2, 'Apartamento'),
    c(3, 'Quarto em casa partilhada'),
    c(4, 'Barraca/contentor'),
    c(5, 'Alojamento do empregador/coletivo'),
    OTHER,
  ]),
  single('h02_tenure', L('Regime de ocupação'), [
    c(1, 'Proprietário, pago'),
    c(2, 'Proprietário, a pagar'),
    c(3, 'Arrendado'),
    c(4, 'Cedido pelo empregador'),
    c(5, 'Cedido gratuitamente por família/outros'),
    c(6, 'Ocupado sem título'),
    OTHER,
  ]),
  int('h03_rent', L('Renda mensal (CVE; -98 não sabe, -99 recusa)'), 0, 1000000, {
    special: [-98, -99],
    visibleIf: '{h02_tenure} = 3',
    validators: [warn('{h03_rent} < 0 or {h03_rent} <= 150000', L('Renda acima de 150 000 CVE: confirme.'))],
  }),
  int('h04_sleeping_rooms', L('Divisões usadas para dormir'), 1, 20, {
    validators: [
      warn('{h04_sleeping_rooms} <= {b01_residents}', L('Mais quartos do que residentes: confirme.')),
    ],
  }),
  single('h05_water', L('Principal fonte de água para beber'), [
    c(1, 'Rede pública dentro de casa'),
    c(2, 'Chafariz'),
    c(3, 'Autotanque'),
    c(4, 'Vizinho'),
    c(5, 'Engarrafada'),
    OTHER,
  ]),
  single('h06_lighting', L('Principal fonte de iluminação'), [
    c(1, 'Eletricidade pública'),
    c(2, 'Gerador'),
    c(3, 'Solar'),
    c(4, 'Velas/petróleo'),
    OTHER,
  ]),
  single('h07_toilet', L('Casa de banho'), [
    c(1, 'Com autoclismo, dentro'),
    c(2, 'Com autoclismo, fora'),
    c(3, 'Nenhuma/outra'),
  ]),
  multi(
    'h08_assets',
    L('Bens do agregado'),
    [
      c(1, 'Frigorífico'),
      c(2, 'Televisão'),
      c(3, 'Telemóvel'),
      c(4, 'Internet em casa'),
      c(5, 'Carro'),
      c(6, 'Mota'),
    ],
    { none: NONE, required: false },
  ),
  calc(
    'h09_crowding',
    L('Pessoas por divisão de dormir'),
    'round({b01_residents} / {h04_sleeping_rooms}, 2)',
  ),
  // v3: the household's economic condition: its total monthly income in bands (with "don't know"; checked
  // against the members' job incomes on Z05) and the ability to make ends meet (EU-SILC HS120 wording)
  single(
    'h10_hh_income_band',
    L(
      'Somando todos os membros e todas as fontes (trabalho, pensões, remessas recebidas, apoios), qual é o rendimento mensal líquido do agregado?',
    ),
    [...HH_INCOME_BANDS.map(([code, , label]): Choice => c(code, label)), DK, RF],
  ),
  single('h11_make_ends_meet', L('Com o rendimento total do agregado, como consegue chegar ao fim do mês?'), [
    c(1, 'Com muita dificuldade'),
    c(2, 'Com dificuldade'),
    c(3, 'Com alguma dificuldade'),
    c(4, 'Com alguma facilidade'),
    c(5, 'Com facilidade'),
    c(6, 'Com muita facilidade'),
    DK,
    RF,
  ]),
];

const always = c(1, 'Sempre');
// v3: the Washington Group Short Set (WG-SS), six domains, and its disability identifier (at least one
// domain with "a lot of difficulty" or "cannot do at all")
const WG: [string, string][] = [
  ['seeing', 'Tem dificuldade em ver, mesmo usando óculos?'],
  ['hearing', 'Tem dificuldade em ouvir, mesmo usando aparelho auditivo?'],
  ['walking', 'Tem dificuldade em andar ou subir degraus?'],
  ['remembering', 'Tem dificuldade em lembrar-se de coisas ou em concentrar-se?'],
  ['selfcare', 'Tem dificuldade em cuidar de si próprio(a), como lavar-se todo(a) ou vestir-se?'],
  [
    'communicating',
    'Usando a sua língua habitual, tem dificuldade em comunicar, por exemplo, em compreender os outros ou em ser compreendido(a)?',
  ],
];
const wgName = (i: number, key: string) => `i07${'abcdef'[i]}_wg_${key}`;
const wgScale: Choice[] = [
  c(1, 'Não, nenhuma dificuldade'),
  c(2, 'Sim, alguma dificuldade'),
  c(3, 'Sim, muita dificuldade'),
  c(4, 'Não consegue de todo'),
  DK,
  RF,
];
export const health: Json[] = [
  // v3: self-rated health (the minimum European health module's wording) before the questions on services
  single('i06_self_health', L('Em geral, como considera o seu estado de saúde?'), [
    c(1, 'Muito bom'),
    c(2, 'Bom'),
    c(3, 'Razoável'),
    c(4, 'Mau'),
    c(5, 'Muito mau'),
    DK,
    RF,
  ]),
  ...WG.map(([key, title], i) => single(wgName(i, key), L(title), wgScale)),
  calc(
    'i08_wg_disability',
    L('Deficiência segundo o WG-SS (1 = muita dificuldade ou não consegue num domínio ou mais)'),
    `iif(${WG.map(([key], i) => `${p(wgName(i, key))} anyof [3, 4]`).join(' or ')}, 1, 0)`,
  ),
  single('i01_health_cover', L('Cobertura de saúde'), [
    c(1, 'INPS'),
    c(2, 'Seguro privado'),
    c(3, 'Nenhuma'),
    DK,
  ]),
  single('i02_care_needed', L('Precisou de cuidados médicos nos últimos 12 meses?'), YES_NO),
  single('i03_care_obtained', L('Conseguiu obtê-los?'), [always, c(2, 'Às vezes'), c(3, 'Nunca')], {
    visibleIf: `${p('i02_care_needed')} = 1`,
  }),
  multi(
    'i04_care_barriers',
    L('Motivos para não obter'),
    [
      c(1, 'Custo'),
      c(2, 'Falta de documentos'),
      c(3, 'Língua'),
      c(4, 'Não sabia onde'),
      c(5, 'Tempo de espera'),
      c(6, 'Sentiu-se discriminado(a)'),
      OTHER,
    ],
    { visibleIf: `${p('i03_care_obtained')} anyof [2, 3]` },
  ),
  single('i05_aai_use', L('Já recorreu à AAI ou a uma Unidade Local de Imigração?'), [
    c(1, 'Sim, últimos 12 meses'),
    c(2, 'Sim, antes'),
    c(3, 'Não, mas conhece'),
    c(4, 'Nunca ouviu falar'),
  ]),
];

export const remittances: Json[] = [
  single('j01_remit', L('Nos últimos 12 meses enviou dinheiro ou bens para o estrangeiro?'), YES_NO),
  lookup('j02_remit_country', L('Principal país de destino'), COUNTRIES, {
    visibleIf: `${p('j01_remit')} = 1`,
    validators: [check(`${p('j02_remit_country')} <> 'CV'`, L('O destino deve ser no estrangeiro.'))],
  }),
  single(
    'j03_remit_frequency',
    L('Com que frequência?'),
    [
      c(1, 'Mensalmente'),
      c(2, 'Cada 2–3 meses'),
      c(3, 'Algumas vezes por ano'),
      c(4, 'Uma vez'),
      c(5, 'Irregularmente'),
    ],
    { visibleIf: `${p('j01_remit')} = 1` },
  ),
  int('j04_remit_amount', L('Montante médio por mês (CVE; -98 não sabe, -99 recusa)'), 0, 2000000, {
    special: [-98, -99],
    visibleIf: `${p('j01_remit')} = 1`,
    validators: [
      warn(
        `${p('j04_remit_amount')} < 0 or ${p('j04_remit_amount')} <= 200000`,
        L('Mais de 200 000 CVE por mês: confirme.'),
      ),
    ],
  }),
  // v3: the value sent over the 12 months, the main recipient and the cost of the last transfer (SDG 10.c.1)
  int(
    'j09_remit_total_12m',
    L('Valor total enviado nos últimos 12 meses, em dinheiro e bens (CVE; -98 não sabe, -99 recusa)'),
    0,
    20000000,
    {
      special: [-98, -99],
      visibleIf: `${p('j01_remit')} = 1`,
      validators: [
        check(
          `${p('j03_remit_frequency')} <> 1 or ${p('j04_remit_amount')} empty or ${p('j09_remit_total_12m')} empty or ${p('j04_remit_amount')} < 0 or ${p('j09_remit_total_12m')} < 0 or ${p('j09_remit_total_12m')} >= ${p('j04_remit_amount')}`,
          L(
            'Envia todos os meses: o total de 12 meses (J09) não pode ser menor que o montante mensal (J04).',
          ),
        ),
      ],
    },
  ),
  single(
    'j10_remit_recipient',
    L('A quem enviou principalmente?'),
    [
      c(1, 'Cônjuge/companheiro(a)'),
      c(2, 'Filho(s)/filha(s)'),
      c(3, 'Pai/mãe'),
      c(4, 'Irmão/irmã'),
      c(5, 'Outro familiar'),
      c(6, 'Amigo(a) ou outra pessoa'),
      c(7, 'Associação, comunidade ou igreja'),
      OTHER,
    ],
    { visibleIf: `${p('j01_remit')} = 1` },
  ),
  int('j11_last_amount', L('Último envio: montante enviado (CVE; -98 não sabe, -99 recusa)'), 0, 2000000, {
    special: [-98, -99],
    visibleIf: `${p('j01_remit')} = 1`,
    validators: [
      check(
        `${p('j09_remit_total_12m')} empty or ${p('j11_last_amount')} empty or ${p('j09_remit_total_12m')} < 0 or ${p('j11_last_amount')} < 0 or ${p('j11_last_amount')} <= ${p('j09_remit_total_12m')}`,
        L('O último envio (J11) não pode ser maior que o total dos últimos 12 meses (J09).'),
      ),
    ],
  }),
  int(
    'j12_last_fee',
    L('Último envio: custo total pago (comissões, taxas e câmbio, CVE; -98 não sabe, -99 recusa)'),
    0,
    500000,
    {
      special: [-98, -99],
      visibleIf: `${p('j01_remit')} = 1`,
      validators: [
        warn(
          `${p('j12_last_fee')} empty or ${p('j11_last_amount')} empty or ${p('j12_last_fee')} < 0 or ${p('j11_last_amount')} <= 0 or ${p('j12_last_fee')} <= ${p('j11_last_amount')} * 0.2`,
          L('Custo acima de 20% do montante enviado: confirme.'),
        ),
      ],
    },
  ),
  calc(
    'j13_cost_pct',
    L('Custo do último envio em % do montante (ODS 10.c.1)'),
    `iif(${p('j11_last_amount')} > 0 and ${p('j12_last_fee')} >= 0, round(100 * ${p('j12_last_fee')} / ${p('j11_last_amount')}, 1), '')`,
  ),
  single(
    'j05_remit_channel',
    L('Principal canal'),
    [
      c(1, 'Banco'),
      c(2, 'Operador de transferências'),
      c(3, 'Aplicação móvel/online'),
      c(4, 'Em mão ou por viajantes'),
      OTHER,
    ],
    { visibleIf: `${p('j01_remit')} = 1` },
  ),
  single(
    'j06_remit_use',
    L('Principal utilização do dinheiro'),
    [
      c(1, 'Consumo da família'),
      c(2, 'Educação'),
      c(3, 'Saúde'),
      c(4, 'Construir casa'),
      c(5, 'Negócio'),
      c(6, 'Poupança'),
      OTHER,
    ],
    { visibleIf: `${p('j01_remit')} = 1` },
  ),
  single('j07_received', L('Recebeu dinheiro do estrangeiro nos últimos 12 meses?'), YES_NO),
  single('j08_family_contact', L('Contacto com a família no país de origem'), [
    c(1, 'Diário'),
    c(2, 'Semanal'),
    c(3, 'Mensal'),
    c(4, 'Menos frequente'),
    c(5, 'Nunca'),
  ]),
];
