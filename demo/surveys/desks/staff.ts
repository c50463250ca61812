/**
 * Who interviews at each desk in the demo: one enumerator stationed at each desk for the four weeks,
 * taken from the demo's existing field staff on the desk's island (the IPEI teams' accounts and team
 * ids, so the desks survey needs no new account) and reviewed by that team's supervisors.
 */
export interface DeskPost {
  enumerator: string;
  teamId: string;
}

export const DESK_STAFF: Record<string, DeskPost> = {
  PR01: { enumerator: 'enumerator7', teamId: 'team-praia' },
  PR02: { enumerator: 'enumerator8', teamId: 'team-praia' },
  PR03: { enumerator: 'enumerator9', teamId: 'team-praia' },
  CA01: { enumerator: 'enumerator10', teamId: 'team-praia' },
  CR01: { enumerator: 'enumerator11', teamId: 'team-praia' },
  TA01: { enumerator: 'enumerator12', teamId: 'team-praia' },
  MA01: { enumerator: 'enumerator13', teamId: 'team-praia' },
  SL01: { enumerator: 'enumerator19', teamId: 'team-sal' },
  SL02: { enumerator: 'enumerator20', teamId: 'team-sal' },
  BV01: { enumerator: 'enumerator24', teamId: 'team-boavista' },
  BV02: { enumerator: 'enumerator25', teamId: 'team-boavista' },
  SV01: { enumerator: 'enumerator29', teamId: 'team-saovicente' },
  SV02: { enumerator: 'enumerator30', teamId: 'team-saovicente' },
  PN01: { enumerator: 'enumerator31', teamId: 'team-norte' },
  RG01: { enumerator: 'enumerator32', teamId: 'team-norte' },
  RB01: { enumerator: 'enumerator33', teamId: 'team-norte' },
  SF01: { enumerator: 'enumerator35', teamId: 'team-sul' },
  BR01: { enumerator: 'enumerator36', teamId: 'team-sul' },
};

export function postOf(desk: string): DeskPost {
  const post = DESK_STAFF[desk];
  if (!post) throw new Error(`desk ${desk} has no enumerator in demo/surveys/desks/staff.ts`);
  return post;
}
