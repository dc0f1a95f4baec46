// 会议记录 HTML (R16): the internal, full record, printed separately from the minutes. Same page
// set-up as the minutes; holds time, place, host, recorder, attendance (出席/请假/缺席/列席), the
// 第一议题 (R15), and per item the presenter, every statement in order with the host's final one
// (R9), recusals (R8), written opinions of absent members (R7), the vote with its tally (R10) and
// postponements (R11).
import { attendanceLine, warningsHtml } from './minutes';
import type { RecordDoc, RecordItem, RecordOutcome, RecordVote } from './model';
import { GRID, cnDate, cnDateTime, cnNumber, esc, htmlDocument, yuan } from './page';

export const OUTCOME_LABELS: Record<RecordOutcome, string> = {
  pending: '未表决',
  passed: '通过',
  not_passed: '未通过',
  postponed: '暂缓表决',
  studied: '已研究（提出研究意见）',
  noted: '已听取汇报',
};

const RECORD_CSS = `
.att { display: flex; align-items: baseline; text-align: left; }
.att .label { flex: none; }
.att .names { flex: 1 1 auto; min-width: 0; }
.att .nm { white-space: nowrap; }
.facts .att { margin-left: 0; }
.line { text-indent: 0; }
.item { margin-top: ${GRID.line}; }
ol.statements { margin: 0; padding: 0; list-style: none; }
ol.statements li { text-indent: calc(2 * ${GRID.ch}); }
.host { text-decoration: underline; text-underline-offset: 3pt; }
.notes { margin-top: 4pt; font-size: 14pt; line-height: 1.6; }
.notes p { text-indent: 0; padding-left: 2em; text-indent: -2em; }
.signatures { margin-top: calc(2 * ${GRID.line}); display: flex; justify-content: space-between; break-inside: avoid; }
.meta { font-size: 10.5pt; line-height: 1.5; letter-spacing: 0; color: #444; text-align: right; }
`;

function factLine(label: string, value: string): string {
  return `<div class="att"><span class="label hei">${label}：</span><span class="names">${value}</span></div>`;
}

function voteLines(v: RecordVote, item: RecordItem): string {
  if (v.method === '校长决定') {
    return `<p>决定方式：校长在充分听取与会人员意见后作出决定（R12）。</p>`;
  }
  const lines = [`<p>表决方式：${esc(v.method)}。同意${v.for}票，反对${v.against}票，弃权${v.abstain}票。</p>`];
  if (v.method !== '无记名投票' && v.ballots.length) {
    lines.push(`<p>表决情况：${v.ballots.map((b) => `${esc(b.name)}（${esc(b.choice)}）`).join('、')}。</p>`);
  }
  if (item.tally) {
    const t = item.tally;
    lines.push(
      `<p>应到${t.due}人，实到${t.present}人，需同意票${t.needed}票${t.quorumOk ? '' : '（到会人数不足）'}；表决结果：<span class="hei">${t.passed ? '通过' : '未通过'}</span>（${esc(t.rule)}）。</p>`,
    );
  }
  return lines.join('\n');
}

