/*
 * db.c: one MariaDB connection per worker, prepared statements only.
 *
 * Statements are cached by their SQL text (handlers pass string literals,
 * so the pointer comparison almost always answers before strcmp is
 * needed).  Connection loss is recognised by its error numbers; the
 * connection is then dropped with every statement prepared on it, and the
 * next use connects and prepares again.  Nothing here sleeps or loops
 * without bound: a database that is down costs a request one connection
 * attempt of at most CIVIC_DB_CONNECT_TIMEOUT seconds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "db.h"
#include "limits.h"
#include "log.h"

struct db_stmt {
	const char	*sql;
	MYSQL_STMT	*stmt;
};

struct civic_db {
	MYSQL		*my;		/* NULL while not connected */
	int		 in_tx;
	char		*host, *user, *password, *name, *socket;
	unsigned	 port;
	struct db_stmt	 cache[CIVIC_STMT_CACHE];
	size_t		 ncache;
	size_t		 evict;		/* next slot to reuse when the cache is full */
	unsigned	 err_no;
	char		 err_msg[256];
};

/*
 * Session settings made on every (re)connection: strict modes so that a
 * value too long for its column is an error, never a silent cut, and the
 * county's time zone for NOW() and the dates pages show.
 */
static const char db_init_command[] =
    "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+08:00'";

static void
db_seterr(struct civic_db *db, unsigned no, const char *msg)
{
	db->err_no = no;
	snprintf(db->err_msg, sizeof(db->err_msg), "%s", msg != NULL ? msg : "");
}

/* Errors after which the connection can't be used again. */
static int
db_lost(unsigned no)
{
	switch (no) {
	case CR_SERVER_GONE_ERROR:	/* 2006 */
	case CR_SERVER_LOST:		/* 2013 */
	case CR_CONNECTION_ERROR:	/* 2002 */
	case CR_CONN_HOST_ERROR:	/* 2003 */
	case CR_COMMANDS_OUT_OF_SYNC:	/* 2014: our state is unknown; start again */
	case ER_SERVER_SHUTDOWN:	/* 1053 */
	case ER_CONNECTION_KILLED:	/* 1927 */
	case 4031:			/* disconnected after an idle timeout */
		return 1;
	default:
		return 0;
	}
}

static void
db_disconnect(struct civic_db *db)
{
	size_t	 i;

	for (i = 0; i < db->ncache; i++)
		mysql_stmt_close(db->cache[i].stmt);
	db->ncache = 0;
	db->evict = 0;
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	/*
	 * in_tx stays as it is: a transaction that lost its connection is
	 * lost, and its remaining statements must fail rather than run on a
	 * new connection in autocommit mode (half a transaction, committed).
	 * civic_db_tx() clears it and starts over.
	 */
}

/* Maps a server or client error number to ours; drops a lost connection. */
static enum civic_err
db_classify(struct civic_db *db, unsigned no, const char *msg)
{
	db_seterr(db, no, msg);
	if (no == ER_DUP_ENTRY)
		return CIVIC_ERR_DUPLICATE;
	if (no == ER_LOCK_DEADLOCK || no == ER_LOCK_WAIT_TIMEOUT)
		return CIVIC_ERR_RETRY;
	/*
	 * InnoDB answers at once when a tablespace cannot grow (1114, "The
	 * table is full"; the statement is undone, the connection usable);
	 * 1021 is the older engines' disk full.  Nothing was written: the
	 * request is answered 503 and works again once there is space
	 * (tests/fault/diskfull.sh).
	 */
	if (no == ER_RECORD_FILE_FULL || no == ER_DISK_FULL) {
		civic_log_err("database storage full (%u: %s)", no, db->err_msg);
		return CIVIC_ERR_FULL;
	}
	if (db_lost(no)) {
		civic_log_warn("database connection lost (%u: %s)", no, db->err_msg);
		db_disconnect(db);
		return CIVIC_ERR_DBDOWN;
	}
	civic_log_err("database error %u: %s", no, db->err_msg);
	return CIVIC_ERR_DB;
}

