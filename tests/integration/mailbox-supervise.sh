#!/bin/bash
# mailbox-supervise.sh: supervision of the mayor's mailbox through nginx
# against a private MariaDB (modules/mailbox/supervise.c): the filters of
# /mailbox/supervise (each light, department, type, state, period), urging
# an overdue letter (count, history, audit, one SMS per clerk of the
# department holding it and none to another), a refused urge that changes
# nothing, roles, and the statistics as table, SVG chart and CSV, checked
# against figures worked out by hand from the letters inserted here.

. "$(dirname "$0")/lib.sh"

civic_stack_up
civic_program_start account
civic_program_start mailbox

command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"

ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
xml() { tr -d '\n' <"$BODY" | sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p"; }

PW='督查 password 2026 ok'
# adduser NO NAME DEPT-CODE DEPT-NAME ROLES
adduser() { civic_add_staff "$PW" "$@"; }
adduser 20000001 督查员 000 县政府办公室 supervisor
adduser 20000002 信息办 000 县政府办公室 office
adduser 20000011 甲一 sa 县甲局 clerk
adduser 20000012 甲二 sa 县甲局 clerk
adduser 20000013 甲停 sa 县甲局 clerk
adduser 20000014 甲无 sa 县甲局 clerk
adduser 20000021 乙一 sb 县乙局 clerk
adduser 20000031 丙一 sc '测试,"部门"' clerk
# Phones by SQL: add-user takes none.  Department A: two active clerks with
# mobiles, one stopped, one without a phone; B and C one each.
sql "UPDATE staff SET phone = '13900000011' WHERE staff_no = '20000011';
	UPDATE staff SET phone = '13900000012' WHERE staff_no = '20000012';
	UPDATE staff SET phone = '13900000013', active = 0 WHERE staff_no = '20000013';
	UPDATE staff SET phone = '13900000021' WHERE staff_no = '20000021';
	UPDATE staff SET phone = '13900000031' WHERE staff_no = '20000031';
	UPDATE staff SET phone = '13900000001' WHERE staff_no = '20000002'"
A=$(sql "SELECT id FROM department WHERE code = 'sa'")
B=$(sql "SELECT id FROM department WHERE code = 'sb'")
C=$(sql "SELECT id FROM department WHERE code = 'sc'")
check "three departments" test -n "$A" -a -n "$B" -a -n "$C"

# ---------------------------------------------------------------- letters
# Only the letters below: whatever the demo data holds goes first.
sql "DELETE FROM mailbox_letter"
# letter N TYPE STATE CREATED DUE WARN [REPLIED REPLY_DEPT REPLY_DAYS [RATING [EXCLUDED]]]
# (times as SQL expressions); prints nothing, the id is TS20260101-000N's.
# The rating is the evaluation's (eval_rating), as civic-evaluate.fcgi
# stores it; EXCLUDED 1: excluded on appeal, in no figure.
letter() {
	sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, subject, body,
		name, mobile, agree_public, address, state, created_at, due_at, warn_at, replied_at,
		reply_department_id, reply_days)
		VALUES ('TS20260101-000$1', UNHEX(SHA2('$1', 256)), '$2', 1, '测试来信$1',
		'测试来信的内容。', '王小明', '13812345678', 1, '127.0.0.1', '$3', $4, $5, $6,
		${7:-NULL}, ${8:-NULL}, ${9:-NULL})"
	[ -n "${10:-}" ] || return 0
	sql "INSERT INTO eval_rating (kind, once_key, case_id, case_no, department_id, level,
		rated_at, excluded)
		SELECT 'letter', CONCAT('letter:', id, ':handled'), id, tracking_no,
		reply_department_id, ${10}, replied_at, ${11:-0} FROM mailbox_letter
		WHERE tracking_no = 'TS20260101-000$1'"
}
# forward N DEPT STATE CREATED DUE WARN
forward() {
	sql "INSERT INTO mailbox_forward (letter_id, department_id, limit_days, due_at, warn_at,
		state, created_at, created_by)
		SELECT id, $2, 3, $5, $6, '$3', $4, 1 FROM mailbox_letter
		WHERE tracking_no = 'TS20260101-000$1'"
}
D='NOW() - INTERVAL'
U='NOW() + INTERVAL'
letter 1 consult forwarded "$D 1 DAY" "$U 5 DAY" "$U 3 DAY"		# green, A
forward 1 "$A" open "$D 1 DAY" "$U 5 DAY" "$U 3 DAY"
forward 1 "$B" withdrawn "$D 1 DAY" "$U 5 DAY" "$U 3 DAY"		# taken back from B
letter 2 complaint forwarded "$D 2 DAY" "$U 1 DAY" "$D 1 DAY"		# yellow, A
forward 2 "$A" open "$D 2 DAY" "$U 1 DAY" "$D 1 DAY"
letter 3 complaint forwarded "$D 6 DAY" "$D 1 DAY" "$D 3 DAY"		# red, A
forward 3 "$A" drafted "$D 6 DAY" "$D 1 DAY" "$D 3 DAY"
letter 4 help forwarded "$D 7 DAY" "$D 2 DAY" "$D 4 DAY"		# red, B
forward 4 "$B" open "$D 7 DAY" "$D 2 DAY" "$D 4 DAY"
letter 5 suggest replied "$D 10 DAY" "NOW()" "$D 2 DAY" "$D 1 DAY" "$A" 3 5	# A, on time
forward 5 "$A" approved "$D 10 DAY" "NOW()" "$D 2 DAY"
letter 6 consult replied "$D 12 DAY" "$D 5 DAY" "$D 7 DAY" "$D 2 DAY" "$A" 8 2	# A, late
forward 6 "$A" approved "$D 12 DAY" "$D 5 DAY" "$D 7 DAY"
letter 7 help closed "$D 9 DAY" "$D 1 DAY" "$D 3 DAY" "$D 3 DAY" "$B" 4 4 1	# B, on time
forward 7 "$B" approved "$D 9 DAY" "$D 1 DAY" "$D 3 DAY"
letter 8 consult received "NOW()" "$U 2 DAY" "$U 1 DAY"		# green, not forwarded
letter 9 consult rejected "'2020-05-05 10:00:00'" NULL NULL		# 2020
letter 0 suggest forwarded "$D 3 DAY" "$U 8 DAY" "$U 6 DAY"		# green, C
forward 0 "$C" open "$D 3 DAY" "$U 8 DAY" "$U 6 DAY"
check_eq "ten letters inserted" 10 "$(sql "SELECT COUNT(*) FROM mailbox_letter")"
# A later stage's rating of letter 5 (a stage of its own, rating.h): not
# the rating of its handling, in none of the mailbox's figures.
sql "INSERT INTO eval_rating (kind, once_key, case_id, stage, department_id, level, rated_at)
	SELECT 'letter', CONCAT('letter:', id, ':later'), id, 'later', reply_department_id, 1,
	replied_at FROM mailbox_letter WHERE tracking_no = 'TS20260101-0005'"
