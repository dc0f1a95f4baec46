CREATE TABLE `imported_chains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`source_ledger_id` text NOT NULL,
	`source_name` text NOT NULL,
	`file_name` text NOT NULL,
	`seals` integer NOT NULL,
	`head_hash` text,
	`audit_rows` integer NOT NULL,
	`audit_head_hash` text,
	`offsets` text NOT NULL,
	`events` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_chains_source` ON `imported_chains` (`source_ledger_id`);--> statement-breakpoint
CREATE TABLE `imported_seals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`content_hash` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`operator` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`chain_id`) REFERENCES `imported_chains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_seals_chain_position` ON `imported_seals` (`chain_id`,`position`);--> statement-breakpoint
-- A merged school's seals are evidence like the file's own: never changed, never removed.
CREATE TRIGGER `imported_seals_no_update` BEFORE UPDATE ON `imported_seals` BEGIN
  SELECT RAISE(ABORT, '并入台账的存证记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `imported_seals_no_delete` BEFORE DELETE ON `imported_seals` BEGIN
  SELECT RAISE(ABORT, '并入台账的存证记录只能追加，不能删除');
END;
