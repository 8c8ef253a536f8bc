-- The demonstration county's evaluation (好差评 / 网上评议): one campaign
-- open whenever the demo runs, window clerks' ratings over the past
-- months, and a few 差评 with their rectification cases in every state,
-- so that each page of civic-evaluate.fcgi has something to show: the
-- public results have two departments above evaluate.min_ratings (30
-- ratings: 县公安局 and 县医疗保障局) and three below it, the supervisors'
-- figures a ranking, the departments' desk a case overdue (red).
--
-- Loaded by examples/demo/run after demo-mailbox.sql (whose departments it
-- rates: 2 县公安局, 3 县医疗保障局, 4 县生态环境分局, 5 县住房和城乡建设局,
-- 6 县交通运输局) and after the demo's staff are made (the clerks 1004,
-- 1005 and 1006 are rated by staff number; 1002 of the information office
-- decided the upheld appeal), not by the test suites, which make their
-- own ratings.  Times are relative to the moment of loading.
--
-- Loading it again changes nothing: every rating has a once_key of its
-- own ("demo:…", UNIQUE), a case is one a rating (UNIQUE rating_id), the
-- campaign is made only when no campaign of its title exists, and every
-- statement is INSERT IGNORE.  No fixed ids: the other features' demo
-- ratings may be in eval_rating already.  Raters' phones are invented
-- (138000000xx, as the other demo files').

-- ---------------------------------------------------------------- campaign

INSERT INTO eval_campaign (title, intro, starts_on, ends_on, created_by, created_at)
  SELECT '县直部门服务网上评议',
    '请对本县参加评议的部门近一年来的服务作出评价。每个手机号可评价一次，评价结果将作为部门年度考核的参考并向社会公开。',
    CURDATE() - INTERVAL 10 DAY, CURDATE() + INTERVAL 60 DAY,
    (SELECT id FROM staff WHERE staff_no = '1002'), NOW() - INTERVAL 12 DAY
  FROM DUAL
  WHERE NOT EXISTS (SELECT 1 FROM eval_campaign WHERE title = '县直部门服务网上评议');

INSERT IGNORE INTO eval_campaign_department (campaign_id, department_id)
  SELECT c.id, d.id FROM eval_campaign c JOIN department d ON d.id IN (2, 3, 4, 5, 6)
  WHERE c.title = '县直部门服务网上评议';

INSERT IGNORE INTO eval_campaign_question (campaign_id, no, text)
  SELECT c.id, q.no, q.text FROM eval_campaign c
  JOIN (SELECT 1 AS no, '办事效率：办事是否快捷、一次办成' AS text
    UNION ALL SELECT 2, '服务态度：工作人员是否热情、耐心'
    UNION ALL SELECT 3, '政务公开：办事指南和政策信息是否及时、清楚') q
  WHERE c.title = '县直部门服务网上评议';

-- ---------------------------------------------------------------- ratings
-- Good ratings (levels 3 to 5), made from a sequence: a window clerk's by
-- staff number over the past eleven months, with the clerk's two
-- indicators; a department's in the campaign over its first ten days.
-- The level follows a pattern a department; the 差评 come further below,
-- each with its case.

-- 县公安局: 26 ratings of clerk 1004 and 16 in the campaign.
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, staff_id, level, attitude,
    professionalism, comment, address, rated_at)
  SELECT 'clerk', CONCAT('demo:gongan:clerk:', s.n), 2,
    (SELECT id FROM staff WHERE staff_no = '1004'), s.level, s.level,
    GREATEST(3, s.level - s.n % 2),
    CASE s.n % 9 WHEN 0 THEN '办理身份证很顺利，工作人员讲解很耐心。'
      WHEN 4 THEN '材料一次告知清楚，没有多跑。' END,
    '127.0.0.1', NOW() - INTERVAL (s.n * 12 % 330 + 1) DAY - INTERVAL (s.n * 37 % 480) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 10, 5, 4, 5, 5, 3, 5, 4, 5, 5, 5) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 26)
      SELECT n FROM q) x) s;
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, campaign_id, level, address,
    rated_at)
  SELECT 'campaign', CONCAT('demo:gongan:campaign:', s.n), 2, c.id, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n % 9) DAY - INTERVAL (s.n * 53 % 600) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 8, 5, 4, 4, 5, 3, 5, 4, 5) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 16)
      SELECT n FROM q) x) s
  JOIN eval_campaign c ON c.title = '县直部门服务网上评议';

