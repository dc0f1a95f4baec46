// The fields a meeting is planned and corrected with: 会议时间, 地点, 主持人, 记录人. One form body
// for 新建会议 and 修改会议信息, so both read and refuse alike.
import { Field } from '../../forms/Field';
import { errorFor } from '../../forms/useCommand';
import type { LedgerErrorInfo } from '../../ledger-client';
import type { Person } from '../../stores/org';

export interface MeetingDraft {
  startsAt: string;
  place: string;
  hostId: number | '';
  recorderId: number | '';
}

export const MEETING_FIELDS = ['startsAt', 'place', 'hostId', 'recorderId'];

interface Props {
  draft: MeetingDraft;
  onChange(next: MeetingDraft): void;
  error: LedgerErrorInfo | null;
  persons: Person[];
  /** "党组织会议由书记主持": the body's leading post, as the core says. */
  hostHelp?: string;
  /** Where the place and 记录人 came from (the last meeting of the body). */
  placeHelp?: string;
  /** Fields that can no longer change (a meeting that has sat keeps its time and host). */
  locked?: Partial<Record<'startsAt' | 'hostId', string>>;
}

export function MeetingFields({ draft, onChange, error, persons, hostHelp, placeHelp, locked = {} }: Props) {
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <Field label="会议时间" required error={errorFor(error, 'startsAt')} help={locked.startsAt ?? '如写错年份，系统会提示核对'}>
        <input type="datetime-local" value={draft.startsAt} disabled={Boolean(locked.startsAt)} onChange={(e) => set('startsAt', e.target.value)} />
      </Field>
      <Field label="会议地点" required error={errorFor(error, 'place')} help={placeHelp}>
        <input type="text" value={draft.place} onChange={(e) => set('place', e.target.value)} />
      </Field>
      <Field label="主持人" required error={errorFor(error, 'hostId')} help={locked.hostId ?? hostHelp}>
        <select value={draft.hostId} disabled={Boolean(locked.hostId)} onChange={(e) => set('hostId', e.target.value ? Number(e.target.value) : '')}>
          <option value="">请选择</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>{p.name}{p.posts.length ? `（${p.posts.join('、')}）` : ''}</option>
          ))}
        </select>
      </Field>
      <Field label="记录人" required error={errorFor(error, 'recorderId')}>
        <select value={draft.recorderId} onChange={(e) => set('recorderId', e.target.value ? Number(e.target.value) : '')}>
          <option value="">请选择</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>{p.name}{p.department ? `（${p.department}）` : ''}</option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** A person picked, or nothing (the core then names the field that is missing). */
export const picked = (v: number | '') => (v === '' ? (undefined as never) : v);
