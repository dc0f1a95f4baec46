// 会议记录 (R16): the internal, full record, printed separately from the minutes. Same page set-up
// as the minutes; holds time, place, host, recorder, attendance (出席/请假/缺席/列席), the 第一议题
// (R15), and per item the presenter, 前置研究 (R1), every statement in order with the host's final
// one (R9), recusals (R8), written opinions of absent members (R7), the vote in the 纪要's words
// with each named ballot (R10) and postponements (R11). No rule codes: it is filed as it is.
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import type { RecordDoc, RecordItem, RecordOutcome } from './model';
import { GRID, cnDate, cnDateTime, htmlDocument, outlineNumber, yuan } from './page';
import { CHOICE_WORDS, clause, itemVote, voteSentence } from './wording';

export const OUTCOME_LABELS: Record<RecordOutcome, string> = {
  pending: '未表决',
  passed: '通过',
  not_passed: '未通过',
  postponed: '暂缓表决',
  studied: '已研究（提出研究意见）',
  noted: '已听取汇报',
};

const RECORD_CSS = `
h2 { margin-top: ${GRID.line}; }
.signatures { margin-top: calc(2 * ${GRID.line}); display: flex; justify-content: space-between; break-inside: avoid; }
`;

const fact = (label: string, value: string): Block => ({ kind: 'att', label, names: [{ name: value }], indent: false });
const para = (text: string): Block => ({ kind: 'p', runs: [run(text)] });

function voteBlocks(item: RecordItem): Block[] {
  const v = item.vote;
  const settled = itemVote(item);
  if (!v || !settled) return [];
  const blocks: Block[] = [];
  // R10: a secret ballot keeps counts only, so no names are printed whatever the input holds.
  if (v.method !== '无记名投票' && v.ballots.length) {
    blocks.push(para(`表决情况：${v.ballots.map((b) => `${b.name}（${CHOICE_WORDS[b.choice] ?? b.choice}）`).join('、')}。`));
  }
  const t = item.tally;
  const needed = t && v.method !== '校长决定' ? `通过须同意票${t.needed}票（超过应到人数的一半）${t.quorumOk ? '' : '，到会人数不足'}。` : '';
  blocks.push(para(`${voteSentence(settled)}${needed}`));
  return blocks;
}

function itemBlocks(item: RecordItem): Block[] {
  const tags = [item.adHoc ? '临时动议' : '', item.major ? `三重一大${item.majorCategory ? `·${item.majorCategory}` : ''}` : '']
    .filter(Boolean)
    .map((t) => `（${t}）`)
    .join('');
  const blocks: Block[] = [{ kind: 'h2', text: `${outlineNumber(1, item.position)}${item.title}${tags}` }];
  const facts = [`事项类别：${item.matter}`];
  if (item.amount != null) facts.push(`金额：${yuan(item.amount)}`);
  facts.push(`汇报人：${item.presenter ?? '（未记录）'}`);
  blocks.push(para(`${facts.join('；')}。`));
  if (item.studiedAt) blocks.push(para(`前置研究：本议题已经${item.studiedAt.meetingLabel}前置研究，研究意见：${clause(item.studiedAt.proposal)}。`));
  if (item.proposal && item.outcome === 'studied') blocks.push(para(`研究意见：${clause(item.proposal)}。`));
  if (item.recusals.length) {
    blocks.push(para(`回避：${item.recusals.map((r) => `${r.name}（${r.reason}）`).join('、')}。回避人员不参加本议题的表态和表决。`));
  }
  let sub = 0;
  if (item.statements.length) {
    blocks.push({ kind: 'h3', text: `${outlineNumber(2, ++sub)}发言表态` });
    item.statements.forEach((s, i) => {
      const who = s.byHost ? { text: `${s.name}（主持人，最后表态）`, underline: true } : run(s.name);
      blocks.push({ kind: 'p', runs: [run(outlineNumber(3, i + 1)), who, run(`：${s.stance}。${s.note}`)] });
    });
    if (item.hostOrderOverride) blocks.push(para(`主持人未末位表态的理由：${clause(item.hostOrderOverride)}。`));
  }
  if (item.writtenOpinions.length) {
    blocks.push({ kind: 'h3', text: `${outlineNumber(2, ++sub)}书面意见（不计入表决）` });
    for (const w of item.writtenOpinions) blocks.push(para(`${w.name}：${w.text}`));
  }
  blocks.push({ kind: 'h3', text: `${outlineNumber(2, ++sub)}表决和结果` });
  blocks.push(...voteBlocks(item));
  if (item.outcome === 'postponed') {
    blocks.push(para(`主持人决定暂缓表决，理由：${clause(item.postponeReason)}。本议题退回会前沟通。`));
  }
  if (item.outcome === 'noted' && item.proposal) blocks.push(para(`会议意见：${clause(item.proposal)}。`));
  const decided = item.decisionNumber ? `，形成决定事项第${item.decisionNumber}项` : '';
  blocks.push({ kind: 'p', runs: [run('结果：'), run(OUTCOME_LABELS[item.outcome], 'hei'), run(`${decided}。`)] });
  return blocks;
}

export function recordTitle(doc: RecordDoc): string {
  return `${doc.orgName}${doc.meetingLabel}记录`;
}

/** The whole record as blocks (shared by the HTML and the DOCX). */
export function recordBlocks(doc: RecordDoc): Block[] {
  const a = doc.attendance;
  const due = a.present.length + a.onLeave.length + a.absent.length;
  const time = `${cnDateTime(doc.startsAt)}${doc.endsAt ? `—${doc.endsAt.slice(11, 16)}` : ''}`;
  const first = doc.firstTopic ?? (doc.bodyKind === 'party_committee' ? '（未记录第一议题学习内容）' : '（无）');
  const blocks: Block[] = [
    { kind: 'title', text: recordTitle(doc), names: [doc.orgName, doc.meetingLabel] },
    fact('时　　间', time),
    fact('地　　点', doc.place),
    fact('主 持 人', doc.host),
    fact('记 录 人', doc.recorder),
    fact('应到人数', `${due}人`),
    fact('实到人数', `${a.present.length}人`),
    { kind: 'att', label: '出　　席', names: a.present.map((name) => ({ name })), indent: false },
    { kind: 'att', label: '请　　假', names: a.onLeave, indent: false },
    { kind: 'att', label: '缺　　席', names: a.absent.map((x) => ({ name: x.name, reason: x.reason ?? null })), indent: false },
    { kind: 'att', label: '列　　席', names: a.observers.map((name) => ({ name })), indent: false },
    { kind: 'h2', text: '第一议题（学习）' },
    { kind: 'p', runs: [run(first)] },
    ...doc.items.flatMap(itemBlocks),
  ];
  if (doc.docNumber) {
    const state = doc.state === 'signed' ? `，${doc.signedBy ?? ''}于${cnDate(doc.signedAt)}签发` : '（草稿）';
    blocks.push({ kind: 'p', align: 'right', size: 'small', runs: [run(`会议纪要：${doc.docNumber}${state}`)] });
  }
  return blocks;
}

export function recordHtml(doc: RecordDoc): string {
  const blocks = recordBlocks(doc);
  const title = recordTitle(doc);
  const body = `${blocksHtml(blocks)}
<div class="signatures"><span><span class="hei">记录人（签字）：</span>　　　　　　</span><span><span class="hei">主持人（签字）：</span>　　　　　　</span></div>`;
  return htmlDocument({ title, css: BLOCK_CSS + RECORD_CSS, body });
}
