/*
 * results.c: the evaluation's home page and its public results
 * (evaluate.h, doc/evaluate.md):
 *
 *	GET /		what can be rated and how: a handled case by the link
 *			on its page or in its SMS, a window clerk at /clerk, a
 *			department in an open campaign (listed)
 *	GET /results	per department and per service item over a period
 *			(the last 12 months by default): how many ratings,
 *			and from evaluate.min_ratings on the satisfaction rate
 *			with its 95 % Wilson interval; the rectifications of
 *			差评 in summary, and the latest published ones
 *
 * The satisfaction rate is 好评 (levels 3 to 5) over the ratings, as the
 * national 好差评 counts it; excluded ratings (an appeal upheld) count
 * nowhere.  Below the minimum a rate is not published at all, not even in
 * the page's XML: a rate of a few votes says more about chance than about
 * a department, and the table is in the order of the departments' codes,
 * never ranked.  Nothing here reads a rater's phone, address, comment or
 * case number: what a query does not read, no page can show.
 *
 * eval_period() and eval_figures() are shared with supervise.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"
#include "redact.h"
#include "worker.h"

/* The latest rectifications the public page shows. */
#define RESULTS_RECTIFIED	20

static const struct civic_field results_fields[] = {
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ---------------------------------------------------------------- shared */

int
eval_period(struct civic_req *r, const char *from, const char *to, const char **pfrom,
    const char **pto, struct civic_param p[2])
{
	char		 now[CIVIC_CALENDAR_TIME_LEN];
	char		*f, *t, *end;
	civic_day	 today, d;
	int		 y, m, day, st = 500;

	today = civic_calendar_day_of(eval_now(r, now));
	if ((f = civic_arena_alloc(r->arena, CIVIC_CALENDAR_DATE_LEN)) == NULL ||
	    (t = civic_arena_alloc(r->arena, CIVIC_CALENDAR_DATE_LEN)) == NULL ||
	    (end = civic_arena_alloc(r->arena, CIVIC_CALENDAR_DATE_LEN)) == NULL)
		goto out;
	/* The validator let through real dates only; the defaults are today's. */
	if (to == NULL || civic_calendar_parse_date(to, &d) != CIVIC_OK)
		d = today;
	civic_calendar_format_date(d, t);
	civic_calendar_format_date(d + 1, end);
	if (from == NULL || civic_calendar_parse_date(from, &d) != CIVIC_OK) {
		/* The last 12 months: from the day after the same date a year ago. */
		civic_calendar_to_civil(today, &y, &m, &day);
		if (m == 2 && day == 29)
			day = 28;
		d = civic_calendar_from_civil(y - 1, m, day) + 1;
	}
	civic_calendar_format_date(d, f);
	*pfrom = f;
	*pto = t;
	p[0] = CIVIC_PTEXT(f);
	p[1] = CIVIC_PTEXT(end);
	st = 0;
out:
	return st;
}

/* 1 when name is one of list's (NULL-terminated, may be NULL). */
static int
results_listed(const char *const *list, const char *name)
{
	size_t	 i;

	for (i = 0; list != NULL && list[i] != NULL; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* The columns eval_figures() adds, in their order. */
static const char *const results_added[] = { "rate", "lo", "hi", "enough" };

int
eval_figures(struct civic_req *r, const struct civic_rows *in, int public,
    const char *const *drop, struct civic_rows *out)
{
	long long	 min = civic_config_int(r->worker->cfg, "evaluate.min_ratings");
	long long	 n, good;
	const char	*v;
	char		**cell;
	double		 lo, hi;
	size_t		 i, j, k, keep = 0, ncols;
	int		 enough, st = 500;

	for (j = 0; j < in->ncols; j++)
		if (!results_listed(drop, in->names[j]))
			keep++;
	ncols = keep + CIVIC_NITEMS(results_added);
	out->nrows = in->nrows;
	out->ncols = ncols;
	if ((out->names = civic_arena_zalloc(r->arena, ncols * sizeof(*out->names))) == NULL ||
	    (out->cell = civic_arena_zalloc(r->arena, (in->nrows * ncols + 1) *
	    sizeof(*out->cell))) == NULL ||
	    (out->len = civic_arena_zalloc(r->arena, (in->nrows * ncols + 1) *
	    sizeof(*out->len))) == NULL)
		goto out;
	for (j = 0, k = 0; j < in->ncols; j++)
		if (!results_listed(drop, in->names[j]))
			out->names[k++] = in->names[j];
	for (j = 0; j < CIVIC_NITEMS(results_added); j++)
		out->names[keep + j] = results_added[j];
	for (i = 0; i < in->nrows; i++) {
		cell = out->cell + i * ncols;
		for (j = 0, k = 0; j < in->ncols; j++)
			if (!results_listed(drop, in->names[j]))
				cell[k++] = in->cell[i * in->ncols + j];
		n = (v = civic_rows_get(in, i, "n")) != NULL ? strtoll(v, NULL, 10) : 0;
		good = (v = civic_rows_get(in, i, "good")) != NULL ? strtoll(v, NULL, 10) : 0;
		/* Whatever the setting, a rate needs a rating. */
		enough = n > 0 && n >= min;
		if (n > 0 && (enough || !public)) {
			eval_wilson(good, n, &lo, &hi);
			/* One decimal, rounded half away from zero as SQL's ROUND. */
			if ((cell[keep] = civic_arena_printf(r->arena, "%.1f",
			    round((double)good * 1000.0 / (double)n) / 10.0)) == NULL ||
			    (cell[keep + 1] = civic_arena_printf(r->arena, "%.1f", lo)) == NULL ||
			    (cell[keep + 2] = civic_arena_printf(r->arena, "%.1f", hi)) == NULL)
				goto out;
		}
		cell[keep + 3] = (char *)(enough ? "1" : "0");
		for (j = 0; j < ncols; j++)
			out->len[i * ncols + j] = cell[j] != NULL ? strlen(cell[j]) : 0;
	}
	st = 0;
out:
	return st;
}

/* ---------------------------------------------------------------- home */

/* GET /: how to rate, and the campaigns open today. */
static int
results_home(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, c.title, c.intro, DATE_FORMAT(c.starts_on, '%Y-%m-%d') AS starts_on, "
	    "DATE_FORMAT(c.ends_on, '%Y-%m-%d') AS ends_on, "
	    "(SELECT GROUP_CONCAT(d.name ORDER BY d.code, d.id SEPARATOR '、') "
	    "FROM eval_campaign_department cd JOIN department d ON d.id = cd.department_id "
	    "WHERE cd.campaign_id = c.id) AS departments "
	    "FROM eval_campaign c WHERE ? BETWEEN c.starts_on AND c.ends_on "
	    "ORDER BY c.ends_on, c.id LIMIT ?";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	char			 today[CIVIC_CALENDAR_DATE_LEN];
	struct civic_param	 p[2];
	int			 st;

	civic_calendar_format_date(civic_calendar_day_of(eval_now(r, now)), today);
	p[0] = CIVIC_PTEXTN(today, strlen(today));
	p[1] = CIVIC_PINT(CIVIC_MAX_ROWS);
	if ((st = civic_page_query(r, "campaigns", "campaign", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	return 200;
}

/* ---------------------------------------------------------------- results */

/* What a public row leaves out: the counts from which the rate could be read. */
static const char *const results_hidden[] = { "good", "bad", "r5", "r4", "r3", "r2", "r1",
    NULL };

/* A figures' query into <wrapper><row>…: 0, or the status to return. */
static int
results_table(struct civic_req *r, xmlNodePtr parent, const char *wrapper, const char *row,
    const char *sql, const struct civic_param *p, size_t np)
{
	struct civic_rows	 rows, fig;
	xmlNodePtr		 w;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, np, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if (eval_figures(r, &rows, 1, results_hidden, &fig) != 0 ||
	    (w = civic_page_add(r, parent, wrapper, NULL)) == NULL)
		return 500;
	civic_page_rows(r, w, row, &fig);
	return 0;
}

/*
 * The latest rectifications a department published, each summary masked
 * again (civic_redact): the department wrote it for the public, but a
 * name or a number may have slipped in.
 */
static int
results_rectified(struct civic_req *r, xmlNodePtr parent)
{
	static const char	 sql[] =
	    "SELECT d.name AS department, DATE_FORMAT(c.rectified_at, '%Y-%m-%d') AS date, "
	    "c.public_summary AS summary FROM eval_case c "
	    "JOIN department d ON d.id = c.department_id "
	    "WHERE c.state = 'rectified' AND c.public_summary IS NOT NULL "
	    "AND c.public_summary <> '' "
	    "ORDER BY c.rectified_at DESC, c.id DESC LIMIT ?";
	struct civic_param	 p[] = { CIVIC_PINT(RESULTS_RECTIFIED) };
	struct civic_rows	 rows;
	xmlNodePtr		 w, c;
	enum civic_err		 err;
	const char		*summary;
	size_t			 i;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, RESULTS_RECTIFIED, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if ((w = civic_page_add(r, parent, "rectified", NULL)) == NULL)
		return 500;
	for (i = 0; i < rows.nrows; i++) {
		if ((summary = civic_redact(r->arena, civic_rows_get(&rows, i, "summary"), NULL,
		    0)) == NULL ||
		    (c = civic_page_add(r, w, "case", NULL)) == NULL ||
		    civic_page_add(r, c, "department", civic_rows_get(&rows, i, "department")) ==
		    NULL ||
		    civic_page_add(r, c, "date", civic_rows_get(&rows, i, "date")) == NULL ||
		    civic_page_add(r, c, "summary", summary) == NULL)
			return 500;
	}
	return 0;
}

/*
 * GET /results: the figures of the period.  Departments and items with a
 * rating in it; the 差评 of the period per department with what became of
 * them: rectified (on time), excluded after an appeal, still open.
 */
static int
results_show(struct civic_req *r)
{
	static const char	 depts[] =
	    "SELECT d.id, d.name, " EVAL_COUNTS_SQL("e") " "
	    "FROM eval_rating e JOIN department d ON d.id = e.department_id "
	    "WHERE e.excluded = 0 AND e.rated_at >= ? AND e.rated_at < ? "
	    "GROUP BY d.id, d.code, d.name ORDER BY d.code, d.id LIMIT ?";
	static const char	 items[] =
	    "SELECT e.item_code AS item, " EVAL_COUNTS_SQL("e") " "
	    "FROM eval_rating e WHERE e.excluded = 0 AND e.item_code IS NOT NULL "
	    "AND e.rated_at >= ? AND e.rated_at < ? "
	    "GROUP BY e.item_code ORDER BY e.item_code LIMIT ?";
	static const char	 bad[] =
	    "SELECT d.id, d.name, COUNT(e.id) AS bad, "
	    "COALESCE(SUM(c.state = 'rectified'), 0) AS rectified, "
	    "COALESCE(SUM(c.state = 'rectified' AND c.on_time = 1), 0) AS on_time, "
	    "COALESCE(SUM(e.excluded = 1), 0) AS excluded, "
	    "COALESCE(SUM(c.state IN ('visit', 'rectify', 'appeal')), 0) AS open "
	    "FROM eval_rating e JOIN department d ON d.id = e.department_id "
	    "LEFT JOIN eval_case c ON c.rating_id = e.id "
	    "WHERE e.level <= 2 AND e.rated_at >= ? AND e.rated_at < ? "
	    "GROUP BY d.id, d.code, d.name ORDER BY d.code, d.id LIMIT ?";
	const char		*from, *to;
	struct civic_param	 p[3];
	struct civic_rows	 rows;
	xmlNodePtr		 res, w;
	enum civic_err		 err;
	int			 st;

	if ((st = eval_period(r, civic_req_value(r, "from"), civic_req_value(r, "to"), &from,
	    &to, p)) != 0)
		return st;
	p[2] = CIVIC_PINT(CIVIC_MAX_ROWS);
	civic_page_value(r, "from", from);
	civic_page_value(r, "to", to);
	if ((res = civic_page_add(r, NULL, "results", NULL)) == NULL)
		return 500;
	civic_page_attr(res, "from", from);
	civic_page_attr(res, "to", to);
	civic_page_attr(res, "min", civic_arena_printf(r->arena, "%lld",
	    civic_config_int(r->worker->cfg, "evaluate.min_ratings")));
	if ((st = results_table(r, res, "departments", "department", depts, p, 3)) != 0 ||
	    (st = results_table(r, res, "items", "item", items, p, 3)) != 0)
		return st;
	if ((err = civic_db_query(r->db, r->arena, bad, p, 3, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if ((w = civic_page_add(r, res, "rectification", NULL)) == NULL)
		return 500;
	civic_page_rows(r, w, "department", &rows);
	if ((st = results_rectified(r, res)) != 0)
		return st;
	return 200;
}

const struct civic_route eval_results_routes[] = {
	{ .method = "GET", .pattern = "/", .view = "home", .handler = results_home },
	{ .method = "GET", .pattern = "/results", .view = "results", .handler = results_show,
	    .fields = results_fields },
};
const size_t eval_results_nroutes = CIVIC_NITEMS(eval_results_routes);
