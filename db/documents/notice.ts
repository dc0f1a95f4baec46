// 会议通知: who is called, when, where, and the agenda with presenters (R3: materials in advance).
import { BLOCK_CSS, blockHtml, blocksHtml, run, type Block } from './blocks';
import type { NoticeDoc } from './model';
import { GRID, cnDate, cnDateTime, cnNumber, esc, htmlDocument, outlineNumber } from './page';

const NOTICE_CSS = `
.issuer { margin-top: calc(2 * ${GRID.line}); text-align: right; padding-right: calc(4 * ${GRID.ch}); }
.issuer div { text-align: center; display: inline-block; }
.closing { break-inside: avoid; page-break-inside: avoid; }
`;

export function noticeHtml(doc: NoticeDoc): string {
  const time = `${cnDateTime(doc.startsAt)}${doc.endsAt ? `—${doc.endsAt.slice(11, 16)}` : ''}`;
  const blocks: Block[] = [
    { kind: 'title', text: doc.title, names: [doc.orgName, doc.meetingLabel] },
    { kind: 'p', indent: false, runs: [run(`各位${doc.bodyKind === 'principal_office' ? '校长办公会议成员' : '委员'}：`)] },
    { kind: 'p', runs: [run(`经研究，定于${time}在${doc.place}召开${doc.meetingLabel}，由${doc.host}同志主持。现将有关事项通知如下：`)] },
    { kind: 'h2', text: '一、会议议题' },
    ...doc.agenda.map((a, i): Block => ({
      kind: 'p',
      runs: [
        run(`${cnNumber(i + 1)}是${a.title}`),
        // The presenter's name stays on one line.
        ...(a.presenter ? [{ text: `（汇报人：${a.presenter}）`, keep: true }] : []),
        run(i === doc.agenda.length - 1 ? '。' : '；'),
      ],
    })),
    { kind: 'h2', text: '二、参会人员' },
    { kind: 'att', label: '出席', names: doc.attendees.map((name) => ({ name })), indent: true },
    { kind: 'att', label: '列席', names: doc.observers.map((name) => ({ name })), indent: true },
  ];
  if (doc.notes.length) {
    blocks.push({ kind: 'h2', text: '三、有关要求' }, ...doc.notes.map((n, i): Block => ({ kind: 'p', runs: [run(`${outlineNumber(2, i + 1)}${n}`)] })));
  }
  // The issuer and date never stand alone on a page: they keep the last paragraph with them.
  const body = `${blocksHtml(blocks.slice(0, -1))}
<div class="closing">
${blockHtml(blocks[blocks.length - 1]!)}
<div class="issuer"><div>${esc(doc.issuer)}<br>${esc(cnDate(doc.issuedOn))}</div></div>
</div>`;
  return htmlDocument({ title: doc.title, css: BLOCK_CSS + NOTICE_CSS, body });
}
