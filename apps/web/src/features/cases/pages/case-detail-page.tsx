import { Navigate, useParams } from 'react-router';
import { useCase } from '../../../components/case-kit/case-api.ts';
import { CasePage } from '../../../components/case-kit/case-page.tsx';
import { useModuleCasePath } from '../../../lib/case-pages.ts';

/**
 * A case of any business line on the shared case page; a case whose module has its own page (with the
 * module's tabs) is forwarded there, whichever list, message or drill-down linked here.
 */
export default function CaseDetailPage() {
  const { caseId = '' } = useParams();
  const detail = useCase(caseId);
  const modulePath = useModuleCasePath(detail.data?.caseType, caseId);
  if (modulePath) return <Navigate to={modulePath} replace />;
  return <CasePage caseId={caseId} backPath="/cases" backLabel="返回全部案件" />;
}
