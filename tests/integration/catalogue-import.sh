#!/bin/bash
# catalogue-import.sh: `civicctl import-catalogue` (tools/ctl_catalogue.c,
# doc/civicctl.md) against a private MariaDB server with the catalogue's
# fixed test data (catalogue-fixture.sql).
#
# Imports examples/catalogue-sample.csv (six entries: one keeping the old
# system's index number, which moves its body's sequence past it; one
# draft; one interpreting the first, earlier in the file; one joint; one
# 不予公开) and examples/catalogue-sample.xml (a repealed entry replaced by
# one earlier in the file, a 政策解读, CDATA and character references):
# rows, index numbers, links, history and the search index (listed entries
# only) are checked by SQL and against the fixture's hand counts.  Then
# files that must import nothing, with the database unchanged after each:
# the XML again (its index numbers are taken); a CSV with a fault on
# each of seven lines (a 文号 in [], an unknown and a non-leaf category,
# an unknown body, no title, invalid UTF-8, 2026-02-30), each reported
# by its line; an entry naming one later in the file; XML with faults in
# two entries (each reported at its <entry>'s line), not well-formed XML,
# XML with a DTD declaring an external entity (refused, the file never
# read); a file over the size limit; and a file whose checks pass but
# whose second entry the publication refuses (the year's numbers used
# up), which rolls the first back too.

. "$(dirname "$0")/lib.sh"

find_tools
civic_tmp
civic_db_init
civic_db_start
civic_db_setup
civic_write_config
civic_migrate

W=$CIVIC_T/work
CTL() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
CSV=$top_srcdir/examples/catalogue-sample.csv
XML=$top_srcdir/examples/catalogue-sample.xml

CTL load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.out" 2>&1 ||
	die "loading catalogue-fixture.sql failed: $(head -c 400 "$W/load.out")"

# import FILE: runs the command; its output in $W/out, its errors in $W/err, its status in $RC.
import() {
	CTL import-catalogue "$1" >"$W/out" 2>"$W/err"
	RC=$?
}
expect_err() { if grep -qF -- "$2" "$W/err"; then pass "$1"; else fail "$1: wanted '$2' in: $(head -c 1500 "$W/err")"; fi; }
expect_out() { if grep -qF -- "$2" "$W/out"; then pass "$1"; else fail "$1: wanted '$2' in: $(head -c 800 "$W/out")"; fi; }
# What an import may change, in one line.
counts() {
	sql "SELECT CONCAT_WS(' ', (SELECT COUNT(*) FROM cat_entry), (SELECT COUNT(*) FROM cat_entry_version),
		(SELECT COUNT(*) FROM cat_entry_link), (SELECT COUNT(*) FROM cat_entry_body),
		(SELECT COUNT(*) FROM cat_entry_gram), (SELECT COALESCE(SUM(next), 0) FROM cat_index_seq),
		(SELECT COUNT(*) FROM audit_log))"
}
listed() { sql "SELECT COUNT(*) FROM cat_entry e WHERE e.state = 'published' AND e.disclosure <> 'none'"; }
no_of() { sql "SELECT COALESCE(index_no, 'NULL') FROM cat_entry WHERE title = '$1'"; }
id_of() { sql "SELECT id FROM cat_entry WHERE title = '$1'"; }

check_eq "the fixture: 15 entries" 15 "$(sql "SELECT COUNT(*) FROM cat_entry")"
check_eq "… 11 listed (its hand count)" 11 "$(listed)"
check_eq "… no search index yet" 0 "$(sql "SELECT COUNT(*) FROM cat_entry_gram")"

# ---------------------------------------------------------------- usage
CTL import-catalogue >/dev/null 2>&1
check_eq "no file is a usage error" 2 "$?"
import "$W/none.csv"
check_eq "a missing file fails" 1 "$RC"
expect_err "… saying so" "$W/none.csv: cannot open"

