// The very first start (J2): no school set up, no district ledger. The page asks which ledger this
// computer keeps. 区域统筹台账 opens (creating) the district ledger in the folder picked, as the
// menu does, and shows the district screens alone; it stays so at the next start. 本校台账 goes on
// to 选择操作人 and 设置学校 as before; so does a page opened with ?start=school (the menu's
// 改用本校台账). Real Chromium, real SQLite. Screenshots at 1366×768: artifacts/screenshots/first-run-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { SHOTS } from '../support/screenshots';
import { failures, sampleTexts } from '../support/contrast';

const CHOICE = '欢迎使用议事台账：这台电脑用来做什么？';
// Each test has a page of its own (a fresh start): one numbering over all of them.
fs.mkdirSync(SHOTS, { recursive: true });
for (const f of fs.readdirSync(SHOTS)) if (/^first-run-\d\d-.*\.png$/.test(f)) fs.rmSync(path.join(SHOTS, f));
let n = 0;
async function shot(page: Harness['page'], name: string): Promise<void> {
  n += 1;
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOTS, `first-run-${String(n).padStart(2, '0')}-${name}.png`) });
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function start(operator?: string): Promise<Harness> {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 }, ...(operator ? { operator } : {}) });
  h.page.setDefaultTimeout(15_000);
  return h;
}

describe('first start: 本校台账 or 区域统筹台账', () => {
  it('asks before anyone signs in, each choice with one sentence of what it is for', async () => {
    const { page } = await start('系统');
    await page.getByRole('heading', { name: CHOICE }).waitFor();
    const school = page.getByRole('button', { name: /^本校台账/ });
    const district = page.getByRole('button', { name: /^区域统筹台账/ });
    expect(await school.innerText()).toContain('学校党组织');
    expect(await district.innerText()).toContain('教育工委 / 教育局');
    expect(await district.innerText()).toContain('报送包');
    // Nobody is asked to sign in yet, and nothing was written.
    expect(await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/[A-Za-z]{3,}|\{|\}/);
    await shot(page, 'choice');
  });

  it('区域统筹台账: opens the district ledger in the folder picked and shows the district screens alone, again at the next start', async () => {
    const { page } = await start('系统');
    await page.getByRole('button', { name: /^区域统筹台账/ }).click();
    await page.getByRole('heading', { name: /^区域统筹·/ }).waitFor();
    expect(h!.district()).not.toBeNull();
    // No school sidebar, no sign-in: the district ledger keeps its own log.
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    await page.getByRole('button', { name: '改用本校台账…' }).waitFor();
    await page.getByRole('form', { name: '登记学校' }).waitFor();
    await shot(page, 'district-alone');
    // The district's own help under F1, not the school's 工作台.
    await page.getByRole('button', { name: /^帮助/ }).click();
    expect(await page.getByRole('region', { name: '本页帮助' }).innerText()).toContain('报送包');
    await page.getByRole('button', { name: /^帮助/ }).click();
    // The next start (the shell remembers the folder): straight back to the district ledger.
    await page.reload();
    await page.getByRole('heading', { name: /^区域统筹·/ }).waitFor();
    expect(await page.getByRole('heading', { name: CHOICE }).count()).toBe(0);
    // The school ledger was never touched.
    expect(h!.ledger.sqlite.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 0 });
  });

  it('the way back from inside the page: 改用本校台账… asks in plain words, closes the district ledger (file kept) and asks the first-start question again; and forth', async () => {
    const { page } = await start('系统');
    await page.getByRole('button', { name: /^区域统筹台账/ }).click();
    await page.getByRole('heading', { name: /^区域统筹·/ }).waitFor();
    const naming = page.getByRole('form', { name: '单位名称' });
    await naming.getByLabel('单位名称').fill('青山县教育工委');
    await naming.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('heading', { name: '区域统筹·青山县教育工委' }).waitFor();
    const file = h!.district()!.file;
    // Cancel first: nothing changes.
    await page.getByRole('button', { name: '改用本校台账…' }).click();
    const dialog = page.getByRole('alertdialog');
    const said = await dialog.innerText();
    expect(said).toContain('区域台账将在这台电脑上关闭，但不会删除');
    expect(said).toContain(path.dirname(file));
    expect(said).not.toMatch(/undefined|null|[{}]/);
    await shot(page, 'way-back-confirm');
    // 大字: the bar and the question stay at 13 px or more and readable.
    await page.evaluate(() => document.documentElement.classList.add('large-type'));
    const bar = await page.locator('.district-only-bar').innerText();
    const small = failures((await page.evaluate(sampleTexts)).filter((t) => bar.includes(t.text) || said.includes(t.text)), 13);
    expect(small).toEqual([]);
    await shot(page, 'way-back-confirm-large');
    await page.evaluate(() => document.documentElement.classList.remove('large-type'));
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(h!.district()).not.toBeNull();
    // Confirmed: the first-start question, no error, the district file still in its folder.
    await page.getByRole('button', { name: '改用本校台账…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '关闭区域台账' }).click();
    await page.getByRole('heading', { name: CHOICE }).waitFor();
    expect(h!.district()).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, 'way-back-choice');
    // …and it stays so at the next start.
    await page.reload();
    await page.getByRole('heading', { name: CHOICE }).waitFor();
    // Forth again: the same folder gives back the same district ledger, its name kept.
    await page.getByRole('button', { name: /^区域统筹台账/ }).click();
    await page.getByRole('heading', { name: '区域统筹·青山县教育工委' }).waitFor();
    // Back, and this time on to the school's set-up.
    await page.getByRole('button', { name: '改用本校台账…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '关闭区域台账' }).click();
    await page.getByRole('button', { name: /^本校台账/ }).click();
    await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
    expect(h!.pageErrors).toEqual([]);
  });

  it('本校台账: goes on to 选择操作人 and then 设置学校, as before', async () => {
    const { page } = await start('系统');
    await page.getByRole('button', { name: /^本校台账/ }).click();
    await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
    await page.getByRole('radio', { name: /系统管理员/ }).click();
    await page.getByRole('button', { name: '以「系统管理员」登录' }).click();
    await page.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
    expect(h!.district()).toBeNull();
    await shot(page, 'school-setup');
  });

  it('a page opened with ?start=school (the menu’s 改用本校台账) skips the question', async () => {
    const { page } = await start();
    await page.goto(`${h!.url}?start=school#/dashboard`);
    await page.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
    expect(await page.getByRole('heading', { name: CHOICE }).count()).toBe(0);
    expect(h!.pageErrors).toEqual([]);
  });
});

