/**
 * The office coding (coordinators, admins; supervisors for their team): for a survey that declares it
 * (profile.json `officeCoding`), each free-text question's answers grouped by identical text
 * (normalised on the server), with how many answers and which field codes each has; "Code…" opens a
 * searchable list of the office code list (the codes under the group's field codes first) and a
 * choice codes every answer with that text
 * (server/domain/office-coding.ts). Uncoded texts only, unless "show coded" is ticked; a coded group's
 * "Clear…" asks why and takes its code away (it is uncoded again; the reason goes to the audit log).
 * A supervisor sees the team's texts and cannot code one other teams also wrote (said on its row).
 * An uncoded group shows up to 3 suggested codes (server/domain/office-coding-suggestions.ts) as
 * buttons, each saying why (an alike text coded so, or words of the code's title); a tap codes the group
 * as "Code…" would: nothing is coded without the coder. Code titles are in the chosen language
 * (`codeTitle`: French else English, Kriolu else Portuguese).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  codeTitle,
  type OfficeCode,
  type OfficeCodingView,
  type OfficeGroup,
  type OfficeSuggestion,
  type OfficeTitleLang,
} from '../../server/contract/office-coding.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { assignOfficeCode, clearOfficeCode, fetchOfficeCoding } from '../review/office-coding-api.ts';
import { useOfficeCodingT } from '../review/office-coding-messages.ts';
import { fetchSurveys, problemText } from '../review/review-api.ts';

/** Lower case without accents, for matching what the coder types. */
const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The codes matching the search, those under one of the group's field codes first. */
export function pickerCodes(
  codes: OfficeCode[],
  query: string,
  fieldCodes: string[],
  lang: OfficeTitleLang,
): OfficeCode[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const hits = codes.filter((c) => {
    const text = folded(`${c.code} ${codeTitle(c.label, lang)}`);
    return words.every((w) => text.includes(w));
  });
  const near = (c: OfficeCode) => (c.field !== undefined && fieldCodes.includes(String(c.field)) ? 0 : 1);
  return hits
    .map((c, i) => ({ c, i }))
    .sort((a, b) => near(a.c) - near(b.c) || a.i - b.i)
    .map((x) => x.c);
}

function ClearPanel({ onClear, onClose }: { onClear: (reason: string) => void; onClose: () => void }) {
  const { t } = useOfficeCodingT();
  const [reason, setReason] = useState('');
  return (
    <div className="filters" data-testid="clear-panel">
      <label>
        {t('coding.clearReason')}
        <input
          type="text"
          // biome-ignore lint/a11y/noAutofocus: the panel opens for typing the reason
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="clear-reason"
        />
      </label>
      <button
        type="button"
        disabled={!reason.trim()}
        onClick={() => onClear(reason.trim())}
        data-testid="clear-confirm"
      >
        {t('coding.clearConfirm')}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {t('coding.close')}
      </button>
    </div>
  );
}

