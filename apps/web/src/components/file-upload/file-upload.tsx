import { CameraOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { type FileCategory, formatFileSize, type StoredFile } from '@zhucheng/contracts';
import { App, Button, Space, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSessionState } from '../../lib/session.ts';
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

function doneItem(file: StoredFile): UploadFile<StoredFile> {
  return {
    uid: file.id,
    name: `${file.name}（${formatFileSize(file.size)}）`,
    status: 'done',
    url: file.downloadUrl,
    response: file,
  };
}

/**
 * 上传附件: shows the size limit and allowed types, checks them before sending, shows progress, retries a
 * failed file with the same Idempotency-Key, and lists the uploaded files with download links.
 */
export function FileUpload(props: FileUploadProps) {
  const { caseId, category, camera, files, onUploaded, disabled, buttonText } = props;
  const { message } = App.useApp();
  const policy = useFilePolicy();
  const session = useSessionState();
  const csrfToken = session.data?.status === 'signedIn' ? session.data.session.csrfToken : null;
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadFile<StoredFile>[]>([]);
  const pending = useRef(new Map<string, Pending>());

  const patch = useCallback((uid: string, change: Partial<UploadFile<StoredFile>>) => {
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
        patch(uid, { status: 'error', error: new Error(text), response: undefined });
        message.error(`“${job.file.name}”上传失败：${text}`);
      }
    },
    [caseId, category, csrfToken, message, onUploaded, patch, queryClient],
  );

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const problem = precheckFile(file, policy);
    if (problem) {
      message.error(problem);
      return Upload.LIST_IGNORE;
    }
    const uid = file.uid;
    pending.current.set(uid, { file, idempotencyKey: crypto.randomUUID() });
    setItems((list) => [...list, { uid, name: file.name, status: 'uploading', percent: 0 }]);
    void send(uid);
    // The component sends by itself (with progress and retry); antd's own request stays unused.
    return false;
  };

  const shown = useMemo(() => {
    const local = new Set(items.map((i) => i.response?.id).filter(Boolean));
    return [...(files ?? []).filter((f) => !local.has(f.id)).map(doneItem), ...items];
  }, [files, items]);

  const common: UploadProps<StoredFile> = {
    multiple: true,
    disabled,
    beforeUpload,
    showUploadList: false,
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
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
      <Upload<StoredFile>
        fileList={shown}
        openFileDialogOnClick={false}
        showUploadList={{ showRemoveIcon: (file) => file.status === 'error', showDownloadIcon: false }}
        onRemove={(file) => {
          pending.current.delete(file.uid);
          setItems((list) => list.filter((i) => i.uid !== file.uid));
          return false;
        }}
        itemRender={(node, file) =>
          file.status === 'error' ? (
            <div>
              {node}
              <Space size={4} style={{ marginInlineStart: 24 }}>
                <Typography.Text type="danger">
                  {String((file.error as Error | undefined)?.message ?? '')}
                </Typography.Text>
                <Button size="small" type="link" icon={<RedoOutlined />} onClick={() => void send(file.uid)}>
                  重试
                </Button>
              </Space>
            </div>
          ) : (
            node
          )
        }
      >
        {null}
      </Upload>
      {shown.length === 0 ? <Typography.Text type="secondary">尚未上传文件</Typography.Text> : null}
    </Space>
  );
}