id_of() { sql "SELECT id FROM mailbox_letter WHERE tracking_no = 'TS20260101-000$1'"; }

# signin JAR STAFF_NO
signin() {
	http GET '/account/signin?format=xml' -c "$1" -b "$1"
	http POST /account/signin -c "$1" -b "$1" --data-urlencode "csrf=$(xml csrf)" \
		--data-urlencode "staff_no=$2" --data-urlencode "password=$PW"
}
S=$CIVIC_T/work/supervisor.jar
O=$CIVIC_T/work/office.jar
K=$CIVIC_T/work/clerk.jar
signin "$S" 20000001
expect_status "the supervisor signs in" 303
signin "$O" 20000002
expect_status "the office signs in" 303
signin "$K" 20000011
expect_status "a clerk signs in" 303

# ---------------------------------------------------------------- filters
# nos QUERY: the numbers /supervise lists for QUERY, sorted, as 1 2 3 (0 is 10).
nos() {
	http GET "/mailbox/supervise?format=xml&$1" -b "$S"
	[ "$STATUS" = 200 ] || { echo "status $STATUS"; return; }
	grep -o '<tracking_no>TS20260101-000[0-9]</tracking_no>' "$BODY" |
		sed 's/.*-000\([0-9]\).*/\1/' | sort | tr '\n' ' ' | sed 's/ $//'
}
check_eq "every letter, any state" "0 1 2 3 4 5 6 7 8 9" "$(nos '')"
check_eq "light green: open letters in time" "0 1 8" "$(nos light=green)"
check_eq "light yellow" "2" "$(nos light=yellow)"
check_eq "light red" "3 4" "$(nos light=red)"
check_eq "department A (forwarded or replied; not B's taken-back forward)" "1 2 3 5 6" \
	"$(nos department=$A)"
