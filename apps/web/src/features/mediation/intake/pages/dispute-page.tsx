import { useParams } from 'react-router';
import { CasePage } from '../../../../components/case-kit/case-page.tsx';
import { useProcessSections } from '../../process/index.ts';
import { DisputeDetails } from '../components/dispute-details.tsx';

/** One dispute on the shared case page: its facts and dispatch, then the mediation's own tabs. */
export default function DisputePage() {
  const { caseId = '' } = useParams();
  const sections = useProcessSections(caseId);
  return (
    <CasePage
      caseId={caseId}
      details={(detail) => <DisputeDetails caseId={detail.id} />}
      sections={sections}
      backPath="/mediation/disputes"
      backLabel="返回纠纷列表"
    />
  );
}
