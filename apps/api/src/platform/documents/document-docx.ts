import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { fontSizePt, LINE_SPACING_PT, mmToTwips, officialFonts, officialPage } from './documents.rules.ts';
import type { DocumentContent } from './documents.schema.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Word measures font sizes in half-points and spacing in twips.
const halfPoints = (pt: number) => pt * 2;
const twipsOfPt = (pt: number) => pt * 20;

const bodyRun = (text: string) =>
  new TextRun({ text, font: officialFonts.body, size: halfPoints(fontSizePt.size3) });

const fixedLine = { line: twipsOfPt(LINE_SPACING_PT), lineRule: LineRuleType.EXACT };

/**
 * A document as a .docx in the layout of GB/T 9704-2012: A4, margins 37/35/28/26 mm, the 发文字号 centred
 * above the title (三号仿宋), the title in 二号方正小标宋简体, the body in 三号仿宋_GB2312 on 28 pt lines
 * with a two-character first-line indent, the issuing unit and date right-aligned at the end, and page
 * numbers `— 1 —` in 四号宋体 at the foot.
 */
export async function renderDocx(content: DocumentContent): Promise<Buffer> {
  const indentTwoChars = twipsOfPt(fontSizePt.size3 * 2);
  const children: Paragraph[] = [];
  if (content.docNo) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: fixedLine,
        children: [bodyRun(content.docNo)],
      }),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...fixedLine, line: twipsOfPt(fontSizePt.size2 + 14), before: twipsOfPt(LINE_SPACING_PT) },
      children: [
        new TextRun({ text: content.title, font: officialFonts.title, size: halfPoints(fontSizePt.size2) }),
      ],
    }),
    // One blank line between the title and the body.
    new Paragraph({ spacing: fixedLine, children: [bodyRun('')] }),
  );
  for (const text of content.paragraphs) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: fixedLine,
        indent: { firstLine: indentTwoChars },
        children: [bodyRun(text)],
      }),
    );
  }
  // The signature block: two blank lines, then unit and date right-aligned, indented four characters.
  const rightIndent = twipsOfPt(fontSizePt.size3 * 4);
  children.push(
    new Paragraph({ spacing: fixedLine, children: [bodyRun('')] }),
    new Paragraph({ spacing: fixedLine, children: [bodyRun('')] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: fixedLine,
      indent: { right: rightIndent },
      children: [bodyRun(content.issuingUnit)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: fixedLine,
      indent: { right: rightIndent },
      children: [bodyRun(content.date)],
    }),
  );
  const pageNumberRun = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: officialFonts.pageNumber,
    size: halfPoints(fontSizePt.size4),
  });
  const { marginMm } = officialPage;
  const document = new Document({
    creator: '珠城智慧司法平台',
    title: content.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(officialPage.widthMm), height: mmToTwips(officialPage.heightMm) },
            margin: {
              top: mmToTwips(marginMm.top),
              bottom: mmToTwips(marginMm.bottom),
              left: mmToTwips(marginMm.left),
              right: mmToTwips(marginMm.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumberRun] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
