// The worker thread's entry: loads the TypeScript worker through tsx, whatever loader the parent has.
import { tsImport } from 'tsx/esm/api';

await tsImport('./validation-worker.ts', import.meta.url);
