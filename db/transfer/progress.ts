// How far a split or merge has got, for the shell's progress bar (electron/transfer.ts runs them
// in a worker thread and pushes this to the window). Kept per connection, beside the contract:
// the channels' inputs and answers stay as they are, and a call without a watcher reports nowhere.
import type Database from 'better-sqlite3';

/** One step of a split or merge: the phase in words (shown on screen) and how many of the phases are done. */
export interface TransferProgress {
  phase: string;
  done: number;
  total: number;
}

export const SPLIT_PHASES = ['复制台账', '移出其他组织的记录', '移出他校操作记录', '核对数量', '核验存证', '整理新台账文件'] as const;
export const MERGE_PHASES = ['检查学校台账', '核验学校台账', '复制记录', '带入存证链', '核对数量', '核验合并后的台账'] as const;

const watchers = new WeakMap<Database.Database, (p: TransferProgress) => void>();

/** Report the steps of calls on this connection to `fn` until the returned function is called. */
export function watchProgress(sqlite: Database.Database, fn: (p: TransferProgress) => void): () => void {
  watchers.set(sqlite, fn);
  return () => void watchers.delete(sqlite);
}

/** The phase `phase` of `phases` is starting (done: the phases before it). */
export function stepTo(sqlite: Database.Database, phases: readonly string[], phase: string): void {
  watchers.get(sqlite)?.({ phase, done: phases.indexOf(phase), total: phases.length });
}

/** Every phase is done. */
export function finished(sqlite: Database.Database, phases: readonly string[]): void {
  watchers.get(sqlite)?.({ phase: '完成', done: phases.length, total: phases.length });
}
