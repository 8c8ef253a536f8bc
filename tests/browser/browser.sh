#!/bin/bash
# browser.sh: civic's pages in a real browser.  Debian chromium, driven by
# playwright-core (npm, never a downloaded browser), clicks through the
# mayor's mailbox as its people would: the citizen writes a letter with a
# picture attached and tracks it; staff sign in and out; the office
# forwards it, the clerk replies, the office publishes it, the public list
# and search show it, the citizen reads the reply and rates it (by the
# link to civic-evaluate.fcgi's rating page).  And the online
# consultation: the citizen asks, the clerk on duty answers (once with a
# canned answer) and writes an internal note, the citizen sees the answers
# come in and rates them (the same way), the supervisor finds the question
# and the figures; suggestions on the ask form; the ask form by keyboard.
# And the evaluation's 差评 loop: a letter rated 非常不满意 (first without
# the reason it needs), the clerk's return visit and rectification, the
# public results; a second rated by keyboard, appealed, upheld.  And the
# pre-review: an item found by search, an application with its files, two
# departments asking for the same material's correction (one notice with
# both notes), the file replaced, both passing, the completion, the board.
# And the display modes (大字版, 高对比度: the header's switch, kept from
# page to page) and text at 200 % on the main public pages (flows.mjs
# a11yFlows); the same pages with the county-portal theme's layout.xsl
# (a second instance of the public programs, below), axe and a visible
# focus in them, the mailbox's home screenshotted in both themes.
# Each flow with JavaScript on and off, at 1280x900 and 375x812.  On every
# page: a screenshot, lang, and its weight (every public page at most
# 60 KB with what it loads, every request to the site itself; a table of
# the views at the end); axe-core (WCAG 2.1 A and AA) once a view (the
# page's kind: its path with the ids replaced, its display mode and
# theme) in each browser configuration; each public view once without
# its CSS.  The checks are in flows.mjs; this script starts the stack
# (tests/integration/lib.sh), sets up the data the flows need and counts
# their lines.
#
# npm ci installs playwright-core and axe-core (package-lock.json) into
# tests/browser/node_modules when they are missing there, or, in a build
# outside the source tree (make distcheck, whose source tree is read-only),
# into the private directory.
# The screenshots of every page visited go to CIVIC_SHOTS (default
# tests/browser/shots in the build tree; not committed).  See
# doc/browser-tests.md.

. "$(dirname "$0")/../integration/lib.sh"

HERE=$top_srcdir/tests/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
NODE=${NODE:-}
NPM=${NPM:-}
find_tool CHROMIUM chromium chromium
find_tool NODE node nodejs
find_tool NPM npm npm
# grep without -q: under pipefail, a grep that stops early fails the pipe.
fc-list : family 2>/dev/null | grep -i 'WenQuanYi Micro Hei' >/dev/null ||
	die "no CJK font: install the Debian package fonts-wqy-microhei"

civic_stack_up --workers 1
# A person needs a few seconds to fill the form; this test, one (the
# mailbox's) or none (the consultation's, whose ask form is sent as soon
# as it is filled).  The consultation's window is open every day, all day,
# whenever the suite runs (as examples/demo/run sets it).
sed -i -e 's/^min_fill_seconds *=.*/min_fill_seconds = 1/' \
	-e '/^\[consult\]/,/^\[/{s/^min_fill_seconds *=.*/min_fill_seconds = 0/;s/^every_day *=.*/every_day = 1/;s/^hours *=.*/hours = 00:00-24:00/}' \
	"$CIVIC_T/civic.conf"
# The three lines of [consult], as the programs will read them.
[ "$(sed -n '/^\[consult\]/,/^\[/{/^min_fill_seconds\|^every_day\|^hours/p}' "$CIVIC_T/civic.conf" | tr '\n' ' ')" = \
    'hours = 00:00-24:00 every_day = 1 min_fill_seconds = 0 ' ] ||
	die "civic.conf: could not set [consult] hours, every_day and min_fill_seconds"
