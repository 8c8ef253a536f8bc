/*
 * supervise.c: what supervisors (and the office) see of the consultation
 * (consult.h, doc/consult-supervise.md): every question with its times,
 * clerk, light and rating, filtered; and the figures per department and
 * per clerk: questions, first-response time (median and 90th percentile),
 * first responses on time, satisfaction.  The same figures for one clerk
 * are on the clerk's desk.
 *
 * Percentiles are MariaDB's PERCENTILE_CONT over the questions that had a
 * first response; on time counts those answered by their first-response
 * due time among those whose due time has passed or that were answered;
 * satisfaction is the share of 好评 (levels 3 to 5: 基本满意, 满意, 非常满意)
 * among the ratings given, as the national 好差评 counts it
 * (doc/evaluate.md).  The ratings are the evaluation's (rating.h), a
 * rating excluded on appeal left out.
 */
#include <string.h>

#include "consult.h"
#include "csv.h"
#include "rating.h"

#define SUPERVISE_ROLES	(CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_OFFICE)

static const char *const lights[] = { "green", "yellow", "red", NULL };

static const struct civic_field list_fields[] = {
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ "clerk", CIVIC_V_TEXT, 1, 16, CIVIC_F_QUERY, NULL },
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "light", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, lights },
	{ "rating", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, eval_levels },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field figures_fields[] = {
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The period's bounds: from's midnight, and the midnight after to (both may be NULL). */
static void
supervise_period(struct civic_req *r, const char *from, const char *to,
    struct civic_param *p)
{
	civic_day	 d;
	char		*end;

	p[0] = CIVIC_PTEXT(from != NULL ? from : "1000-01-01");
	p[1] = CIVIC_PTEXT("9999-12-31");
	if (to != NULL && civic_calendar_parse_date(to, &d) == CIVIC_OK &&
	    (end = civic_arena_alloc(r->arena, CIVIC_CALENDAR_DATE_LEN)) != NULL)
		p[1] = CIVIC_PTEXT(civic_calendar_format_date(d + 1, end));
}

/* ---------------------------------------------------------------- list */

#define SUPERVISE_LIGHT	"(" CONSULT_LIGHT_SQL("q") ")"

/* A question's rating (one at most), unless excluded on appeal. */
#define SUPERVISE_RATING_JOIN \
	"LEFT JOIN eval_rating e ON e.kind = 'question' AND e.case_id = q.id " \
	"AND e.stage = 'handled' AND e.excluded = 0 "

/* GET /supervise: every question, newest first by keyset, with the filters. */
static int
supervise_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.id, q.tracking_no AS no, q.subject, d.name AS area, q.state, "
	    "s.staff_no, " CONSULT_TIME("q.asked_at") " AS asked, "
	    CONSULT_TIME("q.assigned_at") " AS assigned, "
	    CONSULT_TIME("q.first_response_at") " AS first_response, "
	    CONSULT_TIME("q.answered_at") " AS answered, "
	    "TIMESTAMPDIFF(SECOND, q.asked_at, q.first_response_at) AS first_secs, "
	    "e.level, e.efficiency, e.accuracy, e.convenience, "
	    SUPERVISE_LIGHT " AS light "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "LEFT JOIN staff s ON s.id = q.assigned_to " SUPERVISE_RATING_JOIN
	    "WHERE q.id < ? AND (? IS NULL OR q.area_id = ?) "
	    "AND (? IS NULL OR s.staff_no = ?) AND q.asked_at >= ? AND q.asked_at < ? "
	    "AND (? IS NULL OR e.level = ?) "
	    "AND (? IS NULL OR " SUPERVISE_LIGHT " = ?) "
	    "ORDER BY q.id DESC LIMIT ?";
	static const char	 depts[] = "SELECT id, name FROM department ORDER BY code";
	static const char *const keep[] = { "department", "clerk", "from", "to", "light",
	    "rating", NULL };
	const char		*clerk = civic_req_value(r, "clerk");
	const char		*light = civic_req_value(r, "light");
	const char		*rating = civic_req_value(r, "rating");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 dept = civic_req_int(r, "department", 0);
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[32];
	size_t			 np = 0, i;
	int			 st;

	consult_now(r, now);
	for (i = 0; keep[i] != NULL; i++)
		civic_page_value(r, keep[i], civic_req_value(r, keep[i]));
	for (i = 0; i < CONSULT_LIGHT_NPARAMS; i++)
		p[np++] = CIVIC_PTEXTN(now, strlen(now));
	p[np++] = CIVIC_PINT(after > 0 ? after : (1LL << 62));
	p[np++] = dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(dept);
	p[np++] = CIVIC_PTEXT(clerk);
	p[np++] = CIVIC_PTEXT(clerk);
	supervise_period(r, civic_req_value(r, "from"), civic_req_value(r, "to"), p + np);
	np += 2;
	p[np++] = CIVIC_PTEXT(rating);
	p[np++] = CIVIC_PTEXT(rating);
	p[np++] = CIVIC_PTEXT(light);
	for (i = 0; i < CONSULT_LIGHT_NPARAMS; i++)
		p[np++] = CIVIC_PTEXTN(now, strlen(now));
	p[np++] = CIVIC_PTEXT(light);
	p[np++] = CIVIC_PINT(CIVIC_PAGE_SIZE + 1);
	if ((st = civic_page_query(r, "departments", "department", depts, NULL, 0)) != 0 ||
	    (st = civic_page_list(r, "questions", "question", "id", sql, p, np)) != 0)
		return st;
	return 200;
}

