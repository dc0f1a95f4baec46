// 导入报送包, a whole USB stick at once: each file is its own district.import, one after another,
// and one file's refusal never stops the rest. The run lives here, not in the screen, so the
// secretary may open a school while the stick is read and find the progress and the results
// when she comes back. What each line says is what the core answered.
import { create } from 'zustand';
import { districtCall, fileBase64, type DistrictError, type DistrictOutputOf } from '../district-client';
import { errorInfo } from '../ledger-client';

export type ImportOutcome = DistrictOutputOf<'district.import'>;

/** One picked file and what became of it. */
export type BundleLine = { name: string; file: File } & ({ outcome: ImportOutcome; refusal?: undefined } | { refusal: DistrictError; outcome?: undefined });

interface BundleImportState {
  /** The file being imported now (1-based), while a run goes on. */
  progress: { at: number; total: number; name: string } | null;
  /** The last run's lines, in the order the files were picked. */
  lines: BundleLine[] | null;
  /** Bumped after every file the district ledger took (not one already in), so the open view reads itself again. */
  changed: number;
  importAll(files: File[]): Promise<void>;
  /** A refused file then put in by 以更正包替换: its line says what that answered instead. */
  replaced(file: File, outcome: ImportOutcome): void;
  clear(): void;
}

/** A file the USB stick no longer gives (pulled out, unreadable): said as such, not as a refusal of the core. */
const UNREADABLE: DistrictError = { code: 'internal', message: '这个文件读不出来，U盘可能已经拔出。请插好U盘后再导入这个文件。区域台账未作任何改动。' };

export const useBundleImport = create<BundleImportState>((set, get) => ({
  progress: null,
  lines: null,
  changed: 0,
  async importAll(files) {
    if (get().progress || files.length === 0) return;
    const lines: BundleLine[] = [];
    set({ lines: null });
    for (const [i, file] of files.entries()) {
      set({ progress: { at: i + 1, total: files.length, name: file.name } });
      let base64: string;
      try {
        base64 = await fileBase64(file);
      } catch {
        lines.push({ name: file.name, file, refusal: UNREADABLE });
        continue;
      }
      try {
        const outcome = await districtCall('district.import', { base64 });
        lines.push({ name: file.name, file, outcome });
        if (outcome.state !== 'already') set({ changed: get().changed + 1 });
      } catch (e) {
        lines.push({ name: file.name, file, refusal: errorInfo(e) as DistrictError });
      }
    }
    set({ progress: null, lines });
  },
  replaced(file, outcome) {
    const lines = get().lines;
    if (lines?.some((l) => l.file === file)) set({ lines: lines.map((l) => (l.file === file ? { name: l.name, file, outcome } : l)) });
  },
  clear: () => set({ lines: null }),
}));
