/**
 * The synthetic list of migrant service desks of the desks survey (NOT an official list of AAI's desks):
 * the AAI's reception desks and immigrant support centres ("balcões", Centros de Apoio ao Imigrante) and
 * the municipalities' local integration units (ULI), 18 desks on the nine inhabited islands, with a
 * plausible mean number of visits served per week, the languages the staff speak, and the desk's
 * position. Each desk is a stratum of the design (a certainty cluster); build.ts writes frame.csv,
 * design.json and geography.json from this list with a fixed seed.
 */
export interface Desk {
  code: string;
  name: string;
  kind: 'AAI' | 'CAI' | 'ULI';
  island: string;
  /** The island's code as the IPEI questionnaire has it (1 Santo Antão ... 9 Brava). */
  islandCode: number;
  municipality: string;
  municipalityIso: string;
  lat: number;
  lon: number;
  /** Mean visits served per week (the register's count varies around it week by week). */
  weeklyVisits: number;
  /** Languages of service the desk's staff speak (SERVICE_LANGUAGES codes). */
  languages: number[];
}

const d = (
  code: string,
  name: string,
  kind: Desk['kind'],
  [island, islandCode]: [string, number],
  [municipality, municipalityIso]: [string, string],
  [lat, lon]: [number, number],
  weeklyVisits: number,
  languages: number[],
): Desk => ({
  code,
  name,
  kind,
  island,
  islandCode,
  municipality,
  municipalityIso,
  lat,
  lon,
  weeklyVisits,
  languages,
});

const SANTIAGO: [string, number] = ['Santiago', 7];
export const SYNTHETIC_NOTICE =
  'Synthetic demonstration list of desks, not an official list of AAI or the municipalities.';

export const DESKS: Desk[] = [
  d(
    'PR01',
    'Balcão do Imigrante AAI, Plateau',
    'AAI',
    SANTIAGO,
    ['Praia', 'CV-PR'],
    [14.9177, -23.5092],
    190,
    [1, 2, 3, 4],
  ),
  d(
    'PR02',
    'Centro de Apoio ao Imigrante, Fazenda',
    'CAI',
    SANTIAGO,
    ['Praia', 'CV-PR'],
    [14.9236, -23.5069],
    95,
    [1, 2, 3],
  ),
  d(
    'PR03',
    'Unidade Local de Integração, Câmara Municipal da Praia',
    'ULI',
    SANTIAGO,
    ['Praia', 'CV-PR'],
    [14.9162, -23.5127],
    60,
    [1, 2],
  ),
  d(
    'CA01',
    'Unidade Local de Integração de Santa Catarina, Assomada',
    'ULI',
    SANTIAGO,
    ['Santa Catarina', 'CV-CA'],
    [15.0995, -23.6836],
    18,
    [1, 2],
  ),
  d(
    'CR01',
    'Unidade Local de Integração de Santa Cruz, Pedra Badejo',
    'ULI',
    SANTIAGO,
    ['Santa Cruz', 'CV-CR'],
    [15.1379, -23.5321],
    10,
    [1, 2],
  ),
  d(
    'TA01',
    'Unidade Local de Integração do Tarrafal',
    'ULI',
    SANTIAGO,
    ['Tarrafal', 'CV-TA'],
    [15.2783, -23.7518],
    9,
    [1, 2],
  ),
  d(
    'SL01',
    'Centro de Apoio ao Imigrante, Espargos',
    'CAI',
    ['Sal', 4],
    ['Sal', 'CV-SL'],
    [16.7552, -22.9494],
    110,
    [1, 2, 3, 4],
  ),
  d(
    'SL02',
    'Unidade Local de Integração, Santa Maria',
    'ULI',
    ['Sal', 4],
    ['Sal', 'CV-SL'],
    [16.5979, -22.9034],
    75,
    [1, 2, 4],
  ),
  d(
    'BV01',
    'Centro de Apoio ao Imigrante, Sal Rei',
    'CAI',
    ['Boa Vista', 5],
    ['Boa Vista', 'CV-BV'],
    [16.1767, -22.917],
    70,
    [1, 2, 3],
  ),
  d(
    'BV02',
    'Posto de atendimento, Bairro da Boa Esperança',
    'ULI',
    ['Boa Vista', 5],
    ['Boa Vista', 'CV-BV'],
    [16.1681, -22.9087],
    35,
    [1, 2, 3],
  ),
  d(
    'SV01',
    'Balcão do Imigrante AAI, Mindelo',
    'AAI',
    ['São Vicente', 2],
    ['São Vicente', 'CV-SV'],
    [16.8901, -24.9804],
    80,
    [1, 2, 3, 4],
  ),
  d(
    'SV02',
    'Unidade Local de Integração, Câmara Municipal de São Vicente',
    'ULI',
    ['São Vicente', 2],
    ['São Vicente', 'CV-SV'],
    [16.8867, -24.9881],
    30,
    [1, 2],
  ),
  d(
    'PN01',
    'Unidade Local de Integração do Porto Novo',
    'ULI',
    ['Santo Antão', 1],
    ['Porto Novo', 'CV-PN'],
    [17.0195, -25.0642],
    8,
    [1, 2],
  ),
  d(
    'RG01',
    'Unidade Local de Integração da Ribeira Grande, Ponta do Sol',
    'ULI',
    ['Santo Antão', 1],
    ['Ribeira Grande', 'CV-RG'],
    [17.1995, -25.0921],
    6,
    [1, 2],
  ),
  d(
    'RB01',
    'Unidade Local de Integração da Ribeira Brava',
    'ULI',
    ['São Nicolau', 3],
    ['Ribeira Brava', 'CV-RB'],
    [16.6162, -24.2986],
    5,
    [1, 2],
  ),
  d(
    'MA01',
    'Unidade Local de Integração do Maio, Vila do Maio',
    'ULI',
    ['Maio', 6],
    ['Maio', 'CV-MA'],
    [15.138, -23.2117],
    7,
    [1, 2],
  ),
  d(
    'SF01',
    'Centro de Apoio ao Imigrante, São Filipe',
    'CAI',
    ['Fogo', 8],
    ['São Filipe', 'CV-SF'],
    [14.8951, -24.4965],
    22,
    [1, 2, 3],
  ),
  d(
    'BR01',
    'Unidade Local de Integração da Brava, Nova Sintra',
    'ULI',
    ['Brava', 9],
    ['Brava', 'CV-BR'],
    [14.8711, -24.6953],
    4,
    [1, 2],
  ),
];

/** The fieldwork: four weeks from Monday 5 October 2026. */
export const FIELDWORK = { weeks: 4, start: '2026-10-05', seed: 20261005 };

/** Visits to sample per desk-week: the sampling interval k = round(weekly visits / target), at least 1. */
export const TARGET_PER_WEEK = 12;
export const intervalOf = (desk: Desk): number =>
  Math.max(1, Math.round(desk.weeklyVisits / TARGET_PER_WEEK));
