-- 更正记录 are history: a correction is itself never corrected or removed, only followed by another.
CREATE TRIGGER `amendments_no_update` BEFORE UPDATE ON `amendments` BEGIN
  SELECT RAISE(ABORT, '更正记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `amendments_no_delete` BEFORE DELETE ON `amendments` BEGIN
  SELECT RAISE(ABORT, '更正记录只能追加，不能删除');
END;
