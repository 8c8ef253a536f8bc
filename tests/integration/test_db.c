/*
 * test_db.c: the database layer against a real MariaDB server (started by
 * tests/integration/db.sh, which passes its configuration in CIVIC_CONFIG
 * and the administrator's client options in CIVIC_ADMIN_CNF).
 *
 * What it proves: parameters and results survive the trip intact (Chinese
 * text, NULL, binary data, 64-bit integers); a UNIQUE violation is
 * CIVIC_ERR_DUPLICATE; the row bound is kept; a transaction that meets a
 * lock wait timeout (1205) is run again and commits once; a connection
 * killed by the server is reopened and the statement prepared again, both
 * outside a transaction and inside one; migrations are applied once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <mysql.h>

#include "civic.h"
#include "migrate.h"
#include "../unit/cunit_run.h"

static struct civic_config	*cfg;
static struct civic_db		*db;
static struct civic_arena	*arena;

/* A second, plain connection, as another client of the same server. */
static MYSQL *
other_connection(void)
{
	MYSQL	*my = mysql_init(NULL);

	mysql_options(my, MYSQL_READ_DEFAULT_FILE, getenv("CIVIC_ADMIN_CNF"));
	mysql_options(my, MYSQL_READ_DEFAULT_GROUP, "client");
	if (mysql_real_connect(my, NULL, "root", NULL, "civic", 0, NULL, 0) == NULL) {
		fprintf(stderr, "other connection: %s\n", mysql_error(my));
		mysql_close(my);
		return NULL;
	}
	return my;
}

static int
other_exec(MYSQL *my, const char *sql)
{
	/* Test scaffolding only: fixed statements, no values in them. */
	return mysql_real_query(my, sql, (unsigned long)strlen(sql)) == 0 ? 0 : -1;
}

static void
test_roundtrip(void)
{
	static const unsigned char blob[] = { 0, 1, 2, 0xff, 0, 'x' };
	struct civic_param	 p[] = { CIVIC_PINT(9007199254740993LL), CIVIC_PTEXT("县长信箱 <&>"),
				    CIVIC_PNULL, CIVIC_PBLOB(blob, sizeof(blob)) };
	struct civic_param	 q[] = { CIVIC_PINT(9007199254740993LL) };
	struct civic_rows	 rows;
	unsigned long long	 affected = 0;

	CU_ASSERT_EQUAL_FATAL(civic_db_exec(db, "CREATE TABLE t_rt (id BIGINT PRIMARY KEY, "
	    "t VARCHAR(20), n VARCHAR(5), b BLOB) CHARSET utf8mb4", NULL, 0, NULL, NULL),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(civic_db_exec(db, "INSERT INTO t_rt VALUES (?, ?, ?, ?)", p, 4,
	    &affected, NULL), CIVIC_OK);
	CU_ASSERT_EQUAL(affected, 1);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT id, t, n, b FROM t_rt WHERE id = ?",
	    q, 1, 10, &rows), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(rows.nrows, 1);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "id"), "9007199254740993");
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "t"), "县长信箱 <&>");
	CU_ASSERT_PTR_NULL(civic_rows_get(&rows, 0, "n"));
	CU_ASSERT_EQUAL(rows.len[3], sizeof(blob));
	CU_ASSERT_EQUAL(memcmp(rows.cell[3], blob, sizeof(blob)), 0);
	CU_ASSERT_PTR_NULL(civic_rows_get(&rows, 0, "nonexistent"));

	/* A UNIQUE violation has its own error. */
	CU_ASSERT_EQUAL(civic_db_exec(db, "INSERT INTO t_rt VALUES (?, ?, ?, ?)", p, 4, NULL,
	    NULL), CIVIC_ERR_DUPLICATE);
	/* Strict mode: too long is an error, never a silent cut. */
	{
		struct civic_param l[] = { CIVIC_PINT(2),
		    CIVIC_PTEXT("一二三四五六七八九十一二三四五六七八九十一") };

		CU_ASSERT_EQUAL(civic_db_exec(db, "INSERT INTO t_rt (id, t) VALUES (?, ?)", l, 2,
		    NULL, NULL), CIVIC_ERR_DB);
	}
	/* The wrong number of parameters is refused, not guessed. */
	CU_ASSERT_EQUAL(civic_db_exec(db, "SELECT ? + ?", q, 1, NULL, NULL), CIVIC_ERR_DB);
	/* Times are Beijing time. */
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT @@session.time_zone AS tz", NULL, 0,
	    1, &rows), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "tz"), "+08:00");
}

