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
  single,
  warn,
  YES_NO,
} from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const OTHER: Choice = [96, L('Outro')];
const NONE: Choice = [0, L('Nenhum')];
const c = (v: number, pt: string): Choice => [v, L(pt)];

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
];

const always = c(1, 'Sempre');
export const health: Json[] = [
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
