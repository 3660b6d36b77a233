import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../http/app-error.ts';
import { fontSizePt, LINE_SPACING_PT, mmToPoints, officialPage } from './documents.rules.ts';
import type { DocumentContent } from './documents.schema.ts';

// The PDF preview. The official fonts (方正小标宋简体, 仿宋_GB2312) are not on Linux: the preview sets the
// same page in Noto Serif CJK SC from Debian's fonts-noto-cjk (the .docx still names the official fonts).

/** Where Debian's fonts-noto-cjk puts its collections. */
export const DEFAULT_CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

const fontFiles = {
  regular: { file: 'NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  bold: { file: 'NotoSerifCJK-Bold.ttc', postscriptName: 'NotoSerifCJKsc-Bold' },
} as const;

export const FONTS_MISSING_MESSAGE =
  '无法生成 PDF 预览：服务器未安装中文字体。请系统管理员安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）后重试；Word 文书仍可下载。';

interface PdfMakeDocument {
  getBuffer(): Promise<Buffer>;
}
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, [string, string]>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): PdfMakeDocument;
}

// pdfmake ships no types; its server build is CommonJS and exports one configured instance.
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

/** The preview as PDF bytes, or 503 with the package to install when the fonts are missing. */
export async function renderPdf(content: DocumentContent, fontDir = DEFAULT_CJK_FONT_DIR): Promise<Buffer> {
  const regular = path.join(fontDir, fontFiles.regular.file);
  const bold = path.join(fontDir, fontFiles.bold.file);
  if (!fs.existsSync(regular) || !fs.existsSync(bold)) {
    throw new AppError('FONTS_MISSING', 503, FONTS_MISSING_MESSAGE);
  }
  const { marginMm } = officialPage;
  // pdfmake's lineHeight multiplies the font's own line height (about 1.45 em for Noto CJK).
  const bodyLineHeight = LINE_SPACING_PT / (fontSizePt.size3 * 1.448);
  const body = { fontSize: fontSizePt.size3, lineHeight: bodyLineHeight };
  const content_: Record<string, unknown>[] = [];
  if (content.docNo) content_.push({ text: content.docNo, alignment: 'center', ...body });
  content_.push(
    {
      text: content.title,
      style: 'title',
      alignment: 'center',
      margin: [0, LINE_SPACING_PT / 2, 0, LINE_SPACING_PT],
    },
    ...content.paragraphs.map((text) => ({
      text,
      // The two-character first-line indent.
      leadingIndent: fontSizePt.size3 * 2,
      alignment: 'justify',
      ...body,
    })),
    {
      stack: [content.issuingUnit, content.date],
      alignment: 'right',
      margin: [0, LINE_SPACING_PT * 2, fontSizePt.size3 * 4, 0],
      ...body,
    },
  );
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(path.resolve(fontDir) + path.sep));
  pdfmake.setFonts({
    NotoSerifCJK: {
      normal: [regular, fontFiles.regular.postscriptName],
      bold: [bold, fontFiles.bold.postscriptName],
      italics: [regular, fontFiles.regular.postscriptName],
      bolditalics: [bold, fontFiles.bold.postscriptName],
    },
  });
  const document = pdfmake.createPdf({
    info: { title: content.title, creator: '珠城智慧司法平台' },
    pageSize: { width: mmToPoints(officialPage.widthMm), height: mmToPoints(officialPage.heightMm) },
    pageMargins: [
      mmToPoints(marginMm.left),
      mmToPoints(marginMm.top),
      mmToPoints(marginMm.right),
      mmToPoints(marginMm.bottom),
    ],
    defaultStyle: { font: 'NotoSerifCJK', fontSize: fontSizePt.size3 },
    styles: { title: { fontSize: fontSizePt.size2, bold: true } },
    content: content_,
    footer: (page: number) => ({
      text: `— ${page} —`,
      alignment: 'center',
      fontSize: fontSizePt.size4,
      margin: [0, mmToPoints(marginMm.bottom) / 3, 0, 0],
    }),
  });
  return document.getBuffer();
}
