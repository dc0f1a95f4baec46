-- The append-only tables (audit_log, seals) could still be rewritten: INSERT OR REPLACE (and
-- REPLACE INTO) removes the row it conflicts with without firing the DELETE triggers of 0002
-- (recursive_triggers is off). A BEFORE INSERT trigger runs before the conflict is resolved, so
-- it refuses any insert that would replace a row, by id or, for seals, by the sealed record.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`) BEGIN
  SELECT RAISE(ABORT, '操作记录只能追加，不能改写');
END;
--> statement-breakpoint
CREATE TRIGGER `seals_no_replace` BEFORE INSERT ON `seals`
WHEN EXISTS (SELECT 1 FROM `seals` WHERE `id` = NEW.`id` OR (`kind` = NEW.`kind` AND `ref_id` = NEW.`ref_id`)) BEGIN
  SELECT RAISE(ABORT, '存证记录只能追加，不能改写');
END;
--> statement-breakpoint
-- From here on every audit row carries its link in the hash chain (db/trust/audit.ts); the rows
-- before were written before the chain existed and are covered by the first chained row.
CREATE TRIGGER `audit_log_chained` BEFORE INSERT ON `audit_log`
WHEN NEW.`hash` IS NULL BEGIN
  SELECT RAISE(ABORT, '操作记录须带校验值，由本程序写入');
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `ledger_meta` (`key`, `value`) SELECT 'auditChainFrom', COALESCE(MAX(`id`), 0) + 1 FROM `audit_log`;
