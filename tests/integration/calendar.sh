#!/bin/bash
# calendar.sh: `civicctl import-holidays` and civic_calendar_load() against
# a private MariaDB server (doc/calendar.md).
#
# Imports examples/holidays/*.txt and checks the rows; imports them again
# and finds the table unchanged; shows that an import replaces exactly the
# years its files name; feeds it malformed files, which must be refused
# with the number of every bad line and change nothing; makes the
# database refuse a row half-way through, which must roll the whole
# import back; then tests/integration/test_calendar_db reads the calendar
# back through libcivic.

. "$(dirname "$0")/lib.sh"

find_tools
civic_tmp
civic_db_init
civic_db_start
civic_db_setup
civic_write_config
civic_migrate

HOLIDAYS=$top_srcdir/examples/holidays
W=$CIVIC_T/work

# import FILE...: runs the command; its output in $W/out, its errors in $W/err.
import() {
	"$CIVICCTL" --config "$CIVIC_T/civic.conf" import-holidays "$@" >"$W/out" 2>"$W/err"
}

# The whole table, one row a line, to compare before and after.
dump() {
	sql "SELECT day, kind, name FROM calendar_day ORDER BY day"
}

# expect_err NAME TEXT: the last import's errors contain TEXT.
expect_err() {
	if grep -qF -- "$2" "$W/err"; then
		pass "$1"
	else
		fail "$1: no '$2' in: $(tr '\n' '|' <"$W/err")"
	fi
}

# ------------------------------------------------------------ a first import

check "import-holidays --help" "$CIVICCTL" --config "$CIVIC_T/civic.conf" import-holidays --help
import
check_eq "no file is a usage error" 2 "$?"

import "$HOLIDAYS/2025.txt" "$HOLIDAYS/2026.txt"
rc=$?
check_eq "the 2025 and 2026 arrangements import" 0 "$rc"
[ "$rc" = 0 ] || show_log "$W/err" 20
check_eq "rows in all" 72 "$(sql "SELECT COUNT(*) FROM calendar_day")"
check_eq "2025: 28 holidays, 5 workdays" "28 5" \
	"$(sql "SELECT SUM(kind = 'holiday'), SUM(kind = 'workday') FROM calendar_day WHERE YEAR(day) = 2025" | tr '\t' ' ')"
check_eq "2026: 33 holidays, 6 workdays" "33 6" \
	"$(sql "SELECT SUM(kind = 'holiday'), SUM(kind = 'workday') FROM calendar_day WHERE YEAR(day) = 2026" | tr '\t' ' ')"
check_eq "2026-02-14 is the 调休 Saturday before the Spring Festival" "workday 春节调休" \
	"$(sql "SELECT kind, name FROM calendar_day WHERE day = '2026-02-14'" | tr '\t' ' ')"
check_eq "2026-02-16 is a Spring Festival holiday" "holiday 春节" \
	"$(sql "SELECT kind, name FROM calendar_day WHERE day = '2026-02-16'" | tr '\t' ' ')"
check_eq "the Spring Festival 2026 is 2-15 to 2-23" "2026-02-15 2026-02-23 9" \
	"$(sql "SELECT MIN(day), MAX(day), COUNT(*) FROM calendar_day WHERE name = '春节' AND YEAR(day) = 2026" | tr '\t' ' ')"
check_eq "2025-10-08 closes the National Day and 中秋 holiday" "holiday 国庆节、中秋节" \
	"$(sql "SELECT kind, name FROM calendar_day WHERE day = '2025-10-08'" | tr '\t' ' ')"
check_eq "the 2025 National Day workdays are 9-28 and 10-11" "2025-09-28 2025-10-11" \
	"$(sql "SELECT GROUP_CONCAT(day ORDER BY day SEPARATOR ' ') FROM calendar_day WHERE kind = 'workday' AND name LIKE '国庆%' AND YEAR(day) = 2025")"
