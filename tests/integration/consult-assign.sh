#!/bin/bash
# consult-assign.sh: assignment under concurrency.  Eight clients submit
# forty questions at once through nginx to four workers while two clerks
# of the area are on duty: every question is assigned exactly once, and
# the two clerks end with as many open questions as each other, give or
# take one (the area's row is locked for each assignment, so the fewest-
# open rule sees every earlier one).  Then twenty queued questions are
# claimed by both clerks racing each other: each is claimed once.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' "$CIVIC_T/civic.conf"
sed -i 's/^now *=.*/now = 2026-11-24 10:00:00/' "$CIVIC_T/civic.conf"
civic_program_start consult --workers 4
civic_program_start account --workers 1

PW='assignment race 2026'
civic_add_staff "$PW" 41000001 甲 shuiwu 县税务局 clerk
civic_add_staff "$PW" 41000002 乙 shuiwu '' clerk
AREA=$(sql "SELECT id FROM department WHERE code = 'shuiwu'")
sql "INSERT INTO consult_area (department_id, listed) VALUES ($AREA, 1)"
sql "UPDATE staff SET on_duty = '9:00-17:00' WHERE staff_no IN ('41000001', '41000002')"

# One client: its own cookies, form and loopback address (asking is
# limited per address, as a village service point's PC would be), then N
# questions in a row.
client() {
	local k=$1 n=$2 jar=$W/c$1.jar i issued sig csrf from=(--interface "127.0.0.$(($1 + 1))")
	"$CURL" -s "${from[@]}" -b "$jar" -c "$jar" "$BASE/consult/ask?format=xml" >"$W/form$k.xml"
	csrf=$(tr -d '\n' <"$W/form$k.xml" | sed -n 's:.*<csrf>\([^<]*\)</csrf>.*:\1:p')
	issued=$(tr -d '\n' <"$W/form$k.xml" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	sig=$(tr -d '\n' <"$W/form$k.xml" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
	for i in $(seq 1 "$n"); do
		"$CURL" -s "${from[@]}" -o /dev/null -w '%{http_code}\n' -b "$jar" -c "$jar" \
			--data-urlencode "csrf=$csrf" \
			--data-urlencode "idem=$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" \
			--data-urlencode "area=$AREA" --data-urlencode "subject=并发咨询$k-$i" \
			--data-urlencode "body=第$k个客户的第$i个问题，请问如何办理？" \
			--data-urlencode "phone=1370000$(printf %04d $((k * 100 + i)))" \
			--data-urlencode "issued=$issued" --data-urlencode "sig=$sig" \
			"$BASE/consult/ask"
	done >"$W/codes$k"
}
PIDS=()
for k in $(seq 1 8); do
	client "$k" 5 &
	PIDS+=($!)
done
wait "${PIDS[@]}"
check_eq "forty questions, forty 303s" 40 "$(cat "$W"/codes* | grep -c '^303$')"
check_eq "forty questions stored" 40 "$(sql "SELECT COUNT(*) FROM consult_question")"
check_eq "every one assigned" 0 "$(sql "SELECT COUNT(*) FROM consult_question WHERE assigned_to IS NULL")"
check_eq "each exactly once" 0 "$(sql "SELECT COUNT(*) FROM (SELECT question_id FROM consult_message
	WHERE kind = 'assign' GROUP BY question_id HAVING COUNT(*) <> 1) x")"
check_eq "… and an assignment row for each" 40 \
	"$(sql "SELECT COUNT(*) FROM consult_message WHERE kind = 'assign'")"
N1=$(sql "SELECT COUNT(*) FROM consult_question q JOIN staff s ON s.id = q.assigned_to WHERE s.staff_no = '41000001'")
N2=$(sql "SELECT COUNT(*) FROM consult_question q JOIN staff s ON s.id = q.assigned_to WHERE s.staff_no = '41000002'")
note "clerk 甲 has $N1, clerk 乙 $N2"
check "the load is balanced: the two differ by at most one" test $(((N1 - N2) * (N1 - N2))) -le 1

# ---------------------------------------------------------------- claims
sql "UPDATE staff SET on_duty = NULL"
for k in 9; do client "$k" 20; done
check_eq "off duty, twenty more wait in the queue" 20 \
	"$(sql "SELECT COUNT(*) FROM consult_question WHERE assigned_to IS NULL")"
claims() {
	local jar=$1 who=$2 id csrf
	"$CURL" -s -b "$jar" -c "$jar" "$BASE/consult/desk?format=xml" >"$W/desk$who.xml"
	csrf=$(tr -d '\n' <"$W/desk$who.xml" | sed -n 's:.*<csrf>\([^<]*\)</csrf>.*:\1:p')
	for id in $(sql "SELECT id FROM consult_question WHERE assigned_to IS NULL ORDER BY id"); do
		"$CURL" -s -o /dev/null -w '%{http_code}\n' -b "$jar" --data-urlencode "csrf=$csrf" \
			--data-urlencode "idem=$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" \
			"$BASE/consult/desk/q/$id/claim"
	done >"$W/claims$who"
}
signin "$W/s1.jar" 41000001 "$PW"
signin "$W/s2.jar" 41000002 "$PW"
claims "$W/s1.jar" 1 &
P1=$!
claims "$W/s2.jar" 2 &
wait $P1 $!
check_eq "twenty claims won in all" 20 "$(cat "$W"/claims1 "$W"/claims2 | grep -c '^303$')"
check_eq "… twenty lost" 20 "$(cat "$W"/claims1 "$W"/claims2 | grep -c '^422$')"
check_eq "… no other answer" 0 "$(cat "$W"/claims1 "$W"/claims2 | grep -vc '^\(303\|422\)$')"
check_eq "every queued question claimed once" 20 \
	"$(sql "SELECT COUNT(DISTINCT question_id) FROM consult_message WHERE kind = 'claim'")"
check_eq "… and no twice" 20 "$(sql "SELECT COUNT(*) FROM consult_message WHERE kind = 'claim'")"

finish
