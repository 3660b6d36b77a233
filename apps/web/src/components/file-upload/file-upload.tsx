import {
  CameraOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  PaperClipOutlined,
  RedoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { type FileCategory, formatFileSize, type StoredFile } from '@zhucheng/contracts';
import { Alert, Button, Progress, Space, Typography, Upload, type UploadProps } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from '../../lib/api.ts';
import { useSessionState } from '../../lib/session.ts';
import styles from './file-upload.module.css';
import { acceptOf, cameraAccept, precheckFile, uploadHint } from './file-upload-rules.ts';
import { uploadFile } from './upload-request.ts';
import { filesKey, useFilePolicy } from './use-files.ts';

export interface FileUploadProps {
  /** Staff: the case the files go to. Citizens upload without one (the files stay theirs until a case takes them). */
  caseId?: string;
  category: FileCategory;
  /** Adds a 拍照上传 button that opens the phone's back camera (portal). */
  camera?: boolean;
  /** Files already there, shown with download links. */
  files?: readonly StoredFile[];
  onUploaded?: (file: StoredFile) => void;
  disabled?: boolean;
  buttonText?: string;
}

interface Pending {
  file: File;
  /** Kept across retries, so a retried upload whose first answer was lost is stored once. */
  idempotencyKey: string;
}

interface ItemError {
  message: string;
  /** A lost connection or a busy server, not a refusal of the file itself. */
  retryable: boolean;
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 429;
}

interface ShownFile {
  uid: string;
  name: string;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  file?: StoredFile | undefined;
  error?: ItemError | undefined;
}

function doneItem(file: StoredFile): ShownFile {
  return { uid: file.id, name: file.name, status: 'done', percent: 100, file };
}

/**
 * 上传附件: shows the size limit and allowed types, checks them before sending, shows progress, retries a
 * failed file with the same Idempotency-Key, and lists the uploaded files with download links.
 */
export function FileUpload(props: FileUploadProps) {
  const { caseId, category, camera, files, onUploaded, disabled, buttonText } = props;
  // Shown in place, not as a toast: works in the portal (no antd App there) and stays readable on a phone.
  const [notice, setNotice] = useState<string | null>(null);
  const policy = useFilePolicy();
  const session = useSessionState();
  const csrfToken = session.data?.status === 'signedIn' ? session.data.session.csrfToken : null;
  const queryClient = useQueryClient();
  const [items, setItems] = useState<ShownFile[]>([]);
  const pending = useRef(new Map<string, Pending>());

  const patch = useCallback((uid: string, change: Partial<ShownFile>) => {
    setItems((list) => list.map((item) => (item.uid === uid ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    async (uid: string) => {
      const job = pending.current.get(uid);
      if (!job) return;
      patch(uid, { status: 'uploading', percent: 0, error: undefined });
      try {
        const stored = await uploadFile({
          file: job.file,
          caseId,
          category,
          idempotencyKey: job.idempotencyKey,
          csrfToken,
          onProgress: (percent) => patch(uid, { percent }),
        });
        pending.current.delete(uid);
        patch(uid, { ...doneItem(stored), uid });
        await queryClient.invalidateQueries({ queryKey: filesKey });
        onUploaded?.(stored);
      } catch (error) {
        const text = error instanceof Error ? error.message : '上传失败，请重试';
        patch(uid, { status: 'error', error: { message: text, retryable: isRetryable(error) } });
      }
    },
    [caseId, category, csrfToken, onUploaded, patch, queryClient],
  );

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const problem = precheckFile(file, policy);
    if (problem) {
      setNotice(problem);
      return Upload.LIST_IGNORE;
    }
    setNotice(null);
    const uid = file.uid;
    pending.current.set(uid, { file, idempotencyKey: crypto.randomUUID() });
    setItems((list) => [...list, { uid, name: file.name, status: 'uploading', percent: 0 }]);
    void send(uid);
    // The component sends by itself (with progress and retry); antd's own request stays unused.
    return false;
  };

  const shown = useMemo(() => {
    const local = new Set(items.map((i) => i.file?.id).filter(Boolean));
    return [...(files ?? []).filter((f) => !local.has(f.id)).map(doneItem), ...items];
  }, [files, items]);

  const common: UploadProps = {
    multiple: true,
    disabled,
    beforeUpload,
    showUploadList: false,
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Upload {...common} accept={acceptOf(policy)}>
          <Button icon={<UploadOutlined />} disabled={disabled}>
            {buttonText ?? '选择文件'}
          </Button>
        </Upload>
        {camera ? (
          <Upload {...common} multiple={false} accept={cameraAccept} capture="environment">
            <Button icon={<CameraOutlined />} disabled={disabled}>
              拍照上传
            </Button>
          </Upload>
        ) : null}
      </Space>
      <Typography.Text type="secondary">{uploadHint(policy)}</Typography.Text>
      {notice ? (
        <Alert type="error" showIcon closable={{ onClose: () => setNotice(null) }} title={notice} />
      ) : null}
      {shown.length === 0 ? (
        <Typography.Text type="secondary">尚未上传文件</Typography.Text>
      ) : (
        <ul className={styles.list}>
          {shown.map((item) => (
            <FileRow
              key={item.uid}
              item={item}
              onRetry={() => void send(item.uid)}
              onRemove={() => {
                pending.current.delete(item.uid);
                setItems((list) => list.filter((i) => i.uid !== item.uid));
              }}
            />
          ))}
        </ul>
      )}
    </Space>
  );
}

function FileRow(props: { item: ShownFile; onRetry: () => void; onRemove: () => void }) {
  const { item, onRetry, onRemove } = props;
  if (item.status === 'done' && item.file) {
    return (
      <li className={styles.row}>
        <PaperClipOutlined className={styles.icon} />
        <div className={styles.body}>
          <Typography.Link href={item.file.downloadUrl} className={styles.name} title={item.name}>
            {item.name}
          </Typography.Link>
          <Typography.Text type="secondary" className={styles.meta}>
            {formatFileSize(item.file.size)}
          </Typography.Text>
        </div>
      </li>
    );
  }
  if (item.status === 'uploading') {
    return (
      <li className={styles.row}>
        <LoadingOutlined className={styles.icon} />
        <div className={styles.body}>
          <Typography.Text className={styles.name} title={item.name}>
            {item.name}
          </Typography.Text>
          <Progress percent={item.percent} size="small" aria-label={`${item.name} 上传进度`} />
        </div>
      </li>
    );
  }
  return (
    <li className={styles.row}>
      <ExclamationCircleOutlined className={`${styles.icon} ${styles.failed}`} />
      <div className={styles.body}>
        <Typography.Text type="danger" className={styles.name} title={item.name}>
          {item.name}
        </Typography.Text>
        <Typography.Text type="danger" className={styles.meta}>
          {item.error?.message ?? '上传失败'}
        </Typography.Text>
        <Space size={0} wrap>
          {item.error?.retryable ? (
            <Button size="small" type="link" icon={<RedoOutlined />} onClick={onRetry}>
              重试
            </Button>
          ) : null}
          <Button size="small" type="link" onClick={onRemove}>
            移除
          </Button>
        </Space>
      </div>
    </li>
  );
}
