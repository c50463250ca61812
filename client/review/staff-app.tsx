/**
 * What supervisors, coordinators and admins get after login: the review queue and the dashboard;
 * coordinators and admins also the weights and tables (the analyst's screen) and the tablets (revoke).
 */
import { useState } from 'react';
import { STAFF_ROLES as STAFF_ROLE_LIST } from '../../server/contract/vocabulary.ts';
import { AnalystScreen } from '../screens/analyst-screen.tsx';
import { DashboardScreen } from '../screens/dashboard-screen.tsx';
import { DevicesScreen } from '../screens/devices-screen.tsx';
import { ReviewInterviewScreen } from '../screens/review-interview-screen.tsx';
import { ReviewQueueScreen } from '../screens/review-queue-screen.tsx';
import { useStaffT } from './messages.ts';
import './review.css';

export const STAFF_ROLES: ReadonlySet<string> = new Set(STAFF_ROLE_LIST);

type View =
  | { tab: 'queue' }
  | { tab: 'dashboard' }
  | { tab: 'analysis' }
  | { tab: 'devices' }
  | { tab: 'interview'; interviewId: string };

export function StaffApp({ role }: { role: string }) {
  const { t } = useStaffT();
  const [view, setView] = useState<View>(() => ({ tab: role === 'supervisor' ? 'queue' : 'dashboard' }));
  return (
    <div className="staff-app">
      <nav className="staff-tabs" aria-label="staff">
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
      </nav>
      {view.tab === 'interview' ? (
        <ReviewInterviewScreen
          key={view.interviewId}
          interviewId={view.interviewId}
          onBack={() => setView({ tab: 'queue' })}
        />
      ) : view.tab === 'dashboard' ? (
        <DashboardScreen />
      ) : view.tab === 'analysis' ? (
        <AnalystScreen />
      ) : view.tab === 'devices' ? (
        <DevicesScreen />
      ) : (
        <ReviewQueueScreen role={role} onOpen={(interviewId) => setView({ tab: 'interview', interviewId })} />
      )}
    </div>
  );
}
