/**
 * Parameters of the synthetic IPEI-DEMO frame and design (docs/ipei.md sections 2.2, 5.2-5.5, 5.9).
 * Everything here is [SYN] unless the domain brief cites a source: not official statistics of INE-CV or AAI.
 */
import { readFileSync } from 'node:fs';

export const SEED = 20221215;

/** Island codes as in the questionnaires' island question: one list, the survey's geography.json. */
export const ISLAND_CODES: Record<string, number> = Object.fromEntries(
  (
    JSON.parse(readFileSync(new URL('../geography.json', import.meta.url), 'utf8')) as {
      areas: Array<{ name: string; code: number }>;
    }
  ).areas.map((a) => [a.name, a.code]),
);

export interface Municipality {
  iso: string;
  name: string;
  island: string;
  stratum: string;
  pop: number;
  foreign: number;
  eas: number;
  lat: number;
  lon: number;
  /** probability that an EA is urban */
  urban: number;
  localities: string[];
}

const m = (
  iso: string,
  name: string,
  island: string,
  stratum: string,
  pop: number,
  foreign: number,
  eas: number,
  lat: number,
  lon: number,
  urban: number,
  localities: string[] = [name],
): Municipality => ({ iso, name, island, stratum, pop, foreign, eas, lat, lon, urban, localities });

export const MUNICIPALITIES: Municipality[] = [
  m('CV-RG', 'Ribeira Grande', 'Santo Antão', 'SA', 15200, 200, 26, 17.18, -25.07, 0.4, [
    'Ponta do Sol',
    'Povoação',
  ]),
  m('CV-PA', 'Paul', 'Santo Antão', 'SA', 5300, 50, 9, 17.14, -25.02, 0.3, ['Pombas']),
  m('CV-PN', 'Porto Novo', 'Santo Antão', 'SA', 16100, 170, 27, 17.02, -25.06, 0.45, ['Porto Novo']),
  m('CV-SV', 'São Vicente', 'São Vicente', 'SV', 74016, 1229, 125, 16.87, -24.98, 0.93, [
    'Mindelo',
    'Monte Sossego',
    'Ribeira Bote',
    'Fonte Filipe',
    'Calhau',
  ]),
  m('CV-RB', 'Ribeira Brava', 'São Nicolau', 'SN', 6800, 150, 11, 16.62, -24.3, 0.45, ['Ribeira Brava']),
  m('CV-TS', 'Tarrafal de São Nicolau', 'São Nicolau', 'SN', 5100, 117, 9, 16.57, -24.36, 0.5, [
    'Tarrafal de São Nicolau',
  ]),
  m('CV-SL', 'Sal', 'Sal', 'SL', 33347, 2295, 56, 16.72, -22.93, 0.92, [
    'Espargos',
    'Santa Maria',
    'Palmeira',
  ]),
  m('CV-BV', 'Boa Vista', 'Boa Vista', 'BV', 13000, 1327, 22, 16.14, -22.87, 0.75, ['Sal Rei', 'Rabil']),
  m('CV-MA', 'Maio', 'Maio', 'MA', 6500, 190, 11, 15.22, -23.17, 0.5, ['Vila do Maio']),
  m('CV-PR', 'Praia', 'Santiago', 'PR', 142009, 4154, 239, 14.93, -23.51, 0.97, [
    'Plateau',
    'Achada Santo António',
    'Palmarejo',
    'Várzea',
    'Fazenda',
    'Achada Grande',
    'Tira Chapéu',
  ]),
  m('CV-RS', 'Ribeira Grande de Santiago', 'Santiago', 'ST', 7200, 45, 12, 14.92, -23.6, 0.3, [
    'Cidade Velha',
  ]),
  m('CV-SD', 'São Domingos', 'Santiago', 'ST', 13200, 50, 22, 15.02, -23.56, 0.3, ['São Domingos']),
  m('CV-CA', 'Santa Catarina', 'Santiago', 'ST', 37472, 260, 63, 15.1, -23.68, 0.55, ['Assomada']),
  m('CV-SS', 'São Salvador do Mundo', 'Santiago', 'ST', 8000, 33, 13, 15.07, -23.63, 0.25, ['Picos']),
  m('CV-SO', 'São Lourenço dos Órgãos', 'Santiago', 'ST', 6600, 25, 11, 15.06, -23.6, 0.25, ['João Teves']),
  m('CV-CR', 'Santa Cruz', 'Santiago', 'ST', 24500, 80, 41, 15.13, -23.55, 0.45, ['Pedra Badejo']),
  m('CV-SM', 'São Miguel', 'Santiago', 'ST', 13400, 35, 23, 15.18, -23.6, 0.35, ['Calheta']),
  m('CV-TA', 'Tarrafal', 'Santiago', 'ST', 17000, 70, 29, 15.28, -23.75, 0.45, ['Tarrafal']),
  m('CV-SF', 'São Filipe', 'Fogo', 'FG', 20000, 260, 34, 14.9, -24.5, 0.45, ['São Filipe']),
  m('CV-CF', 'Santa Catarina do Fogo', 'Fogo', 'FG', 4900, 30, 8, 14.96, -24.35, 0.2, ['Cova Figueira']),
  m('CV-MO', 'Mosteiros', 'Fogo', 'FG', 8600, 45, 14, 15.03, -24.33, 0.35, ['Mosteiros']),
  m('CV-BR', 'Brava', 'Brava', 'BR', 5300, 60, 9, 14.85, -24.71, 0.4, ['Nova Sintra']),
];

