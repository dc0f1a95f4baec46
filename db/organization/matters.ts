// 议事清单: the school's catalogue of matters. Codes are stable ids: never changed, never reused.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, notFound, refuse } from '../errors';
import { nowIso, type Ledger, type ReadLedger } from '../ledger';
import { decisionTextFor } from '../rules/templates';
import { matters, textTemplates } from '../schema';
import type { organizationContract } from './contract';
import { getOrganization } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

export function listMatters(ledger: ReadLedger, orgId: number) {
  return ledger.db.select().from(matters).where(eq(matters.orgId, orgId)).orderBy(asc(matters.id)).all();
}

export function saveMatter(ledger: Ledger, input: In<'matters.save'>) {
  getOrganization(ledger, input.orgId);
  // R2: a 三重一大 matter is decided only by the 党组织会议.
  if (input.majorCategory && input.decidingBody !== 'party_committee') {
    refuse('R2', `三重一大事项（${input.majorCategory}）只能由党组织会议集体决定，请将决策机构设为党组织会议`, 'decidingBody');
  }
  const values = {
    name: input.name,
    decidingBody: input.decidingBody,
    preStudy: input.preStudy,
    majorCategory: input.majorCategory,
    twoThirds: input.twoThirds,
    cadre: input.cadre,
    staffCongress: input.staffCongress,
    active: input.active,
  };
  if (input.matterId != null) {
    const m = ledger.db.select().from(matters).where(eq(matters.id, input.matterId)).get();
    if (!m || m.orgId !== input.orgId) notFound('议事清单事项', input.matterId, 'matterId');
    // Codes are stable ids (reports compare them across years): never changed.
    if (input.code && input.code !== m!.code) conflict(`事项编号「${m!.code}」不能更改；如需新编号，请新增事项并停用原事项。`, 'code');
    if (input.group !== m!.group) conflict(`事项「${m!.code}」的分组不能更改；如需调整，请新增事项并停用原事项。`, 'group');
    return ledger.db.update(matters).set(values).where(eq(matters.id, m!.id)).returning().get();
  }
  const existing = ledger.db.select({ code: matters.code }).from(matters).where(eq(matters.orgId, input.orgId)).all();
  let code = input.code;
  if (code) {
    if (!code.startsWith(input.group) || !/^\d+$/.test(code.slice(input.group.length))) {
      invalid(`「编号」须以分组字母「${input.group}」开头，后接数字`, 'code');
    }
    // Never reused, even for an inactive entry.
    if (existing.some((e) => e.code === code)) conflict(`编号「${code}」已被使用，请换一个编号。`, 'code');
  } else {
    const used = existing
      .filter((e) => e.code.startsWith(input.group) && /^\d+$/.test(e.code.slice(input.group.length)))
      .map((e) => Number(e.code.slice(input.group.length)));
    code = `${input.group}${Math.max(0, ...used) + 1}`;
  }
  const added = ledger.db.insert(matters).values({ orgId: input.orgId, code, group: input.group, ...values }).returning().get();
  // A new matter starts with its group's decision template, as the set-up's matters do (模板与常用语).
  ledger.db.insert(textTemplates).values({ orgId: input.orgId, kind: 'decision', matterId: added.id, text: decisionTextFor(input.group), createdAt: nowIso(ledger) }).run();
  return added;
}
