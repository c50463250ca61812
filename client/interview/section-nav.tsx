/**
 * The section navigator in the interview's sticky bar: the overall progress, and on a tap the list of
 * sections, each with its state (done, errors, in progress, not started) and answered count, a tap away.
 * Moving through it is free, as in Survey Solutions: what is left is listed by the summary "Finalizar"
 * opens, and required answers are checked when the enumerator leaves a page with "Next".
 */
import { useState } from 'react';
import type { MessageKey, Translate } from '../i18n.ts';
import { progressOf, type Section } from './sections.ts';

const ICON: Record<Section['state'], string> = { done: '✓', errors: '✖', started: '◐', not_started: '○' };

export function SectionNav({
  sections,
  current,
  t,
  onGo,
}: {
  sections: Section[];
  current: string | undefined;
  t: Translate;
  onGo: (section: Section) => void;
}) {
  const [open, setOpen] = useState(false);
  const { answered, total } = progressOf(sections);
  const at = sections.findIndex((s) => s.name === current);
  return (
    <nav className="section-nav" data-testid="section-nav">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        data-testid="sections-toggle"
        onClick={() => setOpen(!open)}
      >
        {t('sections.title')} {at + 1}/{sections.length} ▾
      </button>
      <span className="progress" data-testid="progress" data-answered={answered} data-total={total}>
        <progress value={answered} max={Math.max(total, 1)} />
        {answered}/{total} {t('sections.answered')}
      </span>
      {open && (
        <ol className="section-list">
          {sections.map((s) => (
            <li key={s.name}>
              <button
                type="button"
                className={`link section state-${s.state}`}
                data-section={s.name}
                data-state={s.state}
                aria-current={s.name === current ? 'step' : undefined}
                onClick={() => {
                  setOpen(false);
                  onGo(s);
                }}
              >
                <span aria-hidden="true" className="section-icon">
                  {ICON[s.state]}
                </span>
                <span className="section-title">{s.title}</span>
                <span className="section-count">
                  {s.answered}/{s.total} · {t(`section.${s.state}` as MessageKey)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
