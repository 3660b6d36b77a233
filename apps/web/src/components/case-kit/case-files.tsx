import type { CaseDetail } from '@zhucheng/contracts';
import { Flex, Typography } from 'antd';
import { FileUpload, useCaseFiles } from '../file-upload/index.ts';
import { LoadError } from '../load-error.tsx';

/** 材料: the files of the case (evidence and proofs brought by the parties, generated documents too). */
export function CaseFiles({ detail }: { detail: CaseDetail }) {
  const files = useCaseFiles(detail.id);
  if (files.isError) return <LoadError error={files.error} onRetry={() => files.refetch()} />;
  const items = files.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {files.isSuccess && items.length === 0 && (
        <Typography.Text type="secondary">暂无材料。当事人提交的证据、证明可在这里上传。</Typography.Text>
      )}
      <FileUpload caseId={detail.id} category="evidence" files={items} buttonText="上传材料" />
    </Flex>
  );
}
