CREATE TABLE `report_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`period_label` text NOT NULL,
	`made_at` text NOT NULL,
	`operator` text NOT NULL,
	`bundle_hash` text NOT NULL,
	`chain_from` integer NOT NULL,
	`chain_head` integer NOT NULL,
	`chain_head_hash` text,
	`sealed_for` text,
	`counts` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_sends_org` ON `report_sends` (`org_id`,`made_at`);