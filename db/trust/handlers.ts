import type { HandlersFor } from '../channel';
import { cnLocalDateTime } from '../calendar';
import { LedgerError } from '../errors';
import type { ReadLedger } from '../ledger';
import { auditPage } from './audit';
import { scopedOrgList } from '../scope';
import { createBackup, defaultBackupDir, inspectBackup, listBackups } from './backup';
import { chainHead, parseAnchor, shortAnchor } from './chain';
import type { trustContract } from './contract';
import { readRestoreRecords } from './restore';
import { type AnchorSource, type StepOptions, verifyChain, verifyChainInSteps, type VerifyProgress } from './verify';

function meta(ledger: ReadLedger, key: string): string | null {
  const row = ledger.sqlite.prepare('SELECT value FROM ledger_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Anchors kept outside the file: every backup manifest in the data folder, a code typed from
 * signed minutes, and the restore records. Taken by content, whatever ledger id they name: the
 * id is written inside the file, and changing it must not make the anchors go away.
 */
export function verifyLedger(ledger: ReadLedger, typedAnchor?: string) {
  const { anchors, restores } = outsideAnchors(ledger.file, typedAnchor);
  return verifyChain(ledger, anchors, restores);
}

/** verifyLedger in steps on a snapshot of its own, for the shell (verify.ts verifyChainInSteps). */
export function verifyLedgerInSteps(file: string, typedAnchor: string | undefined, onProgress: (p: VerifyProgress) => void, options?: StepOptions) {
  const { anchors, restores } = outsideAnchors(file, typedAnchor);
  return verifyChainInSteps(file, anchors, restores, onProgress, options);
}

function outsideAnchors(file: string, typedAnchor?: string) {
  const dir = defaultBackupDir(file);
  const anchors: AnchorSource[] = listBackups(dir)
    .filter((b) => b.chain || b.audit)
    .map((b) => ({ anchor: b.chain ? { count: b.chain.count, hash: b.chain.hash } : null, audit: b.audit ?? null, source: `备份「${b.file}」`, at: b.at }));
  const typed = typedAnchor ? parseAnchor(typedAnchor) : null;
  if (typed) anchors.unshift({ anchor: typed, source: '会议纪要上印的存证码' });
  return { anchors, restores: readRestoreRecords(dir) };
}

export const trustHandlers = {
  'trust.verify': (ledger, { anchor }) => verifyLedger(ledger, anchor),
  'trust.anchor': (ledger) => {
    const head = chainHead(ledger);
    return { anchor: head, short: head ? shortAnchor(head) : null };
  },
  'backup.create': (ledger, { folder }) => createBackup(ledger, { dir: folder, reason: 'manual', rotate: true }),
  'backup.list': (ledger, { folder }) => ({ folder: folder ?? defaultBackupDir(ledger.file), backups: listBackups(folder ?? defaultBackupDir(ledger.file)) }),
  'backup.preview': (_ledger, { file }) => previewOf(file),
  'backup.restore': (ledger, { file }) => {
    const preview = previewOf(file);
    if (!preview.ok) {
      throw new LedgerError({ code: 'conflict', message: `这份备份不能用于恢复：${preview.problems.join('；')}台账没有改动。`, field: 'file' });
    }
    return {
      /** The shell closes the ledger, calls restoreBackup(ledgerFile, file), reopens (db/trust/restore.ts). */
      next: 'close-and-restore' as const,
      ledgerFile: ledger.file,
      file,
      preview,
      sameLedger: preview.ledgerId === meta(ledger, 'ledgerId'),
      message: `将用 ${preview.manifest ? cnLocalDateTime(preview.manifest.at) : '这份'} 的备份（含 ${preview.counts.meetings} 次会议）替换现在的台账。替换前会先把现在的台账另存为一份备份，可以撤销。`,
    };
  },
  'audit.list': (ledger, input) => auditPage(ledger, input, scopedOrgList(ledger)),
} satisfies HandlersFor<typeof trustContract>;

function previewOf(file: string) {
  if (!file.endsWith('.sqlite')) {
    throw new LedgerError({ code: 'invalid_input', message: '请选择议事台账的备份文件（.sqlite）。', field: 'file' });
  }
  return inspectBackup(file);
}
