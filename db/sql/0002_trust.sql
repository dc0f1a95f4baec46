-- Append-only tables (db/trust): the audit log and the seal chain are evidence, so the file
-- itself refuses to rewrite them. Anyone with a SQL tool can still drop these triggers; the
-- seal chain (db/trust/verify.ts) and its external anchors catch what that makes possible.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, '操作记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, '操作记录只能追加，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `seals_no_update` BEFORE UPDATE ON `seals` BEGIN
  SELECT RAISE(ABORT, '存证记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `seals_no_delete` BEFORE DELETE ON `seals` BEGIN
  SELECT RAISE(ABORT, '存证记录只能追加，不能删除');
END;
