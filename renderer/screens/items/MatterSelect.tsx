import { MATTER_GROUP_LABELS } from '../../../db/terms';
import type { Matter } from '../../stores/org';

/** 议事清单 grouped as in the rule book (A 政治与党建 … X 校长办公会议事项). */
interface MatterSelectProps {
  matters: Matter[];
  value: number | '';
  onChange(id: number | ''): void;
  id?: string;
  /** aria-label when the select has no <label> (filters). */
  label?: string;
  emptyLabel?: string;
}

export function MatterSelect({ matters, value, onChange, id, label, emptyLabel = '请选择议事清单事项' }: MatterSelectProps) {
  const groups = [...new Set(matters.map((m) => m.group))];
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}>
      <option value="">{emptyLabel}</option>
      {groups.map((g) => (
        <optgroup key={g} label={`${g === 'X' ? '' : `${g} `}${MATTER_GROUP_LABELS[g] ?? g}`}>
          {matters
            .filter((m) => m.group === g && m.active)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.majorCategory ? '（三重一大）' : ''}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** What a 议事清单 entry means; `bodyName` names the deciding body as the school does (useBodyName). */
export function matterFacts(m: Matter, bodyName: (kind: string) => string): string[] {
  const facts = [`由${bodyName(m.decidingBody)}决定`];
  if (m.majorCategory) facts.push(`三重一大：${m.majorCategory}`);
  if (m.preStudy) facts.push('须经校长办公会前置研究');
  if (m.twoThirds) facts.push('须三分之二以上成员到会');
  if (m.cadre) facts.push('干部事项须先酝酿');
  if (m.staffCongress) facts.push('需提交教代会审议');
  return facts;
}
