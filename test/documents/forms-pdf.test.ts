// 会议记录, 会议通知, 签到表 and 表决票 printed by real Chromium and read back with poppler.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotHtml } from '../../db/documents/ballot';
import { noticeHtml } from '../../db/documents/notice';
import { recordHtml } from '../../db/documents/record';
import { signInHtml } from '../../db/documents/signin';
import { PT_PER_MM, flowText, launchChromium, lineTops, pdfFonts, pdfInfo, pdfWords, printPdf, tempDir } from '../support/chromium';
import { demoBallot, demoNotice, demoRecord, demoSignIn } from './fixtures';

let browser: Browser;
let dir: string;
const flat = (s: string) => s.replace(/\s+/g, '');

async function print(name: string, html: string): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, await printPdf(browser, html));
  // Every printed document embeds all its fonts and is A4.
  expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
  const info = pdfInfo(file);
  expect(info.widthPt).toBeCloseTo(210 * PT_PER_MM, -1);
  expect(info.heightPt).toBeCloseTo(297 * PT_PER_MM, -1);
  return file;
}

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('会议记录 PDF (R16)', () => {
  it('R16 holds time, place, host, recorder, attendance with reasons, 第一议题, presenters, every statement, votes, recusals, postponements', async () => {
    const text = flowText(await print('record', recordHtml(demoRecord())));
    const expected = [
      '青山县第一中学2026年第3次党委会议记录',
      '时间：2026年3月25日（星期三）15:00—17:30', '地点：行政楼三楼第一会议室', '主持人：王建国', '记录人：周晓燕',
      '应到人数：8人', '实到人数：6人',
      '出席：王建国、李明华、张卫东、刘芳、陈立新、赵海燕', '请假：孙丽（参加县教育局培训）', '缺席：吴刚（未说明原因）', '列席：周晓燕、孙志强',
      '第一议题（学习）', '学习习近平总书记关于教育的重要论述',
      '一、关于2026年度学校预算的议题（三重一大·大额资金使用）', '金额：12,860,000元', '汇报人：李明华',
      '前置研究：本议题已经2026年第5次校长办公会议前置研究，研究意见：同意提交党委会议。',
      '1．李明华：同意。预算已经校长办公会前置研究。', '4．陈立新：缓议。信息化支出依据需补充。',
      '6．王建国（主持人，最后表态）：同意。',
      '书面意见（不计入表决）', '孙丽：同意预算草案。',
      '经举手表决，应到8人，实到6人，同意5票，不同意0票，弃权1票，通过。通过须同意票5票（超过应到人数的一半）。',
      '结果：通过，形成决定事项第1项。',
      '回避：赵海燕（其亲属任职于拟参与投标的企业）。回避人员不参加本议题的表态和表决。',
      '表决情况：王建国（同意）、李明华（同意）',
      '经无记名投票表决，应到8人，实到6人，同意6票，不同意0票，通过。',
      '四、关于调整课后服务收费标准的议题（临时动议）', '主持人决定暂缓表决，理由：意见分歧较大，须先征求家长委员会意见后再议。本议题退回会前沟通。', '结果：暂缓表决。',
      '记录人（签字）：', '主持人（签字）：',
    ];
    for (const s of expected) expect(text, s).toContain(flat(s));
    // No rule codes and no rule hits on paper.
    expect(text).not.toMatch(/R\d/);
    expect(text).not.toContain('会议材料送达时间不足');
  });

  it('its title wraps between words, never inside one (…教育集团 / 2026年第3次党委会议记录)', async () => {
    const file = await print('record-title', recordHtml(demoRecord({ orgName: '青山县第一中学教育集团' })));
    const words = pdfWords(file).filter((w) => w.page === 1 && w.yMax - w.yMin < 40);
    const time = words.find((w) => w.text.startsWith('时'))!;
    const title = words.filter((w) => w.yMax <= time.yMin);
    const lines = lineTops(title).map((top) => title.filter((w) => Math.abs(w.yMin - top) < 4).map((w) => w.text).join(''));
    expect(lines).toEqual(['青山县第一中学教育集团', '2026年第3次党委会议记录']);
  });

  it('R10 a secret ballot prints counts only, never who voted how, even if ballots were passed in', async () => {
    const doc = demoRecord();
    doc.items[2].vote!.ballots = [{ name: '陈立新', choice: '反对' }];
    const html = recordHtml(doc);
    expect(html).not.toContain('陈立新（反对）');
  });

  it('R15 a 党组织会议 record without 第一议题 says it was not recorded', () => {
    expect(recordHtml(demoRecord({ firstTopic: null }))).toContain('（未记录第一议题学习内容）');
  });

  it('escapes statements and notes', () => {
    const doc = demoRecord();
    doc.items[0].statements[0].note = '<img src=x onerror=alert(1)>';
    const html = recordHtml(doc);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('会议通知 and 签到表', () => {
  it('the issuer and date never stand alone on a page, however long the agenda', async () => {
    const base = demoNotice();
    // Without keeping them together, 2, 3 and 13 agenda items leave the issuer and date alone on the last page.
    for (const n of [1, 2, 3, 4, 13]) {
      const agenda = Array.from({ length: n }, (_, i) => ({ position: i + 1, title: `关于第${i + 1}项学校内部管理制度修订工作安排的议题`, presenter: '李明华' }));
      const file = await print(`notice-${n}`, noticeHtml({ ...base, agenda }));
      const pages = pdfInfo(file).pages;
      const last = flowText(file, { page: pages }).replace(/—\d+—/g, '');
      expect(last, `${n} items`).toContain(base.issuer);
      // Something of the notice's body shares the page with the issuer and the date.
      expect(last.replace(base.issuer, '').replace('2026年3月23日', '').length, `${n} items`).toBeGreaterThan(10);
    }
  }, 120_000);

  it('the notice lists time, place, agenda with presenters, who attends, requests and the issuer', async () => {
    const text = flowText(await print('notice', noticeHtml(demoNotice())));
    for (const s of ['关于召开2026年第3次党委会议的通知', '2026年3月25日（星期三）15:00—17:30在行政楼三楼第一会议室召开2026年第3次党委会议', '一是关于2026年度学校预算的议题（汇报人：李明华）；', '三是关于任命教务处副主任的议题（汇报人：张卫东）。', '出席：王建国、李明华', '列席：周晓燕、孙志强', '请提前审阅会议材料。', '中共青山县第一中学委员会办公室', '2026年3月23日']) {
      expect(text, s).toContain(flat(s));
    }
  });

  it('the sign-in sheet has one numbered row per person with post and role, then blank rows', async () => {
    const doc = demoSignIn();
    const text = flowText(await print('signin', signInHtml(doc)));
    // pdftotext reads a table column by column, so check cells, not whole rows.
    for (const s of ['2026年第3次党委会议签到表', '序号', '姓名', '职务', '类别', '本人签名', '备注', '1王建国书记出席', '2李明华校长、副书记出席', '9孙志强总务处主任列席', '101112']) {
      expect(text, s).toContain(s);
    }
    expect(pdfInfo(path.join(dir, 'signin.pdf')).pages).toBe(1);
  });
});

describe('签到表 pages', () => {
  it('blank rows fill the last page and never start one: 12 people on one page, 13 to 30 on two, each last page with a name', async () => {
    const base = demoSignIn();
    for (const [n, pages] of [[12, 1], [13, 2], [30, 2], [31, 3]] as const) {
      const rows = Array.from({ length: n }, (_, i) => ({ ...base.rows[i % base.rows.length]!, name: `成员${i + 1}` }));
      const file = await print(`signin-${n}`, signInHtml({ ...base, rows }));
      expect(pdfInfo(file).pages, `${n} people`).toBe(pages);
      expect(flowText(file, { page: pages }), `${n} people`).toContain(`成员${n}`);
    }
  }, 120_000);
});

describe('表决票 (R10)', () => {
  it('R10 a secret ballot (无记名投票) sheet has no name line; one sheet per copy; each item with 同意/不同意/弃权', async () => {
    const file = await print('secret', ballotHtml(demoBallot('无记名投票')));
    expect(pdfInfo(file).pages).toBe(2);
    const text = flowText(file);
    expect(text).not.toContain('表决人');
    expect(text).not.toContain('签名');
    expect(text).toContain('（无记名投票2026年3月25日）');
    expect(text).toContain('序号议题');
    expect(text).toContain('同意不同意弃权');
    expect(text).toContain('1关于教学楼屋面防水维修工程的议题');
    expect(text).toContain('2关于任命教务处副主任的议题');
  });

  it('R10 a secret ballot never prints a voter even when names are supplied', () => {
    const html = ballotHtml({ ...demoBallot('无记名投票'), voters: ['王建国'] });
    expect(html).not.toContain('王建国');
    expect(html).not.toContain('表决人');
  });

  it('a named ballot (记名投票) has one sheet per voter with the name and a signature line', async () => {
    const file = await print('named', ballotHtml(demoBallot('记名投票')));
    expect(pdfInfo(file).pages).toBe(3);
    const text = flowText(file);
    for (const n of ['王建国', '李明华', '张卫东']) expect(text).toContain(`表决人：${n}`);
  });
});
