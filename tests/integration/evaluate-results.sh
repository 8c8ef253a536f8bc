#!/bin/bash
# evaluate-results.sh: the evaluation's public results and the supervisors'
# figures through nginx, against a fixed data set inserted by SQL whose
# figures were worked out by hand (below):
#
#	县评价甲局 (pja)  29 ratings counted (one short of the minimum of 30),
#			  all of clerk A: 20×5 6×4 2×3 1×2, and 2×1 excluded
#	县评价乙局 (pjb)  30 ratings counted (the minimum exactly), all in the
#			  campaign: 15×5 9×4 3×3 2×2 1×1, and 1×1 excluded
#	县评价丙局 (pjc)  40 ratings counted: 20 letters 10×5 6×4 2×3 1×2 1×1
#			  and 20 of clerk C 12×5 6×4 2×3; 3×2 letters excluded;
#			  1×1 letter rated before the default period
#
# Satisfaction = 好评 (3 to 5) / n: 甲 28/29 = 96.6 %, 乙 27/30 = 90.0 %,
# 丙 38/40 = 95.0 %; 差评 rates 1/29 = 3.4 %, 3/30 = 10.0 %, 2/40 = 5.0 %.
# The public page shows 甲 as "样本不足（29条）" with no rate; 乙 and 丙 with
# the rate and the 95 % Wilson interval, computed here with awk and, for
# 27 of 30, written as the constants tests/unit/test_rating.c worked out
# by hand (74.4 % to 96.5 %).  The supervisors' ranking: 丙, 乙, then 甲
# marked (its rate is the highest, but of too few ratings).
#
# Rectification cases (差评 of the period, excluded ones included):
#	甲  3: 1 rectified on time; 2 excluded
#	乙  4: 1 rectified late, 1 in visit, 1 in appeal; 1 excluded
#	丙  5: 1 rectified on time, 1 in rectify; 3 excluded
# The evaluation's clock is fixed at 2026-11-24 10:00: the default period
# is 2025-11-25 to 2026-11-24.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work
sed -i 's/^now *=.*/now = 2026-11-24 10:00:00/' "$CIVIC_T/civic.conf"
civic_program_start evaluate --workers 1
EVAL_PID=$PROGRAM_PID
civic_program_start account --workers 1

# set_min N: evaluate.min_ratings, then a reload of the program.
set_min() {
	sed -i "s/^min_ratings *=.*/min_ratings = $1/" "$CIVIC_T/civic.conf"
	kill -HUP "$EVAL_PID"
	sleep 1.5
}

PW='evaluation results 2026'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 50000001 督查员 ducha 县督查室 supervisor
adduser 50000002 信息办 office 县政府办公室 office
adduser 50000011 窗口甲 pja 县评价甲局 clerk
adduser 50000012 窗口乙 pjb 县评价乙局 clerk
adduser 50000013 窗口丙 pjc 县评价丙局 clerk
A=$(sql "SELECT id FROM department WHERE code = 'pja'")
B=$(sql "SELECT id FROM department WHERE code = 'pjb'")
C=$(sql "SELECT id FROM department WHERE code = 'pjc'")
SA=$(sql "SELECT id FROM staff WHERE staff_no = '50000011'")
SC=$(sql "SELECT id FROM staff WHERE staff_no = '50000013'")
sql "INSERT INTO eval_campaign (title, starts_on, ends_on, created_at) VALUES
	('2026年度网上评议', '2026-11-01', '2026-12-31', '2026-10-20 09:00:00'),
	('2025年度网上评议', '2025-11-01', '2025-12-31', '2025-10-20 09:00:00')"
X=$(sql "SELECT id FROM eval_campaign WHERE title = '2026年度网上评议'")
OLD=$(sql "SELECT id FROM eval_campaign WHERE title = '2025年度网上评议'")
sql "INSERT INTO eval_campaign_department (campaign_id, department_id) VALUES ($X, $A), ($X, $B), ($X, $C)"

# What the public pages must never show: a rater's phone, comment, case number.
PHONE=13912340001
COMMENT=窗口态度冷淡标记甲
BADCOMMENT=等了两个小时标记乙
CASENO=MB20261020-0042
SUMMARY_PHONE=13800001111

