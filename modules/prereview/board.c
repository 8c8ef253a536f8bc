/*
 * board.c: supervision of the pre-review (prereview.h, doc/prereview.md
 * "The board"): the red/yellow/green board, per department the reviews
 * open now by light (paused: waiting for the applicant's corrections),
 * the cases overdue first, and the urge of one department's review.
 *
 * A review counts while its application is open (review, correction) and
 * the review is still to be decided (waiting, claimed), or asked for
 * corrections while the clock is paused.  The lights are computed at the
 * pre-review's clock (pr_now), as the desk computes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "prereview.h"
#include "worker.h"

#define BOARD_ROLES	(CIVIC_ROLE_OFFICE | CIVIC_ROLE_SUPERVISOR)
#define BOARD_ID_MAX	999999999LL
/* Once a day a review: a second SMS the same day tells the clerks nothing new. */
#define BOARD_URGE_EVERY	"INTERVAL 1 DAY"

/* The reviews open now: to decide, or asked for corrections while the clock is paused. */
#define BOARD_OPEN \
	"FROM pr_review rv JOIN pr_application a ON a.id = rv.application_id " \
	"WHERE a.state IN ('review', 'correction') AND (rv.state IN ('waiting', 'claimed') " \
	"OR (rv.state = 'correction' AND a.paused_at IS NOT NULL))"

static const char *const board_dones[] = { "urged", NULL };

static const struct civic_field board_fields[] = {
	{ "department", CIVIC_V_INT, 1, BOARD_ID_MAX, CIVIC_F_QUERY, NULL },
	{ "light", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, pr_review_lights },
	{ "after", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, board_dones },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field urge_fields[] = {
	{ "department", CIVIC_V_INT, 1, BOARD_ID_MAX, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * The counts per department (every department with an open review, or
 * the one filtered), then the cases, by keyset, the overdue first.
 */
static int
board_page(struct civic_req *r)
{
	static const char	 counts[] =
	    "SELECT x.department_id AS id, d.name, SUM(x.light = 'green') AS green, "
	    "SUM(x.light = 'yellow') AS yellow, SUM(x.light = 'red') AS red, "
	    "SUM(x.light = 'paused') AS paused, COUNT(*) AS total "
	    "FROM (SELECT rv.department_id, " PR_REVIEW_LIGHT_SQL " AS light " BOARD_OPEN ") x "
	    "JOIN department d ON d.id = x.department_id "
	    "WHERE ? IS NULL OR x.department_id = ? GROUP BY x.department_id, d.name "
	    "ORDER BY SUM(x.light = 'red') DESC, x.department_id";
	static const char	 cases[] =
	    "SELECT x.id, a.serial, i.name AS item, x.department_id, d.name AS department, "
	    "x.state, x.due, x.light, x.urged, x.k FROM (SELECT a.id, rv.department_id, "
	    "rv.state, " PR_TIME("rv.due_at") " AS due, " PR_REVIEW_LIGHT_SQL " AS light, "
	    PR_TIME("rv.urged_at") " AS urged, " PR_REVIEW_KEY_SQL " AS k "
	    BOARD_OPEN " AND (? IS NULL OR rv.department_id = ?)) x "
	    "JOIN pr_application a ON a.id = x.id JOIN pr_item i ON i.id = a.item_id "
	    "JOIN department d ON d.id = x.department_id "
	    "WHERE x.k > ? AND (? IS NULL OR x.light = ?) ORDER BY x.k LIMIT ?";
	static const char	 depts[] =
	    "SELECT DISTINCT d.id, d.name FROM department d "
	    "JOIN pr_item_department x ON x.department_id = d.id ORDER BY d.id";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	long long		 dept = civic_req_int(r, "department", 0);
	const char		*light = civic_req_value(r, "light");
	const char		*after = civic_req_value(r, "after");
	struct civic_param	 dp = dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL;
	int			 st;

	pr_now(r, now);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)),
		    CIVIC_PTEXTN(now, strlen(now)), dp, dp };

		if ((st = civic_page_query(r, "counts", "department", counts, p, 4)) != 0)
			goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)),
		    CIVIC_PTEXTN(now, strlen(now)), dp, dp,
		    CIVIC_PTEXT(after != NULL ? after : ""), CIVIC_PTEXT(light),
		    CIVIC_PTEXT(light), CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };

		if ((st = civic_page_list(r, "cases", "case", "k", cases, p,
		    CIVIC_NITEMS(p))) != 0)
			goto out;
	}
	if ((st = civic_page_query(r, "departments", "department", depts, NULL, 0)) != 0)
		goto out;
	civic_page_value(r, "light", light);
	if (dept > 0)
		civic_page_value(r, "department", civic_arena_printf(r->arena, "%lld", dept));
	civic_page_addf(r, NULL, "now", "%s", now);
	if (civic_req_value(r, "done") != NULL)
		civic_page_message(r, "info", "prereview.board.done.urged");
	st = 200;
