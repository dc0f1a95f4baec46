import type { HandlersFor } from '../channel';
import type { templatesContract } from './contract';
import { copyAttendance, meetingDefaults } from './reuse';
import { listTemplates, removeTemplate, saveTemplate } from './texts';

export const templatesHandlers = {
  'templates.list': listTemplates,
  'templates.save': saveTemplate,
  'templates.remove': removeTemplate,
  'templates.meetingDefaults': meetingDefaults,
  'templates.copyAttendance': copyAttendance,
} satisfies HandlersFor<typeof templatesContract>;
