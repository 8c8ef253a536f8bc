# lib.sh: sourced by the integration suites (http.sh, outage.sh, workers.sh).
#
# Everything a suite starts lives in one private temporary directory: a
# MariaDB server (its own datadir and socket, no networking), the civic
# program on a unix socket, and nginx on 127.0.0.1 at a free port with a
# configuration generated from examples/nginx/civic.conf.  A trap stops all
# of it and removes the directory on exit, whatever the outcome.
#
# A server that cannot start is a failure, never a skip: the message names
# the Debian package to install (tools/check installs them all).
#
# Environment (from AM_TESTS_ENVIRONMENT; each has a fallback for running a
# suite by hand from the build directory):
#	top_srcdir, top_builddir	absolute paths of the trees
#	MARIADBD, NGINX, CURL		paths of the servers and the client
#	CIVIC_KEEP_TMP=1		keep the temporary directory (debugging)
#	CIVIC_THEME=DIR			a theme (examples/themes/county-portal): the
#					programs and the web server use a copy of
#					xslt/ whose layout.xsl is DIR's and whose
#					static/ has DIR's CSS
#	CIVIC_XSLT_DIR_SERVED=DIR	nginx serves DIR at /civic-static/ (an
#					installed xslt directory) instead of a copy
#	CIVIC_NGINX_SNIPPET=FILE	the snippet nginx includes, instead of
#					examples/nginx/civic.conf
#	CIVIC_WEB=apache		serve through Apache (Debian apache2, with
#					mod_proxy_fcgi, configuration generated from
#					examples/apache/civic-proxy-fcgi.conf) instead of
#					nginx; APACHE2 is then the path of apache2
#	CIVIC_SANITIZERS=yes		the build has AddressSanitizer and
#					UndefinedBehaviorSanitizer (configure
#					--enable-sanitizers): their reports go to
#					files in $CIVIC_T/san, and any report
#					fails the suite at its end
#	CIVIC_WEB=fcgid			Apache with mod_fcgid (libapache2-mod-fcgid,
#					examples/apache/civic-fcgid.conf): Apache
#					starts the programs itself
#
# The assertions print one line each ("ok - NAME" or "FAIL - NAME: why");
# finish prints "N passed, N failed" and exits non-zero on any failure.

set -u
set -o pipefail
umask 022

PATH=$PATH:/usr/sbin:/sbin:/usr/local/sbin
export PATH
# Messages of the tools we parse (and of the servers' logs) in English.
export LC_ALL=C.UTF-8

_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=$(cd "${top_srcdir:-$_lib_dir/../..}" && pwd)
top_builddir=$(cd "${top_builddir:-$PWD}" && pwd)
export top_srcdir top_builddir

CIVIC_PASSED=0
CIVIC_FAILED=0
CIVIC_PIDS=()		# processes we started and must stop (besides the servers)
CIVIC_T=
DB_PID=
DEMO_PID=
NGINX_PID=
NGINX_PORT=
BASE=
# The web server in front: nginx (the default), apache (mod_proxy_fcgi) or
# fcgid (Apache with mod_fcgid).
CIVIC_WEB=${CIVIC_WEB:-nginx}
case $CIVIC_WEB in
nginx | apache | fcgid) ;;
*) printf 'FAIL - CIVIC_WEB=%s: expected nginx, apache or fcgid\n0 passed, 1 failed\n' "$CIVIC_WEB"; exit 1 ;;
esac
APACHE_PID=

# ---------------------------------------------------------------- output

note() { printf '# %s\n' "$*"; }

# Prints the end of a log file, indented, for a failure's context.
show_log() {
	local f=$1 n=${2:-60}
	if [ -s "$f" ]; then
		printf '# ---- %s (last %s lines)\n' "$f" "$n"
		tail -n "$n" "$f" | sed 's/^/#   /'
	fi
}

# A failure that ends the suite (a server did not start, a tool is missing).
die() {
	printf 'FAIL - %s\n' "$*"
	CIVIC_FAILED=$((CIVIC_FAILED + 1))
	printf '%d passed, %d failed\n' "$CIVIC_PASSED" "$CIVIC_FAILED"
	exit 1
}

pass() {
	CIVIC_PASSED=$((CIVIC_PASSED + 1))
	printf 'ok - %s\n' "$1"
}

fail() {
	CIVIC_FAILED=$((CIVIC_FAILED + 1))
	printf 'FAIL - %s\n' "$*"
}

# check NAME CMD...: passes when CMD exits 0.
check() {
	local name=$1
	shift
	if "$@"; then
		pass "$name"
	else
		fail "$name (command failed: $*)"
	fi
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1: expected '$2', got '$3'"
	fi
}

# Prints the count line and exits: 1 on any failure, or when nothing ran.
finish() {
	if [ "$CIVIC_FAILED" -gt 0 ]; then
		note "logs of the failed run:"
		show_log "$CIVIC_T/demo.log" 80
		show_log "$CIVIC_T/nginx/logs/error.log" 30
		show_log "$CIVIC_T/apache/logs/error.log" 30
		show_log "$CIVIC_T/db/error.log" 20
	fi
	printf '%d passed, %d failed\n' "$CIVIC_PASSED" "$CIVIC_FAILED"
	if [ "$CIVIC_FAILED" -gt 0 ] || [ "$CIVIC_PASSED" -eq 0 ]; then
		exit 1
	fi
	exit 0
}

# ---------------------------------------------------------------- tools