# ---------------------------------------------------------------- the CSV
import "$CSV"
check_eq "the sample CSV imports" 0 "$RC"
[ "$RC" = 0 ] || note "$(head -c 2000 "$W/err")"
expect_out "… says what it did" "6 entries: 5 published, 1 draft"
expect_out "… each published entry's number by its line" "$CSV:2: 008213401/2026-00010"
check_eq "… six entries more" 21 "$(sql "SELECT COUNT(*) FROM cat_entry")"
T1='关于印发《郫都区政府采购内部控制办法》的通知'
T2='《郫都区政府采购内部控制办法》政策解读'
T3='区财政局2027年部门预算编制工作方案'
T4='区财政局政府采购意向公开（第四季度）'
T5='关于联合开展校园食品安全专项检查的通知'
T6='区财政局内部控制评价工作底稿'
check_eq "… the old system's number kept" 008213401/2026-00010 "$(no_of "$T1")"
check_eq "… the next of its body after it" 008213401/2026-00011 "$(no_of "$T2")"
check_eq "… and the next" 008213401/2026-00012 "$(no_of "$T3")"
check_eq "… the draft has none" NULL "$(no_of "$T4")"
check_eq "… a joint entry numbered by its lead body (fixture: 803 next 3)" 008213403/2026-00003 \
	"$(no_of "$T5")"
check_eq "… the 不予公开 entry numbered too" 008213401/2026-00013 "$(no_of "$T6")"
expect_out "… its line printed with it (after a two-line record)" "$CSV:5: 008213401/2026-00012"
check_eq "… 801's 2026 sequence moved past them" 14 \
	"$(sql "SELECT next FROM cat_index_seq WHERE body_id = 801 AND year = 2026")"
check_eq "… states" "draft 1 published 5" \
	"$(sql "SELECT GROUP_CONCAT(CONCAT(state, ' ', n) ORDER BY state SEPARATOR ' ') FROM (SELECT state, COUNT(*) n FROM cat_entry WHERE id > 15 GROUP BY state) s")"
check_eq "… published_at as given (a date alone: its midnight)" \
	"2026-10-09 10:00:00 2026-11-06 00:00:00" \
	"$(sql "SELECT CONCAT_WS(' ', (SELECT published_at FROM cat_entry WHERE title = '$T1'), (SELECT published_at FROM cat_entry WHERE title = '$T6'))")"
check_eq "… the draft unpublished" NULL \
	"$(sql "SELECT COALESCE(published_at, 'NULL') FROM cat_entry WHERE title = '$T4'")"
check_eq "… references resolved (body, category, theme, genre by code and name)" \
	"801 21 201 8 郫财发〔2026〕15号 2026-10-08 active valid" \
	"$(sql "SELECT CONCAT_WS(' ', body_id, category_id, theme_id, genre_id, doc_no, written_on, disclosure, validity) FROM cat_entry WHERE title = '$T1'")"
check_eq "… the quoted two-line text kept with its line end" 1 \
	"$(sql "SELECT LOCATE(CONCAT('部门：', CHAR(10), '现将'), content) > 0 FROM cat_entry WHERE title = '$T1'")"
check_eq "… a doubled quote is one" '预算编制实行"两上两下"程序。' \
	"$(sql "SELECT content FROM cat_entry WHERE title = '$T3'")"
check_eq "… the 解读 interprets the entry earlier in the file" "$(id_of "$T1") interprets" \
	"$(sql "SELECT CONCAT(related_id, ' ', kind) FROM cat_entry_link WHERE entry_id = '$(id_of "$T2")'")"
check_eq "… a related entry from the database (fixture 4)" "4 related" \
	"$(sql "SELECT CONCAT(related_id, ' ', kind) FROM cat_entry_link WHERE entry_id = '$(id_of "$T3")'")"
check_eq "… the joint body" 802 \
	"$(sql "SELECT GROUP_CONCAT(body_id) FROM cat_entry_body WHERE entry_id = '$(id_of "$T5")'")"
check_eq "… history by no one: an edit and a publication each, the draft an edit" \
	"11 0" \
	"$(sql "SELECT CONCAT(COUNT(*), ' ', COUNT(staff_id)) FROM cat_entry_version WHERE entry_id > 15")"
check_eq "… 4 more listed: 15 (the fixture's 11 and the four)" 15 "$(listed)"
check_eq "… the search index holds exactly the listed imported entries" \
	"$(sql "SELECT GROUP_CONCAT(id ORDER BY id) FROM cat_entry WHERE id > 15 AND state = 'published' AND disclosure <> 'none'")" \
	"$(sql "SELECT GROUP_CONCAT(DISTINCT entry_id ORDER BY entry_id) FROM cat_entry_gram")"
