// 会议通知: who is called, when, where, and the agenda with presenters (R3: materials in advance).
import { attendanceLine } from './minutes';
import type { NoticeDoc } from './model';
import { GRID, cnDate, cnDateTime, cnNumber, esc, htmlDocument } from './page';

const NOTICE_CSS = `
.att { display: flex; align-items: baseline; margin-left: calc(2 * ${GRID.ch}); text-align: left; }
.att .label { flex: none; }
.att .names { flex: 1 1 auto; min-width: 0; }
.att .nm { white-space: nowrap; }
.to { text-indent: 0; }
.issuer { margin-top: calc(2 * ${GRID.line}); text-align: right; padding-right: calc(4 * ${GRID.ch}); }
.issuer div { text-align: center; display: inline-block; }
`;

export function noticeHtml(doc: NoticeDoc): string {
  const time = `${cnDateTime(doc.startsAt)}${doc.endsAt ? `—${doc.endsAt.slice(11, 16)}` : ''}`;
  const agenda = doc.agenda
    .map((a, i) => `<p>${cnNumber(i + 1)}是${esc(a.title)}${a.presenter ? `（汇报人：${esc(a.presenter)}）` : ''}；</p>`)
    .join('\n')
    .replace(/；<\/p>$/, '。</p>');
  const body = `<h1 class="title">${esc(doc.title)}</h1>
<p class="to">各位${esc(doc.bodyKind === 'principal_office' ? '校长办公会议成员' : '委员')}：</p>
<p>经研究，定于${esc(time)}在${esc(doc.place)}召开${esc(doc.meetingLabel)}，由${esc(doc.host)}同志主持。现将有关事项通知如下：</p>
<h2>一、会议议题</h2>
${agenda}
<h2>二、参会人员</h2>
${attendanceLine('出席', doc.attendees.map((name) => ({ name })))}
${attendanceLine('列席', doc.observers.map((name) => ({ name })))}
${doc.notes.length ? `<h2>三、有关要求</h2>\n${doc.notes.map((n, i) => `<p>（${cnNumber(i + 1)}）${esc(n)}</p>`).join('\n')}` : ''}
<div class="issuer"><div>${esc(doc.issuer)}<br>${esc(cnDate(doc.issuedOn))}</div></div>`;
  return htmlDocument({
    title: doc.title,
    css: NOTICE_CSS,
    body,
    boldText: doc.title,
    heiText: '一、会议议题二、参会人员三、有关要求出席：列席：',
  });
}
