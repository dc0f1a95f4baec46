// Editable Word copies of the 会议纪要 and 会议记录, with the same blocks as the HTML and the
// GB/T 9704 page: A4, margins 37/28/26/35 mm, 3号 仿宋 on a 28.95 pt line, 一、 in 黑体, (一) in
// 楷体, odd/even footers "— n —" in 4号 宋体 right/left one character in. Word uses the fonts
// installed on the PC (FangSong, SimHei, KaiTi, SimSun on Windows).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import { issuedText, type Block, type Face, type Run } from './blocks';
import { minutesParts, revisionNote } from './minutes';
import type { MinutesDoc, RecordDoc } from './model';
import { recordBlocks, recordTitle } from './record';

const mm = (v: number) => Math.round((v * 1440) / 25.4);
/** One GB/T 9704 line: 225 mm / 22, in twips. */
const LINE = Math.round(mm(225) / 22);
/** One character of 3号 (16 pt), in twips. */
const CH = 320;

const FONTS: Record<Face | 'fangsong', string> = {
  fangsong: '仿宋',
  hei: '黑体',
  kai: '楷体',
  song: '宋体',
  biao: '方正小标宋简体',
};
const font = (f: Face | 'fangsong') => ({ ascii: FONTS[f], eastAsia: FONTS[f], hAnsi: FONTS[f], cs: FONTS[f] });

function textRun(r: Run, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: r.text, font: font(r.face ?? 'fangsong'), underline: r.underline ? {} : undefined, ...extra });
}

function blockParagraphs(b: Block): Paragraph[] {
  switch (b.kind) {
    case 'p': {
      const size = b.size === 'note' ? 28 : b.size === 'small' ? 18 : undefined;
      return [
        new Paragraph({
          children: b.runs.map((r) => textRun(r, size ? { size } : {})),
          alignment: b.align === 'right' ? AlignmentType.RIGHT : b.align === 'center' ? AlignmentType.CENTER : AlignmentType.BOTH,
          indent: b.size === 'note' ? { left: 2 * 280, hanging: 2 * 280 } : b.indent === false || b.align ? undefined : { firstLine: 2 * CH },
          spacing: size ? { line: Math.round(size * 10 * 1.6), lineRule: LineRuleType.EXACT } : undefined,
        }),
      ];
    }
    case 'h2':
      return [new Paragraph({ children: [textRun({ text: b.text, face: 'hei' })], indent: { firstLine: 2 * CH }, keepNext: true })];
    case 'h3':
      return [new Paragraph({ children: [textRun({ text: b.text, face: 'kai' })], indent: { firstLine: 2 * CH }, keepNext: true })];
    case 'title':
      return [
        new Paragraph({
          children: [textRun({ text: b.text, face: 'biao' }, { size: 44 })],
          alignment: AlignmentType.CENTER,
          spacing: { after: LINE, line: Math.round(44 * 10 * 1.45), lineRule: LineRuleType.AT_LEAST },
        }),
      ];
    case 'att': {
      if (!b.names.length) return [];
      // GB/T 9704 §10.3: label two characters in; wrapped names align under the first name.
      const label = `${b.label}：`;
      const labelWidth = [...label].length * CH;
      const names = b.names.map((n, i) => `${n.name}${n.reason ? `（${n.reason}）` : ''}${i < b.names.length - 1 ? '、' : ''}`).join('');
      return [
        new Paragraph({
          children: [textRun({ text: label, face: 'hei' }), textRun({ text: names })],
          indent: { left: (b.indent ? 2 * CH : 0) + labelWidth, hanging: labelWidth },
          alignment: AlignmentType.LEFT,
        }),
      ];
    }
    case 'imprint':
      return imprintParagraphs(b);
    case 'blank':
      return [new Paragraph({ children: [] })];
  }
}

/** 版记 (GB/T 9704 §7.4) as bordered paragraphs: thick rule above and below, thin under 抄送. */
function imprintParagraphs(b: Extract<Block, { kind: 'imprint' }>): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const small = { size: 28 };
  const out: Paragraph[] = [];
  if (b.copyTo) {
    out.push(
      new Paragraph({
        children: [textRun({ text: `抄送：${b.copyTo.replace(/[。.]$/, '')}。` }, small)],
        indent: { left: 280, right: 280 },
        border: { top: thick, bottom: thin },
        keepNext: true,
        spacing: { before: LINE },
      }),
    );
  }
  out.push(
    new Paragraph({
      children: [textRun({ text: b.issuer }, small), new TextRun({ children: [new Tab(), issuedText(b.issuedOn)], font: font('fangsong'), size: 28 })],
      tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - 280 }],
      indent: { left: 280 },
      border: b.copyTo ? { bottom: thick } : { top: thick, bottom: thick },
      spacing: b.copyTo ? undefined : { before: LINE },
      keepNext: Boolean(b.anchor),
    }),
  );
  if (b.anchor) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [textRun({ text: `存证码：${b.anchor}` }, { size: 18, color: '555555' })] }));
  return out;
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('song'), size: 28 })],
      }),
    ],
  });
}

function gbDocument(title: string, children: Paragraph[], draft: boolean): Document {
  const header = draft
    ? new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '草稿', font: font('hei'), size: 28, color: 'C00000' })] })] })
    : undefined;
  return new Document({
    title,
    creator: '议事台账',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('fangsong'), size: 32 },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // The footer sits 7 mm below the type area: 35 − 7 mm from the bottom edge, less its own line.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(20), footer: mm(22) },
          },
        },
        headers: header ? { default: header, even: header } : undefined,
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

export async function minutesDocx(doc: MinutesDoc): Promise<Buffer> {
  const note = revisionNote(doc);
  const masthead = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(35), line: Math.round(44 * 10 * 1.45), lineRule: LineRuleType.AT_LEAST },
      children: [textRun({ text: doc.title, face: 'biao' }, { size: 44, color: 'E60012' })],
    }),
    new Paragraph({ children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The red rule 4 mm under the number (GB/T 9704 7.2.5).
      border: { bottom: { style: BorderStyle.SINGLE, size: 10, color: 'E60012', space: 11 } },
      children: [textRun({ text: doc.docNumber })],
    }),
    new Paragraph({ children: [] }),
    ...(note ? [new Paragraph({ children: [textRun({ text: note, face: 'kai' }, { size: 28 })], indent: { firstLine: 2 * 280 } })] : []),
  ];
  const { body, closing } = minutesParts(doc);
  return Packer.toBuffer(gbDocument(`${doc.title}${doc.docNumber}`, [...masthead, ...body.flatMap(blockParagraphs), ...closing.flatMap(blockParagraphs)], doc.state !== 'signed'));
}

export async function recordDocx(doc: RecordDoc): Promise<Buffer> {
  const signatures = new Paragraph({
    spacing: { before: 2 * LINE },
    children: [textRun({ text: '记录人（签字）：', face: 'hei' }), textRun({ text: '　　　　　　　　　　' }), textRun({ text: '主持人（签字）：', face: 'hei' })],
  });
  const body = recordBlocks(doc).flatMap(blockParagraphs);
  return Packer.toBuffer(gbDocument(recordTitle(doc), [...body, signatures], false));
}