civic_program_start mailbox --workers 2
# Two workers: every configuration starts with each flow's staff signing
# in at once (argon2id, slow by design and slower still sanitized), and one
# worker once kept staffkeys' sign-in waiting past its 15 s in CI.
civic_program_start account --workers 2
# Two workers: the conversation page's script polls while pages are served.
civic_program_start consult --workers 2
# The rating of a letter or a question: the evaluation's page.
civic_program_start evaluate --workers 1
# The pre-review (doc/prereview.md): the form is sent as soon as it is
# filled; the real clock.
awk '
	/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
	s == "prereview" && /^min_fill_seconds *=/ { print "min_fill_seconds = 0"; next }
	{ print }
' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf" ||
	die "civic.conf: could not set [prereview] min_fill_seconds"
chmod 0600 "$CIVIC_T/civic.conf"
[ "$(sed -n '/^\[prereview\]/,/^\[/{/^min_fill_seconds/p}' "$CIVIC_T/civic.conf")" = 'min_fill_seconds = 0' ] ||
	die "civic.conf: [prereview] min_fill_seconds is not 0"
civic_program_start prereview --workers 1
# The disclosure catalogue (doc/catalogue.md): the demo's 225 entries
# (sql/demo-catalogue.sql), whose bodies are departments of
# sql/demo-mailbox.sql and sql/demo-prereview.sql: all three loaded before
# add-user makes any department, so that the fixed ids are theirs; indexed.
# Two workers: the catalogue's three people (reader, searcher, clerk) and
# the a11y flow use it at once, and one worker of a sanitized build (CI's)
# once kept a click waiting past its 15 s on a loaded machine.
civic_program_start catalogue --workers 2
for f in demo-mailbox demo-prereview demo-catalogue; do
	"$CIVICCTL" --config "$CIVIC_T/civic.conf" load "$top_srcdir/sql/$f.sql" >>"$CIVIC_T/load.log" 2>&1 || {
		show_log "$CIVIC_T/load.log" 20
		die "civicctl load sql/$f.sql failed"
	}
done
"$CIVICCTL" --config "$CIVIC_T/civic.conf" reindex catalogue >>"$CIVIC_T/load.log" 2>&1 || {
	show_log "$CIVIC_T/load.log" 20
	die "civicctl reindex catalogue failed"
}
http GET '/catalogue/list?format=xml&q=%E6%89%AC%E5%B0%98'
grep -q '<entry>' "$BODY" || die "the catalogue finds nothing for 扬尘 after civicctl reindex catalogue (status $STATUS)"
pass "the demo catalogue is loaded, and found by search for 扬尘"

# playwright-core and axe-core, as package-lock.json pins them: beside
# flows.mjs in a tree built in place; in the private directory otherwise
# (make distcheck's source tree is read-only, and root could write it).
if [ "$top_srcdir" = "$top_builddir" ] && [ -w "$HERE" ]; then
	MODULES_DIR=$HERE
else
	MODULES_DIR=$CIVIC_T/browser
	mkdir -p "$MODULES_DIR"
	cp "$HERE/package.json" "$HERE/package-lock.json" "$MODULES_DIR/" ||
		die "could not copy package.json to $MODULES_DIR"
