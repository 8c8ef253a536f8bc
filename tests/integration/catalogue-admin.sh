#!/bin/bash
# catalogue-admin.sh: the office keeps the catalogue tree, the theme tree
# and the issuing bodies (modules/catalogue/admin.c), on the fixed test
# catalogue (catalogue-fixture.sql), through nginx.
#   The tree's page shows each node's count of entries under it (all
#   states), checked against plain SQL and the fixture's hand counts.
#   Adding a node (at the top, under a parent), renaming, sorting,
#   deactivating and reactivating, moving a subtree (codes, depths and
#   closure rewritten), deleting an unused node: each effect by SQL, and
#   after every change the closure table equals the closure a recursive
#   CTE computes from parent_id.
#   Refused beside their field: a cycle, a tree too deep, a child under a
#   node with entries, a code off the rule, a duplicate code; deleting a
#   node with entries or children; a change made on an old view (a lost
#   race) answers the conflict message, never a 500.
#   Themes: add, rename, deactivate, delete an unused one; a used one not.
#   Bodies: add with a code checked by GB 11714; a duplicate code, a bad
#   check character, and a code change of a body with published entries
#   refused; a body without any may change it.
#   A clerk gets 403 on every route; a POST without its CSRF token
#   changes nothing; the pages in English; every page fetched is valid
#   against page.rng; the audit log has a line a change.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work
CTL() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
CTL load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.log" 2>&1 ||
	die "loading the fixture failed: $(tail -n 5 "$W/load.log")"
CTL reindex catalogue >"$W/reindex.log" 2>&1 || die "reindex failed: $(tail -n 5 "$W/reindex.log")"
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' "$CIVIC_T/civic.conf"
civic_program_start catalogue --workers 1
civic_program_start account --workers 1

PW='catalogue admin 2026'
civic_add_staff "$PW" 70000001 目录管理员 cat-office 县政务公开办 office
civic_add_staff "$PW" 70000002 财政局文员 cat-finance '' clerk
OFFICE=$W/office.jar CLERK=$W/clerk.jar
signin "$OFFICE" 70000001 "$PW"
expect_status "the office signs in" 303
signin "$CLERK" 70000002 "$PW"
expect_status "a clerk signs in" 303

M=/catalogue
# view NAME PATH: the page as XML, 200 and valid.
view() {
	local sep='?'
	case $2 in *\?*) sep='&' ;; esac
	http GET "$M$2${sep}format=xml" -b "$OFFICE" -c "$OFFICE"
	expect_status "$1 (200)" 200
	valid "$1 is valid"
}
value() { tr -d '\n' <"$BODY" | sed -n "s:.*<value name=\"$1\">\([^<]*\)</value>.*:\1:p"; }
# keys PATH: the CSRF token, idempotency key and stamp of PATH's page.
keys() {
	http GET "$M$1?format=xml" -b "$OFFICE" -c "$OFFICE"
	CSRF=$(xml csrf)
	IDEM=$(xml idem)
	STAMP=$(xml stamp)
}
# post PATH FIELD=VALUE...: a POST of the office from PATH's page (its
# keys and stamp unless given), the answer as XML.
post() {
	local path=$1 kv args=() first
	shift
	keys "$path"
	first=("csrf=$CSRF" "idem=$IDEM")
	case " $* " in *" stamp="*) ;; *) first+=("stamp=$STAMP") ;; esac
	for kv in "${first[@]}" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	http POST "$M$path" -b "$OFFICE" -c "$OFFICE" -H 'Accept: application/xml' "${args[@]}"
}
# refused NAME FIELD KEY: a 422 with KEY beside FIELD (empty: above the
# form), what was typed kept, the page valid.
refused() {
	expect_status "$1: refused (422)" 422
	if [ -n "$2" ]; then
		expect_body_contains "$1: the message beside $2" "<error field=\"$2\" key=\"$3\""
	else
		expect_body_contains "$1: the message" "key=\"$3\""
	fi
	valid "$1: the refused page is valid"
}
cid() { sql "SELECT id FROM cat_category WHERE code = '$1'"; }
# closure NAME: the closure table is exactly the transitive closure of
# parent_id (a recursive CTE), and depths and codes follow parent_id.
closure() {
	local got
	got=$(sql "WITH RECURSIVE t (a, d, n) AS (SELECT id, id, 0 FROM cat_category
		UNION ALL SELECT t.a, c.id, t.n + 1 FROM t JOIN cat_category c ON c.parent_id = t.d)
		SELECT CONCAT((SELECT COUNT(*) FROM t), ' ', (SELECT COUNT(*) FROM cat_category_path),
		' ', (SELECT COUNT(*) FROM t JOIN cat_category_path p ON p.ancestor_id = t.a
		AND p.descendant_id = t.d AND p.depth = t.n))")
	set -- "$1" $got
	if [ "$2" = "$3" ] && [ "$3" = "$4" ]; then
		pass "$1: the closure table is the recursive CTE's ($2 paths)"
	else
		fail "$1: closure: CTE $2 rows, table $3 rows, $4 in common"
	fi
	check_eq "$1: depths and codes follow the parents" 0 "$(sql "SELECT COUNT(*)
		FROM cat_category c LEFT JOIN cat_category p ON p.id = c.parent_id
		WHERE c.depth <> IFNULL(p.depth, 0) + 1 OR LENGTH(c.code) <> 2 * c.depth
		OR c.code NOT LIKE CONCAT(IFNULL(p.code, ''), '__')")"
}
sqls() { sql "$1" | tr '\t' ' '; }
audits() { sql "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'catalogue.$1'"; }

