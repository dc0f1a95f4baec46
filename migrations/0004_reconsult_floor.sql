ALTER TABLE `agenda_items` ADD `reconsult_after_id` integer;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `reconsult_from` text;