function CodePicker({
  codes,
  group,
  onPick,
  onClose,
}: {
  codes: OfficeCode[];
  group: OfficeGroup;
  onPick: (code: string) => void;
  onClose: () => void;
}) {
  const { t, lang } = useOfficeCodingT();
  const [query, setQuery] = useState('');
  const shown = pickerCodes(
    codes,
    query,
    group.fieldCodes.map((f) => f.code),
    lang,
  );
  return (
    <div className="code-picker" data-testid="code-picker">
      <div className="filters">
        <label>
          {t('coding.search')}
          <input
            type="search"
            // biome-ignore lint/a11y/noAutofocus: the picker opens for typing
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="code-search"
          />
        </label>
        <button type="button" className="secondary" onClick={onClose}>
          {t('coding.close')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p>{t('coding.noMatch')}</p>
      ) : (
        <ul className="code-list">
          {shown.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                className={c.code === group.code ? 'code-choice current' : 'code-choice'}
                onClick={() => onPick(c.code)}
                data-testid={`code-${c.code}`}
              >
                <strong>{c.code}</strong> {codeTitle(c.label, lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One tap per suggested code, with its reason; the coder's tap codes the group. */
function Suggestions({
  suggestions,
  title,
  disabled,
  onPick,
}: {
  suggestions: OfficeSuggestion[];
  title: (code: string) => string;
  disabled: boolean;
  onPick: (code: string) => void;
}) {
  const { t } = useOfficeCodingT();
  if (!suggestions.length) return null;
  return (
    <ul className="code-suggestions" aria-label={t('coding.suggested')} data-testid="coding-suggestions">
      {suggestions.map((s) => (
        <li key={s.code}>
          <button
            type="button"
            className="code-choice"
            disabled={disabled}
            onClick={() => onPick(s.code)}
            data-testid={`suggest-${s.code}`}
          >
            <strong>{s.code}</strong> {title(s.code)}
          </button>{' '}
          <small data-testid="suggest-reason">
            {s.reason === 'similar'
              ? t('coding.likeText', { text: s.text ?? '' })
              : t('coding.inTitle', { words: s.words.join(', ') })}
          </small>
        </li>
      ))}
    </ul>
  );
}

export function OfficeCodingScreen() {
  const { t, lang } = useOfficeCodingT();
  const [surveys, setSurveys] = useState<string[] | null>(null);
  const [survey, setSurvey] = useState('');
  const [view, setView] = useState<OfficeCodingView | null>(null);
  const [pair, setPair] = useState('');
  const [showCoded, setShowCoded] = useState(false);
  const [filter, setFilter] = useState('');
  /** The group whose picker (`code:<key>`) or clear panel (`clear:<key>`) is open. */
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: BannerText } | null>(null);

  useEffect(() => {
    void fetchSurveys().then((r) => {
      if (r.kind !== 'ok') return setMessage({ ok: false, text: problemText(r) });
      const coded = r.data.surveys.filter((s) => s.officeCoding.length > 0).map((s) => s.id);
      setSurveys(coded);
      setSurvey((current) => current || (coded[0] ?? ''));
    });
  }, []);

  const load = useCallback(async () => {
    if (!survey) return;
    const r = await fetchOfficeCoding(survey, showCoded, lang);
    if (r.kind !== 'ok') return setMessage({ ok: false, text: problemText(r) });
    setView(r.data);
    setPair((current) =>
      r.data.pairs.some((p) => p.pair === current) ? current : (r.data.pairs[0]?.pair ?? ''),
    );
  }, [survey, showCoded, lang]);
  useEffect(() => void load(), [load]);

  const current = view?.pairs.find((p) => p.pair === pair) ?? null;
  const groups = useMemo(() => {
    const f = folded(filter.trim());
    return (current?.groups ?? []).filter((g) => !f || folded(g.sample).includes(f));
  }, [current, filter]);

  const pick = async (group: OfficeGroup, code: string) => {
    if (!current) return;
    const r = await assignOfficeCode(survey, { pair: current.pair, text: group.sample, code });
    if (r.kind !== 'ok') return setMessage({ ok: false, text: problemText(r) });
    setOpen(null);
    setMessage({
      ok: true,
      text: t('coding.done', { text: group.sample, code, interviews: r.data.interviews }),
    });
    await load();
  };

  const clear = async (group: OfficeGroup, reason: string) => {
    if (!current) return;
    const r = await clearOfficeCode(survey, { pair: current.pair, text: group.sample, reason });
    if (r.kind !== 'ok') return setMessage({ ok: false, text: problemText(r) });
    setOpen(null);
    setMessage({
      ok: true,
      text: t('coding.cleared', { text: group.sample, interviews: r.data.interviews }),
    });
    await load();
  };
  const toggle = (what: string) => setOpen(open === what ? null : what);

  const title = (code: string) => {
    const c = current?.codes.find((x) => x.code === code);
    return c ? codeTitle(c.label, lang) : '';
  };
  const label = (code: string | null) => (code === null ? '' : `${code} ${title(code)}`);

  return (
    <section className="staff office-coding" data-testid="office-coding">
      <h1>{t('coding.title')}</h1>
      {message && (
        <div className={message.ok ? 'banner' : 'banner warn'} role="status" data-testid="coding-message">
          <BannerContent value={message.text} />
        </div>
      )}
      {surveys?.length === 0 && <p>{t('coding.none')}</p>}
      <div className="filters">
        {surveys && surveys.length > 1 && (
          <label>
            {t('coding.survey')}
            <select value={survey} onChange={(e) => setSurvey(e.target.value)} data-testid="coding-survey">
              {surveys.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {view && view.pairs.length > 0 && (
          <label>
            {t('coding.pair')}
            <select
              value={pair}
              onChange={(e) => {
                setPair(e.target.value);
                setOpen(null);
              }}
              data-testid="coding-pair"
            >
              {view.pairs.map((p) => (
                <option key={p.pair} value={p.pair}>
                  {p.text} → {p.officeVariable} ({p.classification}, {p.level})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('coding.filter')}
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid="coding-filter"
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={showCoded}
            onChange={(e) => setShowCoded(e.target.checked)}
            data-testid="coding-show-coded"
          />
          {t('coding.showCoded')}
        </label>
      </div>
      {current && groups.length === 0 && <p>{t('coding.empty')}</p>}
      {current && groups.length > 0 && (
        <table className="data coding-table">
          <thead>
            <tr>
              <th>{t('coding.text')}</th>
              <th>{t('coding.count')}</th>
              <th>{t('coding.field')}</th>
              <th>{t('coding.office')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((g) => {
              const row = (
                <tr key={g.key} data-testid="coding-group" data-key={g.key} data-code={g.code ?? ''}>
                  <td className="text">{g.sample}</td>
                  <td>{g.count}</td>
                  <td>{g.fieldCodes.map((f) => `${f.code} (${f.count})`).join(', ')}</td>
                  <td className="text">
                    {label(g.code)}
                    {g.codedBy && <small> {t('coding.by', { who: g.codedBy })}</small>}
                    <Suggestions
                      suggestions={g.suggestions}
                      title={title}
                      disabled={g.elsewhere > 0}
                      onPick={(code) => void pick(g, code)}
                    />
                  </td>
                  <td>
                    {g.elsewhere > 0 && (
                      <small data-testid="coding-elsewhere">
                        {t('coding.elsewhere', { count: g.elsewhere })}
                      </small>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      disabled={g.elsewhere > 0}
                      onClick={() => toggle(`code:${g.key}`)}
                      data-testid="coding-open"
                    >
                      {g.code === null ? t('coding.code') : t('coding.recode')}
                    </button>
                    {g.code !== null && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={g.elsewhere > 0}
                        onClick={() => toggle(`clear:${g.key}`)}
                        data-testid="coding-clear"
                      >
                        {t('coding.clear')}
                      </button>
                    )}
                  </td>
                </tr>
              );
              if (open === `code:${g.key}`)
                return [
                  row,
                  <tr key={`${g.key}#picker`}>
                    <td colSpan={5}>
                      <CodePicker
                        codes={current.codes}
                        group={g}
                        onPick={(code) => void pick(g, code)}
                        onClose={() => setOpen(null)}
                      />
                    </td>
                  </tr>,
                ];
              if (open === `clear:${g.key}`)
                return [
                  row,
                  <tr key={`${g.key}#clear`}>
                    <td colSpan={5}>
                      <ClearPanel onClear={(reason) => void clear(g, reason)} onClose={() => setOpen(null)} />
                    </td>
                  </tr>,
                ];
              return [row];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
