-- The committee body was named with the policy's category, 党组织会议, which no school prints as a
-- meeting's name. Each takes its organisation type's own name (rule book "Naming bodies by the
-- organisation's type"; db/terms.ts COMMITTEE_MEETINGS). A name the school set itself is kept.
-- Signed 纪要 keep the name they were signed with (their content is frozen).
UPDATE bodies SET name = CASE (SELECT party_kind FROM organizations WHERE organizations.id = bodies.org_id)
    WHEN '党委' THEN '党委会议'
    WHEN '党总支' THEN '总支委员会会议'
    WHEN '党支部' THEN '支部委员会会议'
    ELSE name
  END
WHERE kind = 'party_committee' AND name = '党组织会议';