check_eq "an ordinary Monday has no row" 0 \
	"$(sql "SELECT COUNT(*) FROM calendar_day WHERE day = '2026-03-09'")"
check_eq "every workday is a Saturday or Sunday" 0 \
	"$(sql "SELECT COUNT(*) FROM calendar_day WHERE kind = 'workday' AND DAYOFWEEK(day) BETWEEN 2 AND 6")"
if grep -q "2026: 39 days imported (33 holidays, 6 workdays), 0 replaced" "$W/out"; then
	pass "the command reports what it imported"
else
	fail "the command's report: $(tr '\n' '|' <"$W/out")"
fi

# ------------------------------------------------------------ idempotence

dump >"$W/first"
import "$HOLIDAYS/2026.txt" "$HOLIDAYS/2025.txt"
check_eq "a second import succeeds" 0 "$?"
dump >"$W/second"
check "a second import leaves the table as it was" cmp -s "$W/first" "$W/second"
check "and says it replaced the rows" grep -q "2025: 33 days imported (28 holidays, 5 workdays), 33 replaced" "$W/out"

# Only the years in the file are replaced: a stray 2026 row goes, a 2027 row stays.
sql "INSERT INTO calendar_day VALUES ('2026-12-25', 'holiday', 'stray'), ('2027-01-01', 'holiday', '元旦')"
import "$HOLIDAYS/2026.txt"
check_eq "an import of 2026 alone succeeds" 0 "$?"
check_eq "a 2026 row not in the file is gone" 0 \
	"$(sql "SELECT COUNT(*) FROM calendar_day WHERE day = '2026-12-25'")"
check_eq "a 2027 row is untouched" 1 \
	"$(sql "SELECT COUNT(*) FROM calendar_day WHERE day = '2027-01-01'")"
check_eq "2025 is untouched" 33 "$(sql "SELECT COUNT(*) FROM calendar_day WHERE YEAR(day) = 2025")"
sql "DELETE FROM calendar_day WHERE day = '2027-01-01'"
dump >"$W/before"

# ------------------------------------------------------------ malformed files

# A corrected 2026 with faults on known lines: each must be named.
{
	printf '\xef\xbb\xbf# a byte-order mark and CR LF line ends are accepted\r\n'	# 1
	printf '2026-01-01 holiday 元旦\r\n'						# 2
	printf '\n'									# 3
	printf '2026-02-30 holiday 春节\n'						# 4: no such day
	printf '2026-02-16 vacation 春节\n'						# 5: bad kind
	printf '2026-03-11 workday 调休\n'						# 6: a Wednesday
	printf '2026-02-17 holiday\n'							# 7: no name
	printf '2026-02-18 holiday 春节 # trailing comment\n'				# 8
	printf '2026-02-19 holiday %s\n' "$(printf '节%.0s' $(seq 1 41))"		# 9: 41 characters
	printf '2026-01-01 holiday 元旦\n'						# 10: repeats line 2
	printf '2026-02-20 holiday \xff\xfe\n'						# 11: not UTF-8
	printf '26-02-21 holiday 春节\n'						# 12
	printf '2026-02-22\tholiday\t春节\n'						# 13: fine (tabs)
} >"$W/bad.txt"
import "$W/bad.txt"
check_eq "a malformed file is refused" 1 "$?"
sed 's/^/#   /' "$W/err"
expect_err "line 4: no such date" "bad.txt:4: '2026-02-30' is not a date"
expect_err "line 5: bad kind" "bad.txt:5: kind 'vacation'"
expect_err "line 6: a workday on a Wednesday" "bad.txt:6: 2026-03-11 is a Wednesday"
expect_err "line 7: no name" "bad.txt:7: expected DATE KIND NAME"
expect_err "line 8: a comment after the name" "bad.txt:8: '#' in the name"
expect_err "line 9: a name too long" "bad.txt:9: name longer than 40 characters"
expect_err "line 10: a day twice" "bad.txt:10: the same day as $W/bad.txt:2"
expect_err "line 11: not UTF-8" "bad.txt:11: not valid UTF-8"
expect_err "line 12: a two-digit year" "bad.txt:12: '26-02-21' is not a date"
expect_err "the count of faults" "9 fault(s): nothing imported"
if grep -qE 'bad\.txt:(1|2|3|13):' "$W/err"; then
	fail "good lines reported: $(grep -E 'bad\.txt:(1|2|3|13):' "$W/err" | tr '\n' '|')"
