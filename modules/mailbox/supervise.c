/*
 * supervise.c: supervision of the mailbox (mailbox.h, doc/mailbox-supervise.md),
 * for the supervisors and the information office:
 *
 *	GET  /supervise			every letter, whatever its state, filtered
 *	GET  /supervise/{id}		one letter's course: its forwards and history,
 *					and the urge form when it may be urged
 *	POST /supervise/{id}/urge	urge (督办) an overdue letter
 *	GET  /stats			figures per department and period: table, chart
 *	GET  /stats.csv			the same figures as CSV
 *
 * A letter may be urged while it is open (received, accepted, forwarded)
 * and past its due time; "due soon" (yellow) is a warning the departments
 * already see, not yet a delay to be urged.  An urge counts on the letter
 * (urge_count, urged_at), is recorded in its history for each department
 * holding an open forward, and tells those departments' clerks by SMS.
 *
 * The figures are counted by the database, one grouped query for the
 * departments and one for the totals, each bounded; see supervise_stats.
 * Nothing here shows a writer's name or how to reach them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "mailbox.h"
#include "rating.h"
#include "worker.h"

#define SUPERVISE_ROLES		(CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_OFFICE)

/* An urge's note: a line for the departments, as long as an SMS is worth. */
#define SUPERVISE_NOTE_MAX	200

static const char *const supervise_lights[] = { "green", "yellow", "red", NULL };
static const char *const supervise_states[] = { "received", "accepted", "forwarded",
    "replied", "closed", "rejected", "merged", NULL };
static const char *const supervise_done[] = { "urged", NULL };

static int	 supervise_list(struct civic_req *);
static int	 supervise_letter(struct civic_req *);
static int	 supervise_urge(struct civic_req *);
static int	 supervise_stats(struct civic_req *);
static int	 supervise_stats_csv(struct civic_req *);

