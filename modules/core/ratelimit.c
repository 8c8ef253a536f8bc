/*
 * ratelimit.c: counting hits per action and key (a client address, an
 * account) in fixed windows, in the database, so that every worker on
 * every host counts into the same place.
 *
 * One statement counts and reads: the row for (action, key, window) is
 * inserted, or its counter raised, and LAST_INSERT_ID(expr) hands the new
 * count back without a second query.  When a new window's row is made,
 * the same key's older rows for the action are deleted, so the table holds
 * about one row per active key and action.
 */
#include <stdlib.h>
#include <time.h>

#include "db.h"
#include "log.h"
#include "request.h"
#include "worker.h"

static long long
ratelimit_slot(unsigned window, unsigned *retry)
{
	time_t	 now = time(NULL);

	if (window == 0)
		window = 1;
	if (retry != NULL)
		*retry = window - (unsigned)(now % window);
	return (long long)now / window;
}

enum civic_err
civic_ratelimit_hit(struct civic_db *db, const char *action, const char *key, unsigned window,
    unsigned long long *hits, unsigned *retry)
{
	static const char	 hit[] =
	    "INSERT INTO rate_limit (action, client, slot, hits) VALUES (?, ?, ?, 1) "
	    "ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)";
	static const char	 prune[] =
	    "DELETE FROM rate_limit WHERE action = ? AND client = ? AND slot < ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(action), CIVIC_PTEXT(key),
				    CIVIC_PINT(ratelimit_slot(window, retry)) };
	enum civic_err		 err;

	if ((err = civic_db_exec(db, hit, p, 3, NULL, hits)) != CIVIC_OK)
		return err;
	if (*hits == 0) {
		/* A new row: this key's first hit in the window. */
		*hits = 1;
		if (civic_db_exec(db, prune, p, 3, NULL, NULL) != CIVIC_OK)
			civic_log_warn("rate limit: old windows not pruned");
	}
	return CIVIC_OK;
}

enum civic_err
civic_ratelimit_count(struct civic_db *db, struct civic_arena *a, const char *action,
    const char *key, unsigned window, unsigned long long *hits, unsigned *retry)
{
	static const char	 sql[] =
	    "SELECT hits FROM rate_limit WHERE action = ? AND client = ? AND slot = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(action), CIVIC_PTEXT(key),
				    CIVIC_PINT(ratelimit_slot(window, retry)) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*hits = 0;
	if ((err = civic_db_query(db, a, sql, p, 3, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 1)
		*hits = strtoull(rows.cell[0], NULL, 10);
	return CIVIC_OK;
}

enum civic_err
civic_ratelimit_undo(struct civic_db *db, const char *action, const char *key, unsigned window)
{
	static const char	 sql[] =
	    "UPDATE rate_limit SET hits = hits - 1 WHERE action = ? AND client = ? AND slot = ? "
	    "AND hits > 0";
	struct civic_param	 p[] = { CIVIC_PTEXT(action), CIVIC_PTEXT(key),
				    CIVIC_PINT(ratelimit_slot(window, NULL)) };

	return civic_db_exec(db, sql, p, 3, NULL, NULL);
}

int
civic_req_ratelimit(struct civic_req *r, const char *action, unsigned limit,
    unsigned window)
{
	unsigned long long	 hits;

	if (civic_ratelimit_hit(r->db, action, r->remote_addr, window, &hits,
	    &r->retry_after) != CIVIC_OK)
		return -1;
	return hits > limit ? 1 : 0;
}
