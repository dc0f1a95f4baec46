// Editable Word copies of the 会议纪要, the 会议记录 and the 督办通知单/催办单, with the same blocks as the HTML and the
// GB/T 9704 page: A4, margins 37/28/26/35 mm, a document grid of 22 lines × 28 characters of 3号,
// odd/even footers "— n —" in 4号 宋体 right/left one character in. The formatting lives in real
// styles (word-styles.ts: 正文, 标题, 纪要标志, 一级标题, 二级标题, 出席名单, 版记 …), so a paragraph
// names its style and carries direct formatting only where the GB/T layout depends on its text
// (an attendance line's hanging indent, the 版记's rules). Word and WPS use the PC's fonts.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { copyToText, issuedText, type Block, type Run } from './blocks';
import { minutesParts, revisionNote } from './minutes';
import type { MinutesDoc, RecordDoc, SupervisionDoc } from './model';
import { recordBlocks, recordTitle } from './record';
import { supervisionParts } from './supervision';
import { CHAR_SPACE, FONT, FONT_TABLE_XML, LINE_TWIPS, STYLES_XML, STYLE } from './word-styles';

const mm = (v: number) => Math.round((v * 1440) / 25.4);
/** One character of 3号 (16 pt) and of 4号 (14 pt), in twips. */
const CH = 320;
const CH4 = 280;

function textRun(r: Run, extra: Partial<IRunOptions> = {}): TextRun {
  const style = r.face === 'hei' ? STYLE.hei : r.face === 'kai' ? STYLE.kai : undefined;
  const face = r.face === 'biao' ? FONT.biao : r.face === 'song' ? FONT.song : undefined;
  return new TextRun({
    text: r.text,
    style,
    font: face ? { ascii: face, eastAsia: face, hAnsi: face } : undefined,
    underline: r.underline ? {} : undefined,
    ...extra,
  });
}

/** A block's paragraphs; `keep` keeps them on the page of what follows. */
function blockParagraphs(b: Block, keep = false): Paragraph[] {
  const keepNext = keep || undefined;
  switch (b.kind) {
    case 'p': {
      if (b.size === 'small') return [new Paragraph({ style: STYLE.note, keepNext, children: b.runs.map((r) => textRun(r)) })];
      return [
        new Paragraph({
          style: STYLE.body,
          keepNext,
          children: b.runs.map((r) => textRun(r)),
          alignment: b.align === 'right' ? AlignmentType.RIGHT : b.align === 'center' ? AlignmentType.CENTER : undefined,
          indent: b.indent === false || b.align ? { firstLine: 0 } : undefined,
        }),
      ];
    }
    case 'h2':
      return [new Paragraph({ style: STYLE.heading1, children: [new TextRun(b.text)] })];
    case 'h3':
      return [new Paragraph({ style: STYLE.heading2, children: [new TextRun(b.text)] })];
    case 'title':
      return [new Paragraph({ style: STYLE.title, children: [new TextRun(b.text)] })];
    case 'att': {
      if (!b.names.length) return [];
      // GB/T 9704 §10.3: label two characters in; wrapped names align under the first name.
      const label = `${b.label}：`;
      const labelWidth = [...label].length * CH;
      const names = b.names.map((n, i) => `${n.name}${n.reason ? `（${n.reason}）` : ''}${i < b.names.length - 1 ? '、' : ''}`).join('');
      return [
        new Paragraph({
          style: STYLE.attendance,
          keepNext,
          children: [textRun({ text: label, face: 'hei' }), new TextRun(names)],
          indent: { left: (b.indent ? 2 * CH : 0) + labelWidth, hanging: labelWidth },
        }),
      ];
    }
    case 'imprint':
      return imprintParagraphs(b);
    case 'blank':
      return [new Paragraph({ style: STYLE.body, keepNext, children: [] })];
  }
}

/**
 * 版记 (GB/T 9704 §7.4): rules as wide as the type area (empty ruled paragraphs: a paragraph's own
 * border would follow its indents), thick first and last, thin between; 抄送 one character in on
 * both sides, 印发机关 one in from the left, 印发日期 one in from the right.
 */
