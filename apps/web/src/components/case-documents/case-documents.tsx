import { DownloadOutlined, EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import { type CaseDocument, permissions } from '@zhucheng/contracts';
import { App, Button, Empty, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useCan } from '../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../lib/api.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { LoadError } from '../load-error.tsx';
import {
  openPdfPreview,
  useCaseDocuments,
  useDocumentTemplates,
  useGenerateDocument,
} from './use-case-documents.ts';

interface CaseDocumentsProps {
  caseId: string;
  /** The case's type: its templates are offered. */
  caseType: string;
}

/**
 * 文书 section of the case page: generate a document from one of the case type's templates (numbered,
 * stored as a file of the case), and the documents so far with their Word download and PDF preview.
 */
export function CaseDocuments({ caseId, caseType }: CaseDocumentsProps) {
  const can = useCan();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const canGenerate = can(permissions.document.generate);
  const templates = useDocumentTemplates(caseType);
  const documents = useCaseDocuments(caseId);
  const generate = useGenerateDocument(caseId);
  const [templateCode, setTemplateCode] = useState<string | undefined>();
  const [previewing, setPreviewing] = useState<string | null>(null);

  const active = (templates.data?.items ?? []).filter((t) => t.active);
  const chosen = templateCode ?? active[0]?.code;

  // One key per document the user means to make: a retry after a lost answer (network error) sends the
  // same key, so the server returns the first document instead of numbering a second one.
  const pendingKey = useRef<{ templateCode: string; key: string } | null>(null);
  const onGenerate = () => {
    if (!chosen) return;
    if (pendingKey.current?.templateCode !== chosen) {
      pendingKey.current = { templateCode: chosen, key: crypto.randomUUID() };
    }
    generate.mutate(
      { templateCode: chosen, idempotencyKey: pendingKey.current.key },
      {
        onSuccess: (doc) => {
          pendingKey.current = null;
          message.success(`已生成${doc.name}${doc.docNo ? `（${doc.docNo}）` : ''}`);
        },
        onError: (error) => {
          if (!(error instanceof ApiRequestError && error.isNetworkError)) pendingKey.current = null;
          message.error(errorMessage(error));
        },
      },
    );
  };

  const onPreview = async (doc: CaseDocument) => {
    setPreviewing(doc.id);
    const problem = await openPdfPreview(doc.previewUrl);
    setPreviewing(null);
    if (problem) message.error(problem);
  };

  const actions = (doc: CaseDocument) => (
    <Flex wrap gap={4}>
      <Button size="small" icon={<DownloadOutlined />} href={doc.downloadUrl} download>
        下载 Word
      </Button>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={previewing === doc.id}
        onClick={() => onPreview(doc)}
      >
        预览 PDF
      </Button>
    </Flex>
  );
  const wideColumns: TableColumnsType<CaseDocument> = [
    {
      title: '文书',
      dataIndex: 'name',
      render: (name: string, doc) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary">{doc.docNo ?? '无文号'}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '生成人',
      dataIndex: 'createdBy',
      width: 120,
      render: (by: string | null) => by ?? '系统',
    },
    {
      title: '生成时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_: unknown, doc) => actions(doc),
    },
  ];
  // A phone: everything in one column, the buttons under the name.
  const narrowColumns: TableColumnsType<CaseDocument> = [
    {
      title: '文书',
      dataIndex: 'name',
      render: (name: string, doc) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary">{doc.docNo ?? '无文号'}</Typography.Text>
          <Typography.Text type="secondary">
            {doc.createdBy ?? '系统'} · {dayjs(doc.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          {actions(doc)}
        </Flex>
      ),
    },
  ];

  if (documents.isError) {
    return (
      <LoadError
        error={documents.error}
        onRetry={() => documents.refetch()}
        retrying={documents.isFetching}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      {canGenerate && (
        <Flex wrap gap={8} align="center">
          <Select
            aria-label="文书模板"
            style={{ minWidth: narrow ? '100%' : 260, flex: narrow ? '1 1 100%' : undefined }}
            placeholder={templates.isLoading ? '正在加载模板…' : '本类案件暂无文书模板'}
            disabled={active.length === 0}
            value={chosen}
            onChange={setTemplateCode}
            options={active.map((t) => ({ value: t.code, label: t.name }))}
          />
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            disabled={!chosen}
            loading={generate.isPending}
            onClick={onGenerate}
          >
            生成文书
          </Button>
          {templates.isError && (
            <Typography.Text type="danger">{errorMessage(templates.error)}</Typography.Text>
          )}
        </Flex>
      )}
      <Table<CaseDocument>
        rowKey="id"
        size="middle"
        loading={documents.isLoading}
        dataSource={documents.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未生成文书" /> }}
        columns={narrow ? narrowColumns : wideColumns}
      />
    </Flex>
  );
}
