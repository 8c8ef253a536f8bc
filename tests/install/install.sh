#!/bin/bash
# install.sh: doc/webmaster.md followed literally, on a clean prefix.
#
# Each numbered step of the guide whose commands are a block marked
# "<!-- install.sh: NAME -->" is run here as the guide has it, with only the
# places moved into this suite's private directory:
#	/usr, /etc (--prefix, --sysconfdir)	$CIVIC_T/prefix, $CIVIC_T/prefix/etc
#	/run/civic				$CIVIC_T/run (lib.sh's socket directory)
#	/etc/nginx/snippets			$CIVIC_T/nginx/snippets
#	mariadb					the private MariaDB's client (lib.sh)
#	database-password			a random password
# The sources are a fresh `make distdir` copy (what the release tarball
# holds), built and installed DESTDIR-less into the prefix.  Then nginx
# (lib.sh's, including the installed snippet as step 6 says) serves the
# installed programs and stylesheets; the first admin signs in; a second
# `make install` keeps the county's civic.conf; `make uninstall` leaves
# nothing of ours but that civic.conf.

. "$(dirname "$0")/../integration/lib.sh"

find_tools
civic_tmp
P=$CIVIC_T/prefix
S=$CIVIC_T/src
GUIDE=$top_srcdir/doc/webmaster.md
DB_PASSWORD=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_PW='示范县 admin password 2026'
# The sub-makes are this suite's own, not part of the make check that runs
# it: no jobserver of the parent.
unset MAKEFLAGS MFLAGS MAKELEVEL
export MAKEFLAGS=-j${JOBS:-4}
mkdir -p "$CIVIC_T/nginx/snippets"

