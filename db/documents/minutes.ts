// 会议纪要 in the GB/T 9704-2012 §10.3 纪要 format (R16): red 纪要标志 35 mm below the top of the
// type area, the number two lines below it, a red rule, the opening paragraph, the numbered
// decisions with owner and deadline, then 出席/请假/列席 lines (label in 黑体 two characters in,
// wrapped names aligned under the first name). No seal. Drafts carry a 草稿 watermark; a 勘误
// revision says so under the heading; signed minutes print the signer and the chain anchor small.
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import type { AttendanceLines, DecisionOwner, DocWarning, MinutesDecision, MinutesDoc } from './model';
import { GRID, cnDate, cnNumber, esc, htmlDocument } from './page';

const MINUTES_CSS = `
.masthead { text-align: center; }
.masthead .mark { margin-top: 35mm; font-size: 22pt; line-height: 1.45; letter-spacing: 0.1em; color: #e60012; }
.masthead .docno { margin-top: calc(2 * ${GRID.line}); letter-spacing: 0; }
.masthead .rule { height: 0; border-top: 1.2pt solid #e60012; margin-top: 4mm; margin-bottom: ${GRID.line}; }
p.revision { font-size: 14pt; line-height: 1.6; }
p.right { break-before: avoid; page-break-before: avoid; }
p.small { break-before: avoid; page-break-before: avoid; }
`;

/** 出席 / 请假 / 列席 lines (empty lists print nothing). */
export function attendanceBlocks(a: AttendanceLines, indent: boolean): Block[] {
  return [
    { kind: 'att', label: '出席', names: a.present.map((name) => ({ name })), indent },
    { kind: 'att', label: '请假', names: a.onLeave, indent },
    { kind: 'att', label: '列席', names: a.observers.map((name) => ({ name })), indent },
  ];
}

export function ownerSentence(o: DecisionOwner): string {
  const who = [o.ownerName ? `责任人：${o.ownerName}` : '', o.leaderName ? `分管领导：${o.leaderName}` : ''].filter(Boolean).join('；');
  const task = o.task ? `${o.task}，` : '';
  return `${task}由${o.ownerDept}${who ? `（${who}）` : ''}负责落实，完成时限：${cnDate(o.deadline)}。`;
}

function decisionBlocks(d: MinutesDecision): Block[] {
  const blocks: Block[] = [
    { kind: 'h2', text: `${cnNumber(d.number)}、${d.itemTitle}` },
    { kind: 'p', runs: [run(d.text)] },
  ];
  for (const o of d.owners) blocks.push({ kind: 'p', runs: [run(ownerSentence(o))] });
  if (!d.owners.length && d.noFollowUpReason) blocks.push({ kind: 'p', runs: [run(`无需督办：${d.noFollowUpReason}。`)] });
  return blocks;
}

/** Warn-level rule hits kept on the record, printed after the attendance lines. */
export function warningBlocks(warnings: DocWarning[]): Block[] {
  if (!warnings.length) return [];
  return [
    { kind: 'p', indent: false, size: 'note', runs: [run('议事规则提示（已记录在案）：', 'hei')] },
    ...warnings.map((w, i): Block => ({ kind: 'p', indent: false, size: 'note', runs: [run(`${i + 1}．${w.message}（${w.rule}）`)] })),
  ];
}

export function revisionNote(doc: MinutesDoc): string | null {
  return doc.revision > 1 ? `本件为勘误修订稿（第${doc.revision}版）。勘误理由：${doc.revisionReason ?? ''}。原签发稿保留备查。` : null;
}

/** Everything below the red rule, in order (shared by the HTML and the DOCX). */
export function minutesBlocks(doc: MinutesDoc): Block[] {
  const signed = doc.state === 'signed';
  const blocks: Block[] = [{ kind: 'p', runs: [run(doc.opening)] }, ...doc.decisions.flatMap(decisionBlocks), { kind: 'blank' }];
  blocks.push(...attendanceBlocks(doc.attendance, true));
  const notes = warningBlocks(doc.warnings);
  if (notes.length) blocks.push({ kind: 'blank' }, ...notes);
  if (signed && doc.signedBy) {
    blocks.push({ kind: 'blank' }, { kind: 'p', align: 'right', runs: [run(`签发人：${doc.signedBy}　　${cnDate(doc.signedAt)}`)] });
  }
  if (signed && doc.chainAnchor) blocks.push({ kind: 'p', align: 'right', size: 'small', runs: [run(`校验码：${doc.chainAnchor}`)] });
  return blocks;
}

export function minutesHtml(doc: MinutesDoc): string {
  const draft = doc.state !== 'signed';
  const note = revisionNote(doc);
  const blocks = minutesBlocks(doc);
  const body = `${draft ? '<div class="watermark">草稿</div>' : ''}
<header class="masthead">
<div class="mark biao">${esc(doc.title)}</div>
<div class="docno">${esc(doc.docNumber)}</div>
<div class="rule"></div>
</header>
${note ? `<p class="revision kai">${esc(note)}</p>` : ''}
${blocksHtml(blocks)}`;
  return htmlDocument({
    title: `${doc.title}${doc.docNumber}${draft ? '（草稿）' : ''}`,
    css: BLOCK_CSS + MINUTES_CSS,
    body,
  });
}