# find_tool VAR NAME PACKAGE: sets VAR to the path of NAME (VAR's own value
# first when it is an executable), or ends the suite naming the package.
find_tool() {
	local var=$1 name=$2 pkg=$3 path
	path=${!var:-}
	if [ -z "$path" ] || [ ! -x "$path" ]; then
		path=$(command -v "$name" 2>/dev/null || true)
	fi
	if [ -z "$path" ] || [ ! -x "$path" ]; then
		die "$name not found: install the Debian package $pkg (apt-get install $pkg)"
	fi
	printf -v "$var" '%s' "$path"
}

find_tools() {
	find_tool MARIADBD mariadbd mariadb-server
	find_tool MARIADB_INSTALL_DB mariadb-install-db mariadb-server
	find_tool MARIADB_ADMIN mariadb-admin mariadb-client
	find_tool MARIADB mariadb mariadb-client
	if [ "$CIVIC_WEB" != nginx ]; then
		find_tool APACHE2 apache2 apache2
	else
		find_tool NGINX nginx nginx-light
		# nginx reads the variable NGINX as a list of listening sockets it
		# inherits (binary upgrade), and then does not daemonize: keep the
		# path under another name and never pass NGINX on.
		NGINX_BIN=$NGINX
	fi
	unset NGINX
	find_tool CURL curl curl
	DEMO=$top_builddir/civic-demo.fcgi
	CIVICCTL=$top_builddir/civicctl
	[ -x "$DEMO" ] || die "$DEMO not built (run make first)"
	[ -x "$CIVICCTL" ] || die "$CIVICCTL not built (run make first)"
}

# ---------------------------------------------------------------- processes

