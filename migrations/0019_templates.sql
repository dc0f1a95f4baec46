CREATE TABLE `text_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`matter_id` integer,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `text_templates_org_kind` ON `text_templates` (`org_id`,`kind`,`matter_id`);--> statement-breakpoint
DROP INDEX `imports_org_sha256`;--> statement-breakpoint
ALTER TABLE `imports` ADD `undone_at` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `undone_by` text;--> statement-breakpoint
CREATE UNIQUE INDEX `imports_org_sha256_live` ON `imports` (`org_id`,`sha256`) WHERE undone_at IS NULL;--> statement-breakpoint
CREATE INDEX `evaluations_correction_item` ON `evaluations` (`correction_item_id`);--> statement-breakpoint
CREATE INDEX `followups_owner` ON `follow_ups` (`owner_id`);--> statement-breakpoint
-- Organisations set up before templates existed get the defaults of db/rules/templates.ts.
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `org_id`, 'decision', `id`, CASE `group_name` WHEN 'A' THEN '会议研究了《议题名称》，同意……，由……负责抓好落实。' WHEN 'B' THEN '会议审议并原则通过《议题名称》，由……负责组织实施，于……前完成。' WHEN 'C' THEN '经会议研究，同意《议题名称》，按干部管理权限和程序办理。' WHEN 'D' THEN '会议研究了《议题名称》，同意……，由……牵头落实，于……前完成。' WHEN 'E' THEN '会议同意《议题名称》，金额……元，由……按规定程序组织实施，于……前完成。' WHEN 'X' THEN '会议研究了《议题名称》，同意……，由……负责落实，于……前完成。' ELSE '会议同意《议题名称》，由……负责落实。' END, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `matters` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'statement', NULL, '同意。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'statement', NULL, '原则同意，建议进一步完善方案。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'statement', NULL, '同意，建议抓好落实。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'statement', NULL, '不同意，理由是……', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'statement', NULL, '建议暂缓，待进一步调研后再议。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'consultation', NULL, '书记与校长沟通一致，同意提交会议研究。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'consultation', NULL, '建议进一步征求教职工意见后再提交会议研究。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'consultation', NULL, '建议先经校长办公会议研究提出意见。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'consultation', NULL, '方案尚需完善，完善后再沟通。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `text_templates` (`org_id`, `kind`, `matter_id`, `text`, `created_at`) SELECT `id`, 'consultation', NULL, '涉及教职工切身利益，建议提交教代会审议。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `organizations` ORDER BY `id`;