# ---------------------------------------------------------------- data
# rows COUNT DEPT KIND STAFF CAMPAIGN LEVEL EXCLUDED [CASE_NO PHONE COMMENT]: COUNT
# ratings in VALUES, rated on the 10th of a month of 2026 (January to October).
I=0
VALUES=()
rows() {
	local k n=$1 at
	shift
	for ((k = 0; k < n; k++)); do
		I=$((I + 1))
		printf -v at '2026-%02d-10 10:%02d:00' $((I % 10 + 1)) $((I % 60))
		VALUES+=("('$2', 'test:$I', $1, $3, $4, $5, $6, ${7:-NULL}, ${8:-NULL}, ${9:-NULL}, '$at')")
	done
}
flush() {
	local IFS=,
	sql "INSERT INTO eval_rating (kind, once_key, department_id, staff_id, campaign_id, level,
		excluded, case_no, phone, comment, rated_at) VALUES ${VALUES[*]}"
	VALUES=()
}
# 甲: clerk A, the good ones (the 差评 with their cases below).
rows 20 "$A" clerk "$SA" NULL 5 0
rows 6 "$A" clerk "$SA" NULL 4 0
rows 2 "$A" clerk "$SA" NULL 3 0
# 乙: the campaign.
rows 15 "$B" campaign NULL "$X" 5 0
rows 9 "$B" campaign NULL "$X" 4 0
rows 3 "$B" campaign NULL "$X" 3 0
# 丙: letters with a case number, the rater's phone and comment; clerk C.
rows 10 "$C" letter NULL NULL 5 0 "'$CASENO'" "'$PHONE'" "'$COMMENT'"
rows 6 "$C" letter NULL NULL 4 0 "'$CASENO'" "'$PHONE'" NULL
rows 2 "$C" letter NULL NULL 3 0 "'$CASENO'" NULL NULL
rows 12 "$C" clerk "$SC" NULL 5 0
rows 6 "$C" clerk "$SC" NULL 4 0
rows 2 "$C" clerk "$SC" NULL 3 0
flush

# bad NAME DEPT KIND STAFF CAMPAIGN LEVEL EXCLUDED RATED STATE ON_TIME RECTIFIED SUMMARY:
# a 差评 (with the rater's phone and comment) and its rectification case.
bad() {
	sql "INSERT INTO eval_rating (kind, once_key, department_id, staff_id, campaign_id, level,
		reason_id, comment, phone, case_no, excluded, rated_at)
		VALUES ('$3', 'bad:$1', $2, $4, $5, $6, 1, '$BADCOMMENT', '$PHONE', '$CASENO', $7, '$8')"
	[ "$9" = none ] && return 0
	sql "INSERT INTO eval_case (rating_id, department_id, state, opened_at, visit_due_at,
		due_at, warn_at, rectified_at, closed_at, on_time, public_summary)
		SELECT id, department_id, '$9', rated_at, rated_at + INTERVAL 3 DAY,
		rated_at + INTERVAL 20 DAY, rated_at + INTERVAL 18 DAY, ${11},
		CASE WHEN '$9' IN ('rectified', 'excluded') THEN COALESCE(${11}, rated_at + INTERVAL 5 DAY) END,
		${10}, ${12} FROM eval_rating WHERE once_key = 'bad:$1'"
}
bad a2 "$A" clerk "$SA" NULL 2 0 '2026-06-01 09:00:00' rectified 1 "'2026-06-08 10:00:00'" \
	"'窗口已调整叫号规则，联系电话${SUMMARY_PHONE}可反映问题。'"
bad ax1 "$A" clerk "$SA" NULL 1 1 '2026-06-02 09:00:00' excluded NULL NULL NULL
bad ax2 "$A" clerk "$SA" NULL 1 1 '2026-06-03 09:00:00' excluded NULL NULL NULL
bad b2a "$B" campaign NULL "$X" 2 0 '2026-11-02 09:00:00' rectified 0 "'2026-11-20 10:00:00'" \
	"'已增设周末服务窗口。'"
bad b2b "$B" campaign NULL "$X" 2 0 '2026-11-20 09:00:00' visit NULL NULL NULL
bad b1 "$B" campaign NULL "$X" 1 0 '2026-11-05 09:00:00' appeal NULL NULL NULL
bad bx "$B" campaign NULL "$X" 1 1 '2026-11-06 09:00:00' excluded NULL NULL NULL
bad c2 "$C" letter NULL NULL 2 0 '2026-09-01 09:00:00' rectified 1 "'2026-09-10 10:00:00'" \
	"'已简化材料清单，一次告知。'"
bad c1 "$C" letter NULL NULL 1 0 '2026-11-10 09:00:00' rectify NULL NULL NULL
bad cx1 "$C" letter NULL NULL 2 1 '2026-08-01 09:00:00' excluded NULL NULL NULL
bad cx2 "$C" letter NULL NULL 2 1 '2026-08-02 09:00:00' excluded NULL NULL NULL
bad cx3 "$C" letter NULL NULL 2 1 '2026-08-03 09:00:00' excluded NULL NULL NULL
# Before the default period: counted only when the period reaches back.
bad cold "$C" letter NULL NULL 1 0 '2025-01-10 09:00:00' none
check_eq "the data set: 106 ratings inserted" 106 "$(sql "SELECT COUNT(*) FROM eval_rating")"
check_eq "… 12 rectification cases" 12 "$(sql "SELECT COUNT(*) FROM eval_case")"