fi
if [ ! -f "$MODULES_DIR/node_modules/playwright-core/package.json" ] ||
    [ ! -f "$MODULES_DIR/node_modules/axe-core/axe.min.js" ]; then
	note "npm ci in $MODULES_DIR"
	# A registry connection can stall without failing: each attempt is
	# bounded, and a stalled or failed one is tried again.
	npm_ok=
	for attempt in 1 2 3; do
		if ( cd "$MODULES_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 "$NPM" ci \
		    --no-audit --no-fund --prefer-offline --fetch-timeout=60000 \
		    --fetch-retries=3 ) >>"$CIVIC_T/npm.log" 2>&1; then
			npm_ok=1
			break
		fi
		note "npm ci attempt $attempt failed or stalled; trying again"
	done
	[ -n "$npm_ok" ] || {
		show_log "$CIVIC_T/npm.log" 30
		die "npm ci failed in $MODULES_DIR (playwright-core, axe-core from the npm registry)"
	}
fi
pass "playwright-core and axe-core installed"
[ "$MODULES_DIR" = "$HERE" ] || cp "$HERE/flows.mjs" "$HERE/catalogue.mjs" "$HERE/staffkeys.mjs" "$HERE/citizenkeys.mjs" "$MODULES_DIR/"

W=$CIVIC_T/work
PW='browser flows 2026'
civic_add_staff "$PW" 30000001 信息办 office 县政府办公室 office
civic_add_staff "$PW" 30000002 市政局 shizheng 县市政公用事业管理局 clerk
civic_add_staff "$PW" 30000003 公安窗口 gongan 县公安局 clerk
civic_add_staff "$PW" 30000004 督查室 office '' supervisor
# The evaluation's: the 交通局's clerk, whose letters are rated badly, and
# a member of the office who decides appeals (their own, so that the
# mailbox's sign-ins and sign-outs run beside theirs untouched).
civic_add_staff "$PW" 30000005 交通窗口 jiaotong 县交通运输局 clerk
civic_add_staff "$PW" 30000006 评议办 office '' office
# The pre-review's: the clerks of the two departments that review its item
# in parallel, the 城管局 (the item's own) and the 自然资源局.
civic_add_staff "$PW" 30000007 城管窗口 chengguan 县城市管理局 clerk
civic_add_staff "$PW" 30000008 资源窗口 ziyuan 县自然资源局 clerk
# The catalogue's: the clerk of 县财政局 (department 21 of sql/demo-catalogue.sql).
civic_add_staff "$PW" 30000009 财政窗口 caizheng '' clerk
# The staff forms by keyboard (staffkeys.mjs): the administrator, who adds
# a staff member; the clerk of 县教育局 (department 22), whose entry is
# published beside the catalogue flow's without changing its counts.
civic_add_staff "$PW" 30000010 管理员 office '' admin
civic_add_staff "$PW" 30000011 教育窗口 jiaoyu '' clerk

# The consultation (doc/consult.md): two areas, 县公安局 first; its clerk is
# on duty all day, every day, by the duty text of the staff record (the
# 市政局's clerk has none, so that every question goes to 30000003); one
# canned answer of the 公安局's; and one published answer, indexed for
# search, which the ask form suggests for a subject like it.
GONGAN=$(sql "SELECT id FROM department WHERE code = 'gongan'")
SHIZHENG=$(sql "SELECT id FROM department WHERE code = 'shizheng'")
CLERK3=$(sql "SELECT id FROM staff WHERE staff_no = '30000003'")
[ -n "$GONGAN" ] && [ -n "$SHIZHENG" ] && [ -n "$CLERK3" ] ||
	die "the departments gongan and shizheng or the staff member 30000003 are missing"
sql "INSERT INTO consult_area (department_id, listed, intro, sort) VALUES
	($GONGAN, 1, '户籍、身份证、出入境', 1), ($SHIZHENG, 1, '供水、路灯、市政设施', 2);
UPDATE staff SET on_duty = '每天 00:00-24:00' WHERE id = $CLERK3;
INSERT INTO consult_canned (department_id, title, body) VALUES ($GONGAN, '户口迁入办理地点',
	'您好，户口迁入可在县政务服务中心公安窗口办理，工作日9:00-17:00，材料齐全当场办结。');
INSERT INTO consult_question (tracking_no, query_hash, asked_area_id, area_id, subject, body,
	phone, address, state, assigned_to, asked_at, assigned_at, first_response_at,
	answered_at, closed_at, first_due_at, due_at, warn_at, published, public_subject,
	public_body, public_answer, published_at)
	VALUES ('ZX20250101-0001', REPEAT('x', 32), $GONGAN, $GONGAN, '护照办理需要多久',
	'下个月要出国，护照办理需要多久？可以加急吗？', '13700000000', '127.0.0.1', 'closed',
	$CLERK3, NOW() - INTERVAL 3 DAY, NOW() - INTERVAL 3 DAY,
	NOW() - INTERVAL 3 DAY + INTERVAL 5 MINUTE, NOW() - INTERVAL 3 DAY + INTERVAL 5 MINUTE,
	NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 3 DAY + INTERVAL 10 MINUTE,
	NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 2 DAY - INTERVAL 8 HOUR, 1, '护照办理需要多久',
	'下个月要出国，护照办理需要多久？可以加急吗？',
	'您好，普通护照办理时限为7个工作日，符合条件的可申请加急，3个工作日内办结。',
	NOW() - INTERVAL 2 DAY)" || die "could not set up the consultation's data"
"$CIVICCTL" --config "$CIVIC_T/civic.conf" reindex consult >"$CIVIC_T/reindex.log" 2>&1 || {
	show_log "$CIVIC_T/reindex.log" 20
	die "civicctl reindex consult failed"
}
http GET '/consult/suggest?format=xml&q=%E6%8A%A4%E7%85%A7'
grep -q '护照办理需要多久' "$BODY" ||
	die "the published answer is not suggested for 护照 after civicctl reindex consult (status $STATUS)"
pass "the consultation's areas, duty, canned answer and published answer are set up"

# The evaluation (doc/evaluate.md): two letters for each of the four
# browsers, replied by the 交通局 (one rating per case): the first goes
# through the 差评 loop (return visit, rectification), the second the
# appeal's way.  Their query code is DEMQ234567 (its hash as in
# sql/demo-mailbox.sql); the writer's phone is the one the clerk calls.
JIAOTONG=$(sql "SELECT id FROM department WHERE code = 'jiaotong'")
[ -n "$JIAOTONG" ] || die "the department jiaotong is missing"
EVAL_LETTERS=
for i in 1 2 3 4 5 6 7 8; do
	no=MB20250102-000$i
	sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, department_id,
		subject, body, name, mobile, agree_public, address, state, created_at, accepted_at,
		forwarded_at, due_at, warn_at, reply, reply_department_id, replied_at, reply_days)
		VALUES ('$no', UNHEX('e958b04a225e3ba12b0a19ab4617facaa2f1b3cf77b313637dfd83d9a90a0204'),
		'complaint', 1, $JIAOTONG, '城南公交站台破损无人修', '城南新区公交站台的顶棚破损半年，雨天无处避雨，多次反映无人处理。',
		'赵德明', '13700005555', 0, '127.0.0.1', 'replied', NOW() - INTERVAL 6 DAY,
		NOW() - INTERVAL 6 DAY, NOW() - INTERVAL 5 DAY, NOW() + INTERVAL 5 DAY,
		NOW() + INTERVAL 3 DAY, '已通知公交公司在本月内修复站台顶棚。', $JIAOTONG,
		NOW() - INTERVAL 1 DAY, 4)" || die "could not put in the letter $no"
	EVAL_LETTERS="$EVAL_LETTERS $no"