# alive PID: the process exists and is not a zombie.
alive() {
	local st
	[ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || return 1
	st=$(sed -E 's/^.*\) (.).*$/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# children PID: the pids of PID's live child processes, one a line
# (/proc, so that procps need not be installed).  Bash alone, no process
# a /proc entry: with a sed for each, one call took 49 s on a machine
# running 440 processes at a load average of 27, and the cleanup calls it
# once a program.
children() {
	local f line rest st ppid
	for f in /proc/[0-9]*/stat; do
		{ read -r line <"$f"; } 2>/dev/null || continue
		# "PID (COMM) STATE PPID ...": COMM may hold spaces and ")".
		rest=${line##*) }
		st=${rest%% *}
		rest=${rest#* }
		ppid=${rest%% *}
		[ "$ppid" = "$1" ] && [ "$st" != Z ] && printf '%s\n' "${line%% *}"
	done
	return 0
}

# wait_for SECONDS CMD...: polls CMD every 0.1 s until it succeeds.
wait_for() {
	local limit=$(( $1 * 10 )) i=0
	shift
	while ! "$@"; do
		i=$((i + 1))
		[ "$i" -ge "$limit" ] && return 1
		sleep 0.1
	done
	return 0
}

# wait_gone PID SECONDS: waits for PID to exit.
wait_gone() {
	local i=0 limit=$(( $2 * 10 ))
	while alive "$1"; do
		i=$((i + 1))
		[ "$i" -ge "$limit" ] && return 1
		sleep 0.1
	done
	return 0
}

# stop_pid PID [SECONDS]: SIGTERM, then SIGKILL after SECONDS (and its
# children with it, so that no worker outlives the suite).
stop_pid() {
	local pid=$1 secs=${2:-10} kids
	alive "$pid" || return 0
	kids=$(children "$pid")
	kill -TERM "$pid" 2>/dev/null
	if ! wait_gone "$pid" "$secs"; then
		note "pid $pid did not stop within ${secs}s of SIGTERM: SIGKILL"
		kill -KILL "$pid" 2>/dev/null
		wait_gone "$pid" 5
	fi
	for pid in $kids; do
		alive "$pid" && kill -KILL "$pid" 2>/dev/null
	done
	return 0
}

civic_cleanup() {
	local rc=$? pid
	trap - EXIT INT TERM HUP
	for pid in "${CIVIC_PIDS[@]}"; do
		stop_pid "$pid" 10
	done
	[ -n "$DEMO_PID" ] && stop_pid "$DEMO_PID" 15
	civic_nginx_stop
	civic_apache_stop
	civic_db_stop
	civic_san_reports || rc=1
	if [ -n "$CIVIC_T" ] && [ -d "$CIVIC_T" ]; then
		if [ "${CIVIC_KEEP_TMP:-0}" = 1 ]; then
			note "kept $CIVIC_T"
		else
			rm -rf "$CIVIC_T"
		fi
	fi
	exit "$rc"
}

# Makes the private directory and registers the cleanup.  Every directory on
# the way to the sockets is 0711, so that nginx's workers (www-data when the
# suite runs as root) reach the program's socket and nothing else.
civic_tmp() {
	CIVIC_T=$(mktemp -d "${TMPDIR:-/tmp}/civic-it.XXXXXX") || die "mktemp -d failed"
	trap civic_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
	chmod 0711 "$CIVIC_T"
	mkdir -p "$CIVIC_T/db" "$CIVIC_T/run" "$CIVIC_T/spawned" "$CIVIC_T/nginx/conf" \
		"$CIVIC_T/nginx/logs" "$CIVIC_T/nginx/tmp" "$CIVIC_T/work"
	chmod 0711 "$CIVIC_T/run" "$CIVIC_T/spawned" "$CIVIC_T/nginx" "$CIVIC_T/nginx/tmp"
	chmod 0700 "$CIVIC_T/db" "$CIVIC_T/work"
	note "private directory $CIVIC_T"
	civic_san_setup
}

# ---------------------------------------------------------------- sanitizers

# With a sanitized build, every civic process a suite starts (the programs,
# their workers, civicctl; the servers and clients are not instrumented and
# ignore these) writes its reports to $CIVIC_T/san/KIND.PID instead of
# stderr, where a worker's report would be lost in its log.  A memory
# error, undefined behaviour or a leak at a process's exit: the process
# stops (halt_on_error) and the suite fails at its end, showing the report.
# The directory is writable by all: under mod_fcgid the programs run as
# Apache's user.
civic_san_setup() {
	[ "${CIVIC_SANITIZERS:-no}" = yes ] || return 0
	mkdir -p "$CIVIC_T/san"
	chmod 1777 "$CIVIC_T/san"
	export ASAN_OPTIONS="log_path=$CIVIC_T/san/asan:halt_on_error=1:detect_leaks=1:abort_on_error=0"
	export UBSAN_OPTIONS="log_path=$CIVIC_T/san/ubsan:halt_on_error=1:print_stacktrace=1"
	export LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp:print_suppressions=0"
}

# civic_san_reports: fails (1) when a sanitizer wrote a report, after
# printing it; called by the cleanup once every process has stopped.
civic_san_reports() {
	local f found=0
	[ -d "$CIVIC_T/san" ] || return 0
	for f in "$CIVIC_T"/san/*; do
		[ -e "$f" ] || continue
		found=1
		printf 'FAIL - sanitizer report %s\n' "${f##*/}"
		sed -n '1,60p' "$f" | sed 's/^/#   /'
	done
	[ "$found" = 0 ]
}

# ---------------------------------------------------------------- MariaDB

# The private server: datadir, socket, pid file and log in $CIVIC_T/db.
civic_db_init() {
	local d=$CIVIC_T/db args me
	me=$(id -un)
	# Its own temporary directory: servers of suites running side by side
	# (make -j2 check) must not meet in /tmp.
	mkdir -p "$d/tmp"
	args=(--no-defaults "--datadir=$d/data" "--tmpdir=$d/tmp"
		--auth-root-authentication-method=socket --skip-test-db)
	if [ "$(id -u)" = 0 ]; then
		args+=(--user=root)
	else
		# The OS user gets a passwordless unix_socket account, as root does.
		args+=("--auth-root-socket-user=$me")
	fi
	"$MARIADB_INSTALL_DB" "${args[@]}" >"$d/install.log" 2>&1 || {
		show_log "$d/install.log" 40
		die "mariadb-install-db failed (Debian package mariadb-server)"
	}
	{
		echo "[mariadbd]"
		echo "datadir=$d/data"
		echo "tmpdir=$d/tmp"
		echo "socket=$d/mysqld.sock"
		echo "pid-file=$d/mysqld.pid"
		echo "log-error=$d/error.log"
		echo "skip-networking"
		[ "$(id -u)" = 0 ] && echo "user=root"
		echo "character-set-server=utf8mb4"
		echo "collation-server=utf8mb4_unicode_ci"
		echo "innodb_buffer_pool_size=64M"
		echo "innodb_log_file_size=16M"
		echo "skip-name-resolve"
		echo "[client]"
		echo "socket=$d/mysqld.sock"
		echo "default-character-set=utf8mb4"
	} >"$d/my.cnf"
}

db_ping() {
	"$MARIADB_ADMIN" --defaults-file="$CIVIC_T/db/my.cnf" --connect-timeout=2 ping >/dev/null 2>&1
}

civic_db_start() {
	local d=$CIVIC_T/db
	"$MARIADBD" --defaults-file="$d/my.cnf" >>"$d/stdout.log" 2>&1 &
	DB_PID=$!
	if ! wait_for 30 db_ping; then
		show_log "$d/stdout.log" 20
		show_log "$d/error.log" 40
		die "the private MariaDB did not start (Debian package mariadb-server)"
	fi
}

# Stops the server cleanly (mariadb-admin shutdown), killing it if it hangs.
civic_db_stop() {
	[ -n "$DB_PID" ] || return 0
	if alive "$DB_PID"; then
		"$MARIADB_ADMIN" --defaults-file="$CIVIC_T/db/my.cnf" shutdown >/dev/null 2>&1 ||
			kill -TERM "$DB_PID" 2>/dev/null
		if ! wait_gone "$DB_PID" 30; then
			kill -KILL "$DB_PID" 2>/dev/null
			wait_gone "$DB_PID" 5
		fi
	fi
	DB_PID=
	return 0
}

# sql STATEMENTS: runs them as the server's administrator (the OS user over
# the unix socket) in database civic; prints rows tab-separated.
sql() {
	"$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" -N -B civic -e "$1"
}

# The database and the account the programs use: a password account with
# rights on civic only, as in production.
civic_db_setup() {
	DB_PASSWORD=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
	"$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" -e "
		CREATE DATABASE civic CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER 'civic'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
		GRANT ALL PRIVILEGES ON civic.* TO 'civic'@'localhost';" ||
		die "could not create the database civic"
}

# ---------------------------------------------------------------- civic

# Writes $CIVIC_T/civic.conf from examples/civic.conf, so that every key the
# example has is one the programs accept; only the values below change.
civic_write_config() {
	local secret group= xslt
	secret=$("$CIVICCTL" secret 2>/dev/null) || secret=
	case $secret in
	*[!0-9a-fA-F]* | "") secret=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n') ;;
	esac
	[ "$(id -u)" = 0 ] && group=www-data
	xslt=$top_srcdir/xslt
	if [ -n "${CIVIC_THEME:-}" ]; then
		civic_xslt_copy
		xslt=$CIVIC_T/xslt
	fi
	awk -v T="$CIVIC_T" -v src="$top_srcdir" -v pw="$DB_PASSWORD" \
	    -v secret="$secret" -v group="$group" -v xslt="$xslt" '
		BEGIN {
			v["server.listen"] = ""
			v["server.socket_group"] = group
			v["server.socket_mode"] = "0660"
			v["database.socket"] = T "/db/mysqld.sock"
			v["database.host"] = ""
			v["database.user"] = "civic"
			v["database.password"] = pw
			v["database.name"] = "civic"
			v["paths.xslt_dir"] = xslt
			v["paths.sql_dir"] = src "/sql"
			v["security.secret"] = secret
			v["log.level"] = "info"
		}
		/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s); print; next }
		/^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=/ {
			k = $0; sub(/[ \t]*=.*/, "", k); gsub(/[ \t]/, "", k)
			if ((s "." k) in v) { print k " = " v[s "." k]; next }
		}
		{ print }
	' "$top_srcdir/examples/civic.conf" >"$CIVIC_T/civic.conf" || die "could not write civic.conf"
	chmod 0600 "$CIVIC_T/civic.conf"
}

# The stylesheets as served and (with CIVIC_THEME) as the programs read them:
# a copy of xslt/ in $CIVIC_T/xslt that the web server's workers can read
# wherever the source tree is, with the theme's layout and CSS put in.
civic_xslt_copy() {
	rm -rf "$CIVIC_T/xslt"
	cp -R "$top_srcdir/xslt" "$CIVIC_T/xslt" || die "could not copy xslt/ to $CIVIC_T"
	if [ -n "${CIVIC_THEME:-}" ]; then
		cp "$CIVIC_THEME/layout.xsl" "$CIVIC_T/xslt/layout.xsl" &&
			cp "$CIVIC_THEME"/*.css "$CIVIC_T/xslt/static/" ||
			die "could not put the theme $CIVIC_THEME in $CIVIC_T/xslt"
	fi
	chmod -R a+rX "$CIVIC_T/xslt"
}

civic_migrate() {
	"$CIVICCTL" --config "$CIVIC_T/civic.conf" migrate >"$CIVIC_T/migrate.log" 2>&1 || {
		show_log "$CIVIC_T/migrate.log" 40
		die "civicctl migrate failed"
	}
	"$CIVICCTL" --config "$CIVIC_T/civic.conf" load "$top_srcdir/sql/demo-data.sql" \
		>>"$CIVIC_T/migrate.log" 2>&1 || {
		show_log "$CIVIC_T/migrate.log" 40
		die "civicctl load sql/demo-data.sql failed"
	}
}

DEMO_SOCK=
_demo_up_or_dead() { test -S "$DEMO_SOCK" || ! alive "$DEMO_PID"; }
# civic_demo_start [OPTIONS...]: the master on $CIVIC_T/run/demo.sock, in
# the background, logging to $CIVIC_T/demo.log; waits for the socket.
civic_demo_start() {
	DEMO_SOCK=$CIVIC_T/run/demo.sock
	rm -f "$DEMO_SOCK"
	"$DEMO" --config "$CIVIC_T/civic.conf" --listen "$DEMO_SOCK" "$@" \
		>>"$CIVIC_T/demo.log" 2>&1 &
	DEMO_PID=$!
	# Until the socket is there, or the program has given up.
	wait_for 15 _demo_up_or_dead
	if ! test -S "$DEMO_SOCK" || ! alive "$DEMO_PID"; then
		show_log "$CIVIC_T/demo.log" 60
		die "civic-demo.fcgi did not start (no socket $DEMO_SOCK)"
	fi
}

civic_demo_stop() {
	[ -n "$DEMO_PID" ] && stop_pid "$DEMO_PID" 15
	DEMO_PID=
	return 0
}

# civic_program_start NAME [OPTIONS...]: civic-NAME.fcgi from the build on
# $CIVIC_T/run/NAME.sock (where the nginx and Apache configurations pass
# /NAME/), logging to $CIVIC_T/NAME.log; waits for the socket.  The pid is
# in CIVIC_PIDS (stopped at exit) and in PROGRAM_PID.
civic_program_start() {
	local name=$1 sock
	shift
	sock=$CIVIC_T/run/$name.sock
	rm -f "$sock"
	"$top_builddir/civic-$name.fcgi" --config "$CIVIC_T/civic.conf" --listen "$sock" "$@" \
		>>"$CIVIC_T/$name.log" 2>&1 &
	PROGRAM_PID=$!
	CIVIC_PIDS+=("$PROGRAM_PID")
	wait_for 15 test -S "$sock" || {
		show_log "$CIVIC_T/$name.log" 60
		die "civic-$name.fcgi did not start (no socket $sock)"
	}
}

# ---------------------------------------------------------------- nginx

# nginx on 127.0.0.1 at a free port.  Two virtual servers share the port:
# the default one passes /demo/ to $CIVIC_T/run/demo.sock, and the one named
# "spawned.test" to $CIVIC_T/spawned/demo.sock (a copy of the program that
# spawn-fcgi started, for the inherited-socket mode).  Both include
# examples/nginx/civic.conf with only the socket directory and the xslt
# directory changed.
civic_nginx_start() {
	local n=$CIVIC_T/nginx conf_dir f port try user_line= served snippet
	conf_dir=$("$NGINX_BIN" -V 2>&1 | tr ' ' '\n' | sed -n 's/^--conf-path=//p')
	conf_dir=$(dirname "${conf_dir:-/etc/nginx/nginx.conf}")
	for f in fastcgi_params mime.types; do
		[ -r "$conf_dir/$f" ] || die "$conf_dir/$f missing: install the Debian package nginx-common"
		cp "$conf_dir/$f" "$n/conf/$f"
	done
	# What nginx serves at /civic-static/.
	if [ -n "${CIVIC_XSLT_DIR_SERVED:-}" ]; then
		served=${CIVIC_XSLT_DIR_SERVED%/}
	else
		civic_xslt_copy
		served=$CIVIC_T/xslt
	fi
	snippet=${CIVIC_NGINX_SNIPPET:-$top_srcdir/examples/nginx/civic.conf}
	sed -e "s|/run/civic/|$CIVIC_T/run/|g" -e "s|/usr/share/civic/xslt/|$served/|g" \
		"$snippet" >"$n/conf/civic.conf"
	sed -e "s|/run/civic/|$CIVIC_T/spawned/|g" -e "s|/usr/share/civic/xslt/|$served/|g" \
		"$snippet" >"$n/conf/civic-spawned.conf"
	grep -q "unix:$CIVIC_T/run/demo.sock" "$n/conf/civic.conf" ||
		die "examples/nginx/civic.conf does not pass /demo/ to unix:/run/civic/demo.sock"
	# As root, nginx's workers run as www-data: the socket's group.
	[ "$(id -u)" = 0 ] && user_line="user www-data www-data;"

	for try in $(seq 1 40); do
		port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		cat >"$n/conf/nginx.conf" <<EOF
# Generated by tests/integration/lib.sh for one test run.
$user_line
worker_processes 2;
daemon on;
pid $n/nginx.pid;
error_log $n/logs/error.log notice;
events { worker_connections 256; }
http {
	include mime.types;
	default_type application/octet-stream;
	access_log $n/logs/access.log;
	client_body_temp_path $n/tmp/body;
	fastcgi_temp_path $n/tmp/fastcgi;
	proxy_temp_path $n/tmp/proxy;
	scgi_temp_path $n/tmp/scgi;
	uwsgi_temp_path $n/tmp/uwsgi;
	server_tokens off;
	server {
		listen 127.0.0.1:$port default_server;
		server_name localhost;
		include civic.conf;
	}
	server {
		listen 127.0.0.1:$port;
		server_name spawned.test;
		include civic-spawned.conf;
	}
}
EOF
		# To a file, not through $(...): a daemon holding the pipe open
		# would hang the suite.  Starting takes well under a second.
		if timeout 30 "$NGINX_BIN" -p "$n/" -e "$n/logs/error.log" -c "$n/conf/nginx.conf" \
		    >"$n/logs/start.out" 2>&1 </dev/null; then
			NGINX_PORT=$port
			BASE=http://127.0.0.1:$port
			wait_for 10 test -s "$n/nginx.pid" || die "nginx wrote no pid file"
			NGINX_PID=$(cat "$n/nginx.pid")
			note "nginx on $BASE (pid $NGINX_PID)"
			return 0
		fi
		grep -q "Address already in use" "$n/logs/start.out" && continue
		sed 's/^/#   /' "$n/logs/start.out"
		show_log "$n/logs/error.log" 30
		die "nginx did not start (Debian package nginx-light)"
	done
	die "nginx found no free port in 40 tries"
}

civic_nginx_stop() {
	[ -n "$NGINX_PID" ] || return 0
	if alive "$NGINX_PID"; then
		"$NGINX_BIN" -p "$CIVIC_T/nginx/" -e "$CIVIC_T/nginx/logs/error.log" \
			-c "$CIVIC_T/nginx/conf/nginx.conf" -s stop >/dev/null 2>&1 ||
			kill -TERM "$NGINX_PID" 2>/dev/null
		wait_gone "$NGINX_PID" 10 || kill -KILL "$NGINX_PID" 2>/dev/null
	fi
	NGINX_PID=
	return 0
}

# ---------------------------------------------------------------- Apache

# Apache (CIVIC_WEB=apache) on 127.0.0.1 at a free port, with mod_proxy_fcgi:
# a private configuration in $CIVIC_T/apache (ServerRoot, pid file, logs,
# runtime directory) that loads only the modules it needs from
# /usr/lib/apache2/modules and includes examples/apache/civic-proxy-fcgi.conf
# with the same two directories changed as for nginx.  As root, Apache's
# children run as www-data, the socket's group, as nginx's workers do.  One
# server only: no "spawned.test" (workers.sh's inherited-socket check is
# nginx's).
#
# CIVIC_WEB=fcgid: mod_fcgid and examples/apache/civic-fcgid.conf instead,
# with the programs copied to $CIVIC_T/libexec and the configuration file
# given by its path here; Apache starts the programs (as www-data when the
# suite runs as root: they must then read civic.conf and reach the
# database's socket).
civic_apache_start() {
	local a=$CIVIC_T/apache mods port try m user_lines= modlist fcgid_lines=
	mods=/usr/lib/apache2/modules
	[ -r "$mods/mod_proxy_fcgi.so" ] ||
		die "$mods/mod_proxy_fcgi.so missing: install the Debian package apache2"
	mkdir -p "$a/conf" "$a/logs" "$a/run"
	chmod 0711 "$a" "$a/run"
	civic_xslt_copy
	if [ "$CIVIC_WEB" = fcgid ]; then
		[ -r "$mods/mod_fcgid.so" ] ||
			die "$mods/mod_fcgid.so missing: install the Debian package libapache2-mod-fcgid"
		modlist="mpm_event authz_core fcgid alias mime headers"
		mkdir -p "$CIVIC_T/libexec"
		cp "$DEMO" "$top_builddir/civic-account.fcgi" "$top_builddir/civic-mailbox.fcgi" \
			"$top_builddir/civic-consult.fcgi" "$top_builddir/civic-evaluate.fcgi" \
			"$top_builddir/civic-prereview.fcgi" "$top_builddir/civic-catalogue.fcgi" \
			"$CIVIC_T/libexec/" ||
			die "could not copy the programs to $CIVIC_T/libexec"
		chmod 0755 "$CIVIC_T/libexec" "$CIVIC_T/libexec/"*
		if [ "$(id -u)" = 0 ]; then
			chgrp www-data "$CIVIC_T/civic.conf" && chmod 0640 "$CIVIC_T/civic.conf"
			chmod 0711 "$CIVIC_T/db"
		fi
		sed -e "s|/usr/libexec/civic/|$CIVIC_T/libexec/|g" \
			-e "s|/etc/civic/civic.conf|$CIVIC_T/civic.conf|g" \
			-e "s|/usr/share/civic/xslt/|$CIVIC_T/xslt/|g" \
			"$top_srcdir/examples/apache/civic-fcgid.conf" >"$a/conf/civic.conf"
		grep -q "ScriptAlias \"/demo/\" \"$CIVIC_T/libexec/civic-demo.fcgi/\"" "$a/conf/civic.conf" ||
			die "examples/apache/civic-fcgid.conf does not map /demo/ to /usr/libexec/civic/civic-demo.fcgi/"
		fcgid_lines="FcgidIPCDir \"$a/run/fcgid\"
FcgidProcessTableFile \"$a/run/fcgid_shm\""
		# mod_fcgid gives the programs it starts a clean environment: the
		# sanitizers' settings (civic_san_setup) are passed on by name.
		[ -n "${ASAN_OPTIONS:-}" ] && fcgid_lines="$fcgid_lines
FcgidInitialEnv ASAN_OPTIONS \"$ASAN_OPTIONS\"
FcgidInitialEnv UBSAN_OPTIONS \"$UBSAN_OPTIONS\"
FcgidInitialEnv LSAN_OPTIONS \"$LSAN_OPTIONS\""
	else
		modlist="mpm_event authz_core proxy proxy_fcgi alias mime headers"
		sed -e "s|/run/civic/|$CIVIC_T/run/|g" -e "s|/usr/share/civic/xslt/|$CIVIC_T/xslt/|g" \
			"$top_srcdir/examples/apache/civic-proxy-fcgi.conf" >"$a/conf/civic.conf"
		grep -q "unix:$CIVIC_T/run/demo.sock|fcgi://demo/" "$a/conf/civic.conf" ||
			die "examples/apache/civic-proxy-fcgi.conf does not pass /demo/ to unix:/run/civic/demo.sock|fcgi://demo/"
	fi
	[ "$(id -u)" = 0 ] && user_lines="User www-data
Group www-data"

	for try in $(seq 1 40); do
		port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		{
			cat <<EOF
# Generated by tests/integration/lib.sh for one test run.
ServerRoot "$a"
DefaultRuntimeDir "$a/run"
PidFile "$a/apache2.pid"
ErrorLog "$a/logs/error.log"
LogLevel warn
Listen 127.0.0.1:$port
ServerName localhost
ServerTokens Prod
ServerSignature Off
$user_lines
EOF
			for m in $modlist; do
				printf 'LoadModule %s_module "%s/mod_%s.so"\n' "$m" "$mods" "$m"
			done
			cat <<EOF
StartServers 1
ServerLimit 2
ThreadsPerChild 32
MaxRequestWorkers 64
MinSpareThreads 16
MaxSpareThreads 64
Timeout 60
KeepAlive On
TypesConfig /dev/null
# The Proxy: header as the handler saw it: "-" when the configuration's
# "RequestHeader unset Proxy" took effect (programs.sh checks it).
LogFormat "%h %l %u %t \"%r\" %>s %b %D \"%{Proxy}i\"" timed
CustomLog "$a/logs/access.log" timed
DocumentRoot "$a/htdocs"
$fcgid_lines
<Directory />
	AllowOverride None
	Require all denied
</Directory>
# Empty; mod_fcgid looks PATH_TRANSLATED up here (a denial would be logged).
<Directory "$a/htdocs">
	Require all granted
</Directory>
Include "$a/conf/civic.conf"
EOF
		} >"$a/conf/apache2.conf"
		mkdir -p "$a/htdocs"
		rm -f "$a/apache2.pid"
		# To a file, not through $(...), as for nginx.
		if timeout 30 "$APACHE2" -f "$a/conf/apache2.conf" -k start \
		    >"$a/logs/start.out" 2>&1 </dev/null && wait_for 10 test -s "$a/apache2.pid"; then
			APACHE_PID=$(cat "$a/apache2.pid")
			if alive "$APACHE_PID"; then
				NGINX_PORT=$port	# the port of http.sh's raw requests
				BASE=http://127.0.0.1:$port
				note "apache2 ($CIVIC_WEB) on $BASE (pid $APACHE_PID)"
				return 0
			fi
		fi
		APACHE_PID=
		grep -qi "Address already in use" "$a/logs/start.out" "$a/logs/error.log" 2>/dev/null && {
			: >"$a/logs/error.log"
			continue
		}
		sed 's/^/#   /' "$a/logs/start.out"
		show_log "$a/logs/error.log" 30
		die "apache2 did not start (Debian package apache2)"
	done
	die "apache2 found no free port in 40 tries"
}

civic_apache_stop() {
	[ -n "$APACHE_PID" ] || return 0
	if alive "$APACHE_PID"; then
		kill -TERM "$APACHE_PID" 2>/dev/null
		wait_gone "$APACHE_PID" 15 || kill -KILL "$APACHE_PID" 2>/dev/null
	fi
	APACHE_PID=
	return 0
}

# ---------------------------------------------------------------- HTTP

# http METHOD PATH [CURL-OPTIONS...]: one request through nginx.  Sets
# STATUS (000 when curl failed); the headers are in $HDRS, the body in $BODY.
# GET sends no -X (curl's --data options make it a POST), HEAD is --head.
HDRS=
BODY=
STATUS=
http() {
	local method=$1 path=$2 m=()
	shift 2
	HDRS=$CIVIC_T/work/resp.head
	BODY=$CIVIC_T/work/resp.body
	: >"$HDRS"
	: >"$BODY"
	case $method in
	GET | POST) ;;
	HEAD) m=(--head) ;;
	*) m=(-X "$method") ;;
	esac
	STATUS=$("$CURL" -sS --max-time "${HTTP_TIMEOUT:-10}" -o "$BODY" -D "$HDRS" \
		-w '%{http_code}' "${m[@]}" "$@" "$BASE$path" 2>"$CIVIC_T/work/curl.err") || {
		note "curl $method $path: $(cat "$CIVIC_T/work/curl.err")"
		STATUS=000
	}
	[ -n "$STATUS" ] || STATUS=000
}

# header NAME: the value of header NAME in the last response (last one if repeated).
header() {
	tr -d '\r' <"$HDRS" | sed -n "s/^$1:[[:space:]]*//Ip" | tail -n 1
}

expect_status() {
	local name=$1 want=$2
	if [ "$STATUS" = "$want" ]; then
		pass "$name"
	else
		fail "$name: expected status $want, got $STATUS ($(head -c 300 "$BODY" | tr '\n' ' '))"
	fi
}

# expect_header TEST HEADER REGEX (extended, case-insensitive match on the value)
expect_header() {
	local name=$1 h=$2 re=$3 val
	val=$(header "$h")
	if tr -d '\r' <"$HDRS" | grep -qi "^$h:" && printf '%s\n' "$val" | grep -Eqi -- "$re"; then
		pass "$name"
	else
		fail "$name: header $h is '$val', expected /$re/"
	fi
}

expect_no_header() {
	if tr -d '\r' <"$HDRS" | grep -qi "^$2:"; then
		fail "$1: unexpected header $(tr -d '\r' <"$HDRS" | grep -i "^$2:")"
	else
		pass "$1"
	fi
}

expect_body_contains() {
	if grep -qF -- "$2" "$BODY"; then
		pass "$1"
	else
		fail "$1: body lacks '$2' ($(head -c 300 "$BODY" | tr '\n' ' '))"
	fi
}

expect_body_lacks() {
	if grep -qF -- "$2" "$BODY"; then
		fail "$1: body contains '$2'"
	else
		pass "$1"
	fi
}

# The headers every response carries, whatever its status.
expect_security_headers() {
	local name=$1 csp
	csp=$(header Content-Security-Policy)
	if [ -z "$csp" ]; then
		fail "$name: no Content-Security-Policy"
	elif printf '%s' "$csp" | grep -qi "unsafe-inline"; then
		fail "$name: Content-Security-Policy allows 'unsafe-inline': $csp"
	else
		pass "$name: Content-Security-Policy"
	fi
	expect_header "$name: X-Content-Type-Options" X-Content-Type-Options '^nosniff$'
	expect_header "$name: Referrer-Policy" Referrer-Policy '.'
	if [ -n "$(header X-Frame-Options)" ] || printf '%s' "$csp" | grep -qi frame-ancestors; then
		pass "$name: framing forbidden"
	else
		fail "$name: neither X-Frame-Options nor frame-ancestors"
	fi
}

# xml FIELD: the text of <FIELD> in the last (XML) body.
xml() { tr -d '\n' <"$BODY" | sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p"; }

# form_of JAR PATH: CSRF and IDEM of the XML of a page (its form's keys).
form_of() {
	http GET "$2?format=xml" -b "$1" -c "$1"
	CSRF=$(xml csrf)
	IDEM=$(xml idem)
}

# act JAR PATH FIELD=VALUE...: a POST from the form on the page of PATH
# (a staff action, a citizen's follow-up), with that form's keys.
act() {
	local jar=$1 path=$2 kv args=()
	shift 2
	form_of "$jar" "$path"
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	http POST "$path" -b "$jar" -c "$jar" "${args[@]}"
}

# ---- evaluate (case): a case page's rating link.
# eval_link: the href of <evaluation> in the last (XML) body: the path of
# the case's rating form at civic-evaluate.fcgi (rating.h), or nothing.
eval_link() {
	tr -d '\n' <"$BODY" | grep -o '<evaluation [^>]*href="[^"]*"' | head -n 1 |
		sed 's/.*href="//; s/"$//'
}

# rate_token NO: the token of case NO's rating link, computed here as the
# site signs it (sign.h: HMAC-SHA-512-256 of "rate:NO:0" under [security]
# secret, URL-safe base64): links for any number, made without the site.
rate_token() {
	command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
	python3 - "$(sed -n 's/^secret *= *//p' "$CIVIC_T/civic.conf")" "$1" <<'EOF'
import base64, hashlib, hmac, sys
mac = hmac.new(bytes.fromhex(sys.argv[1]), ("rate:%s:0" % sys.argv[2]).encode(),
    hashlib.sha512).digest()[:32]
print(base64.urlsafe_b64encode(mac).decode().rstrip("="))
EOF
}

# ---- pages against the schema, deadlines on the calendar, ID numbers

# valid NAME: the last body is valid against xslt/schema/page.rng.
valid() {
	local out
	[ -n "${XMLLINT:-}" ] || find_tool XMLLINT xmllint libxml2-utils
	if out=$("$XMLLINT" --noout --relaxng "$top_srcdir/xslt/schema/page.rng" "$BODY" 2>&1); then
		pass "$1"
	else
		fail "$1: $(printf '%s' "$out" | grep -v ' validates$' | head -n 5 | tr '\n' ' ')"
	fi
}

# view NAME JAR PATH: GET PATH (which may have a query) as XML with the
# cookie jar JAR, expecting 200 and a page valid against page.rng.
view() {
	local sep='?'
	case $3 in *\?*) sep='&' ;; esac
	http GET "$3${sep}format=xml" -b "$2" -c "$2"
	expect_status "$1 (200)" 200
	valid "$1"
}

# due_after DAY N [FROM TO]...: the end of the N-th working day after DAY
# (doc/calendar.md), counted here from examples/holidays/2026.txt alone,
# not counting the days from FROM to TO (both included: the clock stood
# still); what the programs' deadlines must be.
due_after() {
	python3 - "$top_srcdir/examples/holidays/2026.txt" "$@" <<'EOF'
import datetime, sys
kind = {}
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.split()
    if f and not f[0].startswith("#"):
        kind[f[0]] = f[1]
d = datetime.date.fromisoformat(sys.argv[2])
n = int(sys.argv[3])
pauses = [(datetime.date.fromisoformat(a), datetime.date.fromisoformat(b))
          for a, b in zip(sys.argv[4::2], sys.argv[5::2])]
while n > 0:
    d += datetime.timedelta(days=1)
    if any(a <= d <= b for a, b in pauses):
        continue
    k = kind.get(d.isoformat())
    if k == "workday" or (k is None and d.weekday() < 5):
        n -= 1
print(d.isoformat() + " 23:59:59")
EOF
}

# idcard FIRST17: a resident ID number with its GB 11643 check digit.
idcard() {
	python3 - "$1" <<'EOF'
import sys
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
s = sys.argv[1]
print(s + "10X98765432"[sum(int(c) * x for c, x in zip(s, w)) % 11])
EOF
}

# signin JAR STAFF_NO PASSWORD [NEXT]: the sign-in form, then the POST
# (civic-account.fcgi must be running); 303 is a success.
signin() {
	http GET '/account/signin?format=xml' -c "$1" -b "$1"
	local csrf
	csrf=$(xml csrf)
	http POST /account/signin -c "$1" -b "$1" --data-urlencode "csrf=$csrf" \
		--data-urlencode "staff_no=$2" --data-urlencode "password=$3" \
		${4:+--data-urlencode "next=$4"}
}

# civic_add_staff PASSWORD STAFF_NO NAME DEPT_CODE DEPT_NAME ROLES: a staff
# member made with civicctl add-user (the department made with it, unless
# DEPT_NAME is empty: then the department must exist).
civic_add_staff() {
	printf '%s\n' "$1" | "$CIVICCTL" --config "$CIVIC_T/civic.conf" add-user --staff-no "$2" \
		--name "$3" --department "$4" ${5:+--department-name "$5"} --roles "$6" \
		>>"$CIVIC_T/adduser.log" 2>&1 ||
		die "civicctl add-user $2 failed ($(tail -n 3 "$CIVIC_T/adduser.log"))"
}

# ---------------------------------------------------------------- the stack

# civic_stack_up [DEMO-OPTIONS...]: everything a suite needs, ready to serve.
civic_stack_up() {
	find_tools
	civic_tmp
	civic_db_init
	civic_db_start
	civic_db_setup
	civic_write_config
	civic_migrate
	# Under mod_fcgid, Apache starts the programs.
	[ "$CIVIC_WEB" = fcgid ] || civic_demo_start "$@"
	if [ "$CIVIC_WEB" != nginx ]; then
		civic_apache_start
	else
		civic_nginx_start
	fi
	# The first request may come before the workers have connected.
	local i
	for i in $(seq 1 50); do
		http GET /demo/
		[ "$STATUS" = 200 ] && return 0
		sleep 0.2
	done
	show_log "$CIVIC_T/demo.log" 60
	show_log "$CIVIC_T/nginx/logs/error.log" 20
	show_log "$CIVIC_T/apache/logs/error.log" 20
	die "GET /demo/ through $CIVIC_WEB did not answer 200 (last status $STATUS)"
}