# wilson GOOD N: the 95 % Wilson interval in per cent, "LO HI", one decimal.
wilson() {
	awk -v g="$1" -v n="$2" 'BEGIN {
		z = 1.959963984540054; p = g / n; d = 1 + z * z / n
		m = (p + z * z / (2 * n)) / d
		h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
		lo = m - h; hi = m + h; if (lo < 0) lo = 0; if (hi > 1) hi = 1
		printf "%.1f %.1f\n", lo * 100, hi * 100 }'
}
read -r A_LO A_HI <<<"$(wilson 28 29)"
read -r B_LO B_HI <<<"$(wilson 27 30)"
read -r C_LO C_HI <<<"$(wilson 38 40)"
check_eq "awk's interval of 27 of 30 is the hand-computed one" '74.4 96.5' "$B_LO $B_HI"
note "intervals: 甲 $A_LO–$A_HI, 乙 $B_LO–$B_HI, 丙 $C_LO–$C_HI"

SCHEMA=$top_srcdir/xslt/schema/page.rng
# valid NAME: the last body validates against page.rng.
valid() {
	cp "$BODY" "$W/page.xml"
	if xmllint --noout --relaxng "$SCHEMA" "$W/page.xml" >"$W/xmllint.out" 2>&1; then
		pass "$1: valid against page.rng"
	else
		fail "$1: not valid against page.rng: $(grep -v validates "$W/xmllint.out" | head -c 600)"
	fi
}
# rec WRAPPER ROW ID: the record <ROW><id>ID</id>…</ROW> inside <WRAPPER> of the last body.
rec() {
	tr -d '\n' <"$BODY" | sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" |
		grep -o "<$2><id>$3</id>.*" | sed "s:</$2>.*::"
}
# field NAME RECORD: a child's text, or nothing.
field() { sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" <<<"$2"; }
# private NAME: the last body shows none of the raters' personal data.
private() {
	expect_body_lacks "$1: no rater's phone" "$PHONE"
	expect_body_lacks "$1: no rater's comment" "$COMMENT"
	expect_body_lacks "$1: no 差评's comment" "$BADCOMMENT"
	expect_body_lacks "$1: no case number" "$CASENO"
}

# ---------------------------------------------------------------- home
http GET /evaluate/
expect_status "the home page" 200
expect_body_contains "… tells how to rate a clerk" "/evaluate/clerk"
expect_body_contains "… lists the open campaign" '2026年度网上评议'
expect_body_contains "… with its link" "/evaluate/campaign/$X"
expect_body_lacks "… not the closed one" '2025年度网上评议'
expect_body_contains "… links to the results" '/evaluate/results'
private "home"
http GET '/evaluate/?format=xml'
valid "home (XML)"
check_eq "… one campaign in it" 1 "$(grep -o '<campaign>' "$BODY" | wc -l)"
check_eq "… with its departments" '县评价甲局、县评价乙局、县评价丙局' "$(xml departments)"

# ---------------------------------------------------------------- public
http GET '/evaluate/results?format=xml'
expect_status "the public results" 200
valid "results (XML)"
private "results (XML)"
check_eq "… of the last 12 months by default" 'from="2025-11-25" to="2026-11-24" min="30"' \
	"$(grep -o 'from="[^"]*" to="[^"]*" min="[^"]*"' "$BODY" | head -n 1)"
R=$(rec departments department "$A")
check_eq "甲: 29 ratings (2 excluded not counted)" 29 "$(field n "$R")"
check_eq "甲: below the minimum" 0 "$(field enough "$R")"
check_eq "甲: no rate in the page at all" '' "$(field rate "$R")$(field lo "$R")$(field hi "$R")"
check_eq "甲: nor the counts to work it out" '' "$(field good "$R")$(field r5 "$R")"
R=$(rec departments department "$B")
check_eq "乙: 30 ratings (1 excluded not counted)" 30 "$(field n "$R")"
check_eq "乙: at the minimum, shown" 1 "$(field enough "$R")"
check_eq "乙: satisfaction 27/30" 90.0 "$(field rate "$R")"
check_eq "乙: interval (hand-computed)" '74.4 96.5' "$(field lo "$R") $(field hi "$R")"
R=$(rec departments department "$C")
check_eq "丙: 40 ratings (3 excluded, 1 before the period not counted)" 40 "$(field n "$R")"
check_eq "丙: satisfaction 38/40" 95.0 "$(field rate "$R")"
check_eq "丙: interval" "$C_LO $C_HI" "$(field lo "$R") $(field hi "$R")"
check_eq "the departments in their codes' order, not ranked" "$A $B $C" \
	"$(tr -d '\n' <"$BODY" | sed 's:.*<departments>::; s:</departments>.*::' |
		grep -o '<department><id>[0-9]*</id>' | grep -o '[0-9]\+' | tr '\n' ' ' | sed 's/ $//')"
R=$(rec rectification department "$A")
check_eq "甲's 差评: 3, 1 rectified, 1 on time, 2 excluded, 0 open" '3 1 1 2 0' \
	"$(field bad "$R") $(field rectified "$R") $(field on_time "$R") $(field excluded "$R") $(field open "$R")"
R=$(rec rectification department "$B")
check_eq "乙's 差评: 4, 1 rectified, 0 on time, 1 excluded, 2 open" '4 1 0 1 2' \
	"$(field bad "$R") $(field rectified "$R") $(field on_time "$R") $(field excluded "$R") $(field open "$R")"
R=$(rec rectification department "$C")
check_eq "丙's 差评: 5, 1 rectified, 1 on time, 3 excluded, 1 open" '5 1 1 3 1' \
	"$(field bad "$R") $(field rectified "$R") $(field on_time "$R") $(field excluded "$R") $(field open "$R")"
check_eq "three rectifications published" 3 \
	"$(tr -d '\n' <"$BODY" | sed 's:.*<rectified>::; s:</rectified>.*::' | grep -o '<case>' | wc -l)"
check_eq "… newest first" '2026-11-20 2026-09-10 2026-06-08' \
	"$(tr -d '\n' <"$BODY" | sed 's:.*<rectified>::; s:</rectified>.*::' |
		grep -o '<date>[^<]*</date>' | sed 's:</\?date>::g' | tr '\n' ' ' | sed 's/ $//')"