-- 县医疗保障局: 20 ratings of clerk 1005 and 16 in the campaign.
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, staff_id, level, attitude,
    professionalism, comment, address, rated_at)
  SELECT 'clerk', CONCAT('demo:yibao:clerk:', s.n), 3,
    (SELECT id FROM staff WHERE staff_no = '1005'), s.level, s.level,
    GREATEST(3, s.level - s.n % 3),
    CASE s.n % 7 WHEN 0 THEN '异地就医备案当天就办好了。'
      WHEN 3 THEN '排队时间有点长，希望多开窗口。' END,
    '127.0.0.1', NOW() - INTERVAL (s.n * 16 % 320 + 2) DAY - INTERVAL (s.n * 41 % 480) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 10, 4, 5, 3, 4, 5, 4, 3, 5, 4, 5) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 20)
      SELECT n FROM q) x) s;
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, campaign_id, level, address,
    rated_at)
  SELECT 'campaign', CONCAT('demo:yibao:campaign:', s.n), 3, c.id, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n % 8) DAY - INTERVAL (s.n * 47 % 600) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 8, 4, 5, 3, 4, 5, 4, 4, 5) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 16)
      SELECT n FROM q) x) s
  JOIN eval_campaign c ON c.title = '县直部门服务网上评议';

-- 县住房和城乡建设局: 10 ratings of clerk 1006 and 8 in the campaign (too
-- few for a published rate).
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, staff_id, level, attitude,
    professionalism, address, rated_at)
  SELECT 'clerk', CONCAT('demo:zhujian:clerk:', s.n), 5,
    (SELECT id FROM staff WHERE staff_no = '1006'), s.level, s.level, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n * 29 % 300 + 3) DAY
  FROM (SELECT x.n, ELT(1 + x.n % 5, 4, 5, 3, 5, 4) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 10)
      SELECT n FROM q) x) s;
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, campaign_id, level, address,
    rated_at)
  SELECT 'campaign', CONCAT('demo:zhujian:campaign:', s.n), 5, c.id, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n % 7) DAY - INTERVAL (s.n * 31 % 600) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 4, 4, 3, 5, 4) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 8)
      SELECT n FROM q) x) s
  JOIN eval_campaign c ON c.title = '县直部门服务网上评议';

-- 县交通运输局 (12) and 县生态环境分局 (7): campaign ratings only.
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, campaign_id, level, address,
    rated_at)
  SELECT 'campaign', CONCAT('demo:jiaotong:campaign:', s.n), 6, c.id, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n % 9) DAY - INTERVAL (s.n * 43 % 600) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 6, 4, 5, 3, 4, 3, 5) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 12)
      SELECT n FROM q) x) s
  JOIN eval_campaign c ON c.title = '县直部门服务网上评议';
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, campaign_id, level, address,
    rated_at)
  SELECT 'campaign', CONCAT('demo:huanbao:campaign:', s.n), 4, c.id, s.level, '127.0.0.1',
    NOW() - INTERVAL (s.n % 6) DAY - INTERVAL (s.n * 59 % 600) MINUTE
  FROM (SELECT x.n, ELT(1 + x.n % 3, 5, 4, 4) AS level
    FROM (WITH RECURSIVE q (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < 7)
      SELECT n FROM q) x) s
  JOIN eval_campaign c ON c.title = '县直部门服务网上评议';

