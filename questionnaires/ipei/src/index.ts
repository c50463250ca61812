/**
 * The IPEI survey's generated files, for the generic toolchain: `npm run questionnaires:generate -- ipei`
 * writes the questionnaires (build.ts), `npm run frame:generate -- ipei` the synthetic frame and the design
 * (generate-frame.ts). See scripts/questionnaires/lib/generate.ts for the contract.
 */
import type { SurveyGenerators } from '../../../scripts/questionnaires/lib/generate.ts';
import { questionnaireFiles } from './build.ts';
import { frameFiles } from './generate-frame.ts';

export const generators: SurveyGenerators = { questionnaires: questionnaireFiles, frame: frameFiles };