/* ---------------------------------------------------------------- figures */

/*
 * The figures grouped by key (a department, a clerk), of the questions
 * asked in the period, and of one clerk's only when ? is not NULL.
 */
#define SUPERVISE_FIGURES(key, name, join) \
	"SELECT DISTINCT g.k AS id, g.name, " \
	"COUNT(*) OVER (PARTITION BY g.k) AS questions, " \
	"SUM(g.secs IS NOT NULL) OVER (PARTITION BY g.k) AS responded, " \
	"ROUND(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY g.secs) " \
	"OVER (PARTITION BY g.k)) AS median_secs, " \
	"ROUND(PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY g.secs) " \
	"OVER (PARTITION BY g.k)) AS p90_secs, " \
	"SUM(g.on_time) OVER (PARTITION BY g.k) AS on_time, " \
	"SUM(g.due) OVER (PARTITION BY g.k) AS due, " \
	"ROUND(100 * SUM(g.on_time) OVER (PARTITION BY g.k) / " \
	"NULLIF(SUM(g.due) OVER (PARTITION BY g.k), 0), 1) AS on_time_rate, " \
	"COUNT(g.rating) OVER (PARTITION BY g.k) AS rated, " \
	"ROUND(100 * SUM(g.rating >= 3) OVER (PARTITION BY g.k) / " \
	"NULLIF(COUNT(g.rating) OVER (PARTITION BY g.k), 0), 1) AS satisfaction " \
	"FROM (SELECT " key " AS k, " name " AS name, " \
	"TIMESTAMPDIFF(SECOND, q.asked_at, q.first_response_at) AS secs, " \
	"q.first_response_at IS NOT NULL AND q.first_response_at <= q.first_due_at " \
	"AS on_time, q.first_response_at IS NOT NULL OR q.first_due_at < ? AS due, " \
	"e.level AS rating FROM consult_question q " join \
	" " SUPERVISE_RATING_JOIN "WHERE q.asked_at >= ? AND q.asked_at < ? " \
	"AND (? IS NULL OR q.assigned_to = ?)) g ORDER BY g.name"

