CREATE TABLE `operator_orgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operator_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operator_orgs_operator_org` ON `operator_orgs` (`operator_id`,`org_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `escalated_from_id` integer REFERENCES agenda_items(id);--> statement-breakpoint
CREATE INDEX `items_escalated_from` ON `agenda_items` (`escalated_from_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `org_id` integer;--> statement-breakpoint
CREATE INDEX `audit_org` ON `audit_log` (`org_id`);--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `org_id` integer REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `followups_org` ON `follow_ups` (`org_id`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `parent_id` integer REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `organizations_parent` ON `organizations` (`parent_id`);