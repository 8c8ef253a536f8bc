/*
 * supervise.c: the evaluation's figures for supervisors and the office
 * (evaluate.h, doc/evaluate.md):
 *
 *	GET /supervise		the figures of a period by one dimension
 *				(department, clerk, kind, campaign, item): counts per
 *				level, satisfaction and 差评 rates, the 95 %
 *				interval, rectification cases opened, closed and
 *				closed on time; a ranking and a chart (XSLT)
 *	GET /supervise.csv	the same figures as CSV
 *	GET /supervise/ratings	every rating, filtered, newest first, with its
 *				comment (never the rater's phone or address)
 *
 * The counts are EVAL_COUNTS_SQL's over the ratings given in the period,
 * excluded ones left out (an appeal upheld takes a rating out of every
 * figure, and its rectification case with it).  A rectification case is
 * counted with its rating: opened for every 差评 of the period with a
 * department, closed when rectified, on time when by its due time.  The
 * satisfaction rate and its interval are eval_figures()'s, as on the
 * public page; here a row below evaluate.min_ratings keeps its rate, and
 * the ranking marks it and puts it last.
 */
#include <string.h>

#include "csv.h"
#include "evaluate.h"
#include "worker.h"

#define SUPERVISE_ROLES	(CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_OFFICE)

static const char *const supervise_dims[] = { "department", "clerk", "kind", "campaign",
    "item", NULL };
static const char *const supervise_kinds[] = { "letter", "question", "application", "clerk",
    "item", "campaign", NULL };
static const char *const supervise_excluded[] = { "0", "1", NULL };

static const struct civic_field figures_fields[] = {
	{ "by", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_dims },
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field ratings_fields[] = {
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ "kind", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_kinds },
	{ "level", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, eval_levels },
	{ "excluded", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_excluded },
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ---------------------------------------------------------------- figures */

/*
 * The figures grouped by key (shown as name, in the order of sort), of
 * the ratings given in the period and not excluded.  Each rating has at
 * most one case (eval_case_rating is unique), so the join counts each
 * rating once.
 */
#define SUPERVISE_FIGURES(key, name, sort, join) \
	"SELECT " key " AS id, " name " AS name, " EVAL_COUNTS_SQL("e") ", " \
	"ROUND(100 * SUM(e.level <= 2) / COUNT(e.id), 1) AS bad_rate, " \
	"COUNT(c.id) AS cases, COALESCE(SUM(c.closed_at IS NOT NULL), 0) AS closed, " \
	"COALESCE(SUM(c.closed_at IS NOT NULL AND c.on_time = 1), 0) AS on_time, " \
	"ROUND(100 * SUM(c.closed_at IS NOT NULL AND c.on_time = 1) / " \
	"NULLIF(SUM(c.closed_at IS NOT NULL), 0), 1) AS on_time_rate " \
	"FROM eval_rating e LEFT JOIN eval_case c ON c.rating_id = e.id " join " " \
	"WHERE e.excluded = 0 AND e.rated_at >= ? AND e.rated_at < ? " \
	"GROUP BY " key ", " name ", " sort " ORDER BY " sort ", " key " LIMIT ?"

static const char supervise_by_department[] = SUPERVISE_FIGURES("e.department_id", "d.name",
    "d.code", "JOIN department d ON d.id = e.department_id");
static const char supervise_by_clerk[] = SUPERVISE_FIGURES("e.staff_id",
    "CONCAT(s.staff_no, ' ', s.name)", "s.staff_no", "JOIN staff s ON s.id = e.staff_id");
/* The kind's code: the page translates it. */
static const char supervise_by_kind[] = SUPERVISE_FIGURES("e.kind", "CAST(e.kind AS CHAR)",
    "e.kind + 0", "");
static const char supervise_by_campaign[] = SUPERVISE_FIGURES("e.campaign_id", "g.title",
    "g.starts_on", "JOIN eval_campaign g ON g.id = e.campaign_id");
/*
 * A service item by its code (the pre-review's catalogue will name it):
 * the join keeps only the ratings of an item, as the others' joins do.
 */
static const char supervise_by_item[] = SUPERVISE_FIGURES("e.item_code", "e.item_code",
    "e.item_code", "JOIN eval_rating i ON i.id = e.id AND i.item_code IS NOT NULL");

struct supervise_figures {
	const char		*by;
	const char		*from, *to;
	struct civic_rows	 rows;
};

/* The figures of the request's dimension and period.  0, or the status to return. */
static int
supervise_figures(struct civic_req *r, struct supervise_figures *fg)
{
	const char		*sql = supervise_by_department;
	struct civic_rows	 rows;
	struct civic_param	 p[3];
	enum civic_err		 err;
	int			 st;

	if ((fg->by = civic_req_value(r, "by")) == NULL)
		fg->by = "department";
	if (strcmp(fg->by, "clerk") == 0)
		sql = supervise_by_clerk;
	else if (strcmp(fg->by, "kind") == 0)
		sql = supervise_by_kind;
	else if (strcmp(fg->by, "campaign") == 0)
		sql = supervise_by_campaign;
	else if (strcmp(fg->by, "item") == 0)
		sql = supervise_by_item;
	if ((st = eval_period(r, civic_req_value(r, "from"), civic_req_value(r, "to"),
	    &fg->from, &fg->to, p)) != 0)
		return st;
	p[2] = CIVIC_PINT(CIVIC_MAX_ROWS);
	if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), CIVIC_MAX_ROWS,
	    &rows)) != CIVIC_OK)
		return civic_req_status(err);
	return eval_figures(r, &rows, 0, NULL, &fg->rows);
}

