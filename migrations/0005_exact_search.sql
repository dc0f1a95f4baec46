-- Search gives exactly what a LIKE scan gives (issue M). The first index (0001) tokenized its
-- bigrams with unicode61, which drops punctuation and folds case and accents beyond ASCII: 「（一）」
-- then matched every text with 一 in it, 「案。」 every 案. The bigrams are now tokenized by FTS5's
-- ascii tokenizer with every printable ASCII punctuation mark as a token character: a bigram is a
-- token exactly as written, non-ASCII characters (Chinese, full-width punctuation, accented
-- letters) are compared as they are, and only ASCII A–Z are folded, as LIKE and lower() fold them.
-- Spaces and control characters still separate (queries are split on white space). Same bigram
-- expansion, same triggers, same org token; the index is rebuilt from agenda_items.
DROP TRIGGER IF EXISTS `items_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `items_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `items_fts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `items_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `items_fts` USING fts5(org, title, summary, content='', contentless_delete=1, tokenize="ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'");
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
INSERT INTO `items_fts`(rowid, org, title, summary)
SELECT i.id, 'o' || i.org_id,
  (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(i.title))
    SELECT group_concat(substr(i.title, n, 2), ' ' ORDER BY n) FROM c),
  (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < length(i.summary))
    SELECT group_concat(substr(i.summary, n, 2), ' ' ORDER BY n) FROM c)
FROM `agenda_items` i;
