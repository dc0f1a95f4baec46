// The two registers of the 会议 section: the meetings, and the 临时处置 awaiting report (R14).
import { useShortcut } from '../../components/useShortcut';
import { useMeetings } from '../../stores/meetings';

export function ListTabs({ openEmergencies }: { openEmergencies?: number }) {
  const listTab = useMeetings((s) => s.listTab);
  const setListTab = useMeetings((s) => s.setListTab);
  useShortcut('Alt+e', () => setListTab(listTab === 'emergency' ? 'meetings' : 'emergency'));
  return (
    <div className="row" role="tablist" aria-label="会议登记簿" style={{ marginBottom: 12 }}>
      <button role="tab" className="btn choice" aria-selected={listTab === 'meetings'} aria-pressed={listTab === 'meetings'} onClick={() => setListTab('meetings')}>
        会议
      </button>
      <button role="tab" className="btn choice" aria-selected={listTab === 'emergency'} aria-pressed={listTab === 'emergency'} onClick={() => setListTab('emergency')}>
        临时处置{openEmergencies ? `（${openEmergencies}项待通报）` : ''}
        <kbd className="hint">Alt+E</kbd>
      </button>
    </div>
  );
}