expect_body_contains "… a summary masked again" '窗口已调整叫号规则，联系电话***可反映问题。'
expect_body_lacks "… the phone in it is not published" "$SUMMARY_PHONE"
check_eq "no service item rated yet" 0 "$(grep -c '<item>' "$BODY")"

http GET /evaluate/results
expect_status "the public results page" 200
private "results (HTML)"
expect_body_contains "甲: too few, with the number" '样本不足（29条）'
expect_body_contains "乙: the rate" '90.0%'
expect_body_contains "乙: the interval" '74.4% – 96.5%'
expect_body_contains "丙: the rate" '95.0%'
expect_body_contains "丙: the interval" "$C_LO% – $C_HI%"
expect_body_lacks "甲's rate appears nowhere" '96.6'
expect_body_contains "the items' empty state says why" '暂无服务事项的评价'
expect_body_lacks "no rank on the public page" '名次'

http GET '/evaluate/results?from=2025-01-01&to=2026-11-24&format=xml'
valid "results of a longer period (XML)"
R=$(rec departments department "$C")
check_eq "from 2025-01-01, 丙 counts the older 差评: 41" 41 "$(field n "$R")"
check_eq "… and its rate falls to 38/41" 92.7 "$(field rate "$R")"
http GET '/evaluate/results?from=2026-11-01&to=2026-11-30&format=xml'
valid "results of November (XML)"
check_eq "November: 乙's three 差评 (b2a, b2b, b1; bx excluded)" 3 \
	"$(field n "$(rec departments department "$B")")"
check_eq "… and 丙's one (c1)" 1 "$(field n "$(rec departments department "$C")")"
check_eq "… no one else" 2 "$(tr -d '\n' <"$BODY" | sed 's:.*<departments>::; s:</departments>.*::' |
	grep -o '<department><id>' | wc -l)"
http GET '/evaluate/results?from=2026-13-01'
expect_status "a date that does not exist is a bad request" 400

# Items: three ratings of one service item, too few.
sql "INSERT INTO eval_rating (kind, once_key, item_code, level, rated_at) VALUES
	('item', 'test:item:1', 'XK-0001', 5, '2026-10-01 10:00:00'),
	('item', 'test:item:2', 'XK-0001', 4, '2026-10-02 10:00:00'),
	('item', 'test:item:3', 'XK-0001', 2, '2026-10-03 10:00:00')"
http GET '/evaluate/results?format=xml'
valid "results with an item (XML)"
check_eq "the item: 3 ratings, too few, no rate" '3 0 ' \
	"$(R=$(tr -d '\n' <"$BODY" | sed 's:.*<items>::; s:</items>.*::'); echo "$(field n "$R") $(field enough "$R") $(field rate "$R")")"
