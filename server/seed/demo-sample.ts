/**
 * The demo's fieldwork teams and a small illustrative sample: a few enumeration areas of Praia and Sal
 * with their listed households. The sampling issue replaces this with the PPS sample drawn from
 * questionnaires/ipei/frame.csv; the inclusion probabilities here are illustrative.
 */
export interface DemoEa {
  code: string;
  stratum: string;
  island: string;
  municipality: string;
  urbanRural: 'urban' | 'rural';
  measureOfSize: number;
  pi1: number;
  centroidLat: number;
  centroidLon: number;
  team: string;
  /** Eligible households found by the listing, and how many were selected (m). */
  eligible: number;
  selected: number;
  enumerators: string[];
}

export const DEMO_TEAMS = [
  { id: 'team-praia', name: 'Praia', supervisor: 'supervisor1', enumerators: ['enumerator1', 'enumerator2'] },
  { id: 'team-sal', name: 'Sal', supervisor: 'supervisor2', enumerators: ['enumerator3'] },
] as const;

export const DEMO_EAS: DemoEa[] = [
  {
    code: 'CV-PR-0012',
    stratum: 'PR',
    island: 'Santiago',
    municipality: 'CV-PR',
    urbanRural: 'urban',
    measureOfSize: 41,
    pi1: 0.27,
    centroidLat: 14.9177,
    centroidLon: -23.5092,
    team: 'team-praia',
    eligible: 22,
    selected: 15,
    enumerators: ['enumerator1'],
  },
  {
    code: 'CV-PR-0047',
    stratum: 'PR',
    island: 'Santiago',
    municipality: 'CV-PR',
    urbanRural: 'urban',
    measureOfSize: 18,
    pi1: 0.12,
    centroidLat: 14.9312,
    centroidLon: -23.5235,
    team: 'team-praia',
    eligible: 9,
    selected: 9,
    enumerators: ['enumerator1'],
  },
  {
    code: 'CV-PR-0131',
    stratum: 'PR',
    island: 'Santiago',
    municipality: 'CV-PR',
    urbanRural: 'urban',
    measureOfSize: 26,
    pi1: 0.17,
    centroidLat: 14.9026,
    centroidLon: -23.5411,
    team: 'team-praia',
    eligible: 14,
    selected: 14,
    enumerators: ['enumerator2'],
  },
  {
    code: 'CV-SL-0008',
    stratum: 'SL',
    island: 'Sal',
    municipality: 'CV-SL',
    urbanRural: 'urban',
    measureOfSize: 97,
    pi1: 1,
    centroidLat: 16.5983,
    centroidLon: -22.9042,
    team: 'team-sal',
    eligible: 31,
    selected: 15,
    enumerators: ['enumerator3'],
  },
];