static void
test_row_bound(void)
{
	struct civic_rows	 rows;

	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT seq FROM seq_1_to_10", NULL, 0, 4,
	    &rows), CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(rows.nrows, 4);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT seq FROM seq_1_to_10", NULL, 0, 10,
	    &rows), CIVIC_OK);
	CU_ASSERT_EQUAL(rows.nrows, 10);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 9, "seq"), "10");
}

struct retry_arg {
	MYSQL	*blocker;
	int	 runs;
};

/*
 * Updates a row the blocker holds.  The first run waits out the lock
 * timeout (1205); the second releases the blocker first, then succeeds.
 */
static enum civic_err
retry_fn(void *arg)
{
	struct retry_arg	*a = arg;

	if (++a->runs == 2)
		other_exec(a->blocker, "COMMIT");
	return civic_db_exec(db, "UPDATE t_lock SET v = v + 1 WHERE id = 1", NULL, 0, NULL, NULL);
}

static void
test_tx_retry(void)
{
	struct retry_arg	 a = { NULL, 0 };
	struct civic_rows	 rows;

	CU_ASSERT_EQUAL_FATAL(civic_db_exec(db, "CREATE TABLE t_lock (id INT PRIMARY KEY, "
	    "v INT NOT NULL) ENGINE=InnoDB", NULL, 0, NULL, NULL), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_db_exec(db, "INSERT INTO t_lock VALUES (1, 0)", NULL, 0, NULL,
	    NULL), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_db_exec(db, "SET SESSION innodb_lock_wait_timeout = 1", NULL, 0,
	    NULL, NULL), CIVIC_OK);
	a.blocker = other_connection();
	CU_ASSERT_PTR_NOT_NULL_FATAL(a.blocker);
	CU_ASSERT_EQUAL(other_exec(a.blocker, "START TRANSACTION"), 0);
	CU_ASSERT_EQUAL(other_exec(a.blocker, "UPDATE t_lock SET v = 100 WHERE id = 1"), 0);

	CU_ASSERT_EQUAL(civic_db_tx(db, retry_fn, &a), CIVIC_OK);
	CU_ASSERT_EQUAL(a.runs, 2);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT v FROM t_lock WHERE id = 1", NULL, 0,
	    1, &rows), CIVIC_OK);
	/* The blocker's 100, plus our one update: run twice, committed once. */
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "v"), "101");
	mysql_close(a.blocker);
}

static enum civic_err
fail_fn(void *arg)
{
	int	*runs = arg;

	(*runs)++;
	if (civic_db_exec(db, "UPDATE t_lock SET v = 0 WHERE id = 1", NULL, 0, NULL, NULL) !=
	    CIVIC_OK)
		return CIVIC_ERR_DB;
	return CIVIC_ERR_INVALID;	/* anything but OK rolls back */
}

static void
test_tx_rollback(void)
{
	struct civic_rows	 rows;
	int			 runs = 0;

	CU_ASSERT_EQUAL(civic_db_tx(db, fail_fn, &runs), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(runs, 1);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT v FROM t_lock WHERE id = 1", NULL, 0,
	    1, &rows), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "v"), "101");
	/* Back in autocommit: a plain write is visible to another client. */
	CU_ASSERT_EQUAL(civic_db_exec(db, "UPDATE t_lock SET v = 7 WHERE id = 1", NULL, 0, NULL,
	    NULL), CIVIC_OK);
	{
		MYSQL		*o = other_connection();
		MYSQL_RES	*res;
		MYSQL_ROW	 row;

		CU_ASSERT_PTR_NOT_NULL_FATAL(o);
		CU_ASSERT_EQUAL(other_exec(o, "SELECT v FROM t_lock WHERE id = 1"), 0);
		res = mysql_store_result(o);
		row = res != NULL ? mysql_fetch_row(res) : NULL;
		CU_ASSERT(row != NULL && strcmp(row[0], "7") == 0);
		if (res != NULL)
			mysql_free_result(res);
		mysql_close(o);
	}
}