http GET /evaluate/results
expect_body_contains "… shown as too few" '样本不足（3条）'

# The minimum from the configuration: one lower, 甲 is published; one
# higher than 乙's 30, 乙 is not.
set_min 29
http GET '/evaluate/results?format=xml'
R=$(rec departments department "$A")
check_eq "min_ratings 29: 甲's 29 are enough" '1 96.6' "$(field enough "$R") $(field rate "$R")"
check_eq "… with its interval" "$A_LO $A_HI" "$(field lo "$R") $(field hi "$R")"
set_min 31
http GET '/evaluate/results?format=xml'
R=$(rec departments department "$B")
check_eq "min_ratings 31: 乙's 30 are not" '0 ' "$(field enough "$R") $(field rate "$R")"
http GET /evaluate/results
expect_body_contains "… shown as too few" '样本不足（30条）'
set_min 30

# ---------------------------------------------------------------- supervise
SUPER=$W/super.jar OFFICE=$W/office.jar CLERK=$W/clerk.jar
for x in "$SUPER 50000001" "$OFFICE 50000002" "$CLERK 50000011"; do
	set -- $x
	signin "$1" "$2" "$PW"
	expect_status "staff $2 signs in" 303
done
for p in /evaluate/supervise /evaluate/supervise.csv /evaluate/supervise/ratings; do
	http GET "$p" -b "$CLERK"
	expect_status "a clerk may not see $p" 403
	http GET "$p"
	check "nor may the public see $p" test "$STATUS" != 200
done

http GET '/evaluate/supervise?format=xml' -b "$SUPER"
expect_status "the supervisor's figures" 200
valid "supervise by department (XML)"
check_eq "… of the default period" 'by="department" from="2025-11-25" to="2026-11-24" min="30"' \
	"$(grep -o 'by="[^"]*" from="[^"]*" to="[^"]*" min="[^"]*"' "$BODY")"
# sup ID: "n r5 r4 r3 r2 r1 rate lo hi bad_rate cases closed on_time on_time_rate enough" of a row.
sup() {
	local R f out=
	R=$(tr -d '\n' <"$BODY" | sed 's:.*<figures[^>]*>::; s:</figures>.*::' |
		grep -o "<row><id>$1</id>.*" | sed 's:</row>.*::')
	for f in n r5 r4 r3 r2 r1 rate lo hi bad_rate cases closed on_time on_time_rate enough; do
		out="$out $(field "$f" "$R")"
	done
	echo "${out# }"
}
check_eq "甲: levels, rate, interval, 差评 rate, cases, marked" \
	"29 20 6 2 1 0 96.6 $A_LO $A_HI 3.4 1 1 1 100.0 0" "$(sup "$A")"
check_eq "乙: the same" "30 15 9 3 2 1 90.0 74.4 96.5 10.0 3 1 0 0.0 1" "$(sup "$B")"
check_eq "丙: the same" "40 22 12 4 1 1 95.0 $C_LO $C_HI 5.0 2 1 1 100.0 1" "$(sup "$C")"
check_eq "… three departments (the supervisor's has none)" 3 "$(grep -o '<row>' "$BODY" | wc -l)"

http GET /evaluate/supervise -b "$SUPER"
expect_status "the figures' page" 200
expect_body_contains "… draws the chart in SVG" '<svg'
expect_body_contains "… with a bar per row" 'class="bar"'
expect_body_contains "… and 甲's marked" 'class="bar-alt"'
check_eq "the ranking: 丙, 乙, then 甲 (highest rate, too few) last" '县评价丙局 县评价乙局 县评价甲局' \
	"$(tr -d '\n' <"$BODY" | sed 's:.*id="er-rank-caption"::; s:</table>.*::' |
		grep -o '县评价[甲乙丙]局' | tr '\n' ' ' | sed 's/ $//')"
check_eq "… ranks 1 and 2, and 甲 unranked" '1 2' \
	"$(tr -d '\n' <"$BODY" | sed 's:.*id="er-rank-caption"::; s:</table>.*::' |
		grep -o '<td class="rank">[0-9]*</td>' | grep -o '[0-9]\+' | tr '\n' ' ' | sed 's/ $//')"
http GET /evaluate/supervise -b "$OFFICE"
expect_status "the office sees the figures too" 200

http GET '/evaluate/supervise?by=kind&format=xml' -b "$SUPER"
valid "supervise by kind (XML)"
check_eq "by kind: clerks 甲 29 + 丙 20, 48 good of 49" "49 32 12 4 1 0 98.0" \
	"$(sup clerk | cut -d' ' -f1-7)"