check_eq "… 内部控制 found in the two listed entries that have it (not the 不予公开 one)" \
	"$(id_of "$T1"),$(id_of "$T2")" \
	"$(sql "SELECT GROUP_CONCAT(g1.entry_id ORDER BY g1.entry_id) FROM cat_entry_gram g1 JOIN cat_entry_gram g2 ON g2.entry_id = g1.entry_id AND g2.gram = '部控' JOIN cat_entry_gram g3 ON g3.entry_id = g1.entry_id AND g3.gram = '控制' WHERE g1.gram = '内部'")"
check_eq "… the 文号 indexed" 1 \
	"$(sql "SELECT COUNT(*) FROM cat_entry_gram WHERE gram = '郫财' AND entry_id = '$(id_of "$T1")'")"
check_eq "… nothing of the 不予公开 entry and the draft" 0 \
	"$(sql "SELECT COUNT(*) FROM cat_entry_gram WHERE entry_id IN ('$(id_of "$T4")', '$(id_of "$T6")')")"

# ---------------------------------------------------------------- the XML
import "$XML"
check_eq "the sample XML imports" 0 "$RC"
[ "$RC" = 0 ] || note "$(head -c 2000 "$W/err")"
expect_out "… says what it did" "3 entries: 3 published, 0 drafts"
X1='关于印发《郫都区中小学课后服务管理办法》的通知'
X2='关于印发《郫都区中小学课后服务暂行办法》的通知'
X3='《郫都区中小学课后服务管理办法》政策解读'
check_eq "… the old numbers kept" "008213402/2026-00020 008213402/2024-00007" \
	"$(no_of "$X1") $(no_of "$X2")"
check_eq "… the next after 20 (the fixture's sequence was at 4)" 008213402/2026-00021 \
	"$(no_of "$X3")"
expect_out "… printed by its <entry>'s line" "$XML:41: 008213402/2026-00021"
check_eq "… the repealed entry replaced by the one before it in the file" \
	"repealed $(id_of "$X1") 2024-09-02 09:00:00" \
	"$(sql "SELECT CONCAT_WS(' ', validity, replaced_by, published_at) FROM cat_entry WHERE title = '$X2'")"
check_eq "… the 解读 interprets it" "$(id_of "$X1") interprets" \
	"$(sql "SELECT CONCAT(related_id, ' ', kind) FROM cat_entry_link WHERE entry_id = '$(id_of "$X3")'")"
check_eq "… related to fixture 9" "9 related" \
	"$(sql "SELECT CONCAT(related_id, ' ', kind) FROM cat_entry_link WHERE entry_id = '$(id_of "$X1")'")"
check_eq "… CDATA and character references as text" \
	"一、适用范围：全区公办中小学 & 民办学校。|二、收费标准：按《办法》第十条执行 & 公示。" \
	"$(sql "SELECT REPLACE(content, CHAR(10), '|') FROM cat_entry WHERE title = '$X3'")"
check_eq "… 2024's sequence of 802 made past 7" 8 \
	"$(sql "SELECT next FROM cat_index_seq WHERE body_id = 802 AND year = 2024")"
check_eq "… 18 listed" 18 "$(listed)"
check_eq "… all three indexed" 3 \
	"$(sql "SELECT COUNT(DISTINCT g.entry_id) FROM cat_entry_gram g JOIN cat_entry e ON e.id = g.entry_id WHERE e.body_id = 802")"

# ---------------------------------------------------------------- refused
BEFORE=$(counts)
check_eq "… 24 entries in all" 24 "$(sql "SELECT COUNT(*) FROM cat_entry")"

import "$XML"
check_eq "the XML again fails" 1 "$RC"
expect_err "… its first number taken (line of its <entry>)" \
	"$XML:11: index_no: 008213402/2026-00020 is taken"
expect_err "… and its second" "$XML:27: index_no: 008213402/2024-00007 is taken"
expect_err "… nothing imported" "nothing imported"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

cp "$XML" "$W/sample.txt"
import "$W/sample.txt"
check_eq "a file named neither .xml nor .csv is read by its content" 1 "$RC"
expect_err "… as XML (the fault of its first <entry>)" "$W/sample.txt:11: index_no: 008213402/2026-00020 is taken"