/* GET /supervise: the figures, whose table, ranking and chart the page draws. */
static int
supervise_show(struct civic_req *r)
{
	struct supervise_figures	 fg;
	xmlNodePtr			 w;
	int				 st;

	if ((st = supervise_figures(r, &fg)) != 0)
		return st;
	civic_page_value(r, "by", fg.by);
	civic_page_value(r, "from", fg.from);
	civic_page_value(r, "to", fg.to);
	if ((w = civic_page_add(r, NULL, "figures", NULL)) == NULL)
		return 500;
	civic_page_attr(w, "by", fg.by);
	civic_page_attr(w, "from", fg.from);
	civic_page_attr(w, "to", fg.to);
	civic_page_attr(w, "min", civic_arena_printf(r->arena, "%lld",
	    civic_config_int(r->worker->cfg, "evaluate.min_ratings")));
	civic_page_rows(r, w, "row", &fg.rows);
	return 200;
}

/*
 * The CSV's columns and headings, in the page's language.  The levels'
 * words repeat xslt/i18n/evaluate.xml's, which C cannot read.
 */
static const struct civic_csv_col supervise_csv_cols[] = {
	{ "name", "名称", "Name" },
	{ "n", "评价数", "Ratings" },
	{ "r5", "非常满意", "Very satisfied" },
	{ "r4", "满意", "Satisfied" },
	{ "r3", "基本满意", "Fairly satisfied" },
	{ "r2", "不满意", "Dissatisfied" },
	{ "r1", "非常不满意", "Very dissatisfied" },
	{ "rate", "满意率(%)", "Satisfaction (%)" },
	{ "lo", "95%区间下限(%)", "95% interval, low (%)" },
	{ "hi", "95%区间上限(%)", "95% interval, high (%)" },
	{ "bad_rate", "差评率(%)", "Bad reviews (%)" },
	{ "cases", "整改件数", "Rectification cases" },
	{ "closed", "已办结", "Closed" },
	{ "on_time", "按时办结", "Closed on time" },
	{ "on_time_rate", "按时率(%)", "On-time rate (%)" },
	{ "enough", "样本充足", "Enough ratings" },
};

