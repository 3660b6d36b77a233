import { useParams } from 'react-router';
import { CasePage } from '../../../components/case-kit/case-page.tsx';
import { AssignmentSection } from '../assignment/index.ts';
import { ApplicationDetails } from '../components/application-details.tsx';
import { CaseworkSection } from '../lawyer-case/index.ts';
import { useQualitySections } from '../quality/index.ts';

/** One application on the shared case page; the decisions are the workflow's buttons in its header. */
export default function ConsoleApplicationPage() {
  const { caseId = '' } = useParams();
  const qualitySections = useQualitySections(caseId);
  return (
    <CasePage
      caseId={caseId}
      details={(detail) => <ApplicationDetails caseId={detail.id} />}
      sections={[
        {
          key: 'assignment',
          label: '指派律师',
          render: (detail) => <AssignmentSection caseId={detail.id} />,
        },
        {
          key: 'casework',
          label: '承办情况',
          render: (detail) => <CaseworkSection caseId={detail.id} caseNo={detail.caseNo} />,
        },
        ...qualitySections,
      ]}
      backPath="/legal-aid/applications"
      backLabel="返回援助申请"
    />
  );
}
