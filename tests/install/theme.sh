#!/bin/bash
# theme.sh: the second theme, examples/themes/county-portal, swapped in for
# xslt/layout.xsl alone (lib.sh's CIVIC_THEME: the programs read a copy of
# xslt/ with the theme's layout.xsl and CSS).  Every program renders its
# pages through nginx with the theme's frame (banner, navigation, footer
# with the ICP line and the 政府网站标识码); then the default layout.xsl is
# put back, the programs reload (SIGHUP), and each page's <main> must be
# what it was under the theme: the feature stylesheets are unchanged and
# the theme lost none of their content.

. "$(dirname "$0")/../integration/lib.sh"

CIVIC_THEME=$top_srcdir/examples/themes/county-portal
civic_stack_up --workers 1
civic_program_start account --workers 1
ACCOUNT_PID=$PROGRAM_PID
civic_program_start mailbox --workers 1
MAILBOX_PID=$PROGRAM_PID
civic_program_start consult --workers 1
CONSULT_PID=$PROGRAM_PID
civic_program_start evaluate --workers 1
EVALUATE_PID=$PROGRAM_PID
civic_program_start prereview --workers 1
PREREVIEW_PID=$PROGRAM_PID
civic_program_start catalogue --workers 1
CATALOGUE_PID=$PROGRAM_PID

ADMIN_PW='county portal theme 2026'
printf '%s\n' "$ADMIN_PW" | "$CIVICCTL" --config "$CIVIC_T/civic.conf" add-user \
	--staff-no 10000001 --name 管理员 --department 000 --department-name 县政府办公室 \
	--roles admin >"$CIVIC_T/adduser.log" 2>&1 || {
	show_log "$CIVIC_T/adduser.log"
	die "civicctl add-user failed"
}
JAR=$CIVIC_T/work/admin.jar
signin "$JAR" 10000001 "$ADMIN_PW"
expect_status "the admin signs in under the theme (303)" 303
# The consultation's pages with something on them: the demo's areas and
# published answers (sql/demo-consult.sql, on sql/demo-mailbox.sql's
# departments); the pre-review's items (sql/demo-prereview.sql, on the same
# departments), indexed for search as the demo does; the disclosure
# catalogue's entries (sql/demo-catalogue.sql, on the same departments).
for f in demo-mailbox demo-consult demo-evaluate demo-prereview demo-catalogue; do
	"$CIVICCTL" --config "$CIVIC_T/civic.conf" load "$top_srcdir/sql/$f.sql" \
		>>"$CIVIC_T/load.log" 2>&1 || {
		show_log "$CIVIC_T/load.log"
		die "civicctl load sql/$f.sql failed"
	}
done
"$CIVICCTL" --config "$CIVIC_T/civic.conf" reindex prereview >>"$CIVIC_T/load.log" 2>&1 || {
	show_log "$CIVIC_T/load.log"
	die "civicctl reindex prereview failed"
}
"$CIVICCTL" --config "$CIVIC_T/civic.conf" reindex catalogue >>"$CIVIC_T/load.log" 2>&1 || {
	show_log "$CIVIC_T/load.log"
	die "civicctl reindex catalogue failed"
}

# One page of every program, and the kinds of page the core makes (a form,
# an error page, English).  Each: PATH STATUS TEXT-OF-ITS-CONTENT.
PAGES=(
	"/demo/ 200 城区公交线路什么时候调整"
	"/demo/new 200 name=\"title\""
	"/demo/m/1 200 老年卡"
	"/demo/?lang=en 200 lang=\"en\""
	"/demo/nowhere 404 404"
	"/account/signin 200 name=\"staff_no\""
	"/account/ 200 /account/departments"
	"/account/staff 200 10000001"
	"/mailbox/ 200 program-mailbox"
	"/consult/ 200 program-consult"
	"/consult/ask 200 name=\"subject\""
	"/consult/answers 200 身份证丢失怎么补办"
	"/consult/answers/2?lang=en 200 lang=\"en\""
	"/consult/desk 403 403"
	"/evaluate/ 200 program-evaluate"
	"/evaluate/results 200 县公安局"
	"/evaluate/results?lang=en 200 lang=\"en\""
	"/evaluate/supervise 403 403"
	"/prereview/ 200 program-prereview"
	"/prereview/items?q=%E6%96%BD%E5%B7%A5 200 建筑工程施工许可"
	"/prereview/item/510124000000-XK-0009 200 并联审批"
	"/prereview/item/510124000000-XK-0009/apply 200 name=\"consent\""
	"/prereview/?lang=en 200 lang=\"en\""
	"/prereview/board 403 403"
	"/catalogue/ 200 program-catalogue"
	"/catalogue/list?category=40101 200 部门预算"
	"/catalogue/list?q=%E6%89%AC%E5%B0%98 200 “扬尘”的检索结果"
	"/catalogue/e/30 200 ce-banner-repealed"
	"/catalogue/e/95 200 郫财发〔2025〕6号"
	"/catalogue/report?year=2025 200 2025年政府信息公开工作年度报告"
	"/catalogue/?lang=en 200 lang=\"en\""
	"/catalogue/staff/entries 403 403"
)

