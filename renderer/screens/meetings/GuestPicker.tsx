// Add a 列席 (non-voting attendee) to an attendance list: used by the meeting page and by 会议模式.
import { useState } from 'react';

interface Person {
  id: number;
  name: string;
  department: string | null;
}

export function GuestPicker({ people, onAdd }: { people: Person[]; onAdd: (person: Person) => void }) {
  const [guest, setGuest] = useState<number | ''>('');
  return (
    <div className="form-actions">
      <select aria-label="添加列席人员" value={guest} onChange={(e) => setGuest(e.target.value ? Number(e.target.value) : '')} style={{ maxWidth: 220 }}>
        <option value="">选择列席人员</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>{p.name}{p.department ? `（${p.department}）` : ''}</option>
        ))}
      </select>
      <button
        type="button"
        className="btn small"
        disabled={guest === ''}
        onClick={() => {
          const p = people.find((x) => x.id === guest);
          if (p) onAdd(p);
          setGuest('');
        }}
      >
        ＋ 添加列席
      </button>
    </div>
  );
}