done
[ "$(sql "SELECT COUNT(*) FROM mailbox_letter WHERE tracking_no LIKE 'MB20250102-%'
    AND state = 'replied' AND reply_department_id = $JIAOTONG")" = 8 ] ||
	die "the evaluation's eight replied letters are not there"
pass "the evaluation's letters are set up:$EVAL_LETTERS"
# The staff forms by keyboard (staffkeys.mjs, JavaScript on, 1280x900):
# two more such letters, and a new one, 键盘转办的来信甲.
# replied_copies DAY: two copies of the replied letter MB20250102-0001,
# numbered MBDAY-0001 and MBDAY-0002 (one for each run that needs its own).
replied_copies() {
	sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, department_id,
	subject, body, name, mobile, agree_public, address, state, created_at, accepted_at,
	forwarded_at, due_at, warn_at, reply, reply_department_id, replied_at, reply_days)
	SELECT CONCAT('MB$1-000', k.n), query_hash, type, category_id, department_id, subject,
	body, name, mobile, agree_public, address, state, created_at, accepted_at, forwarded_at,
	due_at, warn_at, reply, reply_department_id, replied_at, reply_days
	FROM mailbox_letter, (SELECT 1 n UNION SELECT 2) k WHERE tracking_no = 'MB20250102-0001'"
}
SK_LETTERS='MB20250104-0001 MB20250104-0002'
replied_copies 20250104 || die "could not put in the staff forms' letters"
sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, subject, body, name,
	mobile, agree_public, address, state, created_at) VALUES ('MB20250105-0001', REPEAT('x', 32),
	'help', 1, '键盘转办的来信甲', '人民路东段路灯连续一周不亮，夜间行走不便。', '孙立',
	'13700002222', 1, '127.0.0.1', 'received', NOW())" ||
	die "could not put in the staff forms' letters"