/** Dirichlet concentration of foreign households across EAs (lower = more clustered). */
export const ALPHA: Record<string, number> = {
  PR: 0.35,
  SL: 0.6,
  BV: 0.5,
  SV: 0.4,
  ST: 0.25,
  SA: 0.3,
  FG: 0.3,
  SN: 0.35,
  MA: 0.5,
  BR: 0.4,
};
/** EAs sampled per stratum (allocation proportional to sqrt(foreign population), minimum 3). */
export const SAMPLED: Record<string, number> = {
  PR: 27,
  SL: 20,
  BV: 15,
  SV: 15,
  ST: 10,
  SA: 9,
  FG: 8,
  SN: 7,
  MA: 6,
  BR: 3,
};
export const STRATUM_NAMES: Record<string, string> = {
  PR: 'Praia',
  SL: 'Sal',
  BV: 'Boa Vista',
  SV: 'São Vicente',
  ST: 'Santiago interior',
  SA: 'Santo Antão',
  FG: 'Fogo',
  SN: 'São Nicolau',
  MA: 'Maio',
  BR: 'Brava',
};
export const PERSONS_PER_HOUSEHOLD = 3.3;
/** IPEI: 10,869 foreign residents in 7,309 households. */
export const FOREIGN_PER_FOREIGN_HH = 1.49;
export const FOREIGN_HOUSEHOLDS_TOTAL = 7309;
export const URBAN_FOREIGN_WEIGHT = 1;
export const RURAL_FOREIGN_WEIGHT = 0.12;

/** Sex x age margins of foreign nationals (section 2.2, [SYN]); 68.3% male overall. */
export const SEX_AGE: { age: string; total: number; male: number }[] = [
  { age: '0-14', total: 1300, male: 650 },
  { age: '15-24', total: 1200, male: 744 },
  { age: '25-34', total: 3250, male: 2438 },
  { age: '35-44', total: 2720, male: 2040 },
  { age: '45-64', total: 2070, male: 1366 },
  { age: '65+', total: 335, male: 190 },
];

/** Nationality-group controls (section 5.9 step 6c). */
export const NATIONALITY_GROUPS: { group: string; total: number; basis: string }[] = [
  { group: 'Guinea-Bissau', total: 3665, basis: 'RGPH 33.7%' },
  { group: 'Senegal', total: 1229, basis: 'RGPH 11.3%' },
  { group: 'Portugal', total: 1088, basis: 'RGPH 10.0%' },
  { group: 'China', total: 772, basis: 'RGPH 7.1%' },
  { group: 'São Tomé and Príncipe', total: 435, basis: 'RGPH 4.0%' },
  { group: 'Nigeria', total: 511, basis: 'IPEI 4.7%' },
  { group: 'Guinea-Conakry', total: 315, basis: 'IPEI 2.9%' },
  { group: 'Italy', total: 403, basis: 'IPEI 3.7%' },
  { group: 'Brazil', total: 381, basis: 'IPEI 3.5%' },
  { group: 'USA', total: 250, basis: 'IPEI 2.3%' },
  { group: 'Other ECOWAS', total: 435, basis: 'SYN' },
  { group: 'Angola and other Africa', total: 381, basis: 'SYN' },
  { group: 'Other Europe', total: 326, basis: 'SYN' },
  { group: 'Stateless', total: 315, basis: 'IPEI 2.9%' },
  { group: 'Other (Americas, Asia, ...)', total: 369, basis: 'SYN' },
];
