-- Chinese full-text search over agenda items (db/search/). FTS5's trigram tokenizer never
-- matches 2-character terms, and most Chinese words (预算, 招聘, 合同) have 2 characters.
-- So each title and summary is indexed as its overlapping character bigrams ("预算编制" ->
-- "预算 算编 编制 制"), tokenized by unicode61, and a query becomes a phrase of its bigrams:
-- any substring of 2+ characters matches, non-adjacent characters never do. The trailing
-- single character lets a 1-character query match as a prefix ("算*").
-- Contentless (content=''): the text lives in agenda_items only; contentless_delete lets the
-- triggers below remove a row by id. `org` holds the school as one token ("o12") so a school's
-- search intersects two doclists inside FTS5 instead of filtering matches row by row.
-- Results are read in rowid order (title hits first, newest first), never ranked with bm25:
-- ranking scores every match, and a common word matches thousands of items.
-- Triggers keep it in sync for every writer (commands, imports, the bench generator).
CREATE VIRTUAL TABLE `items_fts` USING fts5(org, title, summary, content='', contentless_delete=1, tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `items_fts_insert` AFTER INSERT ON `agenda_items` BEGIN
  INSERT INTO `items_fts`(rowid, org, title, summary) VALUES (
    new.id,
    'o' || new.org_id,
    (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.title))
      SELECT group_concat(substr(new.title, n, 2), ' ' ORDER BY n) FROM c),
    (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.summary))
      SELECT group_concat(substr(new.summary, n, 2), ' ' ORDER BY n) FROM c)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `items_fts_update` AFTER UPDATE OF org_id, title, summary ON `agenda_items` BEGIN
  DELETE FROM `items_fts` WHERE rowid = old.id;
  INSERT INTO `items_fts`(rowid, org, title, summary) VALUES (
    new.id,
    'o' || new.org_id,
    (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.title))
      SELECT group_concat(substr(new.title, n, 2), ' ' ORDER BY n) FROM c),
    (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(new.summary))
      SELECT group_concat(substr(new.summary, n, 2), ' ' ORDER BY n) FROM c)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `items_fts_delete` AFTER DELETE ON `agenda_items` BEGIN
  DELETE FROM `items_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
-- Items written before this migration (none before the first release, but keep it honest).
INSERT INTO `items_fts`(rowid, org, title, summary)
SELECT i.id, 'o' || i.org_id,
  (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(i.title))
    SELECT group_concat(substr(i.title, n, 2), ' ' ORDER BY n) FROM c),
  (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(i.summary))
    SELECT group_concat(substr(i.summary, n, 2), ' ' ORDER BY n) FROM c)
FROM `agenda_items` i;