static const struct civic_field list_fields[] = {
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ "type", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, mailbox_types },
	{ "light", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_lights },
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_states },
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field letter_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, supervise_done },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field urge_fields[] = {
	{ "note", CIVIC_V_TEXT, 1, SUPERVISE_NOTE_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field stats_fields[] = {
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

const struct civic_route mailbox_supervise_routes[] = {
	{ .method = "GET", .pattern = "/supervise", .view = "supervise-list",
	    .handler = supervise_list, .fields = list_fields, .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/supervise/{id:int}", .view = "supervise-letter",
	    .handler = supervise_letter, .fields = letter_fields, .roles = SUPERVISE_ROLES },
	/* The urge form's own address, whose page a refused urge comes back to. */
	{ .method = "GET", .pattern = "/supervise/{id:int}/urge", .view = "supervise-letter",
	    .handler = supervise_letter, .fields = letter_fields, .roles = SUPERVISE_ROLES },
	{ .method = "POST", .pattern = "/supervise/{id:int}/urge", .view = "supervise-letter",
	    .handler = supervise_urge, .fields = urge_fields, .flags = CIVIC_R_STATE,
	    .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/stats", .view = "supervise-stats",
	    .handler = supervise_stats, .fields = stats_fields, .roles = SUPERVISE_ROLES },
	{ .method = "GET", .pattern = "/stats.csv", .view = "supervise-stats",
	    .handler = supervise_stats_csv, .fields = stats_fields, .roles = SUPERVISE_ROLES },
};
const size_t mailbox_supervise_nroutes = CIVIC_NITEMS(mailbox_supervise_routes);

/* The light of a letter l, none once its case is finished. */
#define SUPERVISE_LIGHT \
	"CASE WHEN l.state IN (" MAILBOX_OPEN_STATES ") THEN " MAILBOX_LIGHT_SQL("l") " END"

/*
 * A letter's rating, held by the evaluation (rating.h), as its level, or
 * NULL: one a letter, and none once excluded on appeal.
 */
#define SUPERVISE_RATING_OF(l) \
	"e.kind = 'letter' AND e.case_id = " l ".id AND e.stage = 'handled' AND e.excluded = 0"
#define SUPERVISE_RATING_JOIN(l)	"eval_rating e ON " SUPERVISE_RATING_OF(l)
#define SUPERVISE_RATING \
	"(SELECT e.level FROM eval_rating e WHERE " SUPERVISE_RATING_OF("l") ")"

/* Forwards that still count for a department: not taken back, not returned. */
#define SUPERVISE_FORWARD_HELD	"state NOT IN ('returned', 'withdrawn')"
/* Forwards a department still has to answer. */
#define SUPERVISE_FORWARD_OPEN	"state IN ('open', 'drafted')"

/*
 * Every letter, newest first, by keyset on the id.  Each filter is
 * "? IS NULL OR …", one statement for every combination.  A department
 * is a letter's when it replied or when the letter was forwarded to it
 * and not taken back or returned by it.
 */
static int
supervise_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT l.id, l.tracking_no, l.subject, l.type, c.name AS category, l.state, "
	    SUPERVISE_LIGHT " AS light, "
	    "DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i') AS created, "
	    "DATE_FORMAT(l.due_at, '%Y-%m-%d %H:%i') AS due, "
	    "DATE_FORMAT(l.replied_at, '%Y-%m-%d %H:%i') AS replied, "
	    SUPERVISE_RATING " AS rating, l.urge_count, "
	    "(SELECT GROUP_CONCAT(DISTINCT d.name ORDER BY d.name SEPARATOR '、') "
	    "FROM mailbox_forward f JOIN department d ON d.id = f.department_id "
	    "WHERE f.letter_id = l.id AND f." SUPERVISE_FORWARD_HELD ") AS departments "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "WHERE l.id < ? "
	    "AND (? IS NULL OR l.reply_department_id = ? OR EXISTS (SELECT 1 FROM "
	    "mailbox_forward f WHERE f.letter_id = l.id AND f.department_id = ? "
	    "AND f." SUPERVISE_FORWARD_HELD ")) "
	    "AND (? IS NULL OR l.type = ?) AND (? IS NULL OR l.state = ?) "
	    "AND (? IS NULL OR (" SUPERVISE_LIGHT ") = ?) "
	    "AND (? IS NULL OR l.created_at >= ?) "
	    "AND (? IS NULL OR l.created_at < ? + INTERVAL 1 DAY) "
	    "ORDER BY l.id DESC LIMIT ?";
	const char		*dept = civic_req_value(r, "department");
	const char		*type = civic_req_value(r, "type");
	const char		*state = civic_req_value(r, "state");
	const char		*light = civic_req_value(r, "light");
	const char		*from = civic_req_value(r, "from");
	const char		*to = civic_req_value(r, "to");
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PTEXT(dept), CIVIC_PTEXT(dept), CIVIC_PTEXT(dept),
				    CIVIC_PTEXT(type), CIVIC_PTEXT(type),
				    CIVIC_PTEXT(state), CIVIC_PTEXT(state),
				    CIVIC_PTEXT(light), CIVIC_PTEXT(light),
				    CIVIC_PTEXT(from), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to), CIVIC_PTEXT(to),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = civic_page_list(r, "letters", "letter", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	/* The filter form shows the filters in force. */
	civic_page_value(r, "department", dept);
	civic_page_value(r, "type", type);
	civic_page_value(r, "state", state);
	civic_page_value(r, "light", light);
	civic_page_value(r, "from", from);
	civic_page_value(r, "to", to);
	if ((st = mailbox_page_departments(r)) != 0)
		return st;
	return 200;
}

/*
 * One letter as supervision sees it: what it is, where it stands, its
 * forwards with their lights, its history; whether it may be urged now.
 * The letter's full record, with what its writer wrote, is the office's
 * page; this one shows nothing personal.
 */
static int
supervise_letter(struct civic_req *r)
{
	static const char	 one[] =
	    "SELECT l.id, l.tracking_no, l.subject, l.type, c.name AS category, l.state, "
	    SUPERVISE_LIGHT " AS light, "
	    "DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i') AS created, "
	    "DATE_FORMAT(l.due_at, '%Y-%m-%d %H:%i') AS due, "
	    "DATE_FORMAT(l.replied_at, '%Y-%m-%d %H:%i') AS replied, "
	    SUPERVISE_RATING " AS rating, l.urge_count, "
	    "DATE_FORMAT(l.urged_at, '%Y-%m-%d %H:%i') AS urged, "
	    "(l.state IN (" MAILBOX_OPEN_STATES ") AND l.due_at < NOW()) AS urgeable "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "WHERE l.id = ?";
	static const char	 forwards[] =
	    "SELECT f.id, d.name AS department, f.state, f.limit_days, f.extension_days, "
	    "DATE_FORMAT(f.due_at, '%Y-%m-%d %H:%i') AS due, "
	    "CASE WHEN f." SUPERVISE_FORWARD_OPEN " THEN " MAILBOX_LIGHT_SQL("f") " END AS light "
	    "FROM mailbox_forward f JOIN department d ON d.id = f.department_id "
	    "WHERE f.letter_id = ? ORDER BY f.id";
	static const char	 events[] =
	    "SELECT e.kind, DATE_FORMAT(e.at, '%Y-%m-%d %H:%i') AS at, d.name AS department, "
	    "e.note FROM mailbox_event e LEFT JOIN department d ON d.id = e.department_id "
	    "WHERE e.letter_id = ? ORDER BY e.id";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	int			 st;

	if ((st = civic_page_one(r, "letter", one, p, 1, NULL)) != 0 ||
	    (st = civic_page_query(r, "forwards", "forward", forwards, p, 1)) != 0 ||
	    (st = civic_page_query(r, "events", "event", events, p, 1)) != 0)
		return st;
	if (civic_req_value(r, "done") != NULL)
		civic_page_message(r, "info", "mailbox.supervise.urged");
	return 200;
}

struct supervise_urge {
	struct civic_req	*r;
	long long		 id;
};

/*
 * The SMS to every active clerk with a mobile number in the departments
 * holding an open forward of the letter.  A landline can take no SMS and
 * is passed over.
 */
static enum civic_err
supervise_urge_notify(struct civic_req *r, long long id, const struct civic_rows *letter)
{
	static const char	 sql[] =
	    "SELECT DISTINCT s.phone FROM mailbox_forward f "
	    "JOIN staff s ON s.department_id = f.department_id "
	    "WHERE f.letter_id = ? AND f." SUPERVISE_FORWARD_OPEN " AND s.active = 1 "
	    "AND FIND_IN_SET('clerk', s.roles) > 0 AND s.phone IS NOT NULL ORDER BY s.phone";
	struct civic_param		 p[] = { CIVIC_PINT(id) };
	struct civic_notify_param	 np[] = {
		{ "no", civic_rows_get(letter, 0, "tracking_no") },
		{ "subject", civic_rows_get(letter, 0, "subject") },
		{ "due", civic_rows_get(letter, 0, "due") } };

	return civic_notify_each(r->db, r->arena, sql, p, CIVIC_NITEMS(p), "mailbox.urged",
	    civic_config_get(r->worker->cfg, "site.language"), np, CIVIC_NITEMS(np));
}

/*
 * The urge, in one transaction: the conditional UPDATE (0 rows: the
 * letter is finished or not overdue, CIVIC_ERR_CONFLICT), an "urged" event
 * for each department urged (for the office when it was not yet
 * forwarded), the SMS, the audit entry.
 */
static enum civic_err
supervise_urge_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE mailbox_letter SET urge_count = urge_count + 1, urged_at = NOW() "
	    "WHERE id = ? AND state IN (" MAILBOX_OPEN_STATES ") AND due_at < NOW()";
	static const char	 one[] =
	    "SELECT tracking_no, subject, DATE_FORMAT(due_at, '%Y-%m-%d') AS due "
	    "FROM mailbox_letter WHERE id = ?";
	static const char	 depts[] =
	    "SELECT DISTINCT department_id FROM mailbox_forward "
	    "WHERE letter_id = ? AND " SUPERVISE_FORWARD_OPEN " ORDER BY department_id";
	struct supervise_urge	*u = arg;
	struct civic_req	*r = u->r;
	const char		*note = civic_req_value(r, "note");
	struct civic_param	 p[] = { CIVIC_PINT(u->id) };
	struct civic_rows	 letter, d;
	enum civic_err		 err;
	size_t			 i;
	char			 ids[24];

	if ((err = civic_db_change(r->db, upd, p, 1)) != CIVIC_OK)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, one, p, 1, 1, &letter)) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, depts, p, 1, CIVIC_MAX_ROWS, &d)) !=
	    CIVIC_OK)
		goto out;
	if (letter.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	for (i = 0; i < d.nrows; i++)
		if ((err = mailbox_event(r, u->id, "urged", strtoll(d.cell[i], NULL, 10), note,
		    0)) != CIVIC_OK)
			goto out;
	if (d.nrows == 0 && (err = mailbox_event(r, u->id, "urged", 0, note, 0)) != CIVIC_OK)
		goto out;
	if ((err = supervise_urge_notify(r, u->id, &letter)) != CIVIC_OK)
		goto out;
	snprintf(ids, sizeof(ids), "%lld", u->id);
	if ((err = civic_audit(r, "mailbox.urge", "mailbox_letter", ids,
	    civic_arena_printf(r->arena, "%s departments=%zu%s%s",
	    civic_rows_get(&letter, 0, "tracking_no"), d.nrows, note != NULL ? " note=" : "",
	    note != NULL ? note : ""))) != CIVIC_OK)
		goto out;
	err = civic_req_redirect(r, "/supervise/%lld?done=urged", u->id) == 303 ? CIVIC_OK :
	    CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
supervise_urge(struct civic_req *r)
{
	struct supervise_urge	 u = { r, civic_req_seg_int(r, "id") };
	enum civic_err		 err;
	int			 st;

	if ((st = civic_req_exists(r, "SELECT id FROM mailbox_letter WHERE id = ?")) != 0)
		return st;
	err = civic_req_tx(r, supervise_urge_tx, &u);
	/* Not open, or not overdue (perhaps replied a moment ago): say so, change nothing. */
	if (err == CIVIC_ERR_CONFLICT)
		return civic_req_refuse(r, NULL, "mailbox.supervise.urge.refused");
	return civic_req_done(r, err, NULL);
}

/*
 * The figures of the period from..to (dates, both days included), per
 * department and in total:
 *	received	letters forwarded to it in the period (a forward taken
 *			back or returned as misrouted does not count)
 *	replied		letters it replied to in the period
 *	on_time		of those, replied by their due time; on_time_rate in %
 *	avg_days	average working days to reply (reply_days)
 *	overdue		letters it holds open past their due time now,
 *			whatever the period
 *	n, r5 … r1, good, bad
 *			the writers' ratings of the replies of the period
 *			(the evaluation's, EVAL_COUNTS_SQL: how many, per
 *			level, 好评 and 差评; a rating excluded on appeal
 *			does not count)
 * A department appears when it has any of these.  The totals count each
 * letter once, so a letter forwarded to two departments is one letter
 * received in the total.
 */
#define SUPERVISE_REPLIED \
	"COUNT(*) AS replied, COALESCE(SUM(l.replied_at <= l.due_at), 0) AS on_time, " \
	"CASE WHEN COUNT(*) > 0 THEN " \
	"ROUND(100 * COALESCE(SUM(l.replied_at <= l.due_at), 0) / COUNT(*), 1) END " \
	"AS on_time_rate, ROUND(AVG(l.reply_days), 1) AS avg_days, " EVAL_COUNTS_SQL("e") " "
/* One row a letter: a letter has one rating of its handling at most. */
#define SUPERVISE_REPLIED_IN \
	"FROM mailbox_letter l LEFT JOIN " SUPERVISE_RATING_JOIN("l") " " \
	"WHERE l.replied_at >= ? AND l.replied_at < ? + INTERVAL 1 DAY " \
	"AND l.reply_department_id IS NOT NULL "
#define SUPERVISE_RECEIVED_IN \
	"FROM mailbox_forward WHERE created_at >= ? AND created_at < ? + INTERVAL 1 DAY " \
	"AND " SUPERVISE_FORWARD_HELD " "
#define SUPERVISE_OVERDUE_NOW \
	"FROM mailbox_forward WHERE " SUPERVISE_FORWARD_OPEN " AND due_at < NOW() "

struct supervise_figures {
	const char		*from, *to;
	struct civic_rows	 depts;
	struct civic_rows	 total;
};

static int
supervise_figures(struct civic_req *r, struct supervise_figures *fg)
{
	static const char	 per[] =
	    "SELECT d.id, d.name, COALESCE(rc.received, 0) AS received, "
	    "COALESCE(rp.replied, 0) AS replied, COALESCE(rp.on_time, 0) AS on_time, "
	    "rp.on_time_rate, rp.avg_days, COALESCE(od.overdue, 0) AS overdue, "
	    "COALESCE(rp.n, 0) AS n, "
	    "COALESCE(rp.r5, 0) AS r5, COALESCE(rp.r4, 0) AS r4, COALESCE(rp.r3, 0) AS r3, "
	    "COALESCE(rp.r2, 0) AS r2, COALESCE(rp.r1, 0) AS r1, "
	    "COALESCE(rp.good, 0) AS good, COALESCE(rp.bad, 0) AS bad "
	    "FROM department d "
	    "LEFT JOIN (SELECT department_id, COUNT(DISTINCT letter_id) AS received "
	    SUPERVISE_RECEIVED_IN "GROUP BY department_id) rc ON rc.department_id = d.id "
	    "LEFT JOIN (SELECT l.reply_department_id AS department_id, " SUPERVISE_REPLIED
	    SUPERVISE_REPLIED_IN "GROUP BY l.reply_department_id) rp ON rp.department_id = d.id "
	    "LEFT JOIN (SELECT department_id, COUNT(DISTINCT letter_id) AS overdue "
	    SUPERVISE_OVERDUE_NOW "GROUP BY department_id) od ON od.department_id = d.id "
	    "WHERE rc.received IS NOT NULL OR rp.replied IS NOT NULL OR od.overdue IS NOT NULL "
	    "ORDER BY d.code, d.id LIMIT ?";
	static const char	 total[] =
	    "SELECT (SELECT COUNT(DISTINCT letter_id) " SUPERVISE_RECEIVED_IN ") AS received, "
	    SUPERVISE_REPLIED ", "
	    "(SELECT COUNT(DISTINCT letter_id) " SUPERVISE_OVERDUE_NOW ") AS overdue "
	    SUPERVISE_REPLIED_IN;
	char			 today[CIVIC_CALENDAR_DATE_LEN];
	enum civic_err		 err;
	int			 y, m, d;

	/* By default, this year so far. */
	civic_calendar_format_date(civic_calendar_day_of(civic_calendar_now()), today);
	civic_calendar_to_civil(civic_calendar_day_of(civic_calendar_now()), &y, &m, &d);
	fg->from = civic_req_value(r, "from");
	fg->to = civic_req_value(r, "to");
	if (fg->from == NULL)
		fg->from = civic_arena_printf(r->arena, "%04d-01-01", y);
	if (fg->to == NULL)
		fg->to = civic_arena_strdup(r->arena, today);
	if (fg->from == NULL || fg->to == NULL)
		return 500;
	{
		struct civic_param	 p[] = { CIVIC_PTEXT(fg->from), CIVIC_PTEXT(fg->to),
					    CIVIC_PTEXT(fg->from), CIVIC_PTEXT(fg->to),
					    CIVIC_PINT(CIVIC_MAX_ROWS) };

		if ((err = civic_db_query(r->db, r->arena, per, p, CIVIC_NITEMS(p),
		    CIVIC_MAX_ROWS, &fg->depts)) != CIVIC_OK ||
		    (err = civic_db_query(r->db, r->arena, total, p, 4, 1, &fg->total)) !=
		    CIVIC_OK)
			return civic_req_status(err);
	}
	return 0;
}

static int
supervise_stats(struct civic_req *r)
{
	struct supervise_figures	 fg;
	xmlNodePtr			 stats;
	long long			 max = 0, v;
	size_t				 i;
	int				 st;

	if ((st = supervise_figures(r, &fg)) != 0)
		return st;
	civic_page_value(r, "from", fg.from);
	civic_page_value(r, "to", fg.to);
	/* The chart's scale: the largest count it draws. */
	for (i = 0; i < fg.depts.nrows; i++) {
		if ((v = strtoll(civic_rows_get(&fg.depts, i, "received"), NULL, 10)) > max)
			max = v;
		if ((v = strtoll(civic_rows_get(&fg.depts, i, "replied"), NULL, 10)) > max)
			max = v;
	}
	stats = civic_page_add(r, NULL, "stats", NULL);
	civic_page_attr(stats, "from", fg.from);
	civic_page_attr(stats, "to", fg.to);
	civic_page_attr(stats, "max", civic_arena_printf(r->arena, "%lld", max));
	civic_page_rows(r, stats, "department", &fg.depts);
	civic_page_rows(r, stats, "total", &fg.total);
	return 200;
}

/*
 * The CSV's columns and headings, in the page's language.  The words of
 * the ratings repeat xslt/i18n/evaluate.xml's, which C cannot read.
 */
static const struct civic_csv_col supervise_csv_cols[] = {
	{ "name", "部门", "Department" },
	{ "received", "收到", "Received" },
	{ "replied", "已答复", "Replied" },
	{ "on_time", "按时答复", "Replied on time" },
	{ "on_time_rate", "按时率(%)", "On-time rate (%)" },
	{ "avg_days", "平均答复用时(工作日)", "Average working days to reply" },
	{ "overdue", "当前超时", "Overdue now" },
	{ "r5", "非常满意", "Very satisfied" },
	{ "r4", "满意", "Satisfied" },
	{ "r3", "基本满意", "Fairly satisfied" },
	{ "r2", "不满意", "Dissatisfied" },
	{ "r1", "非常不满意", "Very dissatisfied" },
};

static int
supervise_stats_csv(struct civic_req *r)
{
	struct supervise_figures	 fg;
	const struct civic_rows		*sets[] = { &fg.depts, &fg.total };
	/* The total's line is named, in the page's language. */
	const char			*labels[] = { NULL,
					    strcmp(r->lang, "en") == 0 ? "Total" : "合计" };
	int				 st;

	if ((st = supervise_figures(r, &fg)) != 0)
		return st;
	return civic_csv(r, "mailbox-stats.csv", supervise_csv_cols,
	    CIVIC_NITEMS(supervise_csv_cols), sets, labels, CIVIC_NITEMS(sets));
}
