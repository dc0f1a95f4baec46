// What a school calls its papers: the 纪要 heading, the 印发机关 and the 抄送 line of the 版记.
// Each is the usual form for the organisation's type (db/terms.ts) unless the school set its own
// in 设置 (org.setDocumentNames, a write: audited like every other). Kept in the settings table
// under keys of their own, beside the rule settings.
import { and, eq, inArray } from 'drizzle-orm';
import type { ReadLedger } from '../ledger';
import { settings } from '../schema';
import { issuingOfficeFor, minutesHeadingFor, type BodyKind, type PartyKind } from '../terms';
import { getOrganization } from './queries';

export const DOCUMENT_NAME_KEYS = { minutesHeading: 'doc.minutesHeading', issuingOffice: 'doc.issuingOffice', copyTo: 'doc.copyTo' } as const;
export type DocumentName = keyof typeof DOCUMENT_NAME_KEYS;

/** The school's own forms, null where it uses the usual one. */
function ownNames(ledger: ReadLedger, orgId: number): Record<DocumentName, string | null> {
  const rows = ledger.db
    .select()
    .from(settings)
    .where(and(eq(settings.orgId, orgId), inArray(settings.key, Object.values(DOCUMENT_NAME_KEYS))))
    .all();
  const of = (name: DocumentName) => {
    const v = rows.find((r) => r.key === DOCUMENT_NAME_KEYS[name])?.value;
    return typeof v === 'string' && v ? v : null;
  };
  return { minutesHeading: of('minutesHeading'), issuingOffice: of('issuingOffice'), copyTo: of('copyTo') };
}

/** The names in force for the school's committee, with the usual forms beside the school's own (for 设置). */
export function documentNames(ledger: ReadLedger, orgId: number) {
  const org = getOrganization(ledger, orgId);
  const kind = org.partyKind as PartyKind;
  const own = ownNames(ledger, orgId);
  const usual = {
    minutesHeading: minutesHeadingFor(org.name, kind, { kind: 'party_committee', name: '' }),
    issuingOffice: issuingOfficeFor(org.name, kind, 'party_committee'),
  };
  return { own, usual };
}

/** The 纪要 heading, 印发机关 and 抄送 of one body's papers: the school's own forms apply to its committee. */
export function papersOf(ledger: ReadLedger, orgId: number, body: { kind: BodyKind; name: string }) {
  const org = getOrganization(ledger, orgId);
  const kind = org.partyKind as PartyKind;
  const own = ownNames(ledger, orgId);
  const committee = body.kind === 'party_committee';
  return {
    heading: (committee && own.minutesHeading) || minutesHeadingFor(org.name, kind, body),
    issuer: (committee && own.issuingOffice) || issuingOfficeFor(org.name, kind, body.kind),
    copyTo: own.copyTo,
  };
}
