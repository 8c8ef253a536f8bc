-- The demonstration county's online consultation (在线咨询): the window
-- areas, canned answers, and questions in every state, so that each page
-- of civic-consult.fcgi has something to show.  Loaded by examples/demo/run
-- after demo-mailbox.sql (whose departments it uses) and after the demo's
-- staff are made (it puts the demo clerks on duty and gives them
-- questions), not by the test suites, which make their own.  INSERT IGNORE
-- with fixed ids: loading it again changes nothing.  Times are relative
-- to the moment of loading.
--
-- Every demo question's query code is DEMQ234567, as the mailbox's.

INSERT IGNORE INTO consult_area (department_id, listed, intro, sort) VALUES
  (2, 1, '户籍、身份证、出入境、交通违法处理', 10),
  (3, 1, '医保参保、异地就医备案、医保报销', 20),
  (5, 1, '不动产登记、公积金、物业维修资金', 30),
  (6, 1, '公交线路、出租车、道路运输许可', 40);

-- The demo clerks are on duty whenever the demo runs (its configuration
-- opens the window every day, all day: examples/demo/run).
UPDATE staff SET on_duty = '每天 00:00-24:00' WHERE staff_no IN ('1004', '1005', '1006');

INSERT IGNORE INTO consult_canned (id, department_id, title, body) VALUES
  (1, 2, '身份证补办材料', '您好，补办居民身份证请本人携带户口簿到任一户籍窗口办理，现场采集照片和指纹，工本费20元，一般15个工作日内可领取。'),
  (2, 2, '新生儿落户', '您好，新生儿落户需携带《出生医学证明》、父母双方户口簿和居民身份证、结婚证，可在县政务服务中心公安窗口一次办结。'),
  (3, 3, '异地就医备案', '您好，异地就医备案可通过“国家医保服务平台”APP或县医保窗口办理，长期居住异地需提供居住证明或承诺书，备案当日生效。'),
  (4, 5, '公积金提取', '您好，购房提取公积金需提供购房合同、发票和本人身份证，可在县政务服务中心公积金窗口办理，材料齐全当场办结。');

INSERT IGNORE INTO consult_question (id, tracking_no, query_hash, asked_area_id, area_id,
  subject, body, name, phone, address, state, assigned_to, asked_at, assigned_at,
  first_response_at, answered_at, closed_at, first_due_at, due_at, warn_at,
  published, public_subject, public_body, public_answer, published_at) VALUES
 (1, 'ZX20261102-0001', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
  2, 2, '身份证丢失怎么补办', '我的身份证上周丢了，我叫刘洋，电话13800000031，补办需要什么材料？多久能拿到？',
  '刘洋', '13800000031', '127.0.0.1', 'closed', (SELECT id FROM staff WHERE staff_no = '1004'),
  NOW() - INTERVAL 12 DAY, NOW() - INTERVAL 12 DAY,
  NOW() - INTERVAL 12 DAY + INTERVAL 4 MINUTE, NOW() - INTERVAL 12 DAY + INTERVAL 4 MINUTE,
  NOW() - INTERVAL 11 DAY, NOW() - INTERVAL 12 DAY + INTERVAL 10 MINUTE,
  NOW() - INTERVAL 11 DAY, NOW() - INTERVAL 11 DAY - INTERVAL 8 HOUR,
  1, '身份证丢失怎么补办', '我的身份证上周丢了，我叫***，电话***，补办需要什么材料？多久能拿到？',
  '您好，补办居民身份证请本人携带户口簿到任一户籍窗口办理，现场采集照片和指纹，工本费20元，一般15个工作日内可领取。',
  NOW() - INTERVAL 10 DAY),
 (2, 'ZX20261105-0001', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
  3, 3, '异地就医怎么备案', '父母长期住在杭州，医保在本县，看病怎么备案？能直接结算吗？',
  NULL, '13800000032', '127.0.0.1', 'answered', (SELECT id FROM staff WHERE staff_no = '1005'),
  NOW() - INTERVAL 9 DAY, NOW() - INTERVAL 9 DAY,
  NOW() - INTERVAL 9 DAY + INTERVAL 7 MINUTE, NOW() - INTERVAL 9 DAY + INTERVAL 7 MINUTE,
  NULL, NOW() - INTERVAL 9 DAY + INTERVAL 10 MINUTE,
  NOW() - INTERVAL 8 DAY, NOW() - INTERVAL 8 DAY - INTERVAL 8 HOUR,
  1, '异地就医怎么备案', '父母长期住在杭州，医保在本县，看病怎么备案？能直接结算吗？',
  '您好，异地就医备案可通过“国家医保服务平台”APP或县医保窗口办理，长期居住异地需提供居住证明或承诺书，备案当日生效，备案后在杭州的定点医院可直接结算。',
  NOW() - INTERVAL 8 DAY),
 (3, 'ZX20261110-0001', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
  5, 5, '购房提取公积金要带什么', '刚买了二手房，想提取公积金付首付，需要哪些材料，在哪里办？',
  '周婷', '13800000033', '127.0.0.1', 'closed', (SELECT id FROM staff WHERE staff_no = '1006'),
  NOW() - INTERVAL 6 DAY, NOW() - INTERVAL 6 DAY,
  NOW() - INTERVAL 6 DAY + INTERVAL 25 MINUTE, NOW() - INTERVAL 6 DAY + INTERVAL 25 MINUTE,
  NOW() - INTERVAL 5 DAY, NOW() - INTERVAL 6 DAY + INTERVAL 10 MINUTE,
  NOW() - INTERVAL 5 DAY, NOW() - INTERVAL 5 DAY - INTERVAL 8 HOUR,
  1, '购房提取公积金要带什么', '刚买了二手房，想提取公积金付首付，需要哪些材料，在哪里办？',
  '您好，购房提取公积金需提供购房合同、发票和本人身份证，可在县政务服务中心公积金窗口办理，材料齐全当场办结。',
  NOW() - INTERVAL 4 DAY),
 (4, 'ZX20261118-0001', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
  6, 6, '城南到县医院有没有直达公交', '家住城南新区，去县医院要换乘两次，有没有直达的公交？',
  NULL, '13800000034', '127.0.0.1', 'open', NULL,
  NOW() - INTERVAL 2 HOUR, NULL, NULL, NULL, NULL, NOW() - INTERVAL 110 MINUTE,
  NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 10 HOUR,
  0, NULL, NULL, NULL, NULL),
 (5, 'ZX20261120-0001', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
  2, 2, '孩子上户口能不能在网上办', '孩子刚出生，能不能网上办落户？还是必须去窗口？',
  '孙丽', '13800000035', '127.0.0.1', 'open', (SELECT id FROM staff WHERE staff_no = '1004'),
  NOW() - INTERVAL 5 MINUTE, NOW() - INTERVAL 5 MINUTE, NULL, NULL, NULL,
  NOW() + INTERVAL 5 MINUTE, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 10 HOUR,
  0, NULL, NULL, NULL, NULL);

