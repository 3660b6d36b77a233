import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCaseDocuments } from '../../../../components/case-documents/use-case-documents.ts';
import { useCan } from '../../../../lib/access.tsx';

/** The Word download of a document generated on a case (审批表, 奖惩决定书, 电子定位监管审批表). */
export function DocumentLink({
  caseId,
  documentId,
  label,
}: {
  caseId: string;
  documentId: string | null;
  label: string;
}) {
  const can = useCan();
  const documents = useCaseDocuments(caseId);
  if (!documentId || !can('document:read')) return null;
  const doc = documents.data?.items.find((d) => d.id === documentId);
  if (!doc) return null;
  return (
    <Button type="link" size="small" icon={<DownloadOutlined />} href={doc.downloadUrl} download>
      {label}
    </Button>
  );
}
