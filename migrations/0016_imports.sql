CREATE TABLE `imported_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`sheet` text,
	`row` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_kind_ref` ON `imported_records` (`kind`,`ref_id`);--> statement-breakpoint
CREATE INDEX `imported_import` ON `imported_records` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`rows` integer NOT NULL,
	`meetings` integer NOT NULL,
	`decisions` integer NOT NULL,
	`follow_ups` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_org_sha256` ON `imports` (`org_id`,`sha256`);