import type { HandlersFor } from '../channel';
import { pending } from '../pending';
import type { meetingContract } from './contract';

export const meetingHandlers = {
  'meetings.create': pending('meetings.create'),
  'meetings.update': pending('meetings.update'),
  'meetings.list': pending('meetings.list'),
  'meetings.get': pending('meetings.get'),
  'meetings.addItem': pending('meetings.addItem'),
  'meetings.removeItem': pending('meetings.removeItem'),
  'meetings.confirmAgenda': pending('meetings.confirmAgenda'),
  'meetings.setFirstTopic': pending('meetings.setFirstTopic'),
  'meetings.setAttendance': pending('meetings.setAttendance'),
  'meetings.close': pending('meetings.close'),
  'entries.recuse': pending('entries.recuse'),
  'entries.statement': pending('entries.statement'),
  'entries.writtenOpinion': pending('entries.writtenOpinion'),
  'entries.vote': pending('entries.vote'),
  'entries.postpone': pending('entries.postpone'),
  'entries.study': pending('entries.study'),
  'entries.principalDecide': pending('entries.principalDecide'),
  'emergency.record': pending('emergency.record'),
  'emergency.report': pending('emergency.report'),
  'emergency.list': pending('emergency.list'),
} satisfies HandlersFor<typeof meetingContract>;
