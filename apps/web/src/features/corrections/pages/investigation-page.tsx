import { useParams } from 'react-router';
import { CasePage } from '../../../components/case-kit/case-page.tsx';
import { InvestigationSections } from '../components/investigation-sections.tsx';

/** 调查评估 case: the shared case page with the request, its clock, the assessment and delivery on top. */
export default function InvestigationPage() {
  const { caseId = '' } = useParams();
  return (
    <CasePage
      caseId={caseId}
      details={(detail) => <InvestigationSections caseId={detail.id} />}
      backPath="/corrections/investigations"
      backLabel="返回调查评估"
    />
  );
}