/* The figures' rows, by "department" or "clerk".  0, or the status to return. */
static int
supervise_rows(struct civic_req *r, const char *by, long long staff, const char *from,
    const char *to, struct civic_rows *rows)
{
	static const char	 by_dept[] = SUPERVISE_FIGURES("q.area_id", "d.name",
	    "JOIN department d ON d.id = q.area_id");
	static const char	 by_clerk[] = SUPERVISE_FIGURES("q.assigned_to",
	    "CONCAT(s.staff_no, ' ', s.name)", "JOIN staff s ON s.id = q.assigned_to");
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[5];
	enum civic_err		 err;

	consult_now(r, now);
	p[0] = CIVIC_PTEXTN(now, strlen(now));
	supervise_period(r, from, to, p + 1);
	p[3] = staff > 0 ? CIVIC_PINT(staff) : CIVIC_PNULL;
	p[4] = CIVIC_PINT(staff);
	err = civic_db_query(r->db, r->arena, strcmp(by, "clerk") == 0 ? by_clerk : by_dept,
	    p, CIVIC_NITEMS(p), CIVIC_MAX_ROWS, rows);
	return err == CIVIC_OK ? 0 : civic_req_status(err);
}

int
consult_page_figures(struct civic_req *r, const char *by, long long staff,
    const char *from, const char *to)
{
	struct civic_rows	 rows;
	int			 st;

	if ((st = supervise_rows(r, by, staff, from, to, &rows)) == 0)
		civic_page_rows(r, civic_page_add(r, NULL, strcmp(by, "clerk") == 0 ?
		    "by-clerk" : "by-department", NULL), "row", &rows);
	return st;
}

/* GET /supervise/figures: per department and per clerk, in the period. */
static int
supervise_figures(struct civic_req *r)
{
	const char	*from = civic_req_value(r, "from"), *to = civic_req_value(r, "to");
	int		 st;

	civic_page_value(r, "from", from);
	civic_page_value(r, "to", to);
	if ((st = consult_page_figures(r, "department", 0, from, to)) != 0 ||
	    (st = consult_page_figures(r, "clerk", 0, from, to)) != 0)
		return st;
	return 200;
}

static const struct civic_csv_col supervise_csv_cols[] = {
	{ "name", "部门/工号", "Department / staff no." },
	{ "questions", "咨询数", "Questions" },
	{ "responded", "已响应", "Responded" },
	{ "median_secs", "首次响应中位数(秒)", "Median first response (s)" },
	{ "p90_secs", "首次响应90分位(秒)", "90th percentile first response (s)" },
	{ "on_time", "按时响应", "Responded on time" },
	{ "on_time_rate", "按时率(%)", "On-time rate (%)" },
	{ "rated", "评价数", "Ratings" },
	{ "satisfaction", "满意率(%)", "Satisfaction (%)" },
};

/* GET /supervise/figures.csv: the same, departments first, then clerks. */
static int
supervise_figures_csv(struct civic_req *r)
{
	const char		*from = civic_req_value(r, "from"), *to = civic_req_value(r, "to");
	struct civic_rows	 dept, clerk;
	const struct civic_rows	*sets[] = { &dept, &clerk };
	int			 st;

	if ((st = supervise_rows(r, "department", 0, from, to, &dept)) != 0 ||
	    (st = supervise_rows(r, "clerk", 0, from, to, &clerk)) != 0)
		return st;
	return civic_csv(r, "consult-figures.csv", supervise_csv_cols,
	    CIVIC_NITEMS(supervise_csv_cols), sets, NULL, CIVIC_NITEMS(sets));
}

const struct civic_route consult_supervise_routes[] = {
	{ .method = "GET", .pattern = "/supervise", .view = "supervise",
	    .handler = supervise_list, .fields = list_fields, .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/supervise/figures", .view = "supervise-figures",
	    .handler = supervise_figures, .fields = figures_fields,
	    .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/supervise/figures.csv", .view = "supervise-figures",
	    .handler = supervise_figures_csv, .fields = figures_fields,
	    .roles = SUPERVISE_ROLES },
};
const size_t consult_supervise_nroutes = CIVIC_NITEMS(consult_supervise_routes);
