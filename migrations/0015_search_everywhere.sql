-- 全局搜索 (Ctrl+K, issue L): decisions and follow-ups get the bigram index items have
-- (0005_exact_search.sql: same ascii tokenizer, same bigram expansion, same org token), so one
-- search box answers within 50 ms on a district file where a LIKE scan of a school's decisions
-- and follow-ups alone takes 40-70 ms. A decision's school is its item's; a follow-up's is its
-- decision's item's (neither moves between schools). Built from the rows already there.
CREATE VIRTUAL TABLE `decisions_fts` USING fts5(org, text, content='', contentless_delete=1, tokenize="ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'");
--> statement-breakpoint
CREATE TRIGGER `decisions_fts_insert` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO `decisions_fts`(rowid, org, text) VALUES (new.id, 'o' || (SELECT i.org_id FROM agenda_items i WHERE i.id = new.item_id), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.text))
      SELECT group_concat(substr(new.text, n, 2), ' ' ORDER BY n) FROM c));
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_fts_update` AFTER UPDATE OF item_id, text ON `decisions` BEGIN
  DELETE FROM `decisions_fts` WHERE rowid = old.id;
  INSERT INTO `decisions_fts`(rowid, org, text) VALUES (new.id, 'o' || (SELECT i.org_id FROM agenda_items i WHERE i.id = new.item_id), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.text))
      SELECT group_concat(substr(new.text, n, 2), ' ' ORDER BY n) FROM c));
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_fts_delete` AFTER DELETE ON `decisions` BEGIN
  DELETE FROM `decisions_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `decisions_fts`(rowid, org, text)
SELECT d.id, 'o' || i.org_id, (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(d.text))
      SELECT group_concat(substr(d.text, n, 2), ' ' ORDER BY n) FROM c)
FROM decisions d JOIN agenda_items i ON i.id = d.item_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `followups_fts` USING fts5(org, task, owner_dept, note, content='', contentless_delete=1, tokenize="ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'");
--> statement-breakpoint
CREATE TRIGGER `followups_fts_insert` AFTER INSERT ON `follow_ups` BEGIN
  INSERT INTO `followups_fts`(rowid, org, task, owner_dept, note) VALUES (new.id, 'o' || (SELECT i.org_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = new.decision_id), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.task))
      SELECT group_concat(substr(new.task, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.owner_dept))
      SELECT group_concat(substr(new.owner_dept, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(coalesce(new.completion_note, '')))
      SELECT group_concat(substr(coalesce(new.completion_note, ''), n, 2), ' ' ORDER BY n) FROM c));
END;
--> statement-breakpoint
CREATE TRIGGER `followups_fts_update` AFTER UPDATE OF decision_id, task, owner_dept, completion_note ON `follow_ups` BEGIN
  DELETE FROM `followups_fts` WHERE rowid = old.id;
  INSERT INTO `followups_fts`(rowid, org, task, owner_dept, note) VALUES (new.id, 'o' || (SELECT i.org_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = new.decision_id), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.task))
      SELECT group_concat(substr(new.task, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.owner_dept))
      SELECT group_concat(substr(new.owner_dept, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(coalesce(new.completion_note, '')))
      SELECT group_concat(substr(coalesce(new.completion_note, ''), n, 2), ' ' ORDER BY n) FROM c));
END;
--> statement-breakpoint
CREATE TRIGGER `followups_fts_delete` AFTER DELETE ON `follow_ups` BEGIN
  DELETE FROM `followups_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `followups_fts`(rowid, org, task, owner_dept, note)
SELECT f.id, 'o' || i.org_id, (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(f.task))
      SELECT group_concat(substr(f.task, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(f.owner_dept))
      SELECT group_concat(substr(f.owner_dept, n, 2), ' ' ORDER BY n) FROM c), (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(coalesce(f.completion_note, '')))
      SELECT group_concat(substr(coalesce(f.completion_note, ''), n, 2), ' ' ORDER BY n) FROM c)
FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id;