-- The askers' ratings of the answers, in the evaluation's table
-- (sql/010-evaluate.sql; the questions' own rating columns are gone): one a
-- question, its once_key as eval_once_case() makes it, the area's
-- department and the clerk who answered; efficiency and accuracy are what
-- were the speed and the accuracy.  The third is a 差评, with the reason
-- and the comment one now requires.
INSERT IGNORE INTO eval_rating (kind, once_key, case_id, case_no, stage, department_id,
  staff_id, level, efficiency, accuracy, reason_id, comment, phone, address, rated_at) VALUES
 ('question', 'question:1:handled', 1, 'ZX20261102-0001', 'handled', 2,
  (SELECT id FROM staff WHERE staff_no = '1004'), 5, 5, 5, NULL, NULL, '13800000031',
  '127.0.0.1', NOW() - INTERVAL 11 DAY),
 ('question', 'question:2:handled', 2, 'ZX20261105-0001', 'handled', 3,
  (SELECT id FROM staff WHERE staff_no = '1005'), 4, 4, 5, NULL, NULL, '13800000032',
  '127.0.0.1', NOW() - INTERVAL 8 DAY),
 ('question', 'question:3:handled', 3, 'ZX20261110-0001', 'handled', 5,
  (SELECT id FROM staff WHERE staff_no = '1006'), 2, 1, 3, 1,
  '等了二十多分钟才有答复，也没说清楚二手房要先过户。', '13800000033', '127.0.0.1',
  NOW() - INTERVAL 5 DAY);

INSERT IGNORE INTO consult_message (id, question_id, kind, staff_id, department_id, body, at) VALUES
 (1, 1, 'question', NULL, NULL, '我的身份证上周丢了，我叫刘洋，电话13800000031，补办需要什么材料？多久能拿到？', NOW() - INTERVAL 12 DAY),
 (2, 1, 'assign', (SELECT id FROM staff WHERE staff_no = '1004'), 2, NULL, NOW() - INTERVAL 12 DAY),
 (3, 1, 'answer', (SELECT id FROM staff WHERE staff_no = '1004'), NULL, '您好，补办居民身份证请本人携带户口簿到任一户籍窗口办理，现场采集照片和指纹，工本费20元，一般15个工作日内可领取。', NOW() - INTERVAL 12 DAY + INTERVAL 4 MINUTE),
 (4, 1, 'close', (SELECT id FROM staff WHERE staff_no = '1004'), NULL, NULL, NOW() - INTERVAL 11 DAY),
 (5, 2, 'question', NULL, NULL, '父母长期住在杭州，医保在本县，看病怎么备案？能直接结算吗？', NOW() - INTERVAL 9 DAY),
 (6, 2, 'assign', (SELECT id FROM staff WHERE staff_no = '1005'), 3, NULL, NOW() - INTERVAL 9 DAY),
 (7, 2, 'answer', (SELECT id FROM staff WHERE staff_no = '1005'), NULL, '您好，异地就医备案可通过“国家医保服务平台”APP或县医保窗口办理，长期居住异地需提供居住证明或承诺书，备案当日生效，备案后在杭州的定点医院可直接结算。', NOW() - INTERVAL 9 DAY + INTERVAL 7 MINUTE),
 (8, 3, 'question', NULL, NULL, '刚买了二手房，想提取公积金付首付，需要哪些材料，在哪里办？', NOW() - INTERVAL 6 DAY),
 (9, 3, 'note', (SELECT id FROM staff WHERE staff_no = '1006'), NULL, '需确认二手房是否已完成过户。', NOW() - INTERVAL 6 DAY + INTERVAL 20 MINUTE),
 (10, 3, 'answer', (SELECT id FROM staff WHERE staff_no = '1006'), NULL, '您好，购房提取公积金需提供购房合同、发票和本人身份证，可在县政务服务中心公积金窗口办理，材料齐全当场办结。', NOW() - INTERVAL 6 DAY + INTERVAL 25 MINUTE),
 (11, 4, 'question', NULL, NULL, '家住城南新区，去县医院要换乘两次，有没有直达的公交？', NOW() - INTERVAL 2 HOUR),
 (12, 5, 'question', NULL, NULL, '孩子刚出生，能不能网上办落户？还是必须去窗口？', NOW() - INTERVAL 5 MINUTE),
 (13, 5, 'assign', (SELECT id FROM staff WHERE staff_no = '1004'), 2, NULL, NOW() - INTERVAL 5 MINUTE);