# And three for the mailbox's other ends: one to reject, one to merge into
# the third, which is forwarded to the 市政局 for its clerk to return.
OFFICE1=$(sql "SELECT id FROM staff WHERE staff_no = '30000001'")
[ -n "$OFFICE1" ] || die "the staff member 30000001 is missing"
sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, subject, body, name,
	mobile, agree_public, address, state, created_at, accepted_at, forwarded_at, due_at, warn_at)
	VALUES ('MB20250105-0002', REPEAT('x', 32), 'complaint', 1, '键盘不予受理的来信甲',
	'邻县化工厂排放异味。', '孙立', '13700002222', 0, '127.0.0.1', 'received', NOW(),
	NULL, NULL, NULL, NULL),
	('MB20250105-0003', REPEAT('x', 32), 'help', 1, '键盘合并的来信甲', '人民路东段路灯不亮。',
	'孙立', '13700002222', 0, '127.0.0.1', 'received', NOW(), NULL, NULL, NULL, NULL),
	('MB20250105-0004', REPEAT('x', 32), 'help', 1, '键盘退回的来信甲', '人民路东段路灯不亮，已一周。',
	'孙立', '13700002222', 0, '127.0.0.1', 'forwarded', NOW(), NOW(), NOW(),
	NOW() + INTERVAL 7 DAY, NOW() + INTERVAL 5 DAY);
INSERT INTO mailbox_forward (letter_id, department_id, limit_days, due_at, warn_at, created_at,
	created_by) SELECT id, $SHIZHENG, 7, due_at, warn_at, NOW(), $OFFICE1 FROM mailbox_letter
	WHERE tracking_no = 'MB20250105-0004'" ||
	die "could not put in the letters to reject, merge and return"
# And one forwarded to the 市政局 with its reply drafted, for the office to
# send back and then to withdraw the forward.
CLERK2=$(sql "SELECT id FROM staff WHERE staff_no = '30000002'")
[ -n "$CLERK2" ] || die "the staff member 30000002 is missing"
sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, subject, body, name,
	mobile, agree_public, address, state, created_at, accepted_at, forwarded_at, due_at, warn_at)
	VALUES ('MB20250105-0005', REPEAT('x', 32), 'help', 1, '键盘退回修改的来信甲', '人民路西段路灯不亮。',
	'孙立', '13700002222', 0, '127.0.0.1', 'forwarded', NOW(), NOW(), NOW(),
	NOW() + INTERVAL 7 DAY, NOW() + INTERVAL 5 DAY);
INSERT INTO mailbox_forward (letter_id, department_id, limit_days, due_at, warn_at, state, draft,
	drafted_by, drafted_at, created_at, created_by) SELECT id, $SHIZHENG, 7, due_at, warn_at,
	'drafted', '已更换路灯灯泡。', $CLERK2, NOW(), NOW(), $OFFICE1 FROM mailbox_letter
	WHERE tracking_no = 'MB20250105-0005'" ||
	die "could not put in the letter to send back"

# The citizen's follow-ups by keyboard (citizenkeys.mjs): two replied
# letters with the query code DEMQ234567, one for each run (JavaScript on,
# off), since a letter takes one follow-up only.
CK_LETTERS='MB20250106-0001 MB20250106-0002'
replied_copies 20250106 || die "could not put in the citizen's follow-ups' letters"

# The pre-review (doc/prereview.md): an item that takes applications
# online, reviewed in parallel (并联审批) by the 城管局 (its own) and the
# 自然资源局, with two fields of its own and two materials, found by a
# search for 广告 once civicctl reindex prereview has indexed it.
# … and a campaign open today on the 公安局, two questions; the SMS code
# its form asks for is read from notify_outbox (CIVIC_CK_MARIADB,
# CIVIC_CK_MYCNF), as a person reads it on the phone.
sql "INSERT INTO eval_campaign (title, starts_on, ends_on, created_at) VALUES
	('键盘网上评议', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 30 DAY, NOW());
SET @c = LAST_INSERT_ID();
INSERT INTO eval_campaign_department (campaign_id, department_id) VALUES (@c, $GONGAN);
INSERT INTO eval_campaign_question (campaign_id, no, text) VALUES (@c, 1, '办事效率是否满意'),
	(@c, 2, '工作人员服务态度是否满意')" || die "could not put in the citizen's campaign"
CK_CAMPAIGN=$(sql "SELECT id FROM eval_campaign WHERE title = '键盘网上评议'")
[ -n "$CK_CAMPAIGN" ] || die "the citizen's campaign is missing"

