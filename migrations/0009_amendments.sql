CREATE TABLE `amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	`approved_by` integer,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `amendments_subject` ON `amendments` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `amendments_org` ON `amendments` (`org_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `cancel_reason` text;