/*
 * ratelimit.c: counting anonymous hits per action and client address in
 * fixed windows, in the database, so that every worker on every host
 * counts into the same place.
 *
 * One statement counts and reads: the row for (action, client, window) is
 * inserted, or its counter raised, and LAST_INSERT_ID(expr) hands the new
 * count back without a second query.  When a new window's row is made,
 * the same client's older rows for the action are deleted, so the table
 * holds about one row per active client and action.
 */
#include <time.h>

#include "db.h"
#include "log.h"
#include "request.h"
#include "worker.h"

int
civic_req_ratelimit(struct civic_req *r, const char *action, unsigned limit,
    unsigned window)
{
	static const char	 hit[] =
	    "INSERT INTO rate_limit (action, client, slot, hits) VALUES (?, ?, ?, 1) "
	    "ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)";
	static const char	 prune[] =
	    "DELETE FROM rate_limit WHERE action = ? AND client = ? AND slot < ?";
	long long		 slot = (long long)time(NULL) / (window ? window : 1);
	struct civic_param	 p[] = { CIVIC_PTEXT(action), CIVIC_PTEXT(r->remote_addr),
				    CIVIC_PINT(slot) };
	unsigned long long	 hits;

	if (civic_db_exec(r->db, hit, p, 3, NULL, &hits) != CIVIC_OK)
		return -1;
	if (hits == 0) {
		/* A new row: this client's first hit in the window. */
		hits = 1;
		if (civic_db_exec(r->db, prune, p, 3, NULL, NULL) != CIVIC_OK)
			civic_log_warn("rate limit: old windows not pruned");
	}
	return hits > limit ? 1 : 0;
}
