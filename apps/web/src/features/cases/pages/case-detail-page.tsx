import { useParams } from 'react-router';
import { CasePage } from '../../../components/case-kit/case-page.tsx';

/** A case of any business line on the shared case page; modules with their own page add their details. */
export default function CaseDetailPage() {
  const { caseId = '' } = useParams();
  return <CasePage caseId={caseId} backPath="/cases" backLabel="返回全部案件" />;
}