static enum civic_err
db_connect(struct civic_db *db)
{
	unsigned	 ctimeout = CIVIC_DB_CONNECT_TIMEOUT, rwtimeout = CIVIC_DB_RW_TIMEOUT;
	my_bool		 off = 0;
	MYSQL		*my;

	if (db->my != NULL)
		return CIVIC_OK;
	if ((my = mysql_init(NULL)) == NULL)
		return CIVIC_ERR_NOMEM;
	mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &ctimeout);
	mysql_options(my, MYSQL_OPT_READ_TIMEOUT, &rwtimeout);
	mysql_options(my, MYSQL_OPT_WRITE_TIMEOUT, &rwtimeout);
	/* We reconnect ourselves, so that prepared statements are redone too. */
	mysql_options(my, MYSQL_OPT_RECONNECT, &off);
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(my, MYSQL_INIT_COMMAND, db_init_command);
	/*
	 * Affected rows are the rows a WHERE found, not those whose values
	 * changed: a conditional change (civic_db_change) that finds its row
	 * in the state it expects succeeds even when it sets what is there
	 * (a second answer on an answered question).
	 */
	if (mysql_real_connect(my, db->host[0] ? db->host : NULL, db->user, db->password,
	    db->name, db->port, db->host[0] ? NULL : db->socket, CLIENT_FOUND_ROWS) == NULL) {
		db_seterr(db, mysql_errno(my), mysql_error(my));
		civic_log_warn("cannot connect to the database (%u: %s)", db->err_no,
		    db->err_msg);
		mysql_close(my);
		return CIVIC_ERR_DBDOWN;
	}
	db->my = my;
	return CIVIC_OK;
}

enum civic_err
civic_db_open(const struct civic_config *cfg, struct civic_db **out)
{
	struct civic_db	*db;

	*out = NULL;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		return CIVIC_ERR_NOMEM;
	db->host = strdup(civic_config_get(cfg, "database.host"));
	db->user = strdup(civic_config_get(cfg, "database.user"));
	db->password = strdup(civic_config_get(cfg, "database.password"));
	db->name = strdup(civic_config_get(cfg, "database.name"));
	db->socket = strdup(civic_config_get(cfg, "database.socket"));
	db->port = (unsigned)civic_config_int(cfg, "database.port");
	if (db->host == NULL || db->user == NULL || db->password == NULL ||
	    db->name == NULL || db->socket == NULL) {
		civic_db_close(db);
		return CIVIC_ERR_NOMEM;
	}
	*out = db;
	return db_connect(db);
}

void
civic_db_close(struct civic_db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db->host);
	free(db->user);
	free(db->password);
	free(db->name);
	free(db->socket);
	free(db);
}

enum civic_err
civic_db_ping(struct civic_db *db)
{
	return db_connect(db);
}

/* The prepared statement for sql, preparing it if this connection has not yet. */
static enum civic_err
db_prepare(struct civic_db *db, const char *sql, MYSQL_STMT **out)
{
	struct db_stmt	*s;
	MYSQL_STMT	*stmt;
	my_bool		 update_max = 1;
	size_t		 i;

	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql || strcmp(db->cache[i].sql, sql) == 0) {
			*out = db->cache[i].stmt;
			return CIVIC_OK;
		}
	if ((stmt = mysql_stmt_init(db->my)) == NULL)
		return CIVIC_ERR_NOMEM;
	if (mysql_stmt_prepare(stmt, sql, (unsigned long)strlen(sql)) != 0) {
		unsigned no = mysql_stmt_errno(stmt);
		char msg[sizeof(db->err_msg)];
		enum civic_err err;

		/* Copy the error out before closing: closing clears it. */
		snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(stmt));
		mysql_stmt_close(stmt);
		err = db_classify(db, no, msg);
		if (err == CIVIC_ERR_DB)
			civic_log_err("cannot prepare: %.200s", sql);
		return err;
	}
	/* Lets a query size its column buffers from the stored result. */
	mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	if (db->ncache < CIVIC_STMT_CACHE)
		s = &db->cache[db->ncache++];
	else {
		s = &db->cache[db->evict];
		db->evict = (db->evict + 1) % CIVIC_STMT_CACHE;
		mysql_stmt_close(s->stmt);
	}
	s->sql = sql;
	s->stmt = stmt;
	*out = stmt;
	return CIVIC_OK;
}

