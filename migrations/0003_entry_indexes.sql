CREATE INDEX `ballots_entry` ON `ballots` (`entry_id`);--> statement-breakpoint
CREATE INDEX `stances_consultation` ON `consultation_stances` (`consultation_id`);--> statement-breakpoint
CREATE INDEX `emergency_body` ON `emergency_actions` (`body_id`);--> statement-breakpoint
CREATE INDEX `emergency_org` ON `emergency_actions` (`org_id`);--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE INDEX `posts_org_post` ON `posts` (`org_id`,`post`);--> statement-breakpoint
CREATE INDEX `progress_follow_up` ON `progress_reports` (`follow_up_id`);--> statement-breakpoint
CREATE INDEX `recusals_entry` ON `recusals` (`entry_id`);--> statement-breakpoint
CREATE INDEX `statements_entry` ON `statements` (`entry_id`,`seq`);--> statement-breakpoint
CREATE INDEX `opinions_entry` ON `written_opinions` (`entry_id`);