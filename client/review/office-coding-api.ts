/** The office coding screen's API calls, checked against the shared contract (server/contract/office-coding.ts). */
import {
  type AssignOfficeCode,
  assignOfficeCodeResultSchema,
  type ClearOfficeCode,
  type OfficeTitleLang,
  officeCodingViewSchema,
} from '../../server/contract/office-coding.ts';
import { api } from '../services.ts';

export const fetchOfficeCoding = (survey: string, showCoded: boolean, lang: OfficeTitleLang) =>
  api.request(
    'GET',
    `/api/office-coding/${encodeURIComponent(survey)}?status=${showCoded ? 'all' : 'uncoded'}&lang=${lang}`,
    officeCodingViewSchema,
  );

export const assignOfficeCode = (survey: string, body: AssignOfficeCode) =>
  api.request(
    'POST',
    `/api/office-coding/${encodeURIComponent(survey)}/assign`,
    assignOfficeCodeResultSchema,
    body,
  );

export const clearOfficeCode = (survey: string, body: ClearOfficeCode) =>
  api.request(
    'POST',
    `/api/office-coding/${encodeURIComponent(survey)}/clear`,
    assignOfficeCodeResultSchema,
    body,
  );
