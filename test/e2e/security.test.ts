// 数据安全 through the UI: who is at the keyboard (sign-in, PIN, 切换), the audit log naming
// that operator, backups with their preview, verify OK, a locked record (R16) changed behind the
// app's back with plain SQL and named by 校验台账, and the restore that closes, swaps and
// reopens the ledger. Real Chromium, real SQLite file, screenshots at 1366×768.
import { byLabel, chooseSchoolLedger } from './page-helpers';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAt, setupSchool, signedMeeting, tempDir } from '../trust/fixture';
import { SHOTS } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';

const ITEM = '关于调整课后服务时间的议题';

let h: Harness;
let page: Page;
let dir: string;
let ledgerFile: string;
let lockedEntryId: number;

async function shot(name: string): Promise<void> {
  // The page's clock is fixed, so toasts do not time out: dismiss them (a click does) first.
  for (const toast of await page.locator('.toast-area .notice').all()) await toast.click().catch(() => undefined);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOTS, `security-${name}.png`) });
}

const field = (label: string) => byLabel(page, label);

async function openSecurity(): Promise<void> {
  // By name, not Alt+n: the sections' numbers move as sections are added.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /^设置/ }).click();
  await page.getByRole('tab', { name: '数据安全' }).click();
  await page.getByRole('heading', { name: '校验台账' }).waitFor();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith('security-') && f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
  // A school with one signed meeting (every kind of locked record), made through dispatch.
  dir = tempDir();
  ledgerFile = path.join(dir, 'ledger.sqlite');
  const t = openAt(ledgerFile, '2026-03-26T09:00:00', '测试秘书');
  const school = setupSchool(t);
  const m = signedMeeting(t, school, 1);
  lockedEntryId = m.decided[0]!.entryId;
  t.close();
  // '系统' = nobody signed in yet, as when the desktop app starts.
  h = await startHarness({ ledgerFile, now: '2026-03-26T09:00:00', operator: '系统' });
  page = h.page;
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await h?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('数据安全 through the UI', () => {
  it('asks who is at the keyboard before anything else, and shows the operator in the shell', async () => {
    await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
    // Every active person of the school is offered (the heading shows before the list arrives).
    await page.getByRole('radio', { name: '吴秘书' }).waitFor();
    for (const name of ['王建国', '李明华', '吴秘书']) await expect(page.getByRole('radio', { name }).count()).resolves.toBe(1);
    // Keyboard only: Tab lands in the list; arrows move the choice.
    await page.getByRole('radio', { name: '吴秘书' }).check();
    await shot('01-signin');
    await page.getByRole('button', { name: '以「吴秘书」登录' }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await expect(page.locator('.operator-box strong').textContent()).resolves.toBe('吴秘书');
    expect(h.ledger.operator).toBe('吴秘书');
  });

  it('a write records the signed-in operator, and the audit log shows it (latest first)', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /^议题/ }).click();
    await page.getByRole('heading', { name: '议题', exact: true }).waitFor();
    await page.keyboard.press('Alt+n');
    await field('议题名称').fill(ITEM);
    const matter = field('议事清单事项');
    await matter.selectOption({ label: (await matter.locator('option', { hasText: '安全稳定工作' }).first().textContent())! });
    const proposer = field('提出人');
    await proposer.selectOption({ label: (await proposer.locator('option', { hasText: '李明华' }).first().textContent())! });
    await field('议题内容').fill('拟将课后服务结束时间由17:30调整为18:00，以方便双职工家庭。');
    await page.getByRole('button', { name: '仅保存草稿' }).click();
    await page.getByRole('heading', { name: ITEM }).waitFor();

    await openSecurity();
    const log = page.getByRole('table', { name: '操作日志' });
    await log.locator('[data-channel="items.create"]').first().waitFor();
    const first = log.locator('.vlist-row').first();
    await expect(first.getAttribute('data-operator')).resolves.toBe('吴秘书');
    await expect(log.locator('[data-channel="items.create"]').first().textContent()).resolves.toContain('新建了议题');
    await expect(log.locator('[data-channel="session.signIn"][data-operator="吴秘书"]').count()).resolves.toBe(1);
    // The earlier writes by the set-up secretary are there too, under their own name.
    await expect(log.locator('[data-operator="测试秘书"]').count()).resolves.toBeGreaterThan(0);
    // And the row in the file says the same.
    const row = h.ledger.sqlite.prepare("SELECT operator FROM audit_log WHERE channel = 'items.create' ORDER BY id DESC LIMIT 1").get() as { operator: string };
    expect(row.operator).toBe('吴秘书');
    await page.locator('section[aria-labelledby="audit-title"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('02-audit-log');
  });

  it('sets a PIN; 切换 then asks for it, refuses a wrong one beside the field, accepts the right one', async () => {
    await page.getByRole('heading', { name: /^我的PIN/ }).scrollIntoViewIfNeeded();
    await field('PIN').fill('2580');
    await page.getByRole('button', { name: '设置PIN' }).click();
    await page.getByText('已设置', { exact: true }).waitFor();
    await page.getByRole('button', { name: '切换' }).click();
    await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
    await page.getByRole('radio', { name: /吴秘书/ }).check();
    await field('吴秘书的PIN').fill('1111');
    await page.getByRole('button', { name: '以「吴秘书」登录' }).click();
    await expect(page.locator('.field-error').textContent()).resolves.toContain('PIN 不正确');
    await shot('03-pin-refused');
    await field('吴秘书的PIN').fill('2580');
    await page.keyboard.press('Enter');
    await page.locator('.operator-box').waitFor();
    await expect(page.locator('.operator-box strong').textContent()).resolves.toBe('吴秘书');
    const rows = h.ledger.sqlite.prepare("SELECT summary FROM audit_log WHERE channel IN ('session.setPin','session.signIn') AND summary LIKE '%pin%'").all() as { summary: string }[];
    // PINs never reach the audit log.
    for (const r of rows) expect(r.summary).not.toContain('2580');
  });

  it('verifies the ledger: nothing changed, but with no backup yet the signed meeting is 未锚定, not 核验通过', async () => {
    await openSecurity();
    // Held before it starts, so the panel can be seen while a verify runs; the progress is pushed
    // the way the shell pushes it (a district file's figures: a small file is done before a push).
    const release = h.holdVerify();
    await page.getByRole('button', { name: '校验台账' }).click();
    const running = page.locator('.verify-progress');
    await running.getByText('正在读取存证链…').waitFor();
    await expect(page.getByRole('button', { name: '正在校验…' }).isDisabled()).resolves.toBe(true);
    await h.pushVerifyProgress({ done: 12345, total: 58800 });
    await running.getByText('正在核验 12,345 / 58,800 条记录（可以照常操作）').waitFor();
    await expect(running.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).resolves.toEqual([12345, 58800]);
    await page.getByRole('heading', { name: '校验台账' }).scrollIntoViewIfNeeded();
    await shot('04a-verify-progress');
    release();
    const unanchored = page.locator('[data-verify="unanchored"]');
    await unanchored.waitFor();
    await expect(running.count()).resolves.toBe(0);
    // The button ran the stepped verify through the host, not the one-shot channel.
    expect(h.hostCalls.filter((c) => c.method === 'verifyLedger')).toHaveLength(1);
    const head = (h.ledger.sqlite.prepare('SELECT COUNT(*) AS n, (SELECT hash FROM seals ORDER BY id DESC LIMIT 1) AS hash FROM seals').get()) as { n: number; hash: string };
    await expect(unanchored.textContent()).resolves.toContain('未锚定');
    await expect(unanchored.textContent()).resolves.not.toContain('核验通过');
    await expect(unanchored.locator('code.anchor').textContent()).resolves.toMatch(new RegExp(`^${head.n}-${head.hash.slice(0, 8)}`));
    await page.getByRole('heading', { name: '校验台账' }).scrollIntoViewIfNeeded();
    await shot('04-verify-unanchored');
  });

  it('backs up now with a progress bar, lists the backup and previews its meetings', async () => {
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.locator('.backup-progress.done').waitFor();
    const table = page.getByRole('table', { name: '备份列表' });
    await table.locator('tbody tr').first().waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    const row = table.locator('tbody tr').first();
    await expect(row.textContent()).resolves.toContain('1 次（1 份已签发）');
    await row.getByText('核验通过').waitFor();
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    await page.getByRole('heading', { name: '备份与恢复' }).scrollIntoViewIfNeeded();
    await shot('05-backup-listed');

    await row.getByRole('button', { name: /预览/ }).click();
    const dialog = page.getByRole('dialog', { name: '备份内容预览' });
    await dialog.getByText('核验通过，可以用于恢复').waitFor();
    await expect(dialog.locator('table').textContent()).resolves.toContain('2026年第1次党委会议');
    await expect(dialog.locator('table').textContent()).resolves.toContain('已签发');
    await shot('06-backup-preview');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);

    // The backup's manifest is an anchor outside the file: now the whole chain is vouched for.
    await page.getByRole('button', { name: '校验台账' }).click();
    const ok = page.locator('[data-verify="ok"]');
    await ok.waitFor();
    await expect(ok.textContent()).resolves.toContain('核验通过');
    await expect(ok.textContent()).resolves.toContain('与1个外部存证码相符');
    // The first verify left its mark beside the file: this one is quick, and says so.
    await expect(ok.textContent()).resolves.toMatch(/快速校验：全部\d+条存证的前后链接完整；上次完整校验之后记入的0条记录逐条重算，此前的记录抽查\d+条/);
    await page.getByRole('heading', { name: '校验台账' }).scrollIntoViewIfNeeded();
    await shot('06b-verify-ok');
    // 完整校验 re-hashes everything: the same verdict, without the quick note.
    await page.getByRole('button', { name: '完整校验' }).click();
    await page.locator('[data-verify="ok"]:not(:has-text("快速校验"))').waitFor();
    await expect(page.locator('[data-verify="ok"]').textContent()).resolves.toContain('与1个外部存证码相符');
    await shot('06c-verify-full');
  });

  it('exports a backup to a chosen folder (USB) through the host', async () => {
    await page.getByRole('button', { name: '导出到U盘或其他文件夹…' }).click();
    await page.locator('.backup-progress.done').getByText('打开所在文件夹').waitFor();
    const chosen = path.join(dir, 'chosen');
    expect(fs.readdirSync(chosen).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    expect(fs.readdirSync(chosen).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(h.hostCalls.some((c) => c.method === 'chooseFolder')).toBe(true);
  });

  it('R16: a locked vote count changed with plain SQL is named by 校验台账', async () => {
    // Behind the app's back, as someone with a SQL tool would: 7 votes for becomes 9.
    const raw = new Database(ledgerFile);
    raw.prepare('UPDATE agenda_entries SET votes_for = votes_for + 2 WHERE id = ?').run(lockedEntryId);
    raw.close();
    await page.getByRole('button', { name: '校验台账' }).click();
    const broken = page.locator('[data-verify="broken"]');
    await broken.waitFor();
    const text = (await broken.textContent())!;
    expect(text).toContain('核验未通过');
    expect(text).toContain(`2026年第1次党委会议`);
    expect(text).toContain(`议题表决结果（编号 ${lockedEntryId}）在签发锁定后被改动过`);
    await page.getByRole('heading', { name: '校验台账' }).scrollIntoViewIfNeeded();
    await shot('07-verify-broken');
  });

  it('restores the verified backup: the current file is saved first, the ledger reopens and verifies again', async () => {
    const table = page.getByRole('table', { name: '备份列表' });
    await table.locator('tbody tr').first().getByRole('button', { name: /预览/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '用这份备份恢复…' }).click();
    await dialog.getByRole('heading', { name: '确认恢复' }).waitFor();
    await expect(dialog.textContent()).resolves.toContain('现在的台账另存为一份备份');
    await shot('08-restore-confirm');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    // The page reloads on the reopened ledger, back on 设置, and says what happened.
    await page.locator('.toast-area').getByText('的备份恢复台账').waitFor();
    await openSecurity();
    await page.locator('.security > .notice.ok').getByText('恢复前的台账已另存为').waitFor();
    expect(h.hostCalls.filter((c) => c.method === 'restoreBackup')).toHaveLength(1);
    await expect(page.locator('.operator-box strong').textContent()).resolves.toBe('吴秘书');
    await page.getByRole('button', { name: '校验台账' }).click();
    await page.locator('[data-verify="ok"]').waitFor();
    const votes = h.ledger.sqlite.prepare('SELECT votes_for AS v FROM agenda_entries WHERE id = ?').get(lockedEntryId) as { v: number };
    expect(votes.v).toBeLessThan(9);
    // The tampered file was kept as a "恢复前保存" backup, and it is refused for restoring.
    const saved = page.getByRole('table', { name: '备份列表' }).locator('tbody tr', { hasText: '恢复前保存' });
    await saved.getByText('不可用').waitFor();
    await saved.getByRole('button', { name: /预览/ }).click();
    const refused = page.getByRole('dialog').locator('[data-refused="true"]');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('在签发锁定后被改动过');
    await shot('09-refused-backup');
    await page.keyboard.press('Escape');
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await shot('10-after-restore');
    expect(h.pageErrors).toEqual([]);
  });
});

describe('first run: nobody to choose yet', () => {
  it('offers 系统管理员 before the school is set up, then the set-up guide records writes under that name', async () => {
    const first = await startHarness({ now: '2026-03-20T09:00:00', operator: '系统' });
    try {
      const p = first.page;
      p.setDefaultTimeout(15_000);
      // The first start's choice comes before anyone signs in: this computer keeps 本校台账.
      await chooseSchoolLedger(p);
      await p.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
      // The list of operators arrives after the heading: wait for it before counting.
      await p.getByRole('radio', { name: /系统管理员/ }).waitFor();
      await expect(p.getByRole('radio').count()).resolves.toBe(1);
      // Keyboard only: the one choice is focused, Enter signs in.
      await p.getByRole('radio', { name: /系统管理员/ }).focus();
      await p.keyboard.press('Enter');
      await p.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
      expect(first.ledger.operator).toBe('系统管理员');
      const row = first.ledger.sqlite.prepare("SELECT operator FROM audit_log WHERE channel = 'session.signIn'").get() as { operator: string };
      expect(row.operator).toBe('系统管理员');
      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.close();
    }
  });
});
