// 会议纪要 in the GB/T 9704-2012 §10.3 纪要 format (R16): red 纪要标志 35 mm below the top of the
// type area, the number two lines below it, a red rule, the opening paragraph, then every item in
// agenda order — a decided one with how it was taken (studied first, statements in brief for
// 三重一大, 回避, the vote in words or 校长决定), the decision, owner and deadline; an undecided one
// stated with its reason — then 出席/请假/缺席/列席 lines (label in 黑体 two characters in, wrapped
// names aligned under the first name) and the 版记 (抄送, 印发机关, 印发日期, the 存证码 small).
// No seal, no 签发人 (kept in the ledger), no rule codes or warnings. Drafts carry a 草稿
// watermark; a 勘误 revision says so under the heading.
import { BLOCK_CSS, blockHtml, blocksHtml, run, type Block } from './blocks';
import type { AttendanceLines, DecisionOwner, MinutesDecision, MinutesDoc, MinutesItem } from './model';
import { GRID, cnDate, esc, htmlDocument, outlineNumber, titleHtml } from './page';
import { recusalSentence, statementsSentence, undecidedSentence, voteSentence } from './wording';

const MINUTES_CSS = `
.masthead { text-align: center; }
.masthead .mark { margin-top: 35mm; font-size: 22pt; line-height: 1.45; letter-spacing: 0.1em; color: #e60012; text-wrap: balance; }
/* A long heading sets its characters close, so it takes two lines, not three. */
.masthead .mark.long { letter-spacing: 0; }
.masthead .docno { margin-top: calc(2 * ${GRID.line}); letter-spacing: 0; }
.masthead .rule { height: 0; border-top: 1.2pt solid #e60012; margin-top: 4mm; margin-bottom: ${GRID.line}; }
p.revision { font-size: 14pt; line-height: 1.6; }
/* The closing (attendance and 版记) never stands alone on a page: it keeps the last paragraph. */
.closing { break-inside: avoid; page-break-inside: avoid; }
`;

/** 出席 / 请假 / 缺席 / 列席 lines (empty lists print nothing). */
export function attendanceBlocks(a: AttendanceLines, indent: boolean): Block[] {
  return [
    { kind: 'att', label: '出席', names: a.present.map((name) => ({ name })), indent },
    { kind: 'att', label: '请假', names: a.onLeave, indent },
    { kind: 'att', label: '缺席', names: a.absent.map((x) => ({ name: x.name, reason: x.reason ?? null })), indent },
    { kind: 'att', label: '列席', names: a.observers.map((name) => ({ name })), indent },
  ];
}

export function ownerSentence(o: DecisionOwner): string {
  const who = [o.ownerName ? `责任人：${o.ownerName}` : '', o.leaderName ? `分管领导：${o.leaderName}` : ''].filter(Boolean).join('；');
  const task = o.task ? `${o.task}，` : '';
  return `${task}由${o.ownerDept}${who ? `（${who}）` : ''}负责落实，完成时限：${cnDate(o.deadline)}。`;
}

const para = (text: string): Block[] => (text ? [{ kind: 'p', runs: [run(text)] }] : []);

/** How the item was taken: studied first, 回避, statements in brief (三重一大), the vote or 校长决定. */
function howBlocks(item: MinutesItem): Block[] {
  const how = [recusalSentence(item.recusals), statementsSentence(item.statements), item.vote ? voteSentence(item.vote) : ''].join('');
  return [...para(item.studiedAt ? `本议题已经${item.studiedAt}前置研究。` : ''), ...para(how)];
}

function decisionBody(d: MinutesDecision): Block[] {
  const blocks: Block[] = [{ kind: 'p', runs: [run(d.text)] }];
  for (const o of d.owners) blocks.push({ kind: 'p', runs: [run(ownerSentence(o))] });
  if (!d.owners.length && d.noFollowUpReason) blocks.push({ kind: 'p', runs: [run(`无需督办：${d.noFollowUpReason}。`)] });
  return blocks;
}

/** One agenda item under its heading: a decision with how it was taken, or what became of it. */
function itemBlocks(item: MinutesItem, n: number, decision: MinutesDecision | undefined): Block[] {
  const heading: Block = { kind: 'h2', text: `${outlineNumber(1, n)}${item.title}` };
  if (decision) return [heading, ...howBlocks(item), ...decisionBody(decision)];
  // Voted down: how the vote went says it; otherwise one sentence (暂缓表决 with its reason, …).
  if (item.outcome === 'not_passed' && item.vote) return [heading, ...howBlocks(item)];
  return [heading, ...para(undecidedSentence(item))];
}

export function revisionNote(doc: MinutesDoc): string | null {
  return doc.revision > 1 ? `本件为勘误修订稿（第${doc.revision}版）。勘误理由：${doc.revisionReason ?? ''}。原签发稿保留备查。` : null;
}

/**
 * Everything below the red rule, in order (shared by the HTML and the DOCX): the body, then the
 * closing (attendance, 版记) that must share its page with the body's last paragraph.
 */
export function minutesParts(doc: MinutesDoc): { body: Block[]; closing: Block[] } {
  const signed = doc.state === 'signed';
  const items = doc.items
    ? doc.items.flatMap((item, i) => itemBlocks(item, i + 1, doc.decisions.find((d) => d.number === item.decisionNumber)))
    : // Revisions generated before items were stated: their decisions, as they were printed then.
      doc.decisions.flatMap((d) => [{ kind: 'h2', text: `${outlineNumber(1, d.number)}${d.itemTitle}` } as Block, ...decisionBody(d)]);
  const closing: Block[] = [{ kind: 'blank' }, ...attendanceBlocks(doc.attendance, true).filter((b) => b.kind !== 'att' || b.names.length)];
  if (doc.imprint) {
    closing.push({
      kind: 'imprint',
      copyTo: doc.imprint.copyTo,
      issuer: doc.imprint.issuer,
      issuedOn: signed ? (doc.signedAt ?? null) : null,
      anchor: signed ? (doc.chainAnchor ?? null) : null,
    });
  } else if (signed && doc.chainAnchor) {
    closing.push({ kind: 'p', align: 'right', size: 'small', runs: [run(`存证码：${doc.chainAnchor}`)] });
  }
  return { body: [{ kind: 'p', runs: [run(doc.opening)] }, ...items], closing };
}

export function minutesHtml(doc: MinutesDoc): string {
  const draft = doc.state !== 'signed';
  const note = revisionNote(doc);
  const { body, closing } = minutesParts(doc);
  const last = body[body.length - 1]!;
  const html = `${draft ? '<div class="watermark">草稿</div>' : ''}
<header class="masthead">
<div class="mark biao${[...doc.title].length > 18 ? ' long' : ''}">${titleHtml(doc.title, [doc.orgName, doc.bodyName])}</div>
<div class="docno">${esc(doc.docNumber)}</div>
<div class="rule"></div>
</header>
${note ? `<p class="revision kai">${esc(note)}</p>` : ''}
${blocksHtml(body.slice(0, -1))}
<div class="closing">
${blockHtml(last)}
${blocksHtml(closing)}
</div>`;
  return htmlDocument({ title: `${doc.title}${doc.docNumber}${draft ? '（草稿）' : ''}`, css: BLOCK_CSS + MINUTES_CSS, body: html });
}