else
	pass "good lines (BOM, CR LF, blank, tabs) are not reported"
fi
dump >"$W/after"
check "a refused file changes nothing" cmp -s "$W/before" "$W/after"

# A good file and a bad one: all or nothing.
printf '2027-01-01 holiday 元旦\n' >"$W/2027.txt"
printf '2027-02-06 holiday 春节\n2027-02-30 holiday 春节\n' >"$W/bad2027.txt"
import "$W/2027.txt" "$W/bad2027.txt"
check_eq "a good file with a bad one is refused" 1 "$?"
expect_err "the bad file's line is named" "bad2027.txt:2:"
check_eq "nothing of 2027 was imported" 0 "$(sql "SELECT COUNT(*) FROM calendar_day WHERE YEAR(day) = 2027")"

# The same day in two files.
printf '2026-02-16 holiday 春节\n' >"$W/dup.txt"
import "$HOLIDAYS/2026.txt" "$W/dup.txt"
check_eq "a day in two files is refused" 1 "$?"
expect_err "with both places named" "dup.txt:1: the same day as $HOLIDAYS/2026.txt:"

printf '# nothing but a comment\n\n' >"$W/empty.txt"
import "$W/empty.txt"
check_eq "a file without days is refused" 1 "$?"
expect_err "and says so" "empty.txt: no days in the file"
import "$W/missing.txt"
check_eq "a missing file is refused" 1 "$?"
expect_err "and named" "missing.txt: cannot open"
dump >"$W/after"
check "the refused imports changed nothing" cmp -s "$W/before" "$W/after"

# ------------------------------------------------------------ one transaction

# The database refuses 2026-10-10 (the last row the import inserts) after
# the year's rows were deleted and the others inserted: the rollback must
# bring back the old rows, names included.
sed 's/春节$/春节假期/' "$HOLIDAYS/2026.txt" >"$W/renamed.txt"
sql "CREATE TRIGGER calendar_refuse BEFORE INSERT ON calendar_day FOR EACH ROW
	SET NEW.day = IF(NEW.day = '2026-10-10', NULL, NEW.day)"
import "$W/renamed.txt"
check_eq "an import the database refuses half-way fails" 1 "$?"
expect_err "and says nothing changed" "import failed, nothing changed"
sql "DROP TRIGGER calendar_refuse"
dump >"$W/after"
check "a failed import leaves the old rows" cmp -s "$W/before" "$W/after"
import "$W/renamed.txt"
check_eq "the same import succeeds once the database allows it" 0 "$?"
check_eq "and renames the holiday" 9 "$(sql "SELECT COUNT(*) FROM calendar_day WHERE name = '春节假期'")"
import "$HOLIDAYS/2026.txt"
check_eq "the official file imports again" 0 "$?"
dump >"$W/after"
check "back to the official rows" cmp -s "$W/before" "$W/after"

# ------------------------------------------------------------ read back

TEST=$top_builddir/tests/integration/test_calendar_db
if [ -x "$TEST" ]; then
	CIVIC_CONFIG=$CIVIC_T/civic.conf "$TEST" >"$W/test_calendar_db.log" 2>&1
	rc=$?
	cat "$W/test_calendar_db.log"
	check_eq "the calendar reads back through libcivic (test_calendar_db)" 0 "$rc"
else
	fail "$TEST not built (make check builds it)"
fi
finish
