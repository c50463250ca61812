/** The surveys the demo seeds, simulates and weights, in this order. */
import { desksDemo } from './desks/seed.ts';
import { ipeiDemo } from './ipei/seed.ts';
import type { DemoSurvey } from './types.ts';

export const DEMO_SURVEYS: DemoSurvey[] = [ipeiDemo, desksDemo];
