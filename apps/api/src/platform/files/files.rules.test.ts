import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, FILE_NAME_MAX, tooLargeMessage } from './files.rules.ts';

describe('file names and headers', () => {
  it('drops paths, control and bidi characters, and adds the real extension', () => {
    expect(cleanFileName('C:\\Users\\张三\\身份证.jpg', 'image/jpeg')).toBe('身份证.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('发票\u202egpj.exe', 'image/png')).toBe('发票gpj.exe.png');
    expect(cleanFileName('image', 'image/jpeg')).toBe('image.jpg');
    expect(cleanFileName('照片.JPEG', 'image/jpeg')).toBe('照片.JPEG');
    expect(cleanFileName('  ', 'application/pdf')).toBe('未命名文件.pdf');
    expect(cleanFileName(undefined, 'image/png')).toBe('未命名文件.png');
    expect(cleanFileName('a"b<c>.pdf', 'application/pdf')).toBe('a_b_c_.pdf');
  });

  it('keeps at most 200 characters, extension included', () => {
    const name = cleanFileName(
      `${'很长的名字'.repeat(60)}.docx`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('sends Chinese names by RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('决定书 (1).pdf')).toBe(
      `attachment; filename="___ (1).pdf"; filename*=UTF-8''%E5%86%B3%E5%AE%9A%E4%B9%A6%20%281%29.pdf`,
    );
    expect(contentDisposition('a.png', 'inline')).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
  });

  it('names the limit in megabytes', () => {
    expect(tooLargeMessage(20 * 1024 * 1024)).toBe('文件超过大小上限 20 MB，请压缩或拆分后再上传');
  });
});
