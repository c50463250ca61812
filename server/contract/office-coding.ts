/**
 * Office coding on the wire: the code-list file a survey ships for it (questionnaires/<survey>/...json,
 * named by its profile's `officeCoding`), the groups of identical free texts a coder sees, and the
 * request that gives one group a code. The server (server/domain/office-coding.ts), the export and the
 * staff screen (client/screens/office-coding-screen.tsx) share these shapes.
 */
import { z } from 'zod/mini';
import {
  codeTitle,
  OFFICE_TITLE_LANGS,
  type OfficeCodeLabel,
  type OfficeTitleLang,
} from '../../analysis/export/office-codes.ts';

export { codeTitle, OFFICE_TITLE_LANGS, type OfficeCodeLabel, type OfficeTitleLang };

/**
 * What an office code may be: up to 10 letters, digits and dots. The one home of the rule, for the
 * code-list files, the field question's choices used as codes (`codes: "field"`) and a coder's code.
 */
export const officeCodeValueSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9.]{1,10}$/, 'a code of letters, digits and dots'));

const title = z.string().check(z.minLength(1));
/**
 * A code's title: one string (any language), or one per language with Portuguese and English required
 * and French and Kriolu optional (`codeTitle` falls back French to English, Kriolu to Portuguese).
 */
export const officeCodeLabelSchema: z.ZodMiniType<OfficeCodeLabel> = z.union([
  title,
  z.strictObject({ pt: title, en: title, fr: z.optional(title), kea: z.optional(title) }),
]);

/** One code of an office code list; `field` is the field code it falls under (ISCO major group, ISIC section). */
export const officeCodeSchema = z.strictObject({
  code: officeCodeValueSchema,
  label: officeCodeLabelSchema,
  field: z.optional(z.union([z.string(), z.number()])),
});
export type OfficeCode = z.infer<typeof officeCodeSchema>;

/**
 * A code suggested for an uncoded text (the coder still chooses; nothing is coded by it), with why:
 * `similar`, the code already given to the most alike coded text of the survey (`text`, and `overlap`,
 * the share of their words in common, 0 to 1); or `title`, the text's `words` found in the code's title
 * in the coder's language (`overlap`, the share of the text's words found).
 */
export const officeSuggestionSchema = z.object({
  code: z.string(),
  reason: z.enum(['similar', 'title']),
  /** The coded text it is like (reason `similar`), else null. */
  text: z.nullable(z.string()),
  /** The text's words that match (the common words, or those in the title), as written (lower case). */
  words: z.array(z.string()),
  overlap: z.number(),
});
export type OfficeSuggestion = z.infer<typeof officeSuggestionSchema>;

/** A code-list file: which classification at which level, and its codes (unique). */
export const codeListFileSchema = z
  .strictObject({
    classification: z.string().check(z.minLength(1)),
    level: z.string().check(z.minLength(1)),
    source: z.optional(z.string().check(z.minLength(1))),
    codes: z.array(officeCodeSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((f, ctx) => {
      const seen = new Set<string>();
      f.codes.forEach((c, i) => {
        if (seen.has(c.code))
          ctx.addIssue({
            code: 'custom',
            path: ['codes', i, 'code'],
            message: `code ${c.code} is listed twice`,
          });
        seen.add(c.code);
      });
    }),
  );
export type CodeListFile = z.infer<typeof codeListFileSchema>;

/** The interviews' answers with one normalised text, and what the field and the office said of them. */
export const officeGroupSchema = z.object({
  /** The normalised text (the group's key). */
  key: z.string(),
  /** The text as first written (for reading). */
  sample: z.string(),
  /** Answers (persons or units) with this text, in live interviews. */
  count: z.number().check(z.int()),
  /** The field codes given to these answers, with how many each. */
  fieldCodes: z.array(z.object({ code: z.string(), count: z.number().check(z.int()) })),
  /**
   * Answers with this text outside the viewer's scope (another team's interviews, for a supervisor; 0
   * for the office): a code holds for every answer with the text, so a supervisor may not code it.
   */
  elsewhere: z.number().check(z.int()),
  /** The office code now in force, or null: uncoded. */
  code: z.nullable(z.string()),
  codedBy: z.nullable(z.string()),
  codedAt: z.nullable(z.string()),
  /** Up to 3 codes to offer an uncoded group, best first (server/domain/office-coding-suggestions.ts); [] once coded. */
  suggestions: z.array(officeSuggestionSchema),
});
export type OfficeGroup = z.infer<typeof officeGroupSchema>;

/** A pair as the coder sees it: the text question, its field code question, and the office code list. */
export const officePairViewSchema = z.object({
  /** The pair's id: the text question's variable. */
  pair: z.string(),
  text: z.string(),
  field: z.string(),
  /** The export's variable: `<field>_office`. */
  officeVariable: z.string(),
  classification: z.string(),
  level: z.string(),
  codes: z.array(officeCodeSchema),
  groups: z.array(officeGroupSchema),
});
export type OfficePairView = z.infer<typeof officePairViewSchema>;

/** GET /api/office-coding/:survey */
export const officeCodingViewSchema = z.object({ survey: z.string(), pairs: z.array(officePairViewSchema) });
export type OfficeCodingView = z.infer<typeof officeCodingViewSchema>;

/** What POST /api/office-coding/:survey/assign and .../clear answer. */
export const assignOfficeCodeResultSchema = z.object({
  pair: z.string(),
  key: z.string(),
  /** The code now in force; null after a clear. */
  code: z.nullable(z.string()),
  previous: z.nullable(z.string()),
  /** Live interviews holding the text. */
  interviews: z.number().check(z.int()),
  /** false: the group already had this code, or had none to clear (nothing written). */
  changed: z.boolean(),
});
export type AssignOfficeCodeResult = z.infer<typeof assignOfficeCodeResultSchema>;

/** POST /api/office-coding/:survey/assign */
export const assignOfficeCodeSchema = z.strictObject({
  pair: z.string().check(z.minLength(1), z.maxLength(100)),
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  code: officeCodeValueSchema,
});
export type AssignOfficeCode = z.infer<typeof assignOfficeCodeSchema>;

/** POST /api/office-coding/:survey/clear: the group goes back to uncoded; the reason is audited. */
export const clearOfficeCodeSchema = z.strictObject({
  pair: z.string().check(z.minLength(1), z.maxLength(100)),
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  reason: z.string().check(z.trim(), z.minLength(1, 'say why the code is cleared'), z.maxLength(500)),
});
export type ClearOfficeCode = z.infer<typeof clearOfficeCodeSchema>;
