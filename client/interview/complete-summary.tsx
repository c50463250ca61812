/**
 * The screen "Finalizar" opens before an interview is completed: the unanswered required questions, the
 * errors and the warnings (each a tap away from its question), then a confirmation. Errors and warnings
 * look different (red cross, amber triangle). Completing with problems left is allowed, as in Survey
 * Solutions: the supervisor sees them, and the button says so.
 */
import type { Translate } from '../i18n.ts';
import type { Problem, ProblemKind } from './completion-report.ts';

const GROUPS: { kind: ProblemKind; icon: string; title: Parameters<Translate>[0] }[] = [
  { kind: 'unanswered', icon: '○', title: 'complete.unanswered' },
  { kind: 'error', icon: '✖', title: 'complete.errors' },
  { kind: 'warning', icon: '⚠', title: 'complete.warnings' },
];

export function CompleteSummary({
  problems,
  t,
  onGo,
  onConfirm,
  onCancel,
}: {
  problems: Problem[];
  t: Translate;
  onGo: (path: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const blocking = problems.some((p) => p.kind !== 'warning');
  return (
    <section
      className="complete-summary"
      role="dialog"
      aria-labelledby="complete-title"
      data-testid="complete-summary"
    >
      <h2 id="complete-title">{t('complete.title')}</h2>
      {problems.length === 0 && <p data-testid="complete-clean">{t('complete.clean')}</p>}
      {GROUPS.map(({ kind, icon, title }) => {
        const list = problems.filter((p) => p.kind === kind);
        if (list.length === 0) return null;
        return (
          <div key={kind} className={`problems problems-${kind}`} data-testid={`problems-${kind}`}>
            <h3>
              <span aria-hidden="true">{icon}</span> {t(title)} ({list.length})
            </h3>
            <ul>
              {list.map((p) => (
                <li key={`${p.path}-${p.text}`}>
                  <button type="button" className="link" data-path={p.path} onClick={() => onGo(p.path)}>
                    <span className="problem-page">{p.page}</span> · <strong>{p.title}</strong>
                    {kind !== 'unanswered' && <span className="problem-text">{p.text}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div className="complete-actions">
        <button type="button" className="secondary" data-testid="complete-cancel" onClick={onCancel}>
          {t('complete.cancel')}
        </button>
        <button
          type="button"
          className={blocking ? 'danger' : undefined}
          data-testid="complete-confirm"
          onClick={onConfirm}
        >
          {t(blocking ? 'complete.confirmAnyway' : 'complete.confirm')}
        </button>
      </div>
    </section>
  );
}