function imprintParagraphs(b: Extract<Block, { kind: 'imprint' }>): Paragraph[] {
  // Border sizes in eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt.
  const rule = (size: number, before = 0) =>
    new Paragraph({
      style: STYLE.imprint,
      keepNext: true,
      spacing: { before, line: 20, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size, color: '000000', space: 0 } },
      children: [],
    });
  const out: Paragraph[] = [rule(8, LINE_TWIPS)];
  if (b.copyTo) {
    out.push(
      new Paragraph({
        style: STYLE.imprint,
        keepNext: true,
        // A wrapped line aligns after the colon.
        indent: { left: CH4 + 3 * CH4, right: CH4, hanging: 3 * CH4 },
        children: [new TextRun(`抄送：${copyToText(b.copyTo)}`)],
      }),
      rule(6),
    );
  }
  out.push(
    new Paragraph({
      style: STYLE.imprint,
      keepNext: true,
      indent: { left: CH4 },
      tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - 2 * CH4 }],
      children: [new TextRun(b.issuer), new TextRun({ children: [new Tab(), issuedText(b.issuedOn)] })],
    }),
    rule(8),
  );
  if (b.anchor) out.push(new Paragraph({ style: STYLE.note, children: [new TextRun(`存证码：${b.anchor}`)] }));
  return out;
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: CH4 } : { left: CH4 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function gbDocument(title: string, children: (Paragraph | Table)[], draft: boolean): Document {
  const header = draft
    ? new Header({ children: [new Paragraph({ style: STYLE.pageNumber, alignment: AlignmentType.RIGHT, children: [textRun({ text: '草稿', face: 'hei' }, { color: 'C00000' })] })] })
    : undefined;
  return new Document({
    title,
    creator: '议事台账',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // The footer's line (4号, single spacing) puts the dashes 7 mm below the type area.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(20), footer: mm(25.4) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: CHAR_SPACE },
        },
        headers: header ? { default: header, even: header } : undefined,
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

/** Packed with our own styles.xml and font table in place of the library's defaults. */
function pack(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [
    { path: 'word/styles.xml', data: STYLES_XML },
    { path: 'word/fontTable.xml', data: FONT_TABLE_XML },
  ]);
}

export async function minutesDocx(doc: MinutesDoc): Promise<Buffer> {
  const note = revisionNote(doc);
  const masthead = [
    new Paragraph({ style: STYLE.mark, children: [new TextRun(doc.title)] }),
    new Paragraph({ style: STYLE.docNumber, children: [] }),
    new Paragraph({
      style: STYLE.docNumber,
      // The red rule 4 mm under the number (GB/T 9704 §7.2.5).
      border: { bottom: { style: BorderStyle.SINGLE, size: 10, color: 'E60012', space: 11 } },
      children: [new TextRun(doc.docNumber)],
    }),
    new Paragraph({ style: STYLE.body, children: [] }),
    ...(note ? [new Paragraph({ style: STYLE.body, children: [textRun({ text: note, face: 'kai' }, { size: 28 })] })] : []),
  ];
  const { body, closing } = minutesParts(doc);
  // The closing (attendance, 版记) keeps the body's last paragraph on its page: each of them
  // keeps with the next (the 版记 keeps its own lines together).
  const kept = [body[body.length - 1]!, ...closing];
  const paragraphs = [
    ...masthead,
    ...body.slice(0, -1).flatMap((b) => blockParagraphs(b)),
    ...kept.flatMap((b, i) => blockParagraphs(b, i < kept.length - 1)),
  ];
  return pack(gbDocument(`${doc.title}${doc.docNumber}`, paragraphs, doc.state !== 'signed'));
}

export async function recordDocx(doc: RecordDoc): Promise<Buffer> {
  const signatures = new Paragraph({
    style: STYLE.body,
    indent: { firstLine: 0 },
    spacing: { before: 2 * LINE_TWIPS },
    children: [textRun({ text: '记录人（签字）：', face: 'hei' }), new TextRun('　　　　　　　　　　'), textRun({ text: '主持人（签字）：', face: 'hei' })],
  });
  const body = recordBlocks(doc).flatMap((b) => blockParagraphs(b));
  return pack(gbDocument(recordTitle(doc), [...body, signatures], false));
}

/** Display width in characters of 3号: CJK and full-width count one, digits and Latin half. */
const widthInChars = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 1 : 0.5), 0);

/**
 * 督办通知单 / 催办单 (R17), the words of the PDF (supervisionParts): the facts as a ruled table in
 * 4号 with the label column 黑体 and centred, the issuer centred over the date four characters in
 * from the right (GB/T 9704 §7.3.5.1), and the tear-off 签收 line under a dashed rule.
 */
export async function supervisionDocx(doc: SupervisionDoc): Promise<Buffer> {
  const { blocks, rows, issuer, issuedOn, receipt } = supervisionParts(doc);
  const cell = (children: Paragraph[], width: number, centred = false) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: centred ? VerticalAlign.CENTER : VerticalAlign.TOP, children, margins: { left: 110, right: 110, top: 60, bottom: 60 } });
  const line = (text: string, face?: 'hei', centred = false) =>
    new Paragraph({ style: STYLE.tableText, alignment: centred ? AlignmentType.CENTER : undefined, children: [textRun({ text, face })] });
  // Fixed widths in twips (LibreOffice ignores percentages): the label a quarter of the 156 mm line.
  const widths = [mm(37), mm(156) - mm(37)];
  const table = new Table({
    width: { size: mm(156), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [cell([line(k, 'hei', true)], widths[0]!, true), cell(v.split('\n').map((t) => line(t)), widths[1]!)],
        }),
    ),
  });
  const dateIndent = 4 * CH;
  const issuerIndent = dateIndent + Math.max(0, Math.round(((widthInChars(issuedOn) - widthInChars(issuer)) / 2) * CH));
  const closing = [
    new Paragraph({ style: STYLE.body, keepNext: true, alignment: AlignmentType.RIGHT, spacing: { before: LINE_TWIPS }, indent: { firstLine: 0, right: issuerIndent }, children: [new TextRun(issuer)] }),
    new Paragraph({ style: STYLE.body, keepNext: true, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: dateIndent }, children: [new TextRun(issuedOn)] }),
    new Paragraph({
      style: STYLE.body,
      indent: { firstLine: 0 },
      spacing: { before: 240 },
      border: { top: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 6 } },
      children: [new TextRun(receipt)],
    }),
  ];
  return pack(gbDocument(doc.title, [...blocks.flatMap((b) => blockParagraphs(b)), table, ...closing], false));
}
