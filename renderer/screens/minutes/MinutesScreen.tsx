// 纪要 section: pick a meeting, then generate, preview, 签发 and export its 会议纪要 (R16).
import { useNav } from '../../stores/nav';
import { MinutesMeetingList } from './MinutesMeetingList';
import { MinutesView } from './MinutesView';

export default function MinutesScreen() {
  const route = useNav((s) => s.route);
  return route.id ? <MinutesView meetingId={route.id} /> : <MinutesMeetingList />;
}
