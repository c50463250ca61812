/**
 * `npx tsx questionnaires/desks/src/build.ts`: writes the desks survey's generated files: exit.v1.json
 * (the questionnaire), profile.json, tables.json, frame.csv, design.json and
 * geography.json. A locked (fielded) questionnaire is
 * never overwritten: publish exit.v2 instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readLocks, sha256 } from '../../../scripts/questionnaires/lib/locks.ts';
import { exitV1 } from './exit.ts';
import { design, frameCsv, frameRows, geography } from './frame.ts';
import { profile } from './profile.ts';
import { tables } from './tables.ts';

const dir = new URL('../', import.meta.url);
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const locks = readLocks(new URL('../locks.json', dir).pathname);

function write(name: string, text: string, lockKey?: string): void {
  const path = new URL(name, dir);
  if (lockKey && locks[lockKey] && existsSync(path) && sha256(text) !== sha256(readFileSync(path))) {
    console.error(`${lockKey} is locked (fielded) and would change: publish a new version instead`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(path, text);
  console.log(`wrote questionnaires/desks/${name}`);
}

const rows = frameRows();
write('exit.v1.json', json(exitV1), 'desks/exit.v1.json');
write('frame.csv', frameCsv(rows));
write('design.json', json(design(rows)));
write('geography.json', json(geography(rows)));
write('profile.json', json(profile));
write('tables.json', json(tables));
