// 会议记录 (R16): the internal, full record, printed separately from the minutes. Same page set-up
// as the minutes; holds time, place, host, recorder, attendance (出席/请假/缺席/列席), the 第一议题
// (R15), and per item the presenter, every statement in order with the host's final one (R9),
// recusals (R8), written opinions of absent members (R7), the vote with its tally (R10) and
// postponements (R11).
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import { warningBlocks } from './minutes';
import type { RecordDoc, RecordItem, RecordOutcome, RecordVote } from './model';
import { GRID, cnDate, cnDateTime, cnNumber, htmlDocument, yuan } from './page';

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

function voteBlocks(v: RecordVote, item: RecordItem): Block[] {
  if (v.method === '校长决定') return [{ kind: 'p', runs: [run('决定方式：校长在充分听取与会人员意见后作出决定（R12）。')] }];
  const blocks: Block[] = [{ kind: 'p', runs: [run(`表决方式：${v.method}。同意${v.for}票，反对${v.against}票，弃权${v.abstain}票。`)] }];
  // R10: a secret ballot keeps counts only, so no names are printed whatever the input holds.
  if (v.method !== '无记名投票' && v.ballots.length) {
    blocks.push({ kind: 'p', runs: [run(`表决情况：${v.ballots.map((b) => `${b.name}（${b.choice}）`).join('、')}。`)] });
  }
  if (item.tally) {
    const t = item.tally;
    blocks.push({
      kind: 'p',
      runs: [
        run(`应到${t.due}人，实到${t.present}人，需同意票${t.needed}票${t.quorumOk ? '' : '（到会人数不足）'}；表决结果：`),
        run(t.passed ? '通过' : '未通过', 'hei'),
        run(`（${t.rule}）。`),
      ],
    });
  }
  return blocks;
}

function itemBlocks(item: RecordItem): Block[] {
  const tags = [item.adHoc ? '临时动议' : '', item.major ? `三重一大${item.majorCategory ? `·${item.majorCategory}` : ''}` : '']
    .filter(Boolean)
    .map((t) => `（${t}）`)
    .join('');
  const blocks: Block[] = [{ kind: 'h2', text: `${cnNumber(item.position)}、${item.title}${tags}` }];
  const facts = [`事项类别：${item.matter}`];
  if (item.amount != null) facts.push(`金额：${yuan(item.amount)}`);
  facts.push(`汇报人：${item.presenter ?? '（未记录）'}`);
  blocks.push({ kind: 'p', runs: [run(`${facts.join('；')}。`)] });
  if (item.proposal) blocks.push({ kind: 'p', runs: [run(`前置研究意见：${item.proposal}`)] });
  if (item.recusals.length) {
    blocks.push({
      kind: 'p',
      runs: [run(`回避：${item.recusals.map((r) => `${r.name}（${r.reason}）`).join('、')}。回避人员不参加本议题的表态和表决（R8）。`)],
    });
  }
  let sub = 0;
  if (item.statements.length) {
    blocks.push({ kind: 'h3', text: `（${cnNumber(++sub)}）发言表态` });
    item.statements.forEach((s, i) => {
      const who = s.byHost ? { text: `${s.name}（主持人，最后表态）`, underline: true } : run(s.name);
      blocks.push({ kind: 'p', runs: [run(`${i + 1}．`), who, run(`：${s.stance}。${s.note}`)] });
    });
    if (item.hostOrderOverride) blocks.push({ kind: 'p', runs: [run(`主持人未末位表态的理由：${item.hostOrderOverride}（R9）。`)] });
  }
  if (item.writtenOpinions.length) {
    blocks.push({ kind: 'h3', text: `（${cnNumber(++sub)}）书面意见（不计入表决，R7）` });
    for (const w of item.writtenOpinions) blocks.push({ kind: 'p', runs: [run(`${w.name}：${w.text}`)] });
  }
  blocks.push({ kind: 'h3', text: `（${cnNumber(++sub)}）表决和结果` });
  if (item.vote) blocks.push(...voteBlocks(item.vote, item));
  if (item.outcome === 'postponed') {
    blocks.push({ kind: 'p', runs: [run(`主持人决定暂缓表决，理由：${item.postponeReason ?? ''}。本议题退回会前沟通（R11）。`)] });
  }
  const decided = item.decisionNumber ? `，形成决定事项第${item.decisionNumber}项` : '';
  blocks.push({ kind: 'p', runs: [run('结果：'), run(OUTCOME_LABELS[item.outcome], 'hei'), run(`${decided}。`)] });
  blocks.push(...warningBlocks(item.warnings));
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
  const first = doc.firstTopic ?? (doc.bodyKind === 'party_committee' ? '（未记录第一议题学习内容，R15）' : '（无）');
  const blocks: Block[] = [
    { kind: 'title', text: recordTitle(doc) },
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
  const notes = warningBlocks(doc.warnings);
  if (notes.length) blocks.push({ kind: 'blank' }, ...notes);
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
