/**
 * What supervisors, coordinators and admins get after login: the review queue, the dashboard, the
 * assignments (create, reassign, cancel) and the office coding of free texts (a supervisor: the team's);
 * coordinators and admins also the weights and tables (the analyst's screen) and the tablets (revoke).
 */
import { useState } from 'react';
import { STAFF_ROLES as STAFF_ROLE_LIST } from '../../server/contract/vocabulary.ts';
import { AnalystScreen } from '../screens/analyst-screen.tsx';
import { AssignmentManagementScreen } from '../screens/assignment-management-screen.tsx';
import { DashboardScreen } from '../screens/dashboard-screen.tsx';
import { DevicesScreen } from '../screens/devices-screen.tsx';
import { OfficeCodingScreen } from '../screens/office-coding-screen.tsx';
import { ReviewInterviewScreen } from '../screens/review-interview-screen.tsx';
import { ReviewQueueScreen } from '../screens/review-queue-screen.tsx';
import { useAssignmentT } from './assignment-messages.ts';
import { useStaffT } from './messages.ts';
import { useOfficeCodingT } from './office-coding-messages.ts';
import './review.css';

export const STAFF_ROLES: ReadonlySet<string> = new Set(STAFF_ROLE_LIST);
/** Where the browser keeps the questionnaire language the reviewer last chose. */
const REVIEW_LOCALE_KEY = 'morabeza.reviewLocale';

type View =
  | { tab: 'queue' }
  | { tab: 'dashboard' }
  | { tab: 'analysis' }
  | { tab: 'devices' }
  | { tab: 'coding' }
  | { tab: 'assignments' }
  | { tab: 'interview'; interviewId: string; queue: string[]; notice?: string };

export function StaffApp({ role }: { role: string }) {
  const { t } = useStaffT();
  const { t: manageT } = useAssignmentT();
  const { t: codingT } = useOfficeCodingT();
  const [view, setView] = useState<View>(() => ({ tab: role === 'supervisor' ? 'queue' : 'dashboard' }));
  // the questionnaire language the reviewer chose, kept from one interview and one action to the next,
  // and across a reload of the page (the browser keeps it; not personal data)
  const [reviewLocale, setReviewLocale] = useState<string | null>(() =>
    localStorage.getItem(REVIEW_LOCALE_KEY),
  );
  const chooseLocale = (locale: string) => {
    localStorage.setItem(REVIEW_LOCALE_KEY, locale);
    setReviewLocale(locale);
  };
  const [queueNotice, setQueueNotice] = useState<string | null>(null);
  /** After a decision: the next interview of the queue the reviewer opened it from, else the queue. */
  const next = (current: string, queue: string[], notice: string) => {
    const after = queue.slice(queue.indexOf(current) + 1);
    const rest = queue.filter((id) => id !== current);
    if (after.length) setView({ tab: 'interview', interviewId: after[0], queue: rest, notice });
    else {
      setQueueNotice(notice);
      setView({ tab: 'queue' });
    }
  };
  return (
    <div className="staff-app">
      <nav className="staff-tabs" aria-label={t('staff.tabs')}>
        <button
          type="button"
          className={view.tab === 'queue' || view.tab === 'interview' ? 'tab active' : 'tab'}
          onClick={() => setView({ tab: 'queue' })}
          data-testid="tab-queue"
        >
          {t('staff.queue')}
        </button>
        <button
          type="button"
          className={view.tab === 'dashboard' ? 'tab active' : 'tab'}
          onClick={() => setView({ tab: 'dashboard' })}
          data-testid="tab-dashboard"
        >
          {t('staff.dashboard')}
        </button>
        <button
          type="button"
          className={view.tab === 'assignments' ? 'tab active' : 'tab'}
          onClick={() => setView({ tab: 'assignments' })}
          data-testid="tab-assignments"
        >
          {manageT('manage.tab')}
        </button>
        {role !== 'supervisor' ? (
          <button
            type="button"
            className={view.tab === 'analysis' ? 'tab active' : 'tab'}
            onClick={() => setView({ tab: 'analysis' })}
            data-testid="tab-analysis"
          >
            {t('staff.analysis')}
          </button>
        ) : null}
        {role !== 'supervisor' ? (
          <button
            type="button"
            className={view.tab === 'devices' ? 'tab active' : 'tab'}
            onClick={() => setView({ tab: 'devices' })}
            data-testid="tab-devices"
          >
            {t('staff.devices')}
          </button>
        ) : null}
        <button
          type="button"
          className={view.tab === 'coding' ? 'tab active' : 'tab'}
          onClick={() => setView({ tab: 'coding' })}
          data-testid="tab-coding"
        >
          {codingT('coding.tab')}
        </button>
      </nav>
      {view.tab === 'interview' ? (
        <ReviewInterviewScreen
          key={view.interviewId}
          interviewId={view.interviewId}
          locale={reviewLocale}
          onLocale={chooseLocale}
          notice={view.notice ?? null}
          onDecided={(notice) => next(view.interviewId, view.queue, notice)}
          onBack={() => {
            setQueueNotice(null);
            setView({ tab: 'queue' });
          }}
        />
      ) : view.tab === 'dashboard' ? (
        <DashboardScreen />
      ) : view.tab === 'analysis' ? (
        <AnalystScreen />
      ) : view.tab === 'devices' ? (
        <DevicesScreen />
      ) : view.tab === 'coding' ? (
        <OfficeCodingScreen />
      ) : view.tab === 'assignments' ? (
        <AssignmentManagementScreen />
      ) : (
        <ReviewQueueScreen
          role={role}
          notice={queueNotice}
          onOpen={(interviewId, queue) => setView({ tab: 'interview', interviewId, queue })}
        />
      )}
    </div>
  );
}
