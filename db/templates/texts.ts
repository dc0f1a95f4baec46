// 模板与常用语: decision-text templates per 议事清单 matter, phrases for statements and
// consultation notes. Set-up seeds the defaults (db/rules/templates.ts, db/organization/school.ts); 设置 edits them.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, notFound } from '../errors';
import { nowIso, type Ledger, type ReadLedger } from '../ledger';
import { getItem } from '../items/queries';
import { getMatter, getOrganization } from '../organization/queries';
import { matters, textTemplates } from '../schema';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../terms';
import type { templatesContract } from './contract';
import { fillTitle } from '../rules/templates';

type In<K extends keyof typeof templatesContract> = z.output<(typeof templatesContract)[K]['input']>;

/** Each organisation has at most this many texts of a kind (per matter for decisions): a list to pick from, not a library. */
export const MAX_PER_LIST = 20;

export function listTemplates(ledger: ReadLedger, input: In<'templates.list'>) {
  getOrganization(ledger, input.orgId);
  const rows = ledger.db
    .select({ id: textTemplates.id, kind: textTemplates.kind, matterId: textTemplates.matterId, text: textTemplates.text, code: matters.code, matter: matters.name })
    .from(textTemplates)
    .leftJoin(matters, eq(matters.id, textTemplates.matterId))
    .where(eq(textTemplates.orgId, input.orgId))
    .orderBy(asc(textTemplates.id))
    .all();
  const of = (kind: TemplateKind) => rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, text: r.text }));
  let forItem: { matter: string; texts: { id: number; text: string }[] } | null = null;
  if (input.itemId !== undefined) {
    const item = getItem(ledger, input.itemId);
    if (item.orgId !== input.orgId) notFound('议题', input.itemId, 'itemId');
    const matter = getMatter(ledger, item.matterId);
    forItem = {
      matter: `${matter.code} ${matter.name}`,
      texts: rows.filter((r) => r.kind === 'decision' && r.matterId === item.matterId).map((r) => ({ id: r.id, text: fillTitle(r.text, item.title) })),
    };
  }
  return {
    decision: rows
      .filter((r) => r.kind === 'decision')
      .map((r) => ({ id: r.id, matterId: r.matterId!, matter: `${r.code} ${r.matter}`, text: r.text })),
    statement: of('statement'),
    consultation: of('consultation'),
    forItem,
  };
}

function templateOf(ledger: ReadLedger, templateId: number) {
  return ledger.db.select().from(textTemplates).where(eq(textTemplates.id, templateId)).get() ?? notFound('模板', templateId, 'templateId');
}

export function saveTemplate(ledger: Ledger, input: In<'templates.save'>) {
  getOrganization(ledger, input.orgId);
  const label = TEMPLATE_KIND_LABELS[input.kind];
  let matterId: number | null = null;
  if (input.kind === 'decision') {
    if (input.matterId === undefined) invalid('请选择这个决定模板用于哪一项议事清单事项', 'matterId');
    const matter = getMatter(ledger, input.matterId);
    if (matter.orgId !== input.orgId) notFound('议事清单事项', input.matterId, 'matterId');
    matterId = matter.id;
  } else if (input.matterId !== undefined) {
    invalid(`${label}不分议事清单事项，请不要选择事项`, 'matterId');
  }
  const before = input.templateId === undefined ? null : templateOf(ledger, input.templateId);
  if (before && before.orgId !== input.orgId) notFound('模板', input.templateId!, 'templateId');
  if (before && before.kind !== input.kind) conflict(`这一条是${TEMPLATE_KIND_LABELS[before.kind as TemplateKind]}，不能改为${label}；请另行添加。`, 'kind');
  const sameList = and(eq(textTemplates.orgId, input.orgId), eq(textTemplates.kind, input.kind), matterId === null ? isNull(textTemplates.matterId) : eq(textTemplates.matterId, matterId));
  const list = ledger.db.select().from(textTemplates).where(sameList).all();
  if (list.some((t) => t.text === input.text && t.id !== before?.id)) conflict(`已有相同的${label}，不需要重复添加。`, 'text');
  if (!before && list.length >= MAX_PER_LIST) conflict(`${label}最多${MAX_PER_LIST}条，请先删除不用的再添加。`, 'text');
  if (before) {
    ledger.db.update(textTemplates).set({ text: input.text, matterId }).where(eq(textTemplates.id, before.id)).run();
    return { templateId: before.id, kind: input.kind, text: input.text };
  }
  const row = ledger.db.insert(textTemplates).values({ orgId: input.orgId, kind: input.kind, matterId, text: input.text, createdAt: nowIso(ledger) }).returning().get();
  return { templateId: row.id, kind: input.kind, text: input.text };
}

export function removeTemplate(ledger: Ledger, input: In<'templates.remove'>) {
  const row = templateOf(ledger, input.templateId);
  ledger.db.delete(textTemplates).where(eq(textTemplates.id, row.id)).run();
  return { templateId: row.id, kind: row.kind, text: row.text };
}
