// Shared steps of the meeting e2e tests (meeting-mode, minutes-revision, emergency): a harness at
// 1366×768, screenshots with a per-file prefix, and set-up through window.ledger for the steps
// whose UI belongs to other screens (the school, items and their 会前沟通).
import type { Page } from 'playwright-core';
import type { ChannelName, InputOf, OutputOf } from '../../db/api';
import { DEMO_SCHOOL } from '../support/school';
import { startHarness, type Harness } from '../support/harness';
import { screenshots } from '../support/screenshots';

export async function openUi(prefix: string, now: string) {
  const h: Harness = await startHarness({ now, viewport: { width: 1366, height: 768 } });
  const page = h.page;
  page.setDefaultTimeout(10_000);
  /** A 1366×768 screenshot: artifacts/screenshots/<prefix>-NN-<name>.png */
  const shot = screenshots(`${prefix}-`, page, 200);

  /** A call through window.ledger, exactly as the renderer makes it; throws on a refusal. */
  const ledger = async <C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = (await page.evaluate(
      ([c, i]) => (window as unknown as { ledger: { call(c: string, i: unknown): Promise<unknown> } }).ledger.call(c, i),
      [channel, input] as const,
    )) as { ok: true; value: OutputOf<C> } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };

  /** The demo school (7-member 党组织会议, 5-member 校长办公会议); the page reloads into the shell. */
  const school = async () => {
    const { orgId } = await ledger('org.setup', DEMO_SCHOOL);
    const overview = (await ledger('org.get', {}))!;
    const matters = await ledger('matters.list', { orgId });
    await page.reload();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    const person = (name: string) => overview.persons.find((p) => p.name === name)!.id;
    const body = (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id;
    const matter = (code: string) => matters.find((m) => m.code === code)!;
    return { orgId, person, body, matter };
  };

  /** An item filed and agreed by 书记 and 校长 in 会前沟通 (R4); cadre matters get their 酝酿 too. */
  const readyItem = async (s: Awaited<ReturnType<typeof school>>, code: string, title: string, summary: string) => {
    const { id: itemId } = await ledger('items.create', {
      orgId: s.orgId,
      title,
      summary,
      matterId: s.matter(code).id,
      proposerId: s.person('李明华'),
      materialsReadyAt: '2026-03-20',
    });
    const stances = [
      { personId: s.person('王建国'), role: '书记', stance: '同意' as const },
      { personId: s.person('李明华'), role: '校长', stance: '同意' as const },
    ];
    await ledger('consultations.record', { itemId, date: '2026-03-20', form: '当面', stances });
    if (s.matter(code).cadre) await ledger('consultations.record', { itemId, kind: 'deliberation', date: '2026-03-20', form: '会议', stances });
    return itemId;
  };

  return { h, page, shot, ledger, school, readyItem };
}

/** Select the option whose text contains `text`. */
export { choose } from './page-helpers';

/** A form control by its label; required fields carry a "*" after the label text. */
export const fieldOf = (page: Page) => (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`));
