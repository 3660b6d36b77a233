import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '@zhucheng/contracts';
import { Alert, App, Button, Flex, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { downloadFile } from '../../lib/export.ts';
import { useSessionState } from '../../lib/session.ts';
import { FormErrorAlert } from '../form-error-alert.tsx';
import { saveErrorReport, sendImport, useImportKinds } from './import-request.ts';

export interface SpreadsheetImportDialogProps {
  /** The import kind, e.g. legalAid.ledger. */
  kind: string;
  open: boolean;
  onClose: () => void;
  /** After a successful import (refresh the list the rows went into). */
  onImported?: (rows: number) => void;
}

type Shown =
  | { state: 'idle' }
  | { state: 'done'; rows: number }
  | { state: 'report'; report: ImportReport }
  | { state: 'failed'; message: string };

/**
 * 导入台账: download the template, upload the filled .xlsx; either every row is imported, or nothing is and
 * the dialog lists each problem (行号, 列, 问题) with 下载错误报告.
 */
export function SpreadsheetImportDialog({ kind, open, onClose, onImported }: SpreadsheetImportDialogProps) {
  const { message } = App.useApp();
  const kinds = useImportKinds();
  const session = useSessionState();
  const csrfToken = session.data?.status === 'signedIn' ? session.data.session.csrfToken : null;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const def = kinds.data?.items.find((k) => k.code === kind);
  const name = def?.name ?? '台账';
  const required = def?.columns.filter((c) => c.required).map((c) => c.header) ?? [];

  const close = () => {
    setFile(null);
    setShown({ state: 'idle' });
    onClose();
  };

  const start = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await sendImport(kind, file, csrfToken);
      if (outcome.ok) {
        setShown({ state: 'done', rows: outcome.result.rows });
        await queryClient.invalidateQueries();
        onImported?.(outcome.result.rows);
      } else {
        setShown({ state: 'report', report: outcome.report });
      }
    } catch (error) {
      setShown({ state: 'failed', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const template = () => {
    downloadFile(`/api/imports/${encodeURIComponent(kind)}/template.xlsx`, `${name}导入模板.xlsx`).catch(
      (error: unknown) => message.error(errorMessage(error)),
    );
  };

  const done = shown.state === 'done';
  return (
    <Modal
      title={`导入${name}`}
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={close}>
            完成
          </Button>
        ) : (
          <Flex gap={8} justify="end" wrap>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!file} loading={busy} onClick={start}>
              开始导入
            </Button>
          </Flex>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title={`已导入 ${shown.rows} 行`}
          subTitle="全部记录已写入，并记入审计日志"
        />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={12} align="center" wrap justify="space-between">
            <Typography.Text type="secondary" style={{ flex: '1 1 300px' }}>
              请先下载模板，按模板填写后上传（第一行为表头，请勿修改）。
              {required.length > 0 && `必填列：${required.join('、')}。`}
              {def && `一次最多 ${def.maxRows.toLocaleString('zh-CN')} 行。`}
              任何一行有误时整个文件都不会导入。
            </Typography.Text>
            <Button icon={<DownloadOutlined />} onClick={template}>
              下载模板
            </Button>
          </Flex>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setShown({ state: 'idle' });
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setShown({ state: 'idle' });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入填好的 Excel 文件（.xlsx）</p>
          </Upload.Dragger>
          <FormErrorAlert message={shown.state === 'failed' ? shown.message : null} gap={0} />
          {shown.state === 'report' && (
            <ImportErrorReport
              name={name}
              report={shown.report}
              onDownload={() => saveErrorReport(name, shown.report)}
            />
          )}
        </Flex>
      )}
    </Modal>
  );
}

function ImportErrorReport({
  name,
  report,
  onDownload,
}: {
  name: string;
  report: ImportReport;
  onDownload: () => void;
}) {
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        title={report.message}
        description={`共 ${report.rows} 行数据。请对照下表修改文件后重新上传。`}
      />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {report.truncated ? `只列出前 ${report.errors.length} 处` : `共 ${report.errors.length} 处`}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={onDownload} aria-label={`下载${name}错误报告`}>
          下载错误报告
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey={(e) => `${e.row}:${e.column}`}
        dataSource={report.errors}
        pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 72 },
          { title: '列', dataIndex: 'column', width: 140 },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Flex>
  );
}
