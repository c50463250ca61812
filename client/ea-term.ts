/**
 * The enumeration area's abbreviation in each app language, the one every catalogue uses (tablet, staff
 * screens, flag sentences), chosen to match the questionnaires' own term: "distrito de recenseamento
 * (DR)" in Portuguese and Kriolu, "district de recensement (DR)" in French, "enumeration area (EA)" in
 * English. A survey's own full word for its clusters (its profile's `unit.cluster`) still wins where
 * the tablet shows it; tests/client/ea-term.test.ts fails if a catalogue uses another abbreviation.
 */
import type { TabletLanguage } from './i18n.ts';

export const EA_TERM: Record<TabletLanguage, string> = { pt: 'DR', en: 'EA', fr: 'DR', kea: 'DR' };