-- ---------------------------------------------------------------- 差评
-- Seven 差评, each with its reason, its comment and the rater's phone (to
-- tell them the outcome), and each with its rectification case below.
INSERT IGNORE INTO eval_rating (kind, once_key, department_id, staff_id, campaign_id, level,
    attitude, professionalism, reason_id, comment, phone, address, rated_at, excluded,
    excluded_at, excluded_by, excluded_reason) VALUES
  ('clerk', 'demo:bad:1', 2, (SELECT id FROM staff WHERE staff_no = '1004'), NULL, 2, 2, 3, 2,
    '办理居住证时工作人员态度生硬，问了两遍就不耐烦。', '13800000041', '127.0.0.1',
    NOW() - INTERVAL 1 DAY, 0, NULL, NULL, NULL),
  ('campaign', 'demo:bad:2', 6, NULL,
    (SELECT id FROM eval_campaign WHERE title = '县直部门服务网上评议' ORDER BY id LIMIT 1),
    1, NULL, NULL, 5, '城南新区公交站牌损坏半年没人修，反映多次没有结果。', '13800000042',
    '127.0.0.1', NOW() - INTERVAL 8 DAY, 0, NULL, NULL, NULL),
  ('clerk', 'demo:bad:3', 3, (SELECT id FROM staff WHERE staff_no = '1005'), NULL, 2, 3, 2, 3,
    '异地就医报销需要哪些票据，窗口说得不清楚，来回跑了三次。', '13800000043', '127.0.0.1',
    NOW() - INTERVAL 12 DAY, 0, NULL, NULL, NULL),
  ('clerk', 'demo:bad:4', 5, (SELECT id FROM staff WHERE staff_no = '1006'), NULL, 2, 2, 2, 4,
    '办理公积金提取要求重复提交购房合同复印件。', '13800000044', '127.0.0.1',
    NOW() - INTERVAL 40 DAY, 0, NULL, NULL, NULL),
  ('campaign', 'demo:bad:5', 2, NULL,
    (SELECT id FROM eval_campaign WHERE title = '县直部门服务网上评议' ORDER BY id LIMIT 1),
    2, NULL, NULL, 1, '户籍窗口中午不开放，上班族办事很难。', '13800000045', '127.0.0.1',
    NOW() - INTERVAL 9 DAY, 0, NULL, NULL, NULL),
  ('campaign', 'demo:bad:6', 3, NULL,
    (SELECT id FROM eval_campaign WHERE title = '县直部门服务网上评议' ORDER BY id LIMIT 1),
    1, NULL, NULL, 6, '医保局不作为。', '13800000046', '127.0.0.1',
    NOW() - INTERVAL 7 DAY, 0, NULL, NULL, NULL),
  ('clerk', 'demo:bad:7', 2, (SELECT id FROM staff WHERE staff_no = '1004'), NULL, 1, 1, 1, 6,
    '评价错了窗口，这位工作人员没有为我办理过业务。', '13800000047', '127.0.0.1',
    NOW() - INTERVAL 20 DAY, 1, NOW() - INTERVAL 10 DAY,
    (SELECT id FROM staff WHERE staff_no = '1002'),
    '经调取窗口叫号记录和监控，评价人当日由其他窗口办理，系误评，不计入统计。');

