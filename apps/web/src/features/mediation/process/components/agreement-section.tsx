import type { MediationProcessView, StoredFile } from '@zhucheng/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useUpdatePerformance } from '../api/process-api.ts';
import { AcceptanceCard } from './acceptance-card.tsx';
import { OutcomeCard } from './outcome-card.tsx';
import { errorText, FileLinks, prewrap } from './shared.tsx';

/** The signed scan of a written agreement, uploaded after the signing. */
function SignedScan({ view }: { view: MediationProcessView }) {
  const update = useUpdatePerformance();
  const [pending, setPending] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const agreement = view.agreement;
  if (!agreement) return null;
  const save = async () => {
    setError(null);
    try {
      await update.mutateAsync({
        caseId: view.caseId,
        body: { version: agreement.version, signedFileIds: pending.map((f) => f.id) },
      });
      setPending([]);
      message.success('签字协议扫描件已保存');
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后重试'));
    }
  };
  return (
    <div>
      <FormErrorAlert message={error} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FileUpload
          category="evidence"
          files={pending}
          onUploaded={(f) => setPending((list) => [...list, f])}
          buttonText="上传签字盖章后的协议扫描件"
        />
        {pending.length > 0 && (
          <Button type="primary" loading={update.isPending} onClick={save}>
            保存扫描件
          </Button>
        )}
      </Space>
    </div>
  );
}

/** 调解结果与协议: 受理 / 不予受理, the outcome forms, the outcome and the agreement with its .docx. */
export function AgreementSection({ view }: { view: MediationProcessView }) {
  const narrow = useIsNarrow();
  const a = view.agreement;
  // On a phone the bordered label column would shrink to one character a line: labels above the values.
  const stacked = narrow ? 'vertical' : 'horizontal';
  return (
    <div>
      {view.canHandle && view.status === 'received' && <AcceptanceCard view={view} />}
      {view.canHandle && view.status === 'mediating' && <OutcomeCard view={view} />}
      {view.status === 'declined' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="不予受理"
          description={view.declineReason ?? ''}
        />
      )}
      {view.outcome && (
        <Card size="small" title="调解结果" style={{ marginBottom: 16 }}>
          <Descriptions column={narrow ? 1 : 2} size="small" bordered layout={stacked}>
            <Descriptions.Item label="结果">{view.outcomeLabel}</Descriptions.Item>
            <Descriptions.Item label="日期">{view.outcomeOn}</Descriptions.Item>
            <Descriptions.Item label="主持调解员">{view.leadMediator?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="调委会">{view.committee.name}</Descriptions.Item>
            {view.outcomeNote && (
              <Descriptions.Item label="原因" span={narrow ? 1 : 2}>
                <Typography.Paragraph style={prewrap}>{view.outcomeNote}</Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {a ? (
        <Card size="small" title={`调解协议（${a.formLabel}）`}>
          <Descriptions column={1} size="small" bordered layout={stacked}>
            <Descriptions.Item label="协议内容">
              <Typography.Paragraph style={prewrap}>{a.terms}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="履行方式">{a.performanceTerms ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="履行期限">{a.performanceDueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="生效日期">{a.effectiveOn}</Descriptions.Item>
            <Descriptions.Item label="履行情况">{a.performanceStatusLabel}</Descriptions.Item>
            {a.document && (
              <Descriptions.Item label="调解协议书">
                <Space wrap>
                  <a href={a.document.downloadUrl} style={{ wordBreak: 'break-all' }}>
                    下载 {a.document.name}
                  </a>
                  <a href={a.document.previewUrl} target="_blank" rel="noreferrer">
                    预览
                  </a>
                </Space>
              </Descriptions.Item>
            )}
            {a.form === 'written' && (
              <Descriptions.Item label="签字协议扫描件">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {a.signedFiles.length ? <FileLinks files={a.signedFiles} /> : '尚未上传'}
                  {view.canHandle && <SignedScan view={view} />}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          {a.form === 'oral' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              口头协议自各方达成一致时生效，内容已记入调解员的办理记录（人民调解法第三十条）。
            </Typography.Paragraph>
          )}
        </Card>
      ) : (
        !view.outcome &&
        view.status !== 'declined' &&
        !(view.canHandle && (view.status === 'received' || view.status === 'mediating')) && (
          <Empty description="调解结束后在这里显示调解结果和协议" />
        )
      )}
    </div>
  );
}
