import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { CasePageSection } from '../../../../components/case-kit/case-page.tsx';
import { useProcessView } from '../api/process-api.ts';
import { AgreementSection } from './agreement-section.tsx';
import { ConfirmationSection } from './confirmation-section.tsx';
import { FollowUpSection } from './follow-up-section.tsx';
import { SessionsSection } from './sessions-section.tsx';

/**
 * The dispute page's mediation tabs: 调解记录, 调解结果与协议, 回访与履行, 司法确认 — one read of the process
 * view, each tab a part of it.
 */
export function useProcessSections(caseId: string): CasePageSection[] {
  const query = useProcessView(caseId);
  const view = query.data;
  const wrap = (render: (v: NonNullable<typeof view>) => ReactNode) => () => {
    if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
    if (!view) return <Skeleton active />;
    return render(view);
  };
  return [
    { key: 'sessions', label: '调解记录', render: wrap((v) => <SessionsSection view={v} />) },
    { key: 'agreement', label: '调解结果与协议', render: wrap((v) => <AgreementSection view={v} />) },
    { key: 'follow-ups', label: '回访与履行', render: wrap((v) => <FollowUpSection view={v} />) },
    { key: 'confirmation', label: '司法确认', render: wrap((v) => <ConfirmationSection view={v} />) },
  ];
}