check_eq "department B" "4 7" "$(nos department=$B)"
check_eq "department C" "0" "$(nos department=$C)"
check_eq "type complaint" "2 3" "$(nos type=complaint)"
check_eq "state replied" "5 6" "$(nos state=replied)"
check_eq "period 2020" "9" "$(nos 'from=2020-01-01&to=2020-12-31')"
check_eq "filters combine: department A, red" "3" "$(nos "department=$A&light=red")"
http GET '/mailbox/supervise?light=purple' -b "$S"
check "an unknown light is no server error" test "$STATUS" -lt 500
http GET "/mailbox/supervise?light=red" -b "$S"
expect_status "the list as HTML" 200
expect_body_contains "… with the light's word, not only its colour" '已超时'
expect_body_lacks "… and no writer's name" '王小明'
expect_body_lacks "… nor phone" '13812345678'
http GET /mailbox/supervise -b "$O"
expect_status "the office sees the list too" 200

# ---------------------------------------------------------------- roles
http GET /mailbox/supervise -b "$K"
expect_status "a clerk may not open /supervise (403)" 403
http GET /mailbox/stats -b "$K"
expect_status "… nor /stats" 403
http GET /mailbox/stats.csv -b "$K"
expect_status "… nor /stats.csv" 403
http GET "/mailbox/supervise/$(id_of 3)" -b "$K"
expect_status "… nor a letter's supervision page" 403
http GET /mailbox/supervise
expect_status "not signed in: to the sign-in page" 303

# ---------------------------------------------------------------- urge
L3=$(id_of 3)
L1=$(id_of 1)
L5=$(id_of 5)
http GET "/mailbox/supervise/$L3?format=xml" -b "$S"
expect_status "the red letter's supervision page" 200
check_eq "… says it may be urged" 1 "$(xml urgeable)"
CSRF=$(xml csrf)
IDEM=$(xml idem)
http POST "/mailbox/supervise/$L3/urge" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "note=请于明日前答复"
expect_status "urging the overdue letter (303)" 303
expect_header "… back to its page, told so" Location "^/mailbox/supervise/$L3\\?done=urged\$"
check_eq "urge_count is 1 and urged_at set" "1	1" \
	"$(sql "SELECT urge_count, urged_at IS NOT NULL FROM mailbox_letter WHERE id = $L3")"
check_eq "one 'urged' event, for department A, with the note" "1" \
	"$(sql "SELECT COUNT(*) FROM mailbox_event WHERE letter_id = $L3 AND kind = 'urged'
		AND department_id = $A AND note = '请于明日前答复' AND public = 0")"
check_eq "one audit row" 1 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'mailbox.urge' AND object_id = '$L3'")"
check_eq "one SMS per active clerk with a phone in A, none elsewhere" \
	"13900000011 13900000012" \
	"$(sql "SELECT recipient FROM notify_outbox WHERE template = 'mailbox.urged'
		ORDER BY recipient" | tr '\n' ' ' | sed 's/ $//')"
check_eq "… by SMS, quoting the number" 2 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'mailbox.urged'
		AND channel = 'sms' AND params LIKE '%no=TS20260101-0003%'")"
http GET "/mailbox/supervise/$L3?done=urged" -b "$S"
expect_body_contains "the page says it was urged" '已督办'
expect_body_contains "… and the history shows it" '请于明日前答复'

http POST "/mailbox/supervise/$L3/urge" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "note=请于明日前答复"
expect_status "the same form again answers the same (idempotent)" 303
check_eq "… and did not urge twice" "1 2" \
	"$(sql "SELECT urge_count FROM mailbox_letter WHERE id = $L3") $(sql "SELECT COUNT(*)
		FROM notify_outbox WHERE template = 'mailbox.urged'")"

OUTBOX=$(sql "SELECT COUNT(*) FROM notify_outbox")
AUDIT=$(sql "SELECT COUNT(*) FROM audit_log")
http GET "/mailbox/supervise/$L1?format=xml" -b "$S"
check_eq "a green letter's page says it may not be urged" 0 "$(xml urgeable)"
http POST "/mailbox/supervise/$L1/urge?format=xml" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$(xml idem)"
expect_status "urging a green letter is refused (422)" 422
expect_body_contains "… with a clear message" 'key="mailbox.supervise.urge.refused"'
http GET "/mailbox/supervise/$L5?format=xml" -b "$S"
http POST "/mailbox/supervise/$L5/urge" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$(xml idem)"
expect_status "urging a replied letter is refused" 422
expect_body_contains "… in words" '此件现在不能督办'
http GET "/mailbox/supervise/$L3?format=xml" -b "$S"
http POST "/mailbox/supervise/$L3/urge?format=xml" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$(xml idem)" \
	--data-urlencode "note=$(printf '督%.0s' $(seq 1 201))"
