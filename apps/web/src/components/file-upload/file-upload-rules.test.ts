import { describe, expect, it } from 'vitest';
import { acceptOf, defaultFilePolicy, precheckFile, uploadHint } from './file-upload-rules.ts';

const MB = 1024 * 1024;

describe('upload form rules', () => {
  it('shows the allowed types and the limit in Chinese', () => {
    expect(uploadHint(defaultFilePolicy)).toBe(
      '支持 PDF、JPG、PNG、Word（DOCX）、Excel（XLSX），单个文件不超过 20 MB',
    );
    expect(uploadHint({ ...defaultFilePolicy, maxBytes: 5 * MB })).toContain('不超过 5 MB');
  });

  it('accepts the allowed extensions and MIME types', () => {
    const accept = acceptOf(defaultFilePolicy);
    for (const item of ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', 'image/jpeg'])
      expect(accept).toContain(item);
  });

  it('stops empty, too large and unsupported files before sending', () => {
    expect(
      precheckFile({ name: '身份证.jpg', size: 1000, type: 'image/jpeg' }, defaultFilePolicy),
    ).toBeNull();
    expect(precheckFile({ name: 'IMG_0001.JPEG', size: 1000, type: '' }, defaultFilePolicy)).toBeNull();
    expect(precheckFile({ name: 'image', size: 1000, type: 'image/png' }, defaultFilePolicy)).toBeNull();
    expect(precheckFile({ name: '空.pdf', size: 0, type: 'application/pdf' }, defaultFilePolicy)).toBe(
      '“空.pdf”是空文件，请选择有内容的文件',
    );
    expect(
      precheckFile({ name: '扫描件.pdf', size: 25 * MB, type: 'application/pdf' }, defaultFilePolicy),
    ).toBe('“扫描件.pdf”大小为 25 MB，超过上限 20 MB，请压缩或拆分后再上传');
    expect(
      precheckFile({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' }, defaultFilePolicy),
    ).toBe('“setup.exe”的类型不支持，只能上传 PDF、JPG、PNG、Word（DOCX）、Excel（XLSX） 文件');
  });
});