{
	printf '\357\273\277title,doc_no,body,written_on,category,theme,genre,content\r\n'
	printf '好的一行,郫财发〔2026〕1号,008213401,2026-01-05,0201,0201,通知,正文\r\n'
	printf '文号用了方括号,郫财发[2026]1号,008213401,2026-01-05,0201,0201,通知,正文\r\n'
	printf '未知分类,,008213401,2026-01-05,9999,0201,通知,正文\r\n'
	printf '不是叶子的分类,,008213401,2026-01-05,03,0201,通知,正文\r\n'
	printf '未知机关,,000000000,2026-01-05,0201,0201,通知,正文\r\n'
	printf ',,008213401,2026-01-05,0201,0201,通知,没有标题\r\n'
	printf '编码错误,,008213401,2026-01-05,0201,0201,通知,\300\257坏\r\n'
	printf '没有的日子,,008213401,2026-02-30,0201,0201,通知,正文\r\n'
} >"$W/bad.csv"
import "$W/bad.csv"
check_eq "a CSV with seven bad lines fails" 1 "$RC"
expect_err "… line 3: the 文号 in []" "$W/bad.csv:3: doc_no: not a 文号 like 郫府发〔2026〕12号"
expect_err "… line 4: an unknown category" "$W/bad.csv:4: category: \"9999\": no such code"
expect_err "… line 5: a category that is not a leaf" "$W/bad.csv:5: category: \"03\": not a leaf"
expect_err "… line 6: an unknown body" \
	"$W/bad.csv:6: body: \"000000000\": no issuing body with this organisation code"
expect_err "… line 7: no title" "$W/bad.csv:7: title: required"
expect_err "… line 8: invalid UTF-8" "$W/bad.csv:8: content: not valid UTF-8"
expect_err "… line 9: 2026-02-30" "$W/bad.csv:9: written_on: not a date"
check_eq "… no fault for the good line" 0 "$(grep -c "^$W/bad.csv:2:" "$W/err")"
expect_err "… seven faults, nothing imported" "$W/bad.csv: 7 faults; nothing imported"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

{
	printf 'index_no,title,body,written_on,category,theme,genre,interprets\n'
	printf ',先写的解读,008213401,2026-01-05,0202,0201,解读,008213401/2026-00030\n'
	printf '008213401/2026-00030,后写的政策,008213401,2026-01-04,0201,0201,通知,\n'
	printf '008213402/2026-00031,别的机关的号,008213401,2026-01-04,0201,0201,通知,\n'
	printf '008213401/2026-00032,重复的号,008213401,2026-01-04,0201,0201,通知,\n'
	printf '008213401/2026-00032,重复的号二,008213401,2026-01-04,0201,0201,通知,\n'
} >"$W/order.csv"
import "$W/order.csv"
check_eq "an entry naming one later in the file fails" 1 "$RC"
expect_err "… at its line" \
	"$W/order.csv:2: interprets: no entry with the index number 008213401/2026-00030, in the database or earlier in the file"
expect_err "… an index number of another body" \
	"$W/order.csv:4: index_no: 008213402/2026-00031 does not begin with the issuing body's code 008213401"
expect_err "… an index number twice in the file" \
	"$W/order.csv:6: index_no: 008213401/2026-00032 already on line 5"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

# Checked and right, then refused half-way by the database's own rule:
# the first entry takes the year's last number, the second needs the
# next; the first is rolled back with it.
{
	printf 'index_no,published_at,title,body,written_on,category,theme,genre\n'
	printf '008213401/2026-99999,2026-12-01,最后一个号,008213401,2026-11-30,0201,0201,通知\n'
	printf ',2026-12-02,号用完了,008213401,2026-12-01,0201,0201,通知\n'
} >"$W/full.csv"
import "$W/full.csv"
check_eq "a year's numbers used up half-way fails" 1 "$RC"
expect_err "… at the line refused" "$W/full.csv:3: index_no: the index number is of another body or taken, or the year's numbers are used up"
check_eq "… the entry before it rolled back too" 0 \
	"$(sql "SELECT COUNT(*) FROM cat_entry WHERE title IN ('最后一个号', '号用完了')")"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