expect_status "a note over 200 characters is 422" 422
expect_body_contains "… beside the field" '<error field="note" key="v.long"'
expect_body_contains "… with what was typed kept" '督督督督督督督督'
http POST "/mailbox/supervise/$L3/urge" -b "$S" --data-urlencode "idem=AAAAAAAAAAAAAAAAAAAAAA"
expect_status "an urge without the CSRF token is 403" 403
http GET "/mailbox/supervise/$L3?format=xml" -b "$K"
http POST "/mailbox/supervise/$L3/urge" -b "$K" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=BBBBBBBBBBBBBBBBBBBBBB"
expect_status "a clerk may not urge (403)" 403
http GET "/mailbox/supervise/999999?format=xml" -b "$S"
expect_status "no such letter: 404" 404
http POST /mailbox/supervise/999999/urge -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=CCCCCCCCCCCCCCCCCCCCCC"
expect_status "urging no such letter: 404" 404
check_eq "the refused urges changed nothing" "0 1 0 $OUTBOX $AUDIT" \
	"$(sql "SELECT urge_count FROM mailbox_letter WHERE id = $L1") $(sql "SELECT urge_count
		FROM mailbox_letter WHERE id = $L3") $(sql "SELECT urge_count FROM mailbox_letter
		WHERE id = $L5") $(sql "SELECT COUNT(*) FROM notify_outbox") $(sql "SELECT COUNT(*)
		FROM audit_log")"
check_eq "… and recorded no event" 1 "$(sql "SELECT COUNT(*) FROM mailbox_event WHERE kind = 'urged'")"

# ---------------------------------------------------------------- ratings
http GET "/mailbox/supervise/$(id_of 6)?format=xml" -b "$S"
check_eq "a letter's rating (the evaluation's) on its supervision page" 2 "$(xml rating)"
http GET "/mailbox/supervise/$(id_of 7)?format=xml" -b "$S"
check_eq "… none once excluded on appeal" "" "$(xml rating)"
http GET "/mailbox/supervise?format=xml&department=$A" -b "$S"
check_eq "… and in the list: letter 5's 5, not its later stage's 1" 5 \
	"$(python3 - "$BODY" <<'EOF'
import sys, xml.dom.minidom as m
for e in m.parse(sys.argv[1]).getElementsByTagName("letter"):
    if e.getElementsByTagName("tracking_no")[0].firstChild.data == "TS20260101-0005":
        print(e.getElementsByTagName("rating")[0].firstChild.data)
EOF
)"

# ---------------------------------------------------------------- statistics
FROM=$(sql "SELECT DATE(NOW() - INTERVAL 30 DAY)")
TO=$(sql "SELECT DATE(NOW())")
http GET "/mailbox/stats?format=xml&from=$FROM&to=$TO" -b "$S"
expect_status "the statistics as XML" 200
cp "$BODY" "$CIVIC_T/work/stats.xml"
# figures NAME: a department's figures (or "total") in the order of the table.
figures() {
	python3 - "$CIVIC_T/work/stats.xml" "$1" <<'EOF'
import sys, xml.dom.minidom as m
doc = m.parse(sys.argv[1])
cols = "received replied on_time on_time_rate avg_days overdue n r5 r4 r3 r2 r1 good bad".split()
def text(e, c):
    k = e.getElementsByTagName(c)
    return k[0].firstChild.data if k and k[0].firstChild else "-"
for e in doc.getElementsByTagName("department") + doc.getElementsByTagName("total"):
    if e.parentNode.tagName != "stats":
        continue
    name = "total" if e.tagName == "total" else text(e, "name")
    if name == sys.argv[2]:
        print(" ".join(text(e, c) for c in cols))
EOF
}
# By hand, from the letters above (received: forwards held in the period;
# replied: in the period; overdue: open forwards past due now; ratings:
# of the replies of the period, n of them, per level, 好评 3-5, 差评 1-2):
#   A: 1 2 3 5 6 received; 5 (on time, 3 days, rated 5; its later stage's
#      1 is no rating of the reply) and 6 (late, 8 days, rated 2) replied;
#      3 overdue.
#   B: 4 7 received (1 was taken back); 7 replied on time, 4 days, rated 4
#      but excluded on appeal, so no rating; 4 overdue.
#   C: 0 received.
check_eq "department A's figures" "5 2 1 50.0 5.5 1 2 1 0 0 1 0 1 1" "$(figures 县甲局)"
check_eq "department B's figures" "2 1 1 100.0 4.0 1 0 0 0 0 0 0 0 0" "$(figures 县乙局)"
check_eq "department C's figures" "1 0 0 - - 0 0 0 0 0 0 0 0 0" "$(figures '测试,"部门"')"
check_eq "the totals (each letter once)" "8 3 2 66.7 5.0 2 2 1 0 0 1 0 1 1" "$(figures total)"
check_eq "only departments with figures" 3 \
	"$(grep -o '<department><id>' "$CIVIC_T/work/stats.xml" | wc -l)"
