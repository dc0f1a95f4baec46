// Rule settings (where the sources settle nothing, the school decides; defaults in db/rules/settings.ts).
import type { z } from 'zod';
import type { Ledger, ReadLedger } from '../ledger';
import { SETTING_LABELS } from '../rules/settings';
import type { RuleSettingsPatch } from './settings-schema';
import { settings } from '../schema';
import { getOrganization, ruleSettings } from './queries';
import { and, eq } from 'drizzle-orm';
import type { DocumentNamesPatch } from './contract';
import { DOCUMENT_NAME_KEYS, documentNames, type DocumentName } from './names';

export function getSettings(ledger: ReadLedger, orgId: number) {
  getOrganization(ledger, orgId);
  return { values: ruleSettings(ledger, orgId), labels: SETTING_LABELS };
}

export function setSettings(ledger: Ledger, orgId: number, values: z.output<typeof RuleSettingsPatch>) {
  getOrganization(ledger, orgId);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    ledger.db
      .insert(settings)
      .values({ orgId, key, value })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } })
      .run();
  }
  return getSettings(ledger, orgId);
}

/** 设置 → 文书: the school's own 纪要 heading, 印发机关 and 抄送 (null returns to the usual form). */
export function setDocumentNames(ledger: Ledger, input: z.output<typeof DocumentNamesPatch>) {
  getOrganization(ledger, input.orgId);
  for (const name of Object.keys(DOCUMENT_NAME_KEYS) as DocumentName[]) {
    const value = input[name];
    if (value === undefined) continue;
    const key = DOCUMENT_NAME_KEYS[name];
    if (value === null) {
      ledger.db.delete(settings).where(and(eq(settings.orgId, input.orgId), eq(settings.key, key))).run();
    } else {
      ledger.db.insert(settings).values({ orgId: input.orgId, key, value }).onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } }).run();
    }
  }
  return documentNames(ledger, input.orgId);
}
