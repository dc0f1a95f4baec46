// THE contract: every channel the app has, with its zod input and whether it writes.
// Pure data (zod only): the preload imports it to expose exactly these channels, and
// main validates every payload against it before a handler runs.
import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { organizationContract } from './organization/contract';
import { itemContract } from './items/contract';
import { meetingContract } from './meetings/contract';
import { minutesContract } from './minutes/contract';
import { followUpContract } from './followups/contract';
import { loopContract } from './loop/contract';
import { trustContract } from './trust/contract';
import { sessionContract } from './session/contract';
import { exportsContract } from './exports/contract';
import { journalContract } from './journal/contract';
import { reminderContract } from './reminders/contract';
import { searchContract } from './search/contract';
import { importsContract } from './imports/contract';
import { groupContract } from './group/contract';
import { reportContract } from './report/contract';
import { transferContract } from './transfer/contract';
import { templatesContract } from './templates/contract';

const groups = [organizationContract, itemContract, meetingContract, minutesContract, followUpContract, loopContract, trustContract, sessionContract, exportsContract, journalContract, reminderContract, searchContract, importsContract, groupContract, reportContract, transferContract, templatesContract] as const;
type Merged<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? H & Merged<R> : unknown;

export const contract = mergeUnique(groups) as Merged<typeof groups>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/** Merge the domain contracts; a channel declared twice is a programming error (as in Actual's handler registry). */
function mergeUnique(parts: readonly Record<string, ChannelSpec>[]): Record<string, ChannelSpec> {
  const all: Record<string, ChannelSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in all) throw new Error(`channel declared twice: ${name}`);
      all[name] = spec;
    }
  }
  return all;
}