check_eq "… letters 20, too few" "20 10 6 2 1 1 90.0" "$(sup letter | cut -d' ' -f1-7)"
check_eq "… letters marked" 0 "$(sup letter | cut -d' ' -f15)"
check_eq "… the campaign's 30" "30 15 9 3 2 1 90.0" "$(sup campaign | cut -d' ' -f1-7)"
check_eq "… and the item's 3" "3 1 1 0 1 0 66.7" "$(sup item | cut -d' ' -f1-7)"
http GET '/evaluate/supervise?by=clerk&format=xml' -b "$SUPER"
valid "supervise by clerk (XML)"
check_eq "by clerk: A's 29" 29 "$(sup "$SA" | cut -d' ' -f1)"
check_eq "… C's 20" 20 "$(sup "$SC" | cut -d' ' -f1)"
check_eq "… named by staff number" '50000011 窗口甲' \
	"$(grep -o '<name>[^<]*</name>' "$BODY" | head -n 1 | sed 's:</\?name>::g')"
http GET '/evaluate/supervise?by=campaign&format=xml' -b "$SUPER"
valid "supervise by campaign (XML)"
check_eq "by campaign: 30, 3 cases, 1 closed late" "30 15 9 3 2 1 90.0 74.4 96.5 10.0 3 1 0 0.0 1" \
	"$(sup "$X")"
http GET '/evaluate/supervise?by=item&format=xml' -b "$SUPER"
valid "supervise by item (XML)"
check_eq "by item: XK-0001's 3 (5, 4, 2), the other ratings in no row" "3 1 1 0 1 0 66.7" \
	"$(sup XK-0001 | cut -d' ' -f1-7)"
check_eq "… one row only" 1 "$(grep -o '<row>' "$BODY" | wc -l | tr -d ' ')"
http GET '/evaluate/supervise?by=department&from=2026-11-01&to=2026-11-30&format=xml' -b "$SUPER"
valid "supervise of November (XML)"
check_eq "November: 乙's three 差评 only" "3 0 0 0 2 1 0.0" "$(sup "$B" | cut -d' ' -f1-7)"
http GET '/evaluate/supervise?by=window' -b "$SUPER"
expect_status "an unknown dimension is a bad request" 400

# ---------------------------------------------------------------- CSV
http GET /evaluate/supervise.csv -b "$SUPER"
expect_status "the CSV" 200
expect_header "… is CSV" Content-Type '^text/csv'
expect_header "… an attachment" Content-Disposition 'attachment.*evaluate-department\.csv'
check_eq "… begins with the BOM" efbbbf "$(head -c 3 "$BODY" | od -An -tx1 | tr -d ' \n')"
check_eq "… the headings" \
	'名称,评价数,非常满意,满意,基本满意,不满意,非常不满意,满意率(%),95%区间下限(%),95%区间上限(%),差评率(%),整改件数,已办结,按时办结,按时率(%),样本充足' \
	"$(head -n 1 "$BODY" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')"
check_eq "… lines end in CRLF" 4 "$(grep -c $'\r$' "$BODY")"
check_eq "… 甲's line" "县评价甲局,29,20,6,2,1,0,96.6,$A_LO,$A_HI,3.4,1,1,1,100.0,0" \
	"$(tr -d '\r' <"$BODY" | sed -n 2p)"
check_eq "… 乙's line" '县评价乙局,30,15,9,3,2,1,90.0,74.4,96.5,10.0,3,1,0,0.0,1' \
	"$(tr -d '\r' <"$BODY" | sed -n 3p)"
check_eq "… 丙's line" "县评价丙局,40,22,12,4,1,1,95.0,$C_LO,$C_HI,5.0,2,1,1,100.0,1" \
	"$(tr -d '\r' <"$BODY" | sed -n 4p)"
http GET '/evaluate/supervise.csv?lang=en&by=kind' -b "$SUPER"
check_eq "in English, the headings are English" 'Name,Ratings,Very satisfied' \
	"$(head -n 1 "$BODY" | tr -d '\r' | sed 's/^\xef\xbb\xbf//' | cut -d, -f1-3)"
check_eq "… four kinds' lines" 5 "$(wc -l <"$BODY")"

# ---------------------------------------------------------------- ratings
http GET "/evaluate/supervise/ratings?department=$C&level=1&format=xml" -b "$SUPER"
expect_status "the ratings list, filtered" 200
valid "supervise-ratings (XML)"
check_eq "丙's level-1 ratings: the letter, the 差评 in rectify and the older one" 2 \
	"$(grep -o '<rating>' "$BODY" | wc -l)"
