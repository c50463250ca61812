/** The demo's fieldwork staff (ipei.md 5.6): 36 enumerators and 7 supervisors in six teams. */
export interface DemoTeam {
  id: string;
  name: string;
  supervisors: string[];
  /** Enumerators per stratum the team covers. */
  enumerators: Record<string, string[]>;
}

const names = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `enumerator${from + i}`);

export const DEMO_TEAMS: DemoTeam[] = [
  {
    id: 'team-praia',
    name: 'Praia, Santiago interior e Maio',
    supervisors: ['supervisor1', 'supervisor2'],
    enumerators: { PR: names(1, 9), ST: names(10, 3), MA: names(13, 1) },
  },
  { id: 'team-sal', name: 'Sal', supervisors: ['supervisor3'], enumerators: { SL: names(14, 7) } },
  { id: 'team-boavista', name: 'Boa Vista', supervisors: ['supervisor4'], enumerators: { BV: names(21, 5) } },
  {
    id: 'team-saovicente',
    name: 'São Vicente',
    supervisors: ['supervisor5'],
    enumerators: { SV: names(26, 5) },
  },
  {
    id: 'team-norte',
    name: 'Santo Antão e São Nicolau',
    supervisors: ['supervisor6'],
    enumerators: { SA: names(31, 2), SN: names(33, 1) },
  },
  {
    id: 'team-sul',
    name: 'Fogo e Brava',
    supervisors: ['supervisor7'],
    enumerators: { FG: names(34, 2), BR: names(36, 1) },
  },
];

export const teamOfStratum = (stratum: string) =>
  DEMO_TEAMS.find((t) => stratum in t.enumerators) as DemoTeam;
