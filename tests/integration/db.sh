#!/bin/bash
# db.sh: the database layer (tests/integration/test_db.c) against a private
# MariaDB server, started here as for the other suites.

. "$(dirname "$0")/lib.sh"

find_tools
civic_tmp
civic_db_init
civic_db_start
civic_db_setup
civic_write_config
civic_migrate

# The test's second connection acts as the administrator, to lock rows and
# to kill the first connection.
CIVIC_CONFIG=$CIVIC_T/civic.conf CIVIC_ADMIN_CNF=$CIVIC_T/db/my.cnf \
	"$top_builddir/tests/integration/test_db" >"$CIVIC_T/test_db.log" 2>&1
rc=$?
cat "$CIVIC_T/test_db.log"
check_eq "the database suite passes (tests/integration/test_db)" 0 "$rc"
finish