[ -n "${XMLLINT:-}" ] || find_tool XMLLINT xmllint libxml2-utils
closure "the fixture"

# ---- the catalogue tree with its counts
view "the catalogue tree" /staff/categories
# count CODE: the count of entries under node CODE on the page.
count() { "$XMLLINT" --xpath "string(/page/categories/category[code = '$1']/entries)" "$BODY"; }
cnt() { sql "SELECT COUNT(*) FROM cat_category_path p JOIN cat_entry e ON e.category_id =
	p.descendant_id JOIN cat_category c ON c.id = p.ancestor_id WHERE c.code = '$1'"; }
# The fixture's comment counts listed entries; the office sees all 15:
# add 6 and 7 (0302 政府采购), 10 (0102), 15 (0101).
for pair in 01:5 0101:4 0102:1 02:6 0201:5 0202:1 03:4 0301:2 030101:1 030102:1 0302:2; do
	code=${pair%%:*} n=${pair#*:}
	check_eq "node $code: $n entries by hand" "$n" "$(count "$code")"
	check_eq "node $code: the page's count is SQL's" "$(cnt "$code")" "$(count "$code")"
done
check_eq "all 15 entries under the top nodes" 15 "$(sql "SELECT COUNT(*) FROM cat_entry")"

# ---- adding
N0=$(sql "SELECT COUNT(*) FROM cat_category")
post /staff/categories code=04 name=公共服务 sort=40
expect_status "a top node added (303)" 303
check_eq "04 is at the top, depth 1" "NULL 1 公共服务 40 1" \
	"$(sqls "SELECT IFNULL(parent_id, 'NULL'), depth, name, sort, active FROM cat_category WHERE code = '04'")"
closure "after adding 04"
N04=$(cid 04)
post /staff/categories parent="$N04" code=0401 name=教育服务 sort=10
expect_status "a child of 04 added (303)" 303
check_eq "0401 under 04, depth 2" "$N04 2" \
	"$(sqls "SELECT parent_id, depth FROM cat_category WHERE code = '0401'")"
closure "after adding 0401"
post /staff/categories parent="$(cid 0401)" code=040101 name=招生入学
expect_status "a third level added (303)" 303
closure "after adding 040101"
check_eq "three nodes added" $((N0 + 3)) "$(sql "SELECT COUNT(*) FROM cat_category")"
check_eq "an audit line an addition" 3 "$(audits category.add)"

post /staff/categories parent="$(cid 040101)" code=04010101 name=太深
refused "a fourth level" parent catalogue.admin.parent.deep
expect_body_contains "a fourth level: what was typed kept" '<value name="name">太深</value>'
post /staff/categories parent="$(cid 0302)" code=030201 name=采购意向
refused "a child under 0302, which has entries" parent catalogue.admin.parent.entries
post /staff/categories parent="$N04" code=0501 name=错码
refused "a code not the parent's and two digits" code catalogue.admin.code.rule
post /staff/categories code=4 name=短码
refused "a top code of one character" code v.short
post /staff/categories parent="$N04" code=0401 name=重复
refused "a duplicate code" code catalogue.admin.code.taken
check_eq "nothing added by the refusals" $((N0 + 3)) "$(sql "SELECT COUNT(*) FROM cat_category")"
closure "after the refused additions"

# ---- rename, sort, deactivate, reactivate
N0102=$(cid 0102)
view "a node's page" "/staff/category/$N0102"
post "/staff/category/$N0102" do=save name=领导简介 sort=5
expect_status "0102 renamed, sorted, deactivated (303)" 303
check_eq "0102: new name and sort, inactive" "领导简介 5 0" \
	"$(sqls "SELECT name, sort, active FROM cat_category WHERE id = $N0102")"
closure "after deactivating 0102"
check_eq "0102's entry stays on it" 1 "$(sql "SELECT COUNT(*) FROM cat_entry WHERE category_id = $N0102")"
post "/staff/category/$N0102" do=save name=领导信息 sort=20 active=1
expect_status "0102 reactivated (303)" 303
check_eq "0102: active again" "领导信息 20 1" \
	"$(sqls "SELECT name, sort, active FROM cat_category WHERE id = $N0102")"
view "the node's page after saving" "/staff/category/$N0102?done=saved"
expect_body_contains "the page says it was saved" 'catalogue.admin.done.saved'
check_eq "an audit line a save" 2 "$(audits category.save)"

# A lost race: the form of an old view.
keys "/staff/category/$N0102"
OLD=$STAMP
post "/staff/category/$N0102" do=save name=甲改 sort=20 active=1
expect_status "a first edit (303)" 303
post "/staff/category/$N0102" do=save name=乙改 sort=20 active=1 "stamp=$OLD"
refused "an edit on an old view" "" catalogue.admin.conflict
check_eq "the first edit kept" 甲改 "$(sql "SELECT name FROM cat_category WHERE id = $N0102")"
post "/staff/category/$N0102" do=move new_code=0402 parent="$N04" "stamp=$OLD"
refused "a move on an old view" "" catalogue.admin.conflict
# Two office members send the same view's form at once: one wins, the
# other is told, neither is a 500.
keys "/staff/category/$N0102"
RACE=()
for who in 1 2; do
	"$CURL" -sS -o "$W/race$who.body" -w '%{http_code}' -b "$OFFICE" -H 'Accept: application/xml' \
		--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM$who" \
		--data-urlencode "stamp=$STAMP" --data-urlencode do=save \
		--data-urlencode "name=并发$who" --data-urlencode sort=20 --data-urlencode active=1 \
		"$BASE$M/staff/category/$N0102" >"$W/race$who.status" &
	RACE+=($!)
done
wait "${RACE[@]}"
check_eq "of two at once, one saved and one told" "303 422" \
	"$(printf '%s\n%s\n' "$(cat "$W/race1.status")" "$(cat "$W/race2.status")" | sort | tr '\n' ' ' | sed 's/ $//')"
check "the one told has the conflict message" grep -q 'key="catalogue.admin.conflict"' \
	"$W/race1.body" "$W/race2.body"
post "/staff/category/$N0102" do=save name= sort=1
refused "a save without a name" name v.required

# ---- moving
N03=$(cid 03) N0301=$(cid 0301)
post "/staff/category/$N03" do=move parent="$N0301" new_code=030103
refused "03 under its own child" parent catalogue.admin.parent.cycle
post "/staff/category/$N03" do=move parent="$N03" new_code=0303
refused "03 under itself" parent catalogue.admin.parent.cycle
post "/staff/category/$N0301" do=move parent="$(cid 0401)" new_code=040102
refused "0301 (with children) under a second level" parent catalogue.admin.parent.deep
post "/staff/category/$N0301" do=move parent="$(cid 0201)" new_code=020101
refused "0301 under 0201, which has entries" parent catalogue.admin.parent.entries
post "/staff/category/$N0301" do=move parent="$N04" new_code=0401
refused "0301 to a code taken" new_code catalogue.admin.code.taken
post "/staff/category/$N0301" do=move parent="$N04" new_code=0501
refused "0301 to a code not under 04" new_code catalogue.admin.code.rule
closure "after the refused moves"

post "/staff/category/$N0301" do=move parent="$N04" new_code=0402
expect_status "0301 and its subtree moved under 04 as 0402 (303)" 303
check_eq "the subtree's codes and depths rewritten" "0402 2,040201 3,040202 3" \
	"$(sql "SELECT GROUP_CONCAT(CONCAT(code, ' ', depth) ORDER BY code) FROM cat_category
		WHERE id IN ($N0301, 311, 312)")"
check_eq "0402's parent is 04" "$N04" "$(sql "SELECT parent_id FROM cat_category WHERE id = $N0301")"
closure "after moving 0301 under 04"
view "the tree after the move" /staff/categories
check_eq "04 counts the moved entries" 2 "$(count 04)"
check_eq "03 counts only 0302's now" 2 "$(count 03)"
check_eq "the moved entries keep their leaves" 2 \
	"$(sql "SELECT COUNT(*) FROM cat_entry WHERE category_id IN (311, 312)")"

post "/staff/category/$N0301" do=move parent= new_code=05
expect_status "0402 moved to the top as 05 (303)" 303
check_eq "05 at the top, its children 0501 0502 at depth 2" "05 1,0501 2,0502 2" \
	"$(sql "SELECT GROUP_CONCAT(CONCAT(code, ' ', depth) ORDER BY code) FROM cat_category
		WHERE id IN ($N0301, 311, 312)")"
closure "after moving 0402 to the top"
post "/staff/category/$N0301" do=move parent="$N03" new_code=0301
expect_status "05 moved back under 03 as 0301 (303)" 303
closure "after moving 05 back"
check_eq "an audit line a move" 3 "$(audits category.move)"

# ---- deleting
post "/staff/category/$(cid 0102)" do=delete
refused "deleting 0102, which has an entry" "" catalogue.admin.delete.entries
post "/staff/category/$N04" do=delete
refused "deleting 04, which has children" "" catalogue.admin.delete.children
N040101=$(cid 040101)
post "/staff/category/$N040101" do=delete
expect_status "040101 deleted (303)" 303
check_eq "040101 gone with its paths" "0 0" "$(sql "SELECT (SELECT COUNT(*) FROM cat_category
	WHERE id = $N040101), (SELECT COUNT(*) FROM cat_category_path WHERE $N040101 IN
	(ancestor_id, descendant_id))" | tr '\t' ' ')"
closure "after deleting 040101"
post "/staff/category/$(cid 0401)" do=delete
expect_status "0401 deleted (303)" 303
post "/staff/category/$N04" do=delete
expect_status "04 deleted (303)" 303
closure "after deleting 04"
check_eq "the tree is the fixture's again" "$N0" "$(sql "SELECT COUNT(*) FROM cat_category")"
check_eq "an audit line a deletion" 3 "$(audits category.delete)"
http GET "$M/staff/category/$N04?format=xml" -b "$OFFICE"
expect_status "a deleted node's page is 404" 404
http GET "$M/staff/category/99999999999?format=xml" -b "$OFFICE"
expect_status "an unknown node is 404" 404
keys /staff/categories
for d in save move delete; do
	http POST "$M/staff/category/4000000000" -b "$OFFICE" -H 'Accept: application/xml' \
		--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM$d" --data-urlencode do=$d \
		--data-urlencode name=无 --data-urlencode new_code=09 \
		--data-urlencode stamp=00000000000000000000000000000000
	expect_status "$d of an unknown node is 404" 404
done
post "/staff/category/$N03" do=move parent=4000000000 new_code=0901
refused "a move under a node that does not exist" parent catalogue.admin.parent.gone
http GET "$M/staff/categories?done=junk&after=x&format=xml" -b "$OFFICE"
expect_status "junk in the query string is no error" 200

# ---- themes
view "the theme tree" /staff/themes
tcount() { "$XMLLINT" --xpath "string(/page/themes/theme[code = '$1']/entries)" "$BODY"; }
# By hand, all states: 0101 8 10; 0102 12; 0201 1-7 11; 0301 9 13 14 15.
for pair in 01:3 0101:2 0102:1 02:8 0201:8 03:4 0301:4; do
	code=${pair%%:*} n=${pair#*:}
	check_eq "theme $code: $n entries by hand" "$n" "$(tcount "$code")"
done
check_eq "theme 02: the page's count is SQL's" "$(sql "SELECT COUNT(*) FROM cat_entry e
	JOIN cat_theme t ON t.id = e.theme_id WHERE t.code LIKE '02%'")" "$(tcount 02)"
post /staff/themes code=04 name=教育 sort=40
expect_status "a first-level theme added (303)" 303
T04=$(sql "SELECT id FROM cat_theme WHERE code = '04'")
post /staff/themes parent="$T04" code=0401 name=基础教育
expect_status "a second-level theme added (303)" 303
T0401=$(sql "SELECT id FROM cat_theme WHERE code = '0401'")
check_eq "0401 under 04" "$T04" "$(sql "SELECT parent_id FROM cat_theme WHERE id = $T0401")"
post /staff/themes parent="$T0401" code=040101 name=第三级
refused "a third theme level" parent catalogue.admin.theme.parent
post /staff/themes parent="$T04" code=0101 name=错码
refused "a theme code off the rule" code catalogue.admin.code.rule
post /staff/themes code=01 name=重复
refused "a duplicate theme code" code catalogue.admin.code.taken
view "a theme's page" "/staff/theme/$T0401"
post "/staff/theme/$T0401" do=save name=义务教育 sort=3
expect_status "0401 renamed, deactivated (303)" 303
check_eq "0401: name, sort, inactive" "义务教育 3 0" \
	"$(sqls "SELECT name, sort, active FROM cat_theme WHERE id = $T0401")"
post "/staff/theme/201" do=delete
refused "deleting theme 0201, which has entries" "" catalogue.admin.delete.entries
post "/staff/theme/$T04" do=delete
refused "deleting theme 04, which has a child" "" catalogue.admin.delete.children
keys "/staff/theme/$T0401"
OLD=$STAMP
post "/staff/theme/$T0401" do=save name=义务教育 sort=4 active=1
expect_status "0401 reactivated (303)" 303
post "/staff/theme/$T0401" do=delete "stamp=$OLD"
refused "deleting a theme on an old view" "" catalogue.admin.conflict
post "/staff/theme/$T0401" do=delete
expect_status "theme 0401 deleted (303)" 303
post "/staff/theme/$T04" do=delete
expect_status "theme 04 deleted (303)" 303
check_eq "the themes are the fixture's again" 7 "$(sql "SELECT COUNT(*) FROM cat_theme")"
check_eq "audit lines of themes (2 added, 2 saved, 2 deleted)" 6 "$(audits 'theme.%')"

# ---- issuing bodies
view "the issuing bodies" /staff/bodies
expect_body_contains "801's code shown" '<org_code>008213401</org_code>'
OFFICE_DEPT=$(sql "SELECT id FROM department WHERE code = 'cat-office'")
post /staff/bodies department="$OFFICE_DEPT" org_code=123456789
refused "a code whose check character is wrong" org_code catalogue.admin.body.code
post /staff/bodies department="$OFFICE_DEPT" org_code=12345678a
refused "a code in small letters" org_code catalogue.admin.body.code
post /staff/bodies department="$OFFICE_DEPT" org_code=123456788 sort=40
expect_status "a body added with a good code (303)" 303
check_eq "the body's code" 123456788 \
	"$(sql "SELECT org_code FROM cat_body WHERE department_id = $OFFICE_DEPT")"
post "/staff/body/$OFFICE_DEPT" org_code=008213406 sort=40
expect_status "a body without entries changes its code (303)" 303
check_eq "the body's new code" 008213406 \
	"$(sql "SELECT org_code FROM cat_body WHERE department_id = $OFFICE_DEPT")"
# GB 11714: a check of 10 is written X, of 11 written 0; letters are worth 10 to 35.
for code in 12345677X MA1234569 123456710; do
	post "/staff/body/$OFFICE_DEPT" org_code=$code sort=40
	expect_status "the good code $code accepted (303)" 303
	check_eq "the code is $code" $code \
		"$(sql "SELECT org_code FROM cat_body WHERE department_id = $OFFICE_DEPT")"
done
for code in 12345677Y MA1234568 123456711; do
	post "/staff/body/$OFFICE_DEPT" org_code=$code sort=40
	refused "the wrong check character of $code" org_code catalogue.admin.body.code
done
post "/staff/body/$OFFICE_DEPT" org_code=008213406 sort=40
expect_status "back to 008213406 (303)" 303
post "/staff/body/801" org_code=008213406 sort=10
refused "801 changing its code (it has published entries)" org_code catalogue.admin.body.published
check_eq "801's code kept" 008213401 "$(sql "SELECT org_code FROM cat_body WHERE department_id = 801")"
post "/staff/body/801" org_code=008213401 sort=15
expect_status "801's sort changed, its code kept (303)" 303
check_eq "801's sort" 15 "$(sql "SELECT sort FROM cat_body WHERE department_id = 801")"
N=$(sql "SELECT id FROM department WHERE id NOT IN (SELECT department_id FROM cat_body) LIMIT 1")
if [ -n "$N" ]; then
	post /staff/bodies department="$N" org_code=008213406
	refused "a duplicate body code" org_code catalogue.admin.body.taken
fi
view "a body's page" "/staff/body/801"
check_eq "audit lines of bodies (1 added, 6 saved)" 7 "$(audits 'body.%')"

# ---- a clerk: 403 on every route; no CSRF: refused
for p in /staff/categories "/staff/category/$N03" /staff/themes /staff/theme/1 /staff/bodies \
	/staff/body/801; do
	http GET "$M$p" -b "$CLERK"
	expect_status "a clerk: GET $p is 403" 403
	form_of "$CLERK" /account/signin
	http POST "$M$p" -b "$CLERK" --data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
		--data-urlencode do=delete --data-urlencode code=09 --data-urlencode name=x \
		--data-urlencode stamp=00000000000000000000000000000000
	expect_status "a clerk: POST $p is 403" 403
done
N0=$(sql "SELECT COUNT(*) FROM cat_category")
http POST "$M/staff/categories" -b "$OFFICE" --data-urlencode code=09 --data-urlencode name=无令牌
check "a POST without its CSRF token is refused ($STATUS)" test "$STATUS" = 403 -o "$STATUS" = 400
check_eq "and adds nothing" "$N0" "$(sql "SELECT COUNT(*) FROM cat_category")"

# ---- English
http GET "$M/staff/categories?lang=en" -b "$OFFICE"
expect_status "the tree in English (200)" 200
expect_body_contains "the tree's heading in English" 'Catalogue tree'
http GET "$M/staff/bodies?lang=en" -b "$OFFICE"
expect_body_contains "the bodies' heading in English" 'Issuing bodies'
http GET "$M/staff/category/$N03?lang=en" -b "$OFFICE"
expect_body_contains "a node's page in English" 'Move'
http GET "$M/staff/categories" -b "$OFFICE"
expect_body_contains "the tree in Chinese by default" '目录分类'
# Every word of every page has its message, in both languages.
for lang in zh-CN en; do
	for p in /staff/categories "/staff/category/$N03" "/staff/category/$(cid 0302)" /staff/themes \
		/staff/theme/1 /staff/theme/201 /staff/bodies /staff/body/801 "/staff/body/$OFFICE_DEPT"; do
		http GET "$M$p?lang=$lang" -b "$OFFICE"
		expect_status "$p in $lang (200)" 200
		expect_body_lacks "$p in $lang: no message key left untranslated" 'catalogue.admin.'
	done
done
# A refused form in HTML: the message beside its field, tied to it.
keys "/staff/category/$N03"
http POST "$M/staff/category/$N03?lang=en" -b "$OFFICE" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "stamp=$STAMP" --data-urlencode do=move \
	--data-urlencode parent="$N0301" --data-urlencode new_code=030103
expect_status "a refused move in HTML (422)" 422
expect_body_contains "the field's message is tied to it" 'aria-describedby="f-parent-hint f-parent-error"'
expect_body_contains "the message in English" 'A node cannot go under itself'
expect_body_lacks "no key left untranslated on the refused page" 'catalogue.admin.'

finish
