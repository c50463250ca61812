/**
 * One change to assignments, as a small form: reassign (to whom, why), cancel (why) or create (survey,
 * EA, dwelling and household numbers of a household of the sample, to whom, why). The reason is always
 * required: the server keeps it in the audit log. A refusal is shown in the screen's language.
 */
import { type FormEvent, useState } from 'react';
import type { AssignableEnumerator, Assignment } from '../../server/contract/assignments.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import type { ApiResult } from '../sync/api-client.ts';
import { cancelAssignment, createAssignment, reassignAssignment } from './assignment-api.ts';
import { type AssignmentKey, useAssignmentT } from './assignment-messages.ts';
import { problemText } from './review-api.ts';

export type Change =
  | { kind: 'reassign'; assignment: Assignment }
  | { kind: 'cancel'; assignment: Assignment }
  | { kind: 'create' };

const EXPLAINED = [
  'assignment.interviewed',
  'assignment.started',
  'assignment.cancelled',
  'assignment.exists',
];

export function ChangeForm({
  change,
  people,
  surveys,
  areas,
  onDone,
  onClose,
}: {
  change: Change;
  people: AssignableEnumerator[];
  surveys: string[];
  areas: string[];
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t, tablet } = useAssignmentT();
  const current = change.kind === 'create' ? null : change.assignment;
  const [enumeratorId, setEnumeratorId] = useState('');
  const [reason, setReason] = useState('');
  const [survey, setSurvey] = useState(surveys[0] ?? '');
  const [ea, setEa] = useState('');
  const [dwelling, setDwelling] = useState('');
  const [household, setHousehold] = useState('1');
  const [error, setError] = useState<BannerText | null>(null);
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;

  const explain = (r: Exclude<ApiResult<unknown>, { kind: 'ok' }>) => {
    const p = 'problem' in r ? r.problem : null;
    if (p && EXPLAINED.includes(p.code)) {
      const id = (p.details as { assignmentId?: string } | undefined)?.assignmentId ?? '';
      return t(`manage.problem.${p.code}` as AssignmentKey, { id });
    }
    return problemText(r);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    if (change.kind === 'cancel') {
      const r = await cancelAssignment(change.assignment.id, { reason });
      if (r.kind === 'ok') onDone(t('manage.cancelled', { id: r.data.id }));
      else setError(explain(r));
    } else if (change.kind === 'reassign') {
      const r = await reassignAssignment(change.assignment.id, { enumeratorId, reason });
      if (r.kind === 'ok')
        onDone(t('manage.reassigned', { id: r.data.id, name: nameOf(r.data.enumeratorId) }));
      else setError(explain(r));
    } else {
      const r = await createAssignment({
        survey,
        eaCode: ea.trim(),
        dwelling: Number(dwelling),
        household: Number(household),
        enumeratorId,
        reason,
      });
      if (r.kind === 'ok') onDone(t('manage.created', { id: r.data.id, name: nameOf(r.data.enumeratorId) }));
      else setError(explain(r));
    }
    setBusy(false);
  };

  const title =
    change.kind === 'cancel'
      ? t('manage.confirmCancel')
      : change.kind === 'reassign'
        ? t('manage.confirmReassign')
        : t('manage.confirmCreate');
  return (
    <form className="change-form" onSubmit={(e) => void submit(e)} data-testid="change-form">
      <h2>{title}</h2>
      {current && (
        <p>
          {tablet('assignments.ea')} {current.ea.code} · {tablet('assignments.dwelling')} {current.dwelling} ·{' '}
          {tablet('assignments.household')} {current.household} · {nameOf(current.enumeratorId)}
        </p>
      )}
      {change.kind === 'create' && (
        <div className="filters">
          <label>
            {t('manage.survey')}
            <select value={survey} onChange={(e) => setSurvey(e.target.value)} data-testid="create-survey">
              {surveys.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {tablet('assignments.ea')}
            <input
              value={ea}
              onChange={(e) => setEa(e.target.value)}
              list="assignment-areas"
              required
              size={12}
              data-testid="create-ea"
            />
            <datalist id="assignment-areas">
              {areas.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </label>
          <label>
            {tablet('assignments.dwelling')}
            <input
              type="number"
              min={1}
              value={dwelling}
              onChange={(e) => setDwelling(e.target.value)}
              required
              data-testid="create-dwelling"
            />
          </label>
          <label>
            {tablet('assignments.household')}
            <input
              type="number"
              min={1}
              value={household}
              onChange={(e) => setHousehold(e.target.value)}
              required
              data-testid="create-household"
            />
          </label>
        </div>
      )}
      {change.kind !== 'cancel' && (
        <label>
          {t('manage.to')}
          <select
            value={enumeratorId}
            onChange={(e) => setEnumeratorId(e.target.value)}
            required
            data-testid="change-enumerator"
          >
            <option value="">{t('manage.choose')}</option>
            {people
              .filter((p) => p.id !== current?.enumeratorId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName} ({p.username})
                </option>
              ))}
          </select>
        </label>
      )}
      <label>
        {t('manage.reason')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          maxLength={500}
          rows={2}
          data-testid="change-reason"
        />
      </label>
      {error && (
        <div className="banner warn" role="alert">
          <BannerContent value={error} />
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="change-submit">
          {title}
        </button>
        <button type="button" onClick={onClose}>
          {t('manage.close')}
        </button>
      </div>
    </form>
  );
}