/* Binds the parameters and executes; on success *out is the statement. */
static enum civic_err
db_execute_once(struct civic_db *db, const char *sql, const struct civic_param *p,
    size_t n, MYSQL_STMT **out)
{
	MYSQL_BIND	 bind[64];
	unsigned long	 lens[64];
	MYSQL_STMT	*stmt = NULL;
	enum civic_err	 err;
	size_t		 i;

	if (n > sizeof(bind) / sizeof(bind[0])) {
		civic_log_err("too many parameters (%zu) for: %.200s", n, sql);
		return CIVIC_ERR_DB;
	}
	/* Inside a transaction only the connection it began on will do. */
	if (db->in_tx && db->my == NULL)
		return CIVIC_ERR_DBDOWN;
	if ((err = db_connect(db)) != CIVIC_OK)
		return err;
	if ((err = db_prepare(db, sql, &stmt)) != CIVIC_OK)
		return err;
	if (mysql_stmt_param_count(stmt) != n) {
		civic_log_err("statement wants %lu parameters, got %zu: %.200s",
		    mysql_stmt_param_count(stmt), n, sql);
		return CIVIC_ERR_DB;
	}
	memset(bind, 0, sizeof(bind[0]) * (n ? n : 1));
	for (i = 0; i < n; i++) {
		switch (p[i].type) {
		case CIVIC_P_INT:
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = (void *)&p[i].i;
			break;
		case CIVIC_P_TEXT:
		case CIVIC_P_BLOB:
			bind[i].buffer_type = p[i].type == CIVIC_P_TEXT ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			bind[i].buffer = (void *)p[i].p;
			bind[i].buffer_length = lens[i] = (unsigned long)p[i].len;
			bind[i].length = &lens[i];
			break;
		default:
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	if ((n > 0 && mysql_stmt_bind_param(stmt, bind) != 0) ||
	    mysql_stmt_execute(stmt) != 0)
		return db_classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
	*out = stmt;
	return CIVIC_OK;
}

/*
 * Outside a transaction a statement that found the connection gone is
 * tried once more on a new one: the statement did not run, or ran alone
 * and committed, and every write we make is guarded by a key that makes
 * a second run harmless.  Inside a transaction the caller starts over.
 */
static enum civic_err
db_execute(struct civic_db *db, const char *sql, const struct civic_param *p, size_t n,
    MYSQL_STMT **out)
{
	enum civic_err	 err;
	int		 connected = db->my != NULL;

	err = db_execute_once(db, sql, p, n, out);
	if (err == CIVIC_ERR_DBDOWN && connected && !db->in_tx)
		err = db_execute_once(db, sql, p, n, out);
	return err;
}

enum civic_err
civic_db_change(struct civic_db *db, const char *sql, const struct civic_param *p, size_t n)
{
	unsigned long long	 affected = 0;
	enum civic_err		 err;

	if ((err = civic_db_exec(db, sql, p, n, &affected, NULL)) == CIVIC_OK && affected != 1)
		err = CIVIC_ERR_CONFLICT;
	return err;
}

enum civic_err
civic_db_exec(struct civic_db *db, const char *sql, const struct civic_param *p, size_t n,
    unsigned long long *affected, unsigned long long *insert_id)
{
	MYSQL_STMT	*stmt = NULL;
	enum civic_err	 err;

	if ((err = db_execute(db, sql, p, n, &stmt)) != CIVIC_OK)
		return err;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(stmt);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(stmt);
	/* A statement that returns rows was a query: drop them. */
	mysql_stmt_free_result(stmt);
	return CIVIC_OK;
}

enum civic_err
civic_db_query(struct civic_db *db, struct civic_arena *a, const char *sql,
    const struct civic_param *p, size_t n, size_t maxrows, struct civic_rows *out)
{
	MYSQL_STMT	*stmt;
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	*bind = NULL;
	unsigned long	*lens = NULL;
	my_bool		*nulls = NULL;
	size_t		 c, r, nrows, ncols;
	enum civic_err	 err;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((err = db_execute(db, sql, p, n, &stmt)) != CIVIC_OK)
		return err;
	err = CIVIC_ERR_NOMEM;
	if ((meta = mysql_stmt_result_metadata(stmt)) == NULL) {
		err = db_classify(db, mysql_stmt_errno(stmt), "statement returns no rows");
		goto out;
	}
	if (mysql_stmt_store_result(stmt) != 0) {
		err = db_classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		goto out;
	}
	ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	nrows = (size_t)mysql_stmt_num_rows(stmt);
	if (nrows > maxrows)
		nrows = maxrows;
	out->ncols = ncols;
	if ((out->names = civic_arena_alloc(a, ncols * sizeof(char *))) == NULL ||
	    (bind = civic_arena_zalloc(a, ncols * sizeof(*bind))) == NULL ||
	    (lens = civic_arena_zalloc(a, ncols * sizeof(*lens))) == NULL ||
	    (nulls = civic_arena_zalloc(a, ncols * sizeof(*nulls))) == NULL ||
	    (out->cell = civic_arena_zalloc(a, (nrows * ncols + 1) * sizeof(char *))) == NULL ||
	    (out->len = civic_arena_zalloc(a, (nrows * ncols + 1) * sizeof(size_t))) == NULL)
		goto out;
	for (c = 0; c < ncols; c++) {
		/*
		 * Every column is fetched as text.  max_length covers
		 * strings and blobs; numbers and dates are converted and
		 * need no more than 64 bytes.
		 */
		size_t size = fields[c].max_length > 64 ? fields[c].max_length + 1 : 65;

		if ((out->names[c] = civic_arena_strdup(a, fields[c].name)) == NULL ||
		    (bind[c].buffer = civic_arena_alloc(a, size)) == NULL)
			goto out;
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		bind[c].buffer_length = (unsigned long)size;
		bind[c].length = &lens[c];
		bind[c].is_null = &nulls[c];
	}
	if (ncols > 0 && mysql_stmt_bind_result(stmt, bind) != 0) {
		err = db_classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		goto out;
	}
	for (r = 0; r < nrows; r++) {
		rc = mysql_stmt_fetch(stmt);
		if (rc == 1) {
			err = db_classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
			goto out;
		}
		if (rc == MYSQL_NO_DATA)
			break;
		for (c = 0; c < ncols; c++) {
			size_t i = r * ncols + c;

			if (nulls[c])
				continue;
			if (lens[c] >= bind[c].buffer_length) {
				/* Should not happen with max_length; refuse rather than cut. */
				civic_log_err("column %s truncated", out->names[c]);
				err = CIVIC_ERR_DB;
				goto out;
			}
			if ((out->cell[i] = civic_arena_strndup(a, bind[c].buffer,
			    lens[c])) == NULL)
				goto out;
			out->len[i] = lens[c];
		}
		out->nrows++;
	}
	err = mysql_stmt_num_rows(stmt) > maxrows ? CIVIC_ERR_TOOBIG : CIVIC_OK;
out:
	if (meta != NULL)
		mysql_free_result(meta);
	if (db->my != NULL)
		mysql_stmt_free_result(stmt);
	return err;
}

enum civic_err
civic_db_tx(struct civic_db *db, enum civic_err (*fn)(void *), void *arg)
{
	enum civic_err	 err = CIVIC_ERR_DBDOWN;
	int		 attempt;

	for (attempt = 1; attempt <= CIVIC_TX_ATTEMPTS; attempt++) {
		if ((err = db_connect(db)) != CIVIC_OK)
			break;	/* no server: retrying at once won't make one */
		if (mysql_autocommit(db->my, 0) != 0) {
			err = db_classify(db, mysql_errno(db->my), mysql_error(db->my));
			continue;
		}
		db->in_tx = 1;
		err = fn(arg);
		/* A connection gone by now took the transaction with it. */
		if (err == CIVIC_OK && db->my == NULL)
			err = CIVIC_ERR_DBDOWN;
		else if (err == CIVIC_OK && mysql_commit(db->my) != 0)
			err = db_classify(db, mysql_errno(db->my), mysql_error(db->my));
		if (db->my != NULL) {
			if (err != CIVIC_OK)
				mysql_rollback(db->my);
			mysql_autocommit(db->my, 1);
		}
		db->in_tx = 0;
		if (err != CIVIC_ERR_RETRY && err != CIVIC_ERR_DBDOWN)
			break;
		civic_log_info("transaction attempt %d: %s", attempt, civic_strerror(err));
	}
	return err;
}

const char *
civic_rows_get(const struct civic_rows *rows, size_t row, const char *name)
{
	size_t	 c;

	if (row >= rows->nrows)
		return NULL;
	for (c = 0; c < rows->ncols; c++)
		if (strcmp(rows->names[c], name) == 0)
			return rows->cell[row * rows->ncols + c];
	return NULL;
}

unsigned
civic_db_errno(const struct civic_db *db)
{
	return db->err_no;
}

const char *
civic_db_error(const struct civic_db *db)
{
	return db->err_msg;
}
