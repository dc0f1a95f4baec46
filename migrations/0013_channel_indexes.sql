CREATE INDEX `items_emergency` ON `agenda_items` (`emergency_action_id`);--> statement-breakpoint
CREATE INDEX `audit_operator` ON `audit_log` (`operator`);--> statement-breakpoint
CREATE INDEX `emergency_reported_entry` ON `emergency_actions` (`reported_entry_id`);--> statement-breakpoint
CREATE INDEX `reconsiderations_meeting` ON `reconsiderations` (`meeting_id`);