http GET "/mailbox/stats?format=xml&from=2020-01-01&to=2020-12-31" -b "$S"
check_eq "a period with nothing replied or received: only the overdue now" \
	"0 0 0 - - 1 0 0 0 0 0 0 0 0" "$(cp "$BODY" "$CIVIC_T/work/stats.xml"; figures 县甲局)"
http GET /mailbox/stats -b "$O"
expect_status "the default period (this year so far) renders" 200

http GET "/mailbox/stats?from=$FROM&to=$TO" -b "$S"
expect_status "the statistics as HTML" 200
expect_body_contains "… a table with the rate" '50.0%'
expect_body_contains "… and the total row" '合计'
cp "$BODY" "$CIVIC_T/work/stats.html"
SVG=$(python3 - "$CIVIC_T/work/stats.html" <<'EOF'
import re, sys, xml.dom.minidom as m
html = open(sys.argv[1], encoding="utf-8").read()
found = re.findall(r"<svg\b.*?</svg>", html, re.S)
if len(found) != 1:
    print("svg elements: %d" % len(found)); sys.exit()
svg = m.parseString(found[0]).documentElement
rects = svg.getElementsByTagName("rect")
bars = [r for r in rects if r.getAttribute("class") == "bar"]
alts = [r for r in rects if r.getAttribute("class") == "bar-alt"]
title = svg.getElementsByTagName("title")[0].firstChild.data
desc = svg.getElementsByTagName("desc")[0].firstChild.data
texts = [t.firstChild.data for t in svg.getElementsByTagName("text") if t.firstChild]
widths = [r.getAttribute("width") for r in bars] + [r.getAttribute("width") for r in alts]
print(svg.namespaceURI, svg.getAttribute("role"), bool(svg.getAttribute("aria-label")),
      len(bars), len(alts), bool(title), bool(desc), '测试,"部门"' in texts, " ".join(widths))
EOF
)
# The scale is the largest count, 5 (A received): 380 px.
check_eq "an SVG chart, well-formed, role img, labelled, one bar pair per department" \
	'http://www.w3.org/2000/svg img True 3 3 True True True 380 152 76 152 76 0' "$SVG"

http GET "/mailbox/stats.csv?from=$FROM&to=$TO" -b "$S"
expect_status "the CSV" 200
expect_header "… as text/csv in UTF-8" Content-Type '^text/csv; charset=utf-8$'
expect_header "… as a download" Content-Disposition '^attachment; filename="mailbox-stats.csv"$'
check_eq "… beginning with a BOM" efbbbf "$(head -c 3 "$BODY" | od -An -tx1 | tr -d ' \n')"
check "… with the department named with a comma and quotes quoted by RFC 4180" \
	grep -qF '"测试,""部门""",1,0,0,,,0,0,0,0,0,0' "$BODY"
CSV=$(python3 - "$BODY" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print(len(rows), rows[0][0], len(rows[0]), [r for r in rows if r[0] == '测试,"部门"'][0][1],
      rows[-1][0], rows[-1][1], all(len(r) == len(rows[0]) for r in rows))
EOF
)
check_eq "… which parses: header, three departments, the total" \
	'5 部门 12 1 合计 8 True' "$CSV"
http GET "/mailbox/stats.csv?from=$FROM&to=$TO&lang=en" -b "$S"
check "… with English headings in English" grep -q '^.*Department,Received,Replied' "$BODY"
http GET "/mailbox/stats.csv?from=not-a-date" -b "$S"
check "a bad date is no server error" test "$STATUS" -lt 500

finish
