// report.* handlers: thin over bundle.ts; every word the screen shows is made here.
import type { HandlersFor } from '../channel';
import { cnDate, cnLocalDateTime } from '../calendar';
import { invalid } from '../errors';
import type { ReadLedger } from '../ledger';
import { REPORT_TABLE_LABELS } from '../terms';
import type { Manifest } from './body';
import { bundleManifest, makeBundle, storedDistrictKey } from './bundle';
import { parseDistrictKeyFile, schoolKey } from './envelope';
import type { reportContract } from './contract';
import { sendHistory } from './read';

/** The preview as the secretary reads it: what is in the bundle, in words. */
function describe(ledger: ReadLedger, manifest: Manifest) {
  const district = storedDistrictKey(ledger);
  const from = manifest.chain.from?.count ?? 0;
  const head = manifest.chain.head?.count ?? 0;
  return {
    school: manifest.school.name,
    period: manifest.period.label,
    contents: Object.entries(manifest.counts)
      .filter(([t, n]) => n > 0 && t !== 'organizations')
      .map(([t, n]) => ({ label: REPORT_TABLE_LABELS[t] ?? t, count: n })),
    chain: head === from ? `自上次报送以来没有新的存证（存证链共${head}条）` : `存证链第${from + 1}至${head}条（本校记录${manifest.chain.own}条）`,
    fingerprint: manifest.key.fingerprint,
    district: district ? { name: district.name, fingerprint: district.fingerprint } : null,
  };
}

export const reportHandlers = {
  'report.key': (ledger) => {
    const key = schoolKey(ledger.file);
    const district = storedDistrictKey(ledger);
    return { fingerprint: key.fingerprint, district: district ? { name: district.name, fingerprint: district.fingerprint } : null };
  },
  'report.setDistrictKey': (ledger, { text }) => {
    const key = parseDistrictKeyFile(text);
    if (!key) invalid('这个文件不是区里下发的公钥文件，或文件已损坏。请向区教育工委重新索取。', 'text');
    ledger.sqlite
      .prepare("INSERT INTO ledger_meta (key, value) VALUES ('districtKey', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify({ format: 'yishi-district-key', version: 1, ...key }));
    return { name: key.name, fingerprint: key.fingerprint };
  },
  'report.preview': (ledger, req) => describe(ledger, bundleManifest(ledger, { ...req, seal: false })),
  'report.make': (ledger, req) => {
    const made = makeBundle(ledger, req);
    return {
      base64: made.bytes.toString('base64'),
      fileName: made.fileName,
      size: made.bytes.length,
      sealed: made.sealedFor !== null,
      preview: describe(ledger, made.manifest),
    };
  },
  'report.history': (ledger, { orgId }) =>
    sendHistory(ledger, orgId).map((r) => ({
      id: r.id,
      period: r.periodLabel,
      range: `${cnDate(r.periodFrom)}至${cnDate(r.periodTo)}`,
      madeAt: cnLocalDateTime(r.madeAt),
      operator: r.operator,
      chain: r.chainHead > r.chainFrom ? `存证链第${r.chainFrom + 1}至${r.chainHead}条` : '没有新的存证',
      sealed: r.sealedFor ? '已加密' : '未加密',
    })),
} satisfies HandlersFor<typeof reportContract>;
