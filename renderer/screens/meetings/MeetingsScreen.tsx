import { useNav } from '../../stores/nav';
import { MeetingCreate } from './MeetingCreate';
import { MeetingDetail } from './MeetingDetail';
import { MeetingList } from './MeetingList';

export function MeetingsScreen() {
  const route = useNav((s) => s.route);
  if (route.view === 'new') return <MeetingCreate />;
  if (route.id) return <MeetingDetail meetingId={route.id} />;
  return <MeetingList />;
}