function itemHtml(item: RecordItem): string {
  const tags = [item.adHoc ? '临时动议' : '', item.major ? `三重一大${item.majorCategory ? `·${item.majorCategory}` : ''}` : '']
    .filter(Boolean)
    .map((t) => `（${esc(t)}）`)
    .join('');
  const parts: string[] = [`<h2>${cnNumber(item.position)}、${esc(item.title)}${tags}</h2>`];
  const facts = [`事项类别：${esc(item.matter)}`];
  if (item.amount != null) facts.push(`金额：${esc(yuan(item.amount))}`);
  facts.push(`汇报人：${esc(item.presenter ?? '（未记录）')}`);
  parts.push(`<p>${facts.join('；')}。</p>`);
  if (item.proposal) parts.push(`<p>前置研究意见：${esc(item.proposal)}</p>`);
  if (item.recusals.length) {
    parts.push(`<p>回避：${item.recusals.map((r) => `${esc(r.name)}（${esc(r.reason)}）`).join('、')}。回避人员不参加本议题的表态和表决（R8）。</p>`);
  }
  let sub = 0;
  if (item.statements.length) {
    sub++;
    parts.push(`<h3>（${cnNumber(sub)}）发言表态</h3>`);
    parts.push(
      `<ol class="statements">${item.statements
        .map((s, i) => {
          const who = s.byHost ? `<span class="host">${esc(s.name)}（主持人，最后表态）</span>` : esc(s.name);
          return `<li>${i + 1}．${who}：${esc(s.position)}${s.note ? `。${esc(s.note)}` : '。'}</li>`;
        })
        .join('')}</ol>`,
    );
    if (item.hostOrderOverride) parts.push(`<p>主持人未末位表态的理由：${esc(item.hostOrderOverride)}（R9）。</p>`);
  }
  if (item.writtenOpinions.length) {
    sub++;
    parts.push(`<h3>（${cnNumber(sub)}）书面意见（不计入表决，R7）</h3>`);
    parts.push(item.writtenOpinions.map((w) => `<p>${esc(w.name)}：${esc(w.text)}</p>`).join('\n'));
  }
  sub++;
  parts.push(`<h3>（${cnNumber(sub)}）表决和结果</h3>`);
  if (item.vote) parts.push(voteLines(item.vote, item));
  if (item.outcome === 'postponed') {
    parts.push(`<p>主持人决定暂缓表决，理由：${esc(item.postponeReason ?? '')}。本议题退回会前沟通（R11）。</p>`);
  }
  const decided = item.decisionNumber ? `，形成决定事项第${item.decisionNumber}项` : '';
  parts.push(`<p>结果：<span class="hei">${OUTCOME_LABELS[item.outcome]}</span>${decided}。</p>`);
  if (item.warnings.length) parts.push(warningsHtml(item.warnings));
  return `<section class="item">${parts.join('\n')}</section>`;
}

export function recordHtml(doc: RecordDoc): string {
  const a = doc.attendance;
  const due = a.present.length + a.onLeave.length + a.absent.length;
  const time = `${cnDateTime(doc.startsAt)}${doc.endsAt ? `—${esc(doc.endsAt.slice(11, 16))}` : ''}`;
  const title = `${doc.orgName}${doc.meetingLabel}记录`;
  const facts = [
    factLine('时　　间', esc(time)),
    factLine('地　　点', esc(doc.place)),
    factLine('主 持 人', esc(doc.host)),
    factLine('记 录 人', esc(doc.recorder)),
    factLine('应到人数', `${due}人　<span class="hei">实到人数：</span>${a.present.length}人`),
    attendanceLine('出　　席', a.present.map((name) => ({ name }))),
    attendanceLine('请　　假', a.onLeave),
    attendanceLine('缺　　席', a.absent.map((x) => ({ name: x.name, reason: x.reason ?? null }))),
    attendanceLine('列　　席', a.observers.map((name) => ({ name }))),
  ].join('\n');
  const first = doc.firstTopic
    ? `<p>${esc(doc.firstTopic)}</p>`
    : `<p>${doc.bodyKind === 'party_committee' ? '（未记录第一议题学习内容，R15）' : '（无）'}</p>`;
  const minutesRef = doc.docNumber ? `<div class="meta">会议纪要：${esc(doc.docNumber)}${doc.state === 'signed' ? `，${esc(doc.signedBy ?? '')}于${esc(cnDate(doc.signedAt))}签发` : '（草稿）'}</div>` : '';
  const body = `<h1 class="title">${esc(title)}</h1>
<section class="facts">${facts}</section>
<section class="item"><h2>第一议题（学习）</h2>${first}</section>
${doc.items.map(itemHtml).join('\n')}
${warningsHtml(doc.warnings)}
<div class="signatures"><span><span class="hei">记录人（签字）：</span>　　　　　　</span><span><span class="hei">主持人（签字）：</span>　　　　　　</span></div>
${minutesRef}`;
  const heiText = `时间地点主持人记录应到人数实到出席请假缺席列席第一议题（学习）表决结果：议事规则提示（已记录在案）签字通过未${Object.values(OUTCOME_LABELS).join('')}${doc.items
    .map((i) => `${cnNumber(i.position)}、${i.title}（临时动议三重一大·${i.majorCategory ?? ''}）`)
    .join('')}`;
  return htmlDocument({ title, css: RECORD_CSS, body, boldText: title, heiText });
}