expect_body_contains "… a staff page shows the comment" "$BADCOMMENT"
expect_body_contains "… and the case number" "$CASENO"
expect_body_lacks "… never the phone" "$PHONE"
expect_body_contains "… with the case's state" '<case_state>rectify</case_state>'
http GET "/evaluate/supervise/ratings?department=$C&excluded=1&format=xml" -b "$SUPER"
check_eq "丙's excluded: 3" 3 "$(grep -o '<rating>' "$BODY" | wc -l)"
http GET "/evaluate/supervise/ratings?department=$C&format=xml" -b "$SUPER"
check_eq "丙's ratings, a page of 20" 20 "$(grep -o '<rating>' "$BODY" | wc -l)"
NEXT=$(grep -o '<pager next="[0-9]*"' "$BODY" | grep -o '[0-9]\+')
check "… and a next page" test -n "$NEXT"
http GET "/evaluate/supervise/ratings?department=$C&after=$NEXT&format=xml" -b "$SUPER"
valid "supervise-ratings, page 2 (XML)"
check_eq "… which has the next 20" 20 "$(grep -o '<rating>' "$BODY" | wc -l)"
http GET "/evaluate/supervise/ratings?department=$C&kind=letter&from=2026-08-01&to=2026-08-31" -b "$SUPER"
expect_status "the list's page" 200
expect_body_contains "… 丙's letters of August: the excluded ones, marked" '不计入统计'
expect_body_lacks "… never the phone (HTML)" "$PHONE"

# ---------------------------------------------------------------- English
http GET '/evaluate/results?lang=en'
expect_body_contains "the results in English" 'Too few ratings (29)'
http GET '/evaluate/supervise?lang=en' -b "$SUPER"
expect_body_contains "the figures in English" 'Ranking by satisfaction'

# ---------------------------------------------------------------- demo
# sql/demo-evaluate.sql in a database of its own, with the departments of
# demo-mailbox.sql and the demo's staff it rates; loaded twice (it must
# change nothing the second time), then shown by a second civic-evaluate
# on the real clock.
DEMO_DB=civic_demo_eval
"$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" -e "
	CREATE DATABASE $DEMO_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
	GRANT ALL PRIVILEGES ON $DEMO_DB.* TO 'civic'@'localhost';"
sed -e "s/^name *= *civic\$/name = $DEMO_DB/" -e 's/^now *=.*/now =/' \
	"$CIVIC_T/civic.conf" >"$CIVIC_T/demo-eval.conf"
grep -q "^name = $DEMO_DB\$" "$CIVIC_T/demo-eval.conf" || fail "the demo's configuration names its database"
dctl() { "$CIVICCTL" --config "$CIVIC_T/demo-eval.conf" "$@"; }
# As the programs do, on Beijing time (db.c): the demo's times are NOW()'s.
dsql() { "$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" -N -B "$DEMO_DB" -e "SET time_zone = '+08:00'; $1"; }
dctl migrate >"$W/demo-migrate.log" 2>&1
check_eq "the demo database is migrated" 0 $?
sed -n '/^INSERT IGNORE INTO department/,/;$/p' "$top_srcdir/sql/demo-mailbox.sql" >"$W/demo-departments.sql"
dctl load "$W/demo-departments.sql" >>"$W/demo-migrate.log" 2>&1
check_eq "… with demo-mailbox.sql's departments" 6 "$(dsql "SELECT COUNT(*) FROM department")"
for s in "1002 信息办王敏 office office" "1004 公安局李强 gongan clerk" \
    "1005 医保局陈静 yibao clerk" "1006 住建局黄磊 zhujian clerk"; do
	set -- $s
	printf '%s\n' "$PW" | dctl add-user --staff-no "$1" --name "$2" --department "$3" \
		--roles "$4" >>"$W/demo-migrate.log" 2>&1 || fail "demo staff $1"
