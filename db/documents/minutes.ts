// 会议纪要 HTML in the GB/T 9704-2012 §10.3 纪要 format (R16): red 纪要标志 35 mm below the top of
// the type area, the number two lines below it, a red rule, the opening paragraph, the numbered
// decisions with owner and deadline, then 出席/请假/列席 lines (label in 黑体 two characters in,
// wrapped names aligned under the first name). No seal. Drafts carry a 草稿 watermark; a 勘误
// revision says so under the heading; signed minutes print the signer and the chain anchor small.
import type { AttendanceLines, DecisionOwner, DocWarning, MinutesDecision, MinutesDoc } from './model';
import { GRID, cnDate, cnNumber, esc, htmlDocument } from './page';

export const MINUTES_CSS = `
.masthead { text-align: center; }
.masthead .mark { margin-top: 35mm; font-size: 22pt; line-height: 1.45; letter-spacing: 0.1em;
  color: #e60012; }
.masthead .docno { margin-top: calc(2 * ${GRID.line}); letter-spacing: 0; }
.masthead .rule { height: 0; border-top: 1.2pt solid #e60012; margin-top: 4mm; margin-bottom: ${GRID.line}; }
.revision { font-size: 14pt; line-height: 1.6; }
.owners { }
.att { display: flex; align-items: baseline; margin-left: calc(2 * ${GRID.ch}); text-align: left; }
.att .label { flex: none; }
.att .names { flex: 1 1 auto; min-width: 0; }
.att .nm { white-space: nowrap; }
.notes { margin-top: ${GRID.line}; font-size: 14pt; line-height: 1.6; }
.notes p { text-indent: 0; padding-left: 2em; text-indent: -2em; }
.signoff { margin-top: ${GRID.line}; text-align: right; break-before: avoid; page-break-before: avoid; }
.anchor { break-before: avoid; page-break-before: avoid; font-size: 9pt; line-height: 1.4; letter-spacing: 0; color: #555; text-align: right; }
`;

/** One 出席/请假/列席 line; nothing when there is nobody to list. */
export function attendanceLine(label: string, names: { name: string; reason?: string | null }[]): string {
  if (names.length === 0) return '';
  // A name never breaks across lines; a long 请假 reason may.
  const spans = names
    .map((n, i) => `<span class="nm">${esc(n.name)}</span>${n.reason ? `（${esc(n.reason)}）` : ''}${i < names.length - 1 ? '、' : ''}`)
    .join('');
  return `<div class="att"><span class="label hei">${esc(label)}：</span><span class="names">${spans}</span></div>`;
}

export function attendanceBlock(a: AttendanceLines): string {
  return [
    attendanceLine('出席', a.present.map((name) => ({ name }))),
    attendanceLine('请假', a.onLeave),
    attendanceLine('列席', a.observers.map((name) => ({ name }))),
  ].join('\n');
}

export function ownerSentence(o: DecisionOwner): string {
  const who = [o.ownerName ? `责任人：${o.ownerName}` : '', o.leaderName ? `分管领导：${o.leaderName}` : ''].filter(Boolean).join('；');
  const task = o.task ? `${o.task}，` : '';
  return `${task}由${o.ownerDept}${who ? `（${who}）` : ''}负责落实，完成时限：${cnDate(o.deadline)}。`;
}

function decisionHtml(d: MinutesDecision): string {
  const owners = d.owners.length
    ? d.owners.map((o) => `<p class="owners">${esc(ownerSentence(o))}</p>`).join('\n')
    : d.noFollowUpReason
      ? `<p class="owners">无需督办：${esc(d.noFollowUpReason)}。</p>`
      : '';
  return `<section class="decision">
<h2>${cnNumber(d.number)}、${esc(d.itemTitle)}</h2>
<p>${esc(d.text)}</p>
${owners}
</section>`;
}

export function warningsHtml(warnings: DocWarning[]): string {
  if (warnings.length === 0) return '';
  return `<div class="notes"><div class="hei">议事规则提示（已记录在案）：</div>
${warnings.map((w, i) => `<p>${i + 1}．${esc(w.message)}（${esc(w.rule)}）</p>`).join('\n')}
</div>`;
}

export function minutesHtml(doc: MinutesDoc): string {
  const draft = doc.state !== 'signed';
  const revision =
    doc.revision > 1
      ? `<p class="revision kai">本件为勘误修订稿（第${doc.revision}版）。勘误理由：${esc(doc.revisionReason ?? '')}。原签发稿保留备查。</p>`
      : '';
  const signoff =
    !draft && doc.signedBy
      ? `<div class="signoff">签发人：${esc(doc.signedBy)}　　${esc(cnDate(doc.signedAt))}</div>`
      : '';
  const anchor = !draft && doc.chainAnchor ? `<div class="anchor">校验码：${esc(doc.chainAnchor)}</div>` : '';
  const body = `${draft ? '<div class="watermark">草稿</div>' : ''}
<header class="masthead">
<div class="mark biao">${esc(doc.title)}</div>
<div class="docno">${esc(doc.docNumber)}</div>
<div class="rule"></div>
</header>
${revision}
<p class="opening">${esc(doc.opening)}</p>
${doc.decisions.map(decisionHtml).join('\n')}
<div class="blank"></div>
${attendanceBlock(doc.attendance)}
${warningsHtml(doc.warnings)}
${signoff}
${anchor}`;
  const heiText = `草稿出席请假列席：、议事规则提示（已记录在案）${doc.decisions.map((d) => `${cnNumber(d.number)}、${d.itemTitle}`).join('')}`;
  return htmlDocument({
    title: `${doc.title}${doc.docNumber}${draft ? '（草稿）' : ''}`,
    css: MINUTES_CSS,
    body,
    boldText: doc.title,
    heiText,
  });
}
