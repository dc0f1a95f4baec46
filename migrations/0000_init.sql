CREATE TABLE `agenda_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`presenter_id` integer,
	`ad_hoc` integer DEFAULT false NOT NULL,
	`purpose` text DEFAULT 'decide' NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`postpone_reason` text,
	`proposal` text,
	`vote_method` text,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstain` integer,
	`tally` text,
	`host_order_override` text,
	`warnings` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presenter_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_meeting_position` ON `agenda_entries` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `entries_item` ON `agenda_entries` (`item_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`matter_id` integer NOT NULL,
	`proposer_id` integer NOT NULL,
	`leader_id` integer,
	`amount` integer,
	`kind` text DEFAULT 'normal' NOT NULL,
	`state` text NOT NULL,
	`routing` text NOT NULL,
	`staff_congress` integer DEFAULT false NOT NULL,
	`important` integer DEFAULT false NOT NULL,
	`decision_id` integer,
	`emergency_action_id` integer,
	`materials_ready_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `items_org_state` ON `agenda_items` (`org_id`,`state`);--> statement-breakpoint
CREATE INDEX `items_org_created` ON `agenda_items` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `items_matter` ON `agenda_items` (`matter_id`);--> statement-breakpoint
CREATE INDEX `items_decision` ON `agenda_items` (`decision_id`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`arrives_at` integer,
	`leaves_after` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`channel` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`choice` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bodies_org` ON `bodies` (`org_id`);--> statement-breakpoint
CREATE TABLE `consultation_stances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`stance` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`kind` text DEFAULT 'consultation' NOT NULL,
	`date` text NOT NULL,
	`form` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultations_item` ON `consultations` (`item_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`rule_snapshot` text NOT NULL,
	`no_follow_up_reason` text,
	`loop_state` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_entry` ON `decisions` (`entry_id`);--> statement-breakpoint
CREATE INDEX `decisions_item` ON `decisions` (`item_id`);--> statement-breakpoint
CREATE TABLE `emergency_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`body_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`reason` text NOT NULL,
	`action` text NOT NULL,
	`at` text NOT NULL,
	`reported_entry_id` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`rating` text NOT NULL,
	`effect` text NOT NULL,
	`evaluator_id` integer NOT NULL,
	`failed` integer DEFAULT false NOT NULL,
	`correction_item_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`correction_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_follow_up` ON `evaluations` (`follow_up_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`task` text NOT NULL,
	`owner_dept` text NOT NULL,
	`owner_id` integer,
	`leader_id` integer,
	`deadline` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`completed_at` text,
	`completion_note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_decision` ON `follow_ups` (`decision_id`);--> statement-breakpoint
CREATE INDEX `followups_state_deadline` ON `follow_ups` (`state`,`deadline`);--> statement-breakpoint
CREATE TABLE `item_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`note` text,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transitions_item` ON `item_transitions` (`item_id`);--> statement-breakpoint
CREATE TABLE `ledger_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `matters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`code` text NOT NULL,
	`group_name` text NOT NULL,
	`name` text NOT NULL,
	`deciding_body` text NOT NULL,
	`pre_study` integer DEFAULT false NOT NULL,
	`major_category` text,
	`two_thirds` integer DEFAULT false NOT NULL,
	`cadre` integer DEFAULT false NOT NULL,
	`staff_congress` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matters_org_code` ON `matters` (`org_id`,`code`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`starts_at` text NOT NULL,
	`place` text NOT NULL,
	`host_id` integer NOT NULL,
	`recorder_id` integer NOT NULL,
	`state` text DEFAULT 'planned' NOT NULL,
	`first_topic` text,
	`agenda_confirmed_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorder_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_confirmed_by`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_body_year_seq` ON `meetings` (`body_id`,`year`,`seq`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`voting` integer DEFAULT true NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_body` ON `memberships` (`body_id`);--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`previous_id` integer,
	`revision_reason` text,
	`doc_number` text NOT NULL,
	`content` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`signed_by` integer,
	`signed_at` text,
	`hash` text,
	`prev_hash` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_revision` ON `minutes` (`meeting_id`,`revision`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`pin_hash` text,
	`created_at` text NOT NULL,
	`last_sign_in_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name` ON `operators` (`name`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`party_kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`department` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_org` ON `persons` (`org_id`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`post` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `posts_person` ON `posts` (`person_id`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reconsiderations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`reason` text NOT NULL,
	`agree` integer NOT NULL,
	`due` integer NOT NULL,
	`present` integer NOT NULL,
	`agreed` integer DEFAULT false NOT NULL,
	`rule` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reconsiderations_entry` ON `reconsiderations` (`entry_id`);--> statement-breakpoint
CREATE TABLE `recusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rule_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`rule` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`message` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `warnings_subject` ON `rule_warnings` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `warnings_org` ON `rule_warnings` (`org_id`);--> statement-breakpoint
CREATE TABLE `seals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`content_hash` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`operator` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seals_kind_ref` ON `seals` (`kind`,`ref_id`);--> statement-breakpoint
CREATE INDEX `seals_meeting` ON `seals` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`org_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settings_org_key` ON `settings` (`org_id`,`key`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`position` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `thresholds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`category` text NOT NULL,
	`amount` integer NOT NULL,
	`effective_from` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `written_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `agenda_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
