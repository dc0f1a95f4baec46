import { useMeetings } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { EmergencyScreen } from '../emergency/EmergencyScreen';
import { MeetingMode } from '../meeting-mode/MeetingMode';
import { MeetingCreate } from './MeetingCreate';
import { MeetingDetail } from './MeetingDetail';
import { MeetingList } from './MeetingList';

export function MeetingsScreen() {
  const route = useNav((s) => s.route);
  const modeMeetingId = useMeetings((s) => s.modeMeetingId);
  const listTab = useMeetings((s) => s.listTab);
  // 会议模式 covers the whole window over whatever the section shows.
  if (modeMeetingId) return <MeetingMode meetingId={modeMeetingId} />;
  if (route.view === 'new') return <MeetingCreate />;
  if (route.id) return <MeetingDetail meetingId={route.id} />;
  return listTab === 'emergency' ? <EmergencyScreen /> : <MeetingList />;
}
