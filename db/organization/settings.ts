// Rule settings (where the sources settle nothing, the school decides; defaults in db/rules/settings.ts).
import type { z } from 'zod';
import type { Ledger, ReadLedger } from '../ledger';
import { SETTING_LABELS } from '../rules/settings';
import type { RuleSettingsPatch } from './settings-schema';
import { settings } from '../schema';
import { getOrganization, ruleSettings } from './queries';

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
