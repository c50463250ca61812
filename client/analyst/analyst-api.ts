/** The analyst's API calls (checked against the shared contract) and authenticated file downloads. */
import {
  analysisCatalogueSchema,
  type TableRequest,
  tableResponseSchema,
} from '../../server/contract/analysis.ts';
import { type ModelRequest, modelResponseSchema } from '../../server/contract/analysis-models.ts';
import { type PublishRequest, releaseSchema } from '../../server/contract/releases.ts';
import { weightingReportSchema, weightingStatusSchema } from '../../server/contract/weighting.ts';
import { CONFIG } from '../config.ts';
import type { TabletLanguage } from '../i18n.ts';
import { api, session } from '../services.ts';

export const fetchCatalogue = (survey: string) =>
  api.request('GET', `/api/analysis/${encodeURIComponent(survey)}`, analysisCatalogueSchema);

/** The query parameter naming a release ('' = the server's default, the latest published one). */
export const releaseQuery = (release: string) => (release ? `&release=${encodeURIComponent(release)}` : '');

export const fetchStandardTable = (survey: string, id: string, lang: string, release = '') =>
  api.request(
    'GET',
    `/api/analysis/${encodeURIComponent(survey)}/tables/${encodeURIComponent(id)}?lang=${lang}${releaseQuery(release)}`,
    tableResponseSchema,
  );

export const fetchCustomTable = (survey: string, req: TableRequest, lang: string, release = '') =>
  api.request(
    'POST',
    `/api/analysis/${encodeURIComponent(survey)}/tables?lang=${lang}${releaseQuery(release)}`,
    tableResponseSchema,
    req,
  );

export const fetchModel = (survey: string, req: ModelRequest, lang: string, release = '') =>
  api.request(
    'POST',
    `/api/analysis/${encodeURIComponent(survey)}/models?lang=${lang}${releaseQuery(release)}`,
    modelResponseSchema,
    req,
  );

export const publishRelease = (survey: string, req: PublishRequest) =>
  api.request('POST', `/api/releases/${encodeURIComponent(survey)}`, releaseSchema, req);

/** Fetches a file with the session token and hands it to the browser as a download. */
export async function download(path: string, filename: string, body?: unknown): Promise<boolean> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${CONFIG.apiBase}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

export const fetchWeighting = (survey: string) =>
  api.request('GET', `/api/weighting/${encodeURIComponent(survey)}`, weightingStatusSchema);

export const startWeighting = (survey: string) =>
  api.request('POST', `/api/weighting/${encodeURIComponent(survey)}`, weightingStatusSchema);

/** The weighting report in a language, as blocks to render (analysis/weighting/report-document.ts). */
export const fetchWeightingReport = (survey: string, lang: TabletLanguage) =>
  api.request(
    'GET',
    `/api/weighting/${encodeURIComponent(survey)}/report?lang=${lang}&format=json`,
    weightingReportSchema,
  );