/* Kills our own connection from another one, as a server restart would. */
static void
kill_ours(void)
{
	struct civic_rows	 rows;
	MYSQL			*o;
	char			 sql[64];

	CU_ASSERT_EQUAL_FATAL(civic_db_query(db, arena, "SELECT CONNECTION_ID() AS id", NULL, 0,
	    1, &rows), CIVIC_OK);
	o = other_connection();
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	snprintf(sql, sizeof(sql), "KILL CONNECTION %lld",
	    strtoll(civic_rows_get(&rows, 0, "id"), NULL, 10));
	CU_ASSERT_EQUAL(other_exec(o, sql), 0);
	mysql_close(o);
}

static void
test_reconnect(void)
{
	struct civic_param	 q[] = { CIVIC_PINT(1) };
	struct civic_rows	 rows;

	/* A cached statement on a dead connection: reopened, prepared again, answered. */
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT v FROM t_lock WHERE id = ?", q, 1, 1,
	    &rows), CIVIC_OK);
	kill_ours();
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT v FROM t_lock WHERE id = ?", q, 1, 1,
	    &rows), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "v"), "7");
	/* The session settings came back with the new connection. */
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT @@session.time_zone AS tz", NULL, 0,
	    1, &rows), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "tz"), "+08:00");
}

static int	 killed_runs;

/* The first run loses its connection half-way; the second commits. */
static enum civic_err
lost_fn(void *arg)
{
	enum civic_err	 err;

	(void)arg;
	if ((err = civic_db_exec(db, "UPDATE t_lock SET v = v + 1 WHERE id = 1", NULL, 0, NULL,
	    NULL)) != CIVIC_OK)
		return err;
	if (++killed_runs == 1)
		kill_ours();
	return civic_db_exec(db, "UPDATE t_lock SET v = v + 10 WHERE id = 1", NULL, 0, NULL,
	    NULL);
}

static void
test_tx_reconnect(void)
{
	struct civic_rows	 rows;

	killed_runs = 0;
	CU_ASSERT_EQUAL(civic_db_tx(db, lost_fn, NULL), CIVIC_OK);
	CU_ASSERT_EQUAL(killed_runs, 2);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT v FROM t_lock WHERE id = 1", NULL, 0,
	    1, &rows), CIVIC_OK);
	/* 7 + 11 once: the half-done first run was rolled back with its connection. */
	CU_ASSERT_STRING_EQUAL(civic_rows_get(&rows, 0, "v"), "18");
}

static void
test_migrate(void)
{
	struct civic_rows	 rows;
	int			 applied = -1;

	/* db.sh applied them already: a second run applies nothing. */
	CU_ASSERT_EQUAL(civic_migrate_run(db, arena, civic_config_get(cfg, "paths.sql_dir"),
	    &applied), CIVIC_OK);
	CU_ASSERT_EQUAL(applied, 0);
	CU_ASSERT_EQUAL(civic_db_query(db, arena, "SELECT COUNT(*) AS n FROM schema_version",
	    NULL, 0, 1, &rows), CIVIC_OK);
	CU_ASSERT(atoi(civic_rows_get(&rows, 0, "n")) >= 2);
}

int
main(void)
{
	const char	*msg;
	CU_pSuite	 s;
	int		 failures;

	if (getenv("CIVIC_CONFIG") == NULL || getenv("CIVIC_ADMIN_CNF") == NULL) {
		fprintf(stderr, "test_db: run by tests/integration/db.sh\n");
		return 99;
	}
	civic_log_init("test-db", CIVIC_LOG_WARN);
	if (civic_config_load(getenv("CIVIC_CONFIG"), &cfg, &msg) != CIVIC_OK) {
		fprintf(stderr, "test_db: %s\n", msg);
		return 99;
	}
	arena = civic_arena_new();
	if (civic_db_open(cfg, &db) != CIVIC_OK) {
		fprintf(stderr, "test_db: cannot connect: %s\n", civic_db_error(db));
		return 99;
	}
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("database", NULL, NULL);
	CU_add_test(s, "parameters and results round trip", test_roundtrip);
	CU_add_test(s, "row bound", test_row_bound);
	CU_add_test(s, "transaction retried after a lock wait timeout", test_tx_retry);
	CU_add_test(s, "transaction rolled back on failure", test_tx_rollback);
	CU_add_test(s, "reconnect after the connection was killed", test_reconnect);
	CU_add_test(s, "transaction rerun after its connection was killed", test_tx_reconnect);
	CU_add_test(s, "migrations applied once", test_migrate);
	failures = cunit_run("test_db");
	civic_db_close(db);
	civic_arena_free(arena);
	civic_config_free(cfg);
	return failures;
}