-- The cases.  The return visit was due three working days after the
-- rating, the rectification fifteen after the visit (examples/civic.conf);
-- the times below keep those proportions roughly, without the calendar.
--   bad:1  visit, due in two days (green, or yellow the day before)
--   bad:2  visit, three days past its due time (red)
--   bad:3  rectify, visited, the rectification due in twelve days
--   bad:4  rectified on time, with what the department publishes
--   bad:5  rectified on time, published
--   bad:6  appeal: the department holds the rating malicious
--   bad:7  excluded: the office upheld the appeal (the rating above)
INSERT IGNORE INTO eval_case (rating_id, department_id, state, opened_at, visit_due_at,
    visited_at, visited_by, visit_note, rectify_due_at, rectified_at, rectified_by,
    rectify_note, public_summary, appealed_at, appealed_by, appeal_reason, decided_at,
    decided_by, decision_note, due_at, warn_at, closed_at, on_time)
  SELECT e.id, e.department_id, c.state, e.rated_at, e.rated_at + INTERVAL c.visit_days DAY,
    CASE WHEN c.state <> 'visit' THEN e.rated_at + INTERVAL 1 DAY END,
    CASE WHEN c.state <> 'visit' THEN (SELECT id FROM staff WHERE staff_no = c.clerk) END,
    c.visit_note,
    CASE WHEN c.state IN ('rectify', 'rectified') THEN e.rated_at + INTERVAL 22 DAY END,
    CASE WHEN c.state = 'rectified' THEN e.rated_at + INTERVAL c.done_days DAY END,
    CASE WHEN c.state = 'rectified' THEN (SELECT id FROM staff WHERE staff_no = c.clerk) END,
    c.rectify_note, c.public_summary,
    CASE WHEN c.state IN ('appeal', 'excluded') THEN e.rated_at + INTERVAL 2 DAY END,
    CASE WHEN c.state IN ('appeal', 'excluded') THEN
      (SELECT id FROM staff WHERE staff_no = c.clerk) END,
    c.appeal_reason,
    CASE WHEN c.state = 'excluded' THEN e.excluded_at END,
    CASE WHEN c.state = 'excluded' THEN e.excluded_by END,
    CASE WHEN c.state = 'excluded' THEN e.excluded_reason END,
    CASE WHEN c.state = 'visit' THEN e.rated_at + INTERVAL c.visit_days DAY
      ELSE e.rated_at + INTERVAL 22 DAY END,
    CASE WHEN c.state = 'visit' THEN e.rated_at + INTERVAL c.visit_days - 1 DAY
      ELSE e.rated_at + INTERVAL 20 DAY END,
    CASE WHEN c.state = 'rectified' THEN e.rated_at + INTERVAL c.done_days DAY
      WHEN c.state = 'excluded' THEN e.excluded_at END,
    CASE WHEN c.state = 'rectified' THEN 1 END
  FROM eval_rating e JOIN (
    SELECT 'demo:bad:1' AS once_key, 'visit' AS state, '1004' AS clerk, 3 AS visit_days,
      0 AS done_days, NULL AS visit_note, NULL AS rectify_note, NULL AS public_summary,
      NULL AS appeal_reason
    UNION ALL SELECT 'demo:bad:2', 'visit', '1002', 5, 0, NULL, NULL, NULL, NULL
    UNION ALL SELECT 'demo:bad:3', 'rectify', '1005', 3, 0,
      '已电话回访，评价人反映报销所需票据告知不清，情况属实。', NULL, NULL, NULL
    UNION ALL SELECT 'demo:bad:4', 'rectified', '1006', 3, 9,
      '已电话回访，评价人反映重复提交材料，情况属实。',
      '已取消复印件要求，改为窗口当场扫描原件；对窗口人员进行了“一次告知”培训。',
      '针对群众反映的公积金提取需重复提交购房合同复印件的问题，我局已取消复印件要求，改为窗口当场扫描原件，并对窗口人员开展“一次告知”培训。',
      NULL
    UNION ALL SELECT 'demo:bad:5', 'rectified', '1004', 3, 6,
      '已电话回访，评价人希望中午能办理户籍业务。',
      '户籍窗口自下月起实行中午延时服务。',
      '针对群众反映的户籍窗口中午不开放的问题，县政务服务中心公安户籍窗口自本月起实行午间不打烊服务（12:00-14:00）。',
      NULL
    UNION ALL SELECT 'demo:bad:6', 'appeal', '1005', 3, 0,
      '已电话回访，评价人未说明具体事项，拒绝提供办件信息。', NULL, NULL,
      '评价人未在我局办理过业务，回访中也未能说明具体事项，评价内容无事实依据，申请不计入统计。'
    UNION ALL SELECT 'demo:bad:7', 'excluded', '1004', 3, 0,
      '已电话回访，评价人表示评价时选错了窗口。', NULL, NULL,
      '评价人当日未在该窗口办理业务，系误评，申请不计入统计。'
  ) c ON c.once_key = e.once_key;

-- The campaign's questions, answered by each campaign rating of the demo:
-- near its overall level, a step up or down.
INSERT IGNORE INTO eval_answer (rating_id, question_no, level)
  SELECT e.id, q.no, LEAST(5, GREATEST(1, e.level + (e.id + q.no) % 3 - 1))
  FROM eval_rating e JOIN eval_campaign_question q ON q.campaign_id = e.campaign_id
  WHERE e.kind = 'campaign' AND e.once_key LIKE 'demo:%';