CHENGGUAN=$(sql "SELECT id FROM department WHERE code = 'chengguan'")
ZIYUAN=$(sql "SELECT id FROM department WHERE code = 'ziyuan'")
[ -n "$CHENGGUAN" ] && [ -n "$ZIYUAN" ] || die "the departments chengguan and ziyuan are missing"
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, conditions, process,
	legal_days, promised_days, online, pickup_window, licence, updated_at)
	VALUES ('510124000000-XK-0801', '户外广告设施设置审批', '行政许可', $CHENGGUAN, 'both',
	'在城区道路、建筑物上设置户外广告设施的单位和个人。', '网上预审
窗口受理
现场勘查
审批发证', 20, 10, 1, '县政务服务中心5号窗口', '户外广告设施设置许可证', NOW());
SET @i = LAST_INSERT_ID();
INSERT INTO pr_item_department (item_id, department_id, days) VALUES (@i, $CHENGGUAN, 5), (@i, $ZIYUAN, 3);
INSERT INTO pr_field (item_id, seq, label, kind, max_len) VALUES (@i, 1, '设置地点', 'text', 100),
	(@i, 2, '广告面积（平方米）', 'number', 30);
INSERT INTO pr_material (item_id, seq, name, form) VALUES (@i, 1, '户外广告设置申请表', 'original'),
	(@i, 2, '设置地点平面示意图', 'copy')" || die "could not put in the pre-review's item"
# staffkeys.mjs's item, whose version it changes: one of the guide's that
# no other flow visits (社会保障卡申领).
SK_ITEM=$(sql "SELECT id FROM pr_item WHERE code = '510124000000-GG-0014'")
[ -n "$SK_ITEM" ] || die "the item 510124000000-GG-0014 of sql/demo-prereview.sql is missing"
"$CIVICCTL" --config "$CIVIC_T/civic.conf" reindex prereview >"$CIVIC_T/reindex-pr.log" 2>&1 || {
	show_log "$CIVIC_T/reindex-pr.log" 20
	die "civicctl reindex prereview failed"
}
http GET '/prereview/items?format=xml&q=%E5%B9%BF%E5%91%8A'
grep -q '510124000000-XK-0801' "$BODY" ||
	die "the pre-review's item is not found for 广告 after civicctl reindex prereview (status $STATUS)"
pass "the pre-review's item, reviewed by two departments, is set up and found by search"

# The county-portal theme (examples/themes/county-portal, issue 11): a
# second instance of each public program the a11y flow visits in it, with
# a copy of civic.conf whose xslt_dir has the theme's layout.xsl (as
# theme.sh swaps it), on the sockets of lib.sh's second virtual server
# (spawned.test, $CIVIC_T/spawned/), which Chromium resolves to 127.0.0.1;
# the theme's CSS beside civic.css in what nginx serves.  One worker each:
# six pages are visited, in one browser.
THEME=$top_srcdir/examples/themes/county-portal
rm -rf "$CIVIC_T/theme-xslt"
cp -R "$top_srcdir/xslt" "$CIVIC_T/theme-xslt" &&
	cp "$THEME/layout.xsl" "$CIVIC_T/theme-xslt/layout.xsl" &&
	cp "$THEME"/*.css "$CIVIC_T/xslt/static/" &&
	chmod -R a+rX "$CIVIC_T/theme-xslt" "$CIVIC_T/xslt/static" ||
	die "could not put the theme $THEME in $CIVIC_T/theme-xslt"
sed "s|^xslt_dir *=.*|xslt_dir = $CIVIC_T/theme-xslt|" "$CIVIC_T/civic.conf" >"$CIVIC_T/theme.conf" &&
	chmod 0600 "$CIVIC_T/theme.conf" ||
	die "could not write $CIVIC_T/theme.conf"
[ "$(grep -c "^xslt_dir = $CIVIC_T/theme-xslt\$" "$CIVIC_T/theme.conf")" = 1 ] ||
	die "theme.conf: xslt_dir is not $CIVIC_T/theme-xslt"
THEME_PIDS=()
for p in mailbox consult evaluate prereview; do
	rm -f "$CIVIC_T/spawned/$p.sock"
	"$top_builddir/civic-$p.fcgi" --config "$CIVIC_T/theme.conf" --listen "$CIVIC_T/spawned/$p.sock" \
		--workers 1 >>"$CIVIC_T/theme-$p.log" 2>&1 &
	THEME_PIDS+=("$!")
	CIVIC_PIDS+=("$!")
done
themed() {
	local p
	for p in mailbox consult evaluate prereview; do
		test -S "$CIVIC_T/spawned/$p.sock" || return 1
	done
}
wait_for 15 themed || {
	for p in mailbox consult evaluate prereview; do show_log "$CIVIC_T/theme-$p.log" 20; done
	die "the programs with the county-portal theme did not start"
}
THEME_BASE=http://spawned.test:$NGINX_PORT
http GET /mailbox/ -H 'Host: spawned.test'
grep -q 'portal-banner' "$BODY" ||
	die "nginx's spawned.test does not serve the mailbox with the county-portal theme (status $STATUS)"
http GET /civic-static/static/county-portal.css -H 'Host: spawned.test'
[ "$STATUS" = 200 ] || die "nginx does not serve the theme's CSS (status $STATUS)"
pass "the public programs run with the county-portal theme at $THEME_BASE"
# flows.mjs's address of the theme's pages.
export CIVIC_THEME_BASE=$THEME_BASE

SHOTS=${CIVIC_SHOTS:-$top_builddir/tests/browser/shots}
rm -rf "$SHOTS"
mkdir -p "$SHOTS" || die "could not make $SHOTS"
note "screenshots in $SHOTS"

# Its own HOME: Chromium writes its profile and crash reports there.
mkdir -p "$CIVIC_T/home"
HOME=$CIVIC_T/home CHROMIUM=$CHROMIUM CIVIC_SHOTS=$SHOTS CIVIC_STAFF_PW=$PW \
	CIVIC_OFFICE_NO=30000001 CIVIC_CLERK_NO=30000002 \
	CIVIC_CONSULT_CLERK_NO=30000003 CIVIC_SUPERVISOR_NO=30000004 \
	CIVIC_EVAL_CLERK_NO=30000005 CIVIC_EVAL_OFFICE_NO=30000006 \
	CIVIC_EVAL_LETTERS="${EVAL_LETTERS# }" \
	CIVIC_PR_CLERK_NO=30000007 CIVIC_PR_CLERK2_NO=30000008 \
	CIVIC_CAT_CLERK_NO=30000009 CIVIC_ADMIN_NO=30000010 CIVIC_SK_LETTERS="$SK_LETTERS" \
	CIVIC_SK_CAT_CLERK_NO=30000011 CIVIC_SK_ITEM=$SK_ITEM \
	CIVIC_CK_LETTERS="$CK_LETTERS" \
	CIVIC_CK_CAMPAIGN=$CK_CAMPAIGN CIVIC_CK_MARIADB=$MARIADB CIVIC_CK_MYCNF=$CIVIC_T/db/my.cnf \
	CIVIC_FLOWS=${CIVIC_FLOWS:-} \
	timeout 1800 "$NODE" "$MODULES_DIR/flows.mjs" "$BASE" >"$W/flows.out" 2>&1
rc=$?
# The theme's programs, done with: stopped together (each master ends its
# worker), so that the cleanup's stop_pid, one after another and each
# looking through /proc for children left behind, finds them gone.
kill -TERM "${THEME_PIDS[@]}" 2>/dev/null
for pid in "${THEME_PIDS[@]}"; do
	wait_gone "$pid" 15 || note "the theme's program $pid did not stop within 15 s of SIGTERM"
done
# Every line of flows.mjs is shown; its ok/FAIL lines are counted here.
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "${line#ok - }" ;;
	"FAIL - "*) fail "${line#FAIL - }" ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$W/flows.out"
check "node flows.mjs exits 0" test "$rc" = 0
if [ "$CIVIC_FAILED" -gt 0 ]; then
	show_log "$CIVIC_T/mailbox.log" 30
	show_log "$CIVIC_T/consult.log" 30
	show_log "$CIVIC_T/evaluate.log" 30
	show_log "$CIVIC_T/prereview.log" 30
	show_log "$CIVIC_T/catalogue.log" 30
fi

finish
