CREATE TABLE `meeting_roster` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`name` text NOT NULL,
	`department` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_roster_person` ON `meeting_roster` (`meeting_id`,`person_id`);--> statement-breakpoint
-- The roster is what a signed meeting recorded: written once at signing, never changed (sealed too).
CREATE TRIGGER `meeting_roster_no_update` BEFORE UPDATE ON `meeting_roster` BEGIN
  SELECT RAISE(ABORT, '签发时的人员名单只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_roster_no_delete` BEFORE DELETE ON `meeting_roster` BEGIN
  SELECT RAISE(ABORT, '签发时的人员名单只能追加，不能删除');
END;
