DROP INDEX `followups_org`;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `decision_org_id` integer REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `followups_org_state` ON `follow_ups` (`org_id`,`state`,`deadline`);--> statement-breakpoint
CREATE INDEX `followups_decision_org` ON `follow_ups` (`decision_org_id`,`state`,`deadline`);
--> statement-breakpoint
-- Existing rows: the organisation of each follow-up's decision (through its item).
UPDATE `follow_ups` SET `decision_org_id` = (SELECT i.`org_id` FROM `decisions` d JOIN `agenda_items` i ON i.`id` = d.`item_id` WHERE d.`id` = `follow_ups`.`decision_id`);
--> statement-breakpoint
-- Every new row (commands, imports, a merge, the bench's generator) gets it from its decision, whatever the writer passed.
CREATE TRIGGER `followups_decision_org_insert` AFTER INSERT ON `follow_ups` BEGIN
  UPDATE `follow_ups` SET `decision_org_id` = (SELECT i.`org_id` FROM `decisions` d JOIN `agenda_items` i ON i.`id` = d.`item_id` WHERE d.`id` = NEW.`decision_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `followups_decision_org_update` AFTER UPDATE OF `decision_id`, `decision_org_id` ON `follow_ups` BEGIN
  UPDATE `follow_ups` SET `decision_org_id` = (SELECT i.`org_id` FROM `decisions` d JOIN `agenda_items` i ON i.`id` = d.`item_id` WHERE d.`id` = NEW.`decision_id`) WHERE `id` = NEW.`id` AND `decision_org_id` IS NOT (SELECT i.`org_id` FROM `decisions` d JOIN `agenda_items` i ON i.`id` = d.`item_id` WHERE d.`id` = NEW.`decision_id`);
END;