# The <main> element of the last body, hidden inputs' values (fresh form
# keys, and the signed form time of the consultation's form, on every
# page) left out.
main_of() {
	tr -d '\n' <"$BODY" | sed -n 's:.*\(<main id="main".*</main>\).*:\1:p' |
		sed -E 's/(<input type="hidden" name="(idem|issued|sig)" value=")[^"]*"/\1"/g'
}

i=0
for p in "${PAGES[@]}"; do
	read -r path status text <<<"$p"
	http GET "$path" -b "$JAR"
	expect_status "county-portal $path: $status" "$status"
	expect_body_contains "… its content" "$text"
	expect_body_contains "… the theme's banner with the county's name" \
		'<a class="portal-name" href="/">示范县人民政府</a>'
	expect_body_contains "… the theme's navigation" '<nav class="portal-nav"'
	expect_body_contains "… the theme's CSS" 'href="/civic-static/static/county-portal.css"'
	expect_body_contains "… the footer's ICP registration" 'X ICP备00000000号-1'
	expect_body_contains "… the footer's 政府网站标识码" '政府网站标识码：0000000000'
	expect_body_lacks "… not the default header" 'class="site-header"'
	main_of >"$CIVIC_T/work/theme-$i.main"
	[ -s "$CIVIC_T/work/theme-$i.main" ] || fail "county-portal $path: no <main id=\"main\">"
	i=$((i + 1))
done

http GET /account/ -b "$JAR"
expect_body_contains "the staff bar is in the theme's page" '<nav class="staff-bar"'
http GET /demo/?lang=en
expect_body_contains "the theme's own words follow the language" 'Welcome to 示范县人民政府 portal'
# Each feature adds its own section to the stylesheets: a rule cut in
# two (by a merge, say) leaves a block open and every rule after it
# lost, which no page check sees.  Each stylesheet's blocks must close,
# outside comments.
for css in "$top_srcdir/xslt/static/civic.css" \
    "$top_srcdir/examples/themes/county-portal/county-portal.css"; do
	check_eq "$(basename "$css"): every { is closed, none closed twice" "0 0" \
		"$(sed 's:/\*.*\*/::g' "$css" | awk '
			/\/\*/ { c = 1 } c && /\*\// { c = 0; next } c { next }
			{ n = gsub(/{/, "{"); m = gsub(/}/, "}"); d += n - m; if (d < 0) neg++ }
			END { print d + 0, neg + 0 }')"
done
http GET /civic-static/static/county-portal.css
expect_status "nginx serves the theme's CSS" 200
expect_body_contains "… the theme's rules" '.portal-banner'

# Back to the default layout: the same pages, the same content.
cp "$top_srcdir/xslt/layout.xsl" "$CIVIC_T/xslt/layout.xsl"
kill -HUP "$DEMO_PID" "$ACCOUNT_PID" "$MAILBOX_PID" "$CONSULT_PID" "$EVALUATE_PID" "$PREREVIEW_PID" \
	"$CATALOGUE_PID"
reloaded() {
	local u
	for u in /demo/ /account/signin /mailbox/ /consult/ask /evaluate/ /prereview/ /catalogue/; do
		http GET "$u"
		grep -q 'class="site-header"' "$BODY" || return 1
	done
}
check "after SIGHUP every program renders with the default layout" wait_for 20 reloaded

i=0
for p in "${PAGES[@]}"; do
	read -r path status text <<<"$p"
	http GET "$path" -b "$JAR"
	expect_status "default $path: $status" "$status"
	expect_body_lacks "… without the theme" 'portal-banner'
	main_of >"$CIVIC_T/work/default-$i.main"
	if cmp -s "$CIVIC_T/work/theme-$i.main" "$CIVIC_T/work/default-$i.main"; then
		pass "… its <main> is the same under both layouts"
	else
		fail "… its <main> differs between the layouts: $(diff "$CIVIC_T/work/theme-$i.main" \
			"$CIVIC_T/work/default-$i.main" | head -c 400)"
	fi
	i=$((i + 1))
done

finish