# block NAME: the commands of the guide's block marked NAME, with the places
# moved as said above.  Ends the suite if the guide has no such block.
block() {
	local b
	b=$(awk -v n="<!-- install.sh: $1 -->" '
		$0 == n { want = 1; next }
		want && /^```/ { if (inb) exit; inb = 1; next }
		inb { print }' "$GUIDE")
	[ -n "$b" ] || die "doc/webmaster.md has no block marked <!-- install.sh: $1 -->"
	printf '%s\n' "$b" | sed -e "s|--prefix=/usr --sysconfdir=/etc|--prefix=$P --sysconfdir=$P/etc|" \
		-e "s|/usr/libexec/civic/|$P/libexec/civic/|g" -e "s|/usr/share/civic/|$P/share/civic/|g" \
		-e "s|/etc/civic/|$P/etc/civic/|g" -e "s|/etc/nginx/snippets/|$CIVIC_T/nginx/snippets/|g" \
		-e "s|/run/civic|$CIVIC_T/run|g" -e "s|database-password|$DB_PASSWORD|g"
}

# run_block NAME LOG: runs the block in this shell's functions and PATH,
# stopping at its first failing command; output to LOG.
run_block() {
	local code
	code=$(block "$1") || exit 1
	( set -e; eval "$code" ) >"$2" 2>&1
}

# The private server's client, for the guide's "mariadb" (the OS user is
# its administrator over the socket, as root is on Debian).
mariadb() { "$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" "$@"; }
PATH=$P/sbin:$PATH

# ------------------------------------------------ 1. Packages
pkgs=$(block packages | tr -d '\\' | tr -s ' \n' '\n' | grep -v -e '^apt-get$' -e '^install$' -e '^$')
check "1. the guide names packages" test -n "$pkgs"
command -v dpkg-query >/dev/null || die "dpkg-query not found: the guide is for Debian 12"
for p in $pkgs; do
	check "1. the guide's package $p exists and is installed" \
		sh -c "dpkg-query -W -f='\${Status}' '$p' 2>/dev/null | grep -q 'install ok installed'"
done

# ------------------------------------------------ 2. Build and install
(cd "$top_builddir" && make distdir distdir="$S") >"$CIVIC_T/distdir.log" 2>&1 || {
	show_log "$CIVIC_T/distdir.log"
	die "make distdir failed"
}
if (cd "$S" && run_block build "$CIVIC_T/build.log"); then
	pass "2. ./configure --prefix --sysconfdir, make, make install"
else
	show_log "$CIVIC_T/build.log" 60
	die "2. the guide's build and install failed"
fi
for f in libexec/civic/civic-demo.fcgi libexec/civic/civic-account.fcgi \
    libexec/civic/civic-mailbox.fcgi libexec/civic/civic-consult.fcgi \
    libexec/civic/civic-evaluate.fcgi libexec/civic/civic-prereview.fcgi \
    libexec/civic/civic-catalogue.fcgi sbin/civicctl; do
	check "2. installed $f (executable)" test -x "$P/$f"
done
for f in share/civic/xslt/layout.xsl share/civic/xslt/common.xsl share/civic/xslt/demo.xsl \
    share/civic/xslt/i18n/zh-CN.xml share/civic/xslt/static/civic.css share/civic/sql/001-core.sql \
    share/civic/examples/civic.conf share/civic/examples/nginx/civic.conf \
    share/civic/examples/apache/civic-proxy-fcgi.conf share/civic/examples/systemd/civic-demo.socket \
    share/civic/xslt/consult.xsl share/civic/xslt/i18n/consult.xml share/civic/xslt/static/consult.js \
    share/civic/sql/009-consult.sql share/civic/examples/systemd/civic-consult.socket \
    share/civic/xslt/evaluate.xsl share/civic/xslt/rating.xsl share/civic/xslt/i18n/evaluate.xml \
    share/civic/xslt/schema/evaluate.rng share/civic/sql/010-evaluate.sql \
    share/civic/examples/systemd/civic-evaluate.socket share/doc/civic/evaluate.md \
    share/civic/xslt/prereview.xsl share/civic/xslt/prereview-guide.xsl \
    share/civic/xslt/prereview-items.xsl share/civic/xslt/prereview-apply.xsl \
    share/civic/xslt/prereview-review.xsl share/civic/xslt/i18n/prereview.xml \
    share/civic/xslt/i18n/prereview-guide.xml share/civic/xslt/i18n/prereview-items.xml \
    share/civic/xslt/i18n/prereview-apply.xml share/civic/xslt/i18n/prereview-review.xml \
    share/civic/xslt/schema/prereview.rng share/civic/xslt/schema/prereview-guide.rng \
    share/civic/xslt/schema/prereview-items.rng share/civic/xslt/schema/prereview-apply.rng \
    share/civic/xslt/schema/prereview-review.rng share/civic/sql/011-files.sql \
    share/civic/sql/012-prereview.sql share/civic/sql/demo-prereview.sql \
    share/civic/examples/systemd/civic-prereview.socket \
    share/civic/examples/systemd/civic-prereview.service share/doc/civic/prereview.md \
    share/civic/xslt/catalogue.xsl share/civic/xslt/catalogue-browse.xsl \
    share/civic/xslt/catalogue-entry.xsl share/civic/xslt/catalogue-edit.xsl \
    share/civic/xslt/catalogue-admin.xsl share/civic/xslt/i18n/catalogue.xml \
    share/civic/xslt/i18n/catalogue-browse.xml share/civic/xslt/i18n/catalogue-entry.xml \
    share/civic/xslt/i18n/catalogue-edit.xml share/civic/xslt/i18n/catalogue-admin.xml \
    share/civic/xslt/schema/catalogue.rng share/civic/xslt/schema/catalogue-browse.rng \
    share/civic/xslt/schema/catalogue-entry.rng share/civic/xslt/schema/catalogue-edit.rng \
    share/civic/xslt/schema/catalogue-admin.rng share/civic/sql/013-catalogue.sql \
    share/civic/sql/demo-catalogue.sql share/civic/examples/systemd/civic-catalogue.socket \
    share/civic/examples/systemd/civic-catalogue.service share/doc/civic/catalogue.md \
    share/civic/examples/themes/county-portal/layout.xsl share/civic/notify-templates.txt \
    share/doc/civic/webmaster.md share/doc/civic/screenshots/theme-county-portal.png; do
	check "2. installed $f" test -s "$P/$f"
done
CONF=$P/etc/civic/civic.conf
check_eq "2. the sample is installed as etc/civic/civic.conf, mode 0640" 640 \
	"$(stat -c %a "$CONF" 2>/dev/null)"
check "2. … with the installed stylesheets' directory in it" \
	grep -qx "xslt_dir = $P/share/civic/xslt" "$CONF"
check "2. … and the installed migrations'" grep -qx "sql_dir = $P/share/civic/sql" "$CONF"
# The compiled-in defaults: a configuration without [paths] finds the
# installed stylesheets.
printf '[security]\nsecret = %s\n' "$(printf '%064d' 7)" >"$CIVIC_T/work/nopaths.conf"
if "$P/libexec/civic/civic-demo.fcgi" --check --config "$CIVIC_T/work/nopaths.conf" \
    >"$CIVIC_T/work/nopaths.log" 2>&1; then
	pass "2. the compiled-in xslt_dir is the installed one (--check without [paths])"
else
	fail "2. --check without [paths]: $(cat "$CIVIC_T/work/nopaths.log")"
fi

# ------------------------------------------------ 3. The database and the configuration
civic_db_init
civic_db_start
if run_block database "$CIVIC_T/database.log"; then
	pass "3. the database and its user, with the guide's grants"
else
	show_log "$CIVIC_T/database.log"
	fail "3. the guide's CREATE DATABASE / CREATE USER / GRANT failed"
fi
as_civic() {
	"$MARIADB" --no-defaults --socket="$CIVIC_T/db/mysqld.sock" -u civic -p"$DB_PASSWORD" \
		-N -B -e "$1" >/dev/null 2>&1
}
check "3. the civic user reaches the civic database" as_civic 'SELECT 1 FROM DUAL'
if as_civic 'SELECT COUNT(*) FROM mysql.user'; then
	fail "3. the civic user can read mysql.user: more rights than the guide means"
else
	pass "3. the civic user cannot read mysql.user"
fi
if as_civic "GRANT SELECT ON civic.* TO 'x'@'localhost' IDENTIFIED BY 'x'"; then
	fail "3. the civic user can grant rights"
else
	pass "3. the civic user cannot grant rights"
fi

if run_block config "$CIVIC_T/config.log"; then
	pass "3. the guide's edit of civic.conf"
else
	show_log "$CIVIC_T/config.log"
	fail "3. the guide's edit of civic.conf failed"
fi
check "3. … set a 64-digit secret" grep -Eqx 'secret = [0-9a-f]{64}' "$CONF"
check "3. … and the database password" grep -qx "password = $DB_PASSWORD" "$CONF"
# Beyond the guide: the private server's socket; and without root the
# programs cannot give their sockets to www-data (nginx then runs as us).
sed -i -e "s|^socket = /run/mysqld/mysqld.sock|socket = $CIVIC_T/db/mysqld.sock|" "$CONF"
[ "$(id -u)" = 0 ] || sed -i -e 's/^socket_group =.*/socket_group =/' "$CONF"

# ------------------------------------------------ 4. The schema and the first admin
# No --config in the guide: civicctl finds etc/civic/civic.conf by itself.
if printf '%s\n' "$ADMIN_PW" | run_block migrate "$CIVIC_T/migrate.log"; then
	pass "4. civicctl migrate and add-user, without --config"
else
	show_log "$CIVIC_T/migrate.log"
	fail "4. the guide's civicctl migrate / add-user failed"
fi
check_eq "4. every installed migration is applied" \
	"$(find "$P/share/civic/sql" -name '[0-9][0-9][0-9]-*.sql' | wc -l)" \
	"$(sql 'SELECT COUNT(*) FROM schema_version')"
check_eq "4. the first admin exists" 1 \
	"$(sql "SELECT COUNT(*) FROM staff WHERE staff_no = '10000001'")"

# ------------------------------------------------ 5. Start the programs
# The guide names every program that make install puts in place, each
# with its socket, and no other.
sed -n '/^## 5\. /,/^## 6\. /p' "$GUIDE" >"$CIVIC_T/work/step5.md"
installed=$(cd "$P/libexec/civic" && ls civic-*.fcgi | sort | tr '\n' ' ')
named=$(grep -o 'civic-[a-z]*\.fcgi' "$CIVIC_T/work/step5.md" | sort -u | tr '\n' ' ')
check_eq "5. the guide names every installed program" "$installed" "$named"
for prog in $installed; do
	name=${prog#civic-}
	name=${name%.fcgi}
	check "5. … $prog with its socket /run/civic/$name.sock" \
		grep -q "/run/civic/$name\.sock" "$CIVIC_T/work/step5.md"
done
# The guide's command for the demo, and the same for every installed program.
start=$(block start) || exit 1
for prog in "$P"/libexec/civic/civic-*.fcgi; do
	name=${prog##*/civic-}
	name=${name%.fcgi}
	cmd=${start//civic-demo.fcgi/civic-$name.fcgi}
	cmd=${cmd//\/demo.sock//$name.sock}
	# The program is the block's last command: in the background, logged.
	eval "$cmd >>\"\$CIVIC_T/$name.log\" 2>&1 &"
	CIVIC_PIDS+=("$!")
	if wait_for 15 test -S "$CIVIC_T/run/$name.sock"; then
		pass "5. civic-$name.fcgi listens on run/$name.sock"
	else
		show_log "$CIVIC_T/$name.log"
		fail "5. civic-$name.fcgi did not start"
	fi
done

# ------------------------------------------------ 6. nginx
if run_block nginx "$CIVIC_T/nginx.log"; then
	pass "6. the installed snippet copied to the snippets directory"
else
	show_log "$CIVIC_T/nginx.log"
	fail "6. the guide's cp of the nginx snippet failed"
fi
CIVIC_NGINX_SNIPPET=$CIVIC_T/nginx/snippets/civic.conf
CIVIC_XSLT_DIR_SERVED=$P/share/civic/xslt
civic_nginx_start
http GET /demo/
expect_status "6. GET /demo/ through nginx" 200
expect_body_contains "… the demo's page (no notes: the guide loads no demo data)" '<h1>便民留言</h1>'
http GET /civic-static/static/civic.css
expect_status "6. the installed CSS at /civic-static/" 200
http GET /account/signin
expect_status "6. GET /account/signin" 200
expect_body_contains "… the sign-in form" 'name="staff_no"'
http GET /mailbox/
expect_status "6. GET /mailbox/" 200
expect_body_contains "… from civic-mailbox.fcgi" 'program-mailbox'
http GET /consult/
expect_status "6. GET /consult/" 200
expect_body_contains "… from civic-consult.fcgi" 'program-consult'
http GET /evaluate/
expect_status "6. GET /evaluate/" 200
expect_body_contains "… from civic-evaluate.fcgi" 'program-evaluate'
http GET /prereview/
expect_status "6. GET /prereview/" 200
expect_body_contains "… from civic-prereview.fcgi" 'program-prereview'
http GET /catalogue/
expect_status "6. GET /catalogue/" 200
expect_body_contains "… from civic-catalogue.fcgi" 'program-catalogue'
http GET /civic-static/static/consult.js
expect_status "6. the consultation's installed script at /civic-static/" 200
# Served with nosniff: a browser runs it only as a JavaScript type.
expect_header "… as JavaScript" Content-Type '^(text|application)/javascript'

JAR=$CIVIC_T/work/admin.jar
signin "$JAR" 10000001 "$ADMIN_PW"
expect_status "4./6. the first admin signs in (303)" 303
http GET /account/ -b "$JAR"
expect_status "… and sees the staff home page" 200
expect_body_contains "… as the admin" '管理员'

# ------------------------------------------------ install again, then 11. Removing
printf '\n# the county was here\n' >>"$CONF"
sum=$(md5sum <"$CONF")
(cd "$S" && make install) >"$CIVIC_T/reinstall.log" 2>&1
check_eq "2. a second make install succeeds" 0 $?
check_eq "2. … and keeps the county's civic.conf as it is" "$sum" "$(md5sum <"$CONF")"
check "2. … saying so" grep -q "keeping the existing" "$CIVIC_T/reinstall.log"

for pid in "${CIVIC_PIDS[@]}"; do
	stop_pid "$pid" 15
done
CIVIC_PIDS=()
civic_nginx_stop
if (cd "$S" && run_block uninstall "$CIVIC_T/uninstall.log"); then
	pass "11. make uninstall"
else
	show_log "$CIVIC_T/uninstall.log"
	fail "11. make uninstall failed"
fi
check_eq "11. no file of ours is left but the county's civic.conf" "$CONF" \
	"$(find "$P" -type f -o -type l | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "11. … nor any directory of ours" "$P/etc/civic" \
	"$(find "$P" -name '*civic*' -type d | sort | tr '\n' ' ' | sed 's/ $//')"
check "11. … and civic.conf is still the county's" grep -q "the county was here" "$CONF"

# The same with DESTDIR and the sample untouched, as a package build does:
# nothing at all is left.
D=$CIVIC_T/destdir
(cd "$S" && make install DESTDIR="$D" && make uninstall DESTDIR="$D") \
	>"$CIVIC_T/destdir.log" 2>&1
check_eq "DESTDIR install and uninstall succeed" 0 $?
check_eq "… leaving no file, the untouched sample included" "" "$(find "$D" -type f)"

finish