/* GET /supervise.csv: the same figures, in the same order. */
static int
supervise_csv(struct civic_req *r)
{
	struct supervise_figures	 fg;
	const struct civic_rows		*sets[] = { &fg.rows };
	int				 st;

	if ((st = supervise_figures(r, &fg)) != 0)
		return st;
	return civic_csv(r, civic_arena_printf(r->arena, "evaluate-%s.csv", fg.by),
	    supervise_csv_cols, CIVIC_NITEMS(supervise_csv_cols), sets, NULL,
	    CIVIC_NITEMS(sets));
}

/* ---------------------------------------------------------------- ratings */

/*
 * GET /supervise/ratings: every rating, newest first by keyset, with the
 * filters; excluded ones too (the filter "excluded" picks them), each
 * with its rectification case's state.
 */
static int
supervise_ratings(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT e.id, e.kind, d.name AS department, s.staff_no, g.title AS campaign, "
	    "e.case_no, e.item_code AS item, e.level, e.efficiency, e.accuracy, e.convenience, "
	    "e.attitude, e.professionalism, x.name AS reason, e.comment, "
	    EVAL_TIME("e.rated_at") " AS rated, e.excluded, e.excluded_reason, "
	    "c.state AS case_state "
	    "FROM eval_rating e LEFT JOIN department d ON d.id = e.department_id "
	    "LEFT JOIN staff s ON s.id = e.staff_id "
	    "LEFT JOIN eval_campaign g ON g.id = e.campaign_id "
	    "LEFT JOIN eval_reason x ON x.id = e.reason_id "
	    "LEFT JOIN eval_case c ON c.rating_id = e.id "
	    "WHERE e.id < ? AND (? IS NULL OR e.department_id = ?) "
	    "AND (? IS NULL OR e.kind = ?) AND (? IS NULL OR e.level = ?) "
	    "AND (? IS NULL OR e.excluded = ?) "
	    "AND (? IS NULL OR e.rated_at >= ?) "
	    "AND (? IS NULL OR e.rated_at < ? + INTERVAL 1 DAY) "
	    "ORDER BY e.id DESC LIMIT ?";
	static const char	 depts[] =
	    "SELECT id, name FROM department ORDER BY code, id LIMIT ?";
	static const char *const keep[] = { "department", "kind", "level", "excluded", "from",
	    "to", NULL };
	const char		*dept = civic_req_value(r, "department");
	const char		*kind = civic_req_value(r, "kind");
	const char		*level = civic_req_value(r, "level");
	const char		*excl = civic_req_value(r, "excluded");
	const char		*from = civic_req_value(r, "from");
	const char		*to = civic_req_value(r, "to");
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PTEXT(dept), CIVIC_PTEXT(dept),
				    CIVIC_PTEXT(kind), CIVIC_PTEXT(kind),
				    CIVIC_PTEXT(level), CIVIC_PTEXT(level),
				    CIVIC_PTEXT(excl), CIVIC_PTEXT(excl),
				    CIVIC_PTEXT(from), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to), CIVIC_PTEXT(to),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	struct civic_param	 pd[] = { CIVIC_PINT(CIVIC_MAX_ROWS) };
	size_t			 i;
	int			 st;

	for (i = 0; keep[i] != NULL; i++)
		civic_page_value(r, keep[i], civic_req_value(r, keep[i]));
	if ((st = civic_page_query(r, "departments", "department", depts, pd, 1)) != 0 ||
	    (st = civic_page_list(r, "ratings", "rating", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	return 200;
}

const struct civic_route eval_supervise_routes[] = {
	{ .method = "GET", .pattern = "/supervise", .view = "supervise",
	    .handler = supervise_show, .fields = figures_fields, .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/supervise.csv", .view = "supervise",
	    .handler = supervise_csv, .fields = figures_fields, .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/supervise/ratings", .view = "supervise-ratings",
	    .handler = supervise_ratings, .fields = ratings_fields, .roles = SUPERVISE_ROLES },
};
const size_t eval_supervise_nroutes = CIVIC_NITEMS(eval_supervise_routes);