done
dctl load "$top_srcdir/sql/demo-evaluate.sql" >"$W/demo-load.log" 2>&1
check_eq "sql/demo-evaluate.sql loads" 0 $?
FIRST=$(dsql "SELECT COUNT(*), COALESCE(SUM(level), 0) FROM eval_rating; SELECT COUNT(*) FROM eval_case;
	SELECT COUNT(*) FROM eval_campaign; SELECT COUNT(*) FROM eval_answer")
dctl load "$top_srcdir/sql/demo-evaluate.sql" >>"$W/demo-load.log" 2>&1
check_eq "… and loads again" 0 $?
check_eq "… changing nothing the second time" "$FIRST" \
	"$(dsql "SELECT COUNT(*), COALESCE(SUM(level), 0) FROM eval_rating; SELECT COUNT(*) FROM eval_case;
	SELECT COUNT(*) FROM eval_campaign; SELECT COUNT(*) FROM eval_answer")"
COUNTED="e.excluded = 0 AND e.rated_at >= CURDATE() - INTERVAL 1 YEAR + INTERVAL 1 DAY"
check_eq "the demo: two departments with 30 ratings or more in the last 12 months" 2 \
	"$(dsql "SELECT COUNT(*) FROM (SELECT department_id FROM eval_rating e WHERE $COUNTED
		GROUP BY department_id HAVING COUNT(*) >= 30) x")"
check "… and some below" test "$(dsql "SELECT COUNT(*) FROM (SELECT department_id FROM eval_rating e
	WHERE $COUNTED GROUP BY department_id HAVING COUNT(*) < 30) x")" -ge 1
check_eq "… ratings of clerks and in the campaign" 'campaign clerk' \
	"$(dsql "SELECT DISTINCT kind FROM eval_rating ORDER BY CAST(kind AS CHAR)" | tr '\n' ' ' | sed 's/ $//')"
check_eq "… every clerk rating names its clerk" 0 \
	"$(dsql "SELECT COUNT(*) FROM eval_rating WHERE kind = 'clerk' AND staff_id IS NULL")"
check_eq "… one campaign open today, of 5 departments and 3 questions" '1 5 3' \
	"$(dsql "SELECT COUNT(*), (SELECT COUNT(*) FROM eval_campaign_department cd WHERE cd.campaign_id = MIN(c.id)),
		(SELECT COUNT(*) FROM eval_campaign_question q WHERE q.campaign_id = MIN(c.id))
		FROM eval_campaign c WHERE CURDATE() BETWEEN c.starts_on AND c.ends_on" | tr '\t' ' ')"
check_eq "… campaign ratings within the campaign" 0 \
	"$(dsql "SELECT COUNT(*) FROM eval_rating e JOIN eval_campaign c ON c.id = e.campaign_id
		WHERE e.rated_at < c.starts_on OR e.rated_at > NOW()")"
check_eq "… 差评 in every state" 'appeal excluded rectified rectify visit' \
	"$(dsql "SELECT DISTINCT state FROM eval_case ORDER BY CAST(state AS CHAR)" | tr '\n' ' ' | sed 's/ $//')"
check_eq "… one visit overdue (red)" 1 \
	"$(dsql "SELECT COUNT(*) FROM eval_case WHERE state = 'visit' AND due_at < NOW()")"
check_eq "… the rectified with a public summary" 0 \
	"$(dsql "SELECT COUNT(*) FROM eval_case WHERE state = 'rectified' AND public_summary IS NULL")"
check_eq "… every 差评 with its case, its reason and its comment" 0 \
	"$(dsql "SELECT COUNT(*) FROM eval_rating e LEFT JOIN eval_case c ON c.rating_id = e.id
		WHERE e.level <= 2 AND (c.id IS NULL OR e.reason_id IS NULL OR e.comment IS NULL)")"
check_eq "… the excluded rating's case excluded" 1 \
	"$(dsql "SELECT COUNT(*) FROM eval_rating e JOIN eval_case c ON c.rating_id = e.id
		WHERE e.excluded = 1 AND c.state = 'excluded' AND e.excluded_reason IS NOT NULL")"

# The demo's pages: a second civic-evaluate, on the demo's database and the
# real clock, in the first one's place.
stop_pid "$EVAL_PID" 15
rm -f "$CIVIC_T/run/evaluate.sock"
"$top_builddir/civic-evaluate.fcgi" --config "$CIVIC_T/demo-eval.conf" \
	--listen "$CIVIC_T/run/evaluate.sock" --workers 1 >>"$CIVIC_T/evaluate.log" 2>&1 &
CIVIC_PIDS+=("$!")
wait_for 15 test -S "$CIVIC_T/run/evaluate.sock" || fail "the demo's civic-evaluate did not start"
http GET '/evaluate/?format=xml'
valid "the demo's home (XML)"
check_eq "the demo's home lists its open campaign" '县直部门服务网上评议' "$(xml title)"
http GET '/evaluate/results?format=xml'
valid "the demo's results (XML)"
check_eq "… two departments with a rate" 2 "$(grep -o '<enough>1</enough>' "$BODY" | wc -l)"
check "… and some too few" grep -q '<enough>0</enough>' "$BODY"
check_eq "… two rectifications published" 2 \
	"$(tr -d '\n' <"$BODY" | sed 's:.*<rectified>::; s:</rectified>.*::' | grep -o '<case>' | wc -l)"
expect_body_contains "… with their summaries" '午间不打烊服务'
http GET /evaluate/results
expect_status "the demo's results page" 200
expect_body_contains "… 县公安局 with a rate" '县公安局'
expect_body_lacks "… no rater's phone" '13800000041'
expect_body_lacks "… no rater's comment" '态度生硬'

finish