{
	printf 'title,body,written_on,category,theme,genre\n'
	printf '引号"在中间,008213401,2026-01-05,0201,0201,通知\n'
	printf '"引号后有字"多,008213401,2026-01-05,0201,0201,通知\n'
	printf '一,二,三,四,五,六,七\n'
	printf '"没有闭合的引号,008213401,2026-01-05,0201,0201,通知\n'
} >"$W/syntax.csv"
import "$W/syntax.csv"
check_eq "a CSV with broken records fails" 1 "$RC"
expect_err "… a quote inside an unquoted field" "$W/syntax.csv:2: a quote inside an unquoted field"
expect_err "… text after a quoted field" "$W/syntax.csv:3: text after a quoted field"
expect_err "… too many fields" "$W/syntax.csv:4: more than 6 fields"
expect_err "… a quote never closed" "$W/syntax.csv:5: a quoted field is not closed"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

printf 'title,colour\n红色,red\n' >"$W/column.csv"
import "$W/column.csv"
check_eq "an unknown column fails" 1 "$RC"
expect_err "… named on line 1" "$W/column.csv:1: unknown column \"colour\""

cat >"$W/bad.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<catalogue>
  <entry>
    <title>颜色不对</title>
    <colour>red</colour>
    <body>008213401</body>
    <written_on>2026-01-05</written_on>
    <category>0201</category><theme>0201</theme><genre>通知</genre>
  </entry>
  <entry>
    <title>主题不对</title>
    <body>008213401</body>
    <written_on>2026-01-05</written_on>
    <category>0201</category>
    <theme>02</theme>
    <genre>没有这种</genre>
    <validity>repealed</validity>
  </entry>
</catalogue>
EOF
import "$W/bad.xml"
check_eq "an XML file with two bad entries fails" 1 "$RC"
expect_err "… an unknown element, at its <entry>'s line" "$W/bad.xml:3: colour: no such field"
expect_err "… a theme of the first level, at the second <entry>'s line" \
	"$W/bad.xml:10: theme: \"02\": not a theme of the second level"
expect_err "… an unknown genre" "$W/bad.xml:10: genre: \"没有这种\": no genre of this name"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

printf '<?xml version="1.0"?>\n<catalogue>\n  <entry>\n    <title>未闭合</titel>\n  </entry>\n</catalogue>\n' \
	>"$W/broken.xml"
import "$W/broken.xml"
check_eq "XML that is not well-formed fails" 1 "$RC"
expect_err "… at its line" "$W/broken.xml:4: not well-formed XML"

printf 'secret-%s\n' "$$" >"$W/secret.txt"
cat >"$W/entity.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalogue [
  <!ENTITY leak SYSTEM "file://$W/secret.txt">
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
]>
<catalogue>
  <entry>
    <title>&leak;&a;</title>
    <body>008213401</body>
    <written_on>2026-01-05</written_on>
    <category>0201</category><theme>0201</theme><genre>通知</genre>
  </entry>
</catalogue>
EOF
import "$W/entity.xml"
check_eq "XML with a DTD and an external entity fails" 1 "$RC"
expect_err "… the DTD refused" "document type declaration (<!DOCTYPE>) is not accepted"
check_eq "… the file it names never read into any output" 0 \
	"$(cat "$W/out" "$W/err" | grep -c "secret-$$")"
check_eq "… nor into the database" 0 \
	"$(sql "SELECT COUNT(*) FROM cat_entry WHERE title LIKE '%secret-%'")"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

# One entry too many (each without a body: a fault found without the database).
{ echo title; for i in $(seq 1 10001); do echo "第${i}条"; done; } >"$W/many.csv"
import "$W/many.csv"
check_eq "a file of 10001 entries fails" 1 "$RC"
expect_err "… at the line of the one too many" "$W/many.csv:10002: more than 10000 entries in one file"
expect_err "… its faults counted, the first 100 listed" "faults, the first 100 listed; nothing imported"
check_eq "… 100 listed, and the one too many" 101 "$(grep -c "^$W/many.csv:[0-9]*: " "$W/err")"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

# One byte over 32 MB (IMP_MAX_FILE), refused before it is read.
truncate -s $((32 * 1024 * 1024 + 1)) "$W/big.csv"
import "$W/big.csv"
check_eq "a file over 32 MB fails" 1 "$RC"
expect_err "… saying why" "$W/big.csv: larger than 33554432 bytes"
check_eq "… and nothing changed" "$BEFORE" "$(counts)"

check_eq "the fixture's listed count and the imports' still 18 by SQL" 18 "$(listed)"

finish
