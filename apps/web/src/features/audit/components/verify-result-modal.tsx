import { Button, Descriptions, Modal, Result } from 'antd';
import { formatDateTimeSeconds } from '../../../lib/format.ts';
import type { AuditVerification } from '../api/use-audit.ts';

const reasonLabels: Record<NonNullable<AuditVerification['reason']>, string> = {
  hashMismatch: '记录内容与封存时的哈希值不符（可能被修改）',
  prevHashMismatch: '与前一条记录的链接断开（可能被删除或插入）',
  gap: '封存序号不连续（可能有记录被删除）',
  checkpointInvalid: '清理检查点的签名无效',
};

export function VerifyResultModal({
  result,
  onClose,
}: {
  result: AuditVerification | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={result !== null}
      title="审计日志完整性核验"
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          关闭
        </Button>
      }
      width={600}
    >
      {result && (
        <>
          <Result
            status={result.ok ? 'success' : 'error'}
            title={result.ok ? '正常：未发现篡改' : '异常：发现被篡改或缺失的记录'}
            subTitle={result.message}
            style={{ padding: '16px 0' }}
          />
          <Descriptions
            bordered
            column={1}
            size="small"
            styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'sealed', label: '已校验封存记录', children: `${result.sealedRows} 条` },
              { key: 'unsealed', label: '等待封存的新记录', children: `${result.unsealedRows} 条` },
              ...(result.lastSealSeq !== null
                ? [{ key: 'last', label: '最后封存序号', children: result.lastSealSeq }]
                : []),
              ...(result.brokenAt
                ? [
                    {
                      key: 'broken',
                      label: '第一条异常记录',
                      children: `记录编号 ${result.brokenAt.id}${result.brokenAt.sealSeq !== null ? `（封存第 ${result.brokenAt.sealSeq} 位）` : ''}`,
                    },
                  ]
                : []),
              ...(result.reason
                ? [{ key: 'reason', label: '异常原因', children: reasonLabels[result.reason] }]
                : []),
              ...(result.checkpoint
                ? [
                    {
                      key: 'checkpoint',
                      label: '清理检查点',
                      children: `封存至第 ${result.checkpoint.throughSealSeq} 位（${formatDateTimeSeconds(result.checkpoint.throughAt)}），签名${result.checkpoint.signature === 'valid' ? '有效' : '未校验'}`,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Modal>
  );
}
