/*
 * db.h: the database, through MariaDB Connector/C prepared statements only.
 *
 * A worker holds one connection and a cache of prepared statements keyed by
 * their SQL text.  A lost connection (2006, 2013) is reopened and the cache
 * emptied, so statements are prepared again on first use; outside a
 * transaction the failed statement is retried once on the new connection.
 * Inside civic_db_tx() nothing is retried piecemeal: the whole transaction
 * runs again, after a deadlock (1213, which is also how Galera reports a
 * certification failure) or a lock wait timeout (1205) as well.
 *
 * Results are fetched whole into the request's arena as text (NULL for SQL
 * NULL): pages show text, and a bounded fetch is simpler to reason about
 * than a cursor held across calls.
 */
#ifndef CIVIC_DB_H
#define CIVIC_DB_H

#include <stddef.h>
#include <string.h>
#include "arena.h"
#include "config.h"

struct civic_db;

enum civic_ptype { CIVIC_P_NULL, CIVIC_P_INT, CIVIC_P_TEXT, CIVIC_P_BLOB };

struct civic_param {
	enum civic_ptype	 type;
	long long		 i;
	const void		*p;
	size_t			 len;
};

#define CIVIC_PINT(v)	((struct civic_param){ CIVIC_P_INT, (long long)(v), NULL, 0 })
/* A NULL string binds SQL NULL. */
#define CIVIC_PTEXT(s)	((struct civic_param){ (s) ? CIVIC_P_TEXT : CIVIC_P_NULL, 0, (s), (s) ? strlen(s) : 0 })
#define CIVIC_PTEXTN(s, n) ((struct civic_param){ CIVIC_P_TEXT, 0, (s), (n) })
#define CIVIC_PBLOB(b, n) ((struct civic_param){ CIVIC_P_BLOB, 0, (b), (n) })
#define CIVIC_PNULL	((struct civic_param){ CIVIC_P_NULL, 0, NULL, 0 })

struct civic_rows {
	size_t		  nrows;
	size_t		  ncols;
	const char	**names;	/* ncols column names (aliases) */
	char		**cell;		/* nrows * ncols values, row-major; NULL is SQL NULL */
	size_t		 *len;		/* their byte lengths */
};

/*
 * Connects with the settings under [database].  Fails with CIVIC_ERR_DBDOWN
 * when the server can't be reached, but still returns a handle in *db: the
 * next statement tries to connect again, so a worker started while the
 * database is down recovers by itself.  Free with civic_db_close().
 */
enum civic_err	 civic_db_open(const struct civic_config *, struct civic_db **db);
void		 civic_db_close(struct civic_db *);

/* Connects if not connected.  CIVIC_ERR_DBDOWN when that fails. */
enum civic_err	 civic_db_ping(struct civic_db *);

/*
 * Runs one statement with n parameters.  affected and insert_id may be
 * NULL.  CIVIC_ERR_DUPLICATE for a UNIQUE violation (1062), CIVIC_ERR_RETRY
 * for 1213/1205, CIVIC_ERR_DBDOWN when no connection can be had.
 */
enum civic_err	 civic_db_exec(struct civic_db *, const char *sql,
		    const struct civic_param *, size_t n,
		    unsigned long long *affected, unsigned long long *insert_id);

/*
 * Runs one conditional change (UPDATE … WHERE state = …) that must change
 * exactly one row: CIVIC_ERR_CONFLICT when it changed none, that is, when
 * the state it expects is gone (someone acted first).  Else as
 * civic_db_exec().
 */
enum civic_err	 civic_db_change(struct civic_db *, const char *sql,
		    const struct civic_param *, size_t n);

/*
 * Runs a SELECT and copies at most maxrows rows (further rows are read
 * and dropped, and CIVIC_ERR_TOOBIG returned) into the arena.
 */
enum civic_err	 civic_db_query(struct civic_db *, struct civic_arena *, const char *sql,
		    const struct civic_param *, size_t n, size_t maxrows,
		    struct civic_rows *out);

/*
 * Runs fn(arg) inside START TRANSACTION ... COMMIT.  fn returns CIVIC_OK to
 * commit, anything else to roll back (and that is returned).  After
 * CIVIC_ERR_RETRY or CIVIC_ERR_DBDOWN from fn or from COMMIT, the
 * transaction is rolled back and fn runs again, at most CIVIC_TX_ATTEMPTS
 * times in all; fn must therefore keep no state of its own between runs
 * except through arg, which it should reset at its start.
 */
enum civic_err	 civic_db_tx(struct civic_db *, enum civic_err (*fn)(void *), void *arg);

/* The value in row i of column name, or NULL (also for an unknown column). */
const char	*civic_rows_get(const struct civic_rows *, size_t row, const char *name);

/* The server's error number of the last failure, for the log. */
unsigned	 civic_db_errno(const struct civic_db *);
const char	*civic_db_error(const struct civic_db *);

#endif
