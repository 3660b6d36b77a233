import { permissions } from '@zhucheng/contracts';
import type { CasePageSection } from '../../../../components/case-kit/case-page.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useApplication } from '../../api/legal-aid-api.ts';
import { PledgeSection } from './pledge-section.tsx';
import { RatingSection } from './rating-section.tsx';

/**
 * The case page's 质量评估 tab (closed cases are rated there) and, when the applicant proved hardship by the
 * pledge (or was drawn for verification), the 承诺核查 tab; both for holders of legalAid:rate.
 */
export function useQualitySections(caseId: string): CasePageSection[] {
  const can = useCan();
  const app = useApplication(caseId);
  if (!can(permissions.legalAid.rate)) return [];
  const pledged = app.data?.hardship.proof === 'pledge' || app.data?.meansTest.needsVerification === true;
  return [
    { key: 'quality', label: '质量评估', render: (detail) => <RatingSection caseId={detail.id} /> },
    ...(pledged
      ? [
          {
            key: 'pledge',
            label: '承诺核查',
            render: (detail: { id: string }) => <PledgeSection caseId={detail.id} />,
          },
        ]
      : []),
  ];
}
