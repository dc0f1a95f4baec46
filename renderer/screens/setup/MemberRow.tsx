import { POSTS } from '../../../db/terms';
import { errorFor } from '../../forms/useCommand';
import type { LedgerErrorInfo } from '../../ledger-client';

export interface MemberDraft {
  key: number;
  name: string;
  department: string;
  posts: string[];
  partyCommittee: boolean;
  principalOffice: boolean;
}

interface Props {
  index: number;
  member: MemberDraft;
  error: LedgerErrorInfo | null;
  onChange(next: MemberDraft): void;
  onRemove(): void;
}

/** One person of the school: name, department, posts held, and the two bodies they sit on. */
export function MemberRow({ index, member, error, onChange, onRemove }: Props) {
  const at = `members.${index}`;
  const nameError = errorFor(error, `${at}.name`);
  const togglePost = (post: string) =>
    onChange({ ...member, posts: member.posts.includes(post) ? member.posts.filter((p) => p !== post) : [...member.posts, post] });
  return (
    <tr data-member-row={index}>
      <td>
        <input
          type="text"
          aria-label={`第${index + 1}位成员姓名`}
          value={member.name}
          placeholder="姓名"
          aria-invalid={nameError ? true : undefined}
          onChange={(e) => onChange({ ...member, name: e.target.value })}
        />
        {nameError && <div className="field-error" role="alert">{nameError}</div>}
      </td>
      <td>
        <input
          type="text"
          aria-label={`第${index + 1}位成员部门`}
          value={member.department}
          placeholder="如 教务处"
          onChange={(e) => onChange({ ...member, department: e.target.value })}
        />
      </td>
      <td>
        <div className="checks" role="group" aria-label={`第${index + 1}位成员职务`}>
          {POSTS.map((post) => (
            <label key={post}>
              <input type="checkbox" checked={member.posts.includes(post)} onChange={() => togglePost(post)} />
              {post}
            </label>
          ))}
        </div>
      </td>
      <td>
        <label className="checks">
          <input
            type="checkbox"
            aria-label={`第${index + 1}位成员是党组织会议成员`}
            checked={member.partyCommittee}
            onChange={(e) => onChange({ ...member, partyCommittee: e.target.checked })}
          />
          成员
        </label>
      </td>
      <td>
        <label className="checks">
          <input
            type="checkbox"
            aria-label={`第${index + 1}位成员是校长办公会议成员`}
            checked={member.principalOffice}
            onChange={(e) => onChange({ ...member, principalOffice: e.target.checked })}
          />
          成员
        </label>
      </td>
      <td className="actions">
        <button type="button" className="btn small danger" onClick={onRemove} aria-label={`删除第${index + 1}位成员`}>
          删除
        </button>
      </td>
    </tr>
  );
}
