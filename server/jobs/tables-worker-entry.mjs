// The tables worker's entry: loads the TypeScript worker through tsx, whatever loader the parent has.
import { tsImport } from 'tsx/esm/api';

await tsImport('./tables-worker.ts', import.meta.url);
