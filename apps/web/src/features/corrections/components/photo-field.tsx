import type { StoredFile } from '@zhucheng/contracts';
import { Alert, Button, Flex, Image, Typography } from 'antd';
import { useState } from 'react';
import { FileUpload } from '../../../components/file-upload/index.ts';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

/** The photo's address for an <img>: the platform's file download, shown inline. */
export const photoUrl = (fileId: string) => `/api/files/${fileId}?inline=true`;

interface PhotoFieldProps {
  value?: string | null;
  onChange?: (fileId: string | null) => void;
}

/**
 * 照片: uploaded through the platform's file upload (size and type checked, camera on a tablet), kept
 * as the form's `photoFileId`; JPEG or PNG only, as the register requires.
 */
// Uploaded without a case: the register's save files it with the supervisee's case (and refuses a file
// already filed elsewhere), so a new record and an edit work the same way.
export function PhotoField({ value, onChange }: PhotoFieldProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const onUploaded = (file: StoredFile) => {
    if (!PHOTO_TYPES.has(file.mime)) {
      setProblem(`“${file.name}”不是 JPEG 或 PNG 图片，不能作为照片，请重新选择`);
      return;
    }
    setProblem(null);
    onChange?.(file.id);
  };
  return (
    <Flex vertical gap={8}>
      {value ? (
        <Flex gap={12} align="flex-end">
          <Image
            src={photoUrl(value)}
            alt="社区矫正对象照片"
            width={96}
            height={128}
            style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }}
            fallback="data:image/gif;base64,R0lGODlhAQABAAAAACw="
          />
          <Button size="small" onClick={() => onChange?.(null)}>
            移除照片
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">近期正面免冠照片，JPEG 或 PNG。</Typography.Text>
      )}
      {problem ? <Alert type="warning" showIcon title={problem} /> : null}
      <FileUpload
        category="photo"
        camera
        onUploaded={onUploaded}
        buttonText={value ? '更换照片' : '上传照片'}
      />
    </Flex>
  );
}