out:
	return st;
}

struct board_urge {
	struct civic_req	*r;
	long long		 app;
	long long		 dept;
};

/*
 * The urge, in one transaction: the conditional UPDATE (the review open,
 * not urged in the last day: else CIVIC_ERR_CONFLICT), the "urged" event
 * (staff only), the SMS to the department's clerks, the audit entry.
 */
static enum civic_err
board_urge_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE pr_review rv JOIN pr_application a ON a.id = rv.application_id "
	    "SET rv.urged_at = ? WHERE rv.application_id = ? AND rv.department_id = ? "
	    "AND rv.state IN ('waiting', 'claimed') AND a.state = 'review' "
	    "AND (rv.urged_at IS NULL OR rv.urged_at <= ? - " BOARD_URGE_EVERY ")";
	static const char	 one[] =
	    "SELECT a.serial, a.round, i.name AS item, " PR_TIME("rv.due_at") " AS due "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "JOIN pr_review rv ON rv.application_id = a.id AND rv.department_id = ? "
	    "WHERE a.id = ?";
	static const char	 clerks[] =
	    "SELECT DISTINCT phone FROM staff WHERE department_id = ? AND active = 1 "
	    "AND FIND_IN_SET('clerk', roles) > 0 AND phone IS NOT NULL ORDER BY phone";
	struct board_urge	*u = arg;
	struct civic_req	*r = u->r;
	char			 now[CIVIC_CALENDAR_TIME_LEN], ids[24];
	struct civic_param	 p[4];
	struct civic_param	 q[] = { CIVIC_PINT(u->dept), CIVIC_PINT(u->app) };
	struct civic_rows	 app;
	enum civic_err		 err;

	pr_now(r, now);
	p[0] = CIVIC_PTEXTN(now, strlen(now));
	p[1] = CIVIC_PINT(u->app);
	p[2] = CIVIC_PINT(u->dept);
	p[3] = CIVIC_PTEXTN(now, strlen(now));
	if ((err = civic_db_change(r->db, upd, p, 4)) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, one, q, 2, 1, &app)) != CIVIC_OK)
		goto out;
	{
		struct civic_notify_param np[] = {
		    { "no", civic_rows_get(&app, 0, "serial") },
		    { "item", civic_rows_get(&app, 0, "item") },
		    { "due", civic_rows_get(&app, 0, "due") } };

		if ((err = pr_event(r, u->app, "urged", strtoll(civic_rows_get(&app, 0, "round"),
		    NULL, 10), u->dept, NULL, 0)) != CIVIC_OK ||
		    (err = civic_notify_each(r->db, r->arena, clerks, q, 1, "prereview.urged",
		    civic_config_get(r->worker->cfg, "site.language"), np,
		    CIVIC_NITEMS(np))) != CIVIC_OK)
			goto out;
	}
	snprintf(ids, sizeof(ids), "%lld", u->app);
	if ((err = civic_audit(r, "prereview.urge", "pr_application", ids,
	    civic_arena_printf(r->arena, "%s department=%lld", civic_rows_get(&app, 0,
	    "serial"), u->dept))) != CIVIC_OK)
		goto out;
	err = civic_req_redirect(r, "/board?done=urged") == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
board_urge(struct civic_req *r)
{
	struct board_urge	 u = { r, civic_req_seg_int(r, "id"),
				    civic_req_int(r, "department", 0) };

	/* Decided, not open, or urged today already: say so, change nothing. */
	return civic_req_done(r, civic_req_tx(r, board_urge_tx, &u),
	    "prereview.board.urge.refused");
}

const struct civic_route pr_board_routes[] = {
	{ .method = "GET", .pattern = "/board", .view = "prereview-board",
	    .handler = board_page, .fields = board_fields, .roles = BOARD_ROLES },
	/* The urge form's own address, whose page (the board) a refused urge comes back to. */
	{ .method = "GET", .pattern = "/review/{id:int}/urge", .view = "prereview-board",
	    .handler = board_page, .fields = board_fields, .roles = BOARD_ROLES },
	{ .method = "POST", .pattern = "/review/{id:int}/urge", .view = "prereview-board",
	    .handler = board_urge, .fields = urge_fields, .flags = CIVIC_R_STATE,
	    .roles = BOARD_ROLES },
};
const size_t pr_board_nroutes = CIVIC_NITEMS(pr_board_routes);
