// The rank worker's entry: loads the TypeScript worker through tsx, whatever loader the parent has.
import { tsImport } from 'tsx/esm/api';

await tsImport('./rank-worker.ts', import.meta.url);
