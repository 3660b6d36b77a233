import { useParams } from 'react-router';
import { CasePage } from '../../../components/case-kit/case-page.tsx';
import { ApplicationDetails } from '../components/application-details.tsx';

/** One application on the shared case page; the decisions are the workflow's buttons in its header. */
export default function ConsoleApplicationPage() {
  const { caseId = '' } = useParams();
  return (
    <CasePage
      caseId={caseId}
      details={(detail) => <ApplicationDetails caseId={detail.id} />}
      backPath="/legal-aid/applications"
      backLabel="返回援助申请"
    />
  );
}
