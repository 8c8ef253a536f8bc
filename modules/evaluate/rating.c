/*
 * rating.c: a rating, for every feature (rating.h).  Linked into each
 * program that shows or takes one, so that there is one implementation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "notify.h"
#include "rating.h"
#include "worker.h"

/* The signature's purpose: a rating link is good for nothing else (sign.h). */
#define RATING_PURPOSE	"rate"

/* The rating form's path under the site, before the number and the token. */
#define RATING_PATH	"/evaluate/case/"

const char *const eval_levels[] = { "5", "4", "3", "2", "1", NULL };

static const char *const rating_kinds[] = {
	"letter", "question", "application", "clerk", "item", "campaign"
};

const char *
eval_kind_name(enum eval_kind k)
{
	return (size_t)k < CIVIC_NITEMS(rating_kinds) ? rating_kinds[k] : "letter";
}

unsigned
eval_indicators(enum eval_kind k)
{
	unsigned	 set;

	switch (k) {
	case EVAL_LETTER:
		/* A letter follows no guide: how fast, and how easy. */
		set = EVAL_I_EFFICIENCY | EVAL_I_CONVENIENCE;
		break;
	case EVAL_QUESTION:
	case EVAL_APPLICATION:
	case EVAL_ITEM:
		set = EVAL_I_EFFICIENCY | EVAL_I_ACCURACY | EVAL_I_CONVENIENCE;
		break;
	case EVAL_CLERK:
		set = EVAL_I_ATTITUDE | EVAL_I_PROFESSIONALISM;
		break;
	default:
		/* A campaign asks its own questions (eval_answer). */
		set = 0;
		break;
	}
	return set;
}

const char *
eval_once_case(struct civic_req *r, enum eval_kind k, long long case_id, const char *stage)
{
	return civic_arena_printf(r->arena, "%s:%lld:%s", eval_kind_name(k), case_id,
	    stage != NULL ? stage : "handled");
}

/* A level field's value: 1..5, or 0 when the field was not given. */
static int
rating_level(const struct civic_req *r, const char *field)
{
	return (int)civic_req_int(r, field, 0);
}

int
eval_form_read(struct civic_req *r, struct eval_new *n)
{
	unsigned	 set = eval_indicators(n->kind);
	int		 st = 0;

	n->level = rating_level(r, "level");
	n->efficiency = set & EVAL_I_EFFICIENCY ? rating_level(r, "efficiency") : 0;
	n->accuracy = set & EVAL_I_ACCURACY ? rating_level(r, "accuracy") : 0;
	n->convenience = set & EVAL_I_CONVENIENCE ? rating_level(r, "convenience") : 0;
	n->attitude = set & EVAL_I_ATTITUDE ? rating_level(r, "attitude") : 0;
	n->professionalism = set & EVAL_I_PROFESSIONALISM ?
	    rating_level(r, "professionalism") : 0;
	n->reason = civic_req_int(r, "reason", 0);
	n->comment = civic_req_value(r, "comment");
	if (n->comment != NULL && n->comment[0] == '\0')
		n->comment = NULL;
	/* A 差评 says why: it opens a case, and the department must know what to visit. */
	if (n->level <= EVAL_BAD_LEVEL) {
		if (n->reason == 0)
			st = civic_req_refuse(r, "reason", "evaluate.bad.reason");
		else if (n->comment == NULL)
			st = civic_req_refuse(r, "comment", "evaluate.bad.comment");
	}
	return st;
}

/* The indicators' names, in the order of their bits. */
static const char *const rating_indicators[] = {
	"efficiency", "accuracy", "convenience", "attitude", "professionalism"
};

int
eval_page_form(struct civic_req *r, enum eval_kind k)
{
	static const char	 sql[] =
	    "SELECT id, name FROM eval_reason WHERE active = 1 ORDER BY sort, id";
	unsigned		 set = eval_indicators(k);
	struct civic_rows	 rows;
	xmlNodePtr		 form, list, o;
	enum civic_err		 err;
	size_t			 i;
	int			 st = 0;

	if ((err = civic_db_query(r->db, r->arena, sql, NULL, 0, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if ((form = civic_page_add(r, NULL, "rating-form", NULL)) == NULL ||
	    (list = civic_page_add(r, form, "reasons", NULL)) == NULL) {
		st = 500;
		goto out;
	}
	civic_page_attr(form, "kind", eval_kind_name(k));
	for (i = 0; i < CIVIC_NITEMS(rating_indicators); i++)
		if (set & (1u << i))
			civic_page_add(r, form, "indicator", rating_indicators[i]);
	for (i = 0; i < rows.nrows; i++) {
		if ((o = civic_page_add(r, list, "option", civic_rows_get(&rows, i, "name"))) ==
		    NULL) {
			st = 500;
			goto out;
		}
		civic_page_attr(o, "value", civic_rows_get(&rows, i, "id"));
	}
out:
	return st;
}

/* An indicator's parameter: NULL when not asked. */
static struct civic_param
rating_param(int level)
{
	return level > 0 ? CIVIC_PINT(level) : CIVIC_PNULL;
}

/*
 * The SMS to every active clerk with a mobile number in the department:
 * a 差评 waits for their return visit.
 */
static enum civic_err
rating_notify_department(struct civic_req *r, const struct eval_new *n, const char *due)
{
	static const char	 sql[] =
	    "SELECT DISTINCT phone FROM staff WHERE department_id = ? AND active = 1 "
	    "AND FIND_IN_SET('clerk', roles) > 0 AND phone IS NOT NULL ORDER BY phone";
	struct civic_param		 p[] = { CIVIC_PINT(n->department) };
	char				 id[24];
	struct civic_notify_param	 np[] = { { "case", id }, { "due", due } };

	snprintf(id, sizeof(id), "%lld", n->case_opened);
	return civic_notify_each(r->db, r->arena, sql, p, CIVIC_NITEMS(p),
	    "evaluate.case.opened", civic_config_get(r->worker->cfg, "site.language"), np,
	    CIVIC_NITEMS(np));
}

/*
 * The rectification case of a 差评 just stored, its return visit due
 * evaluate.visit_days working days after now, and the department told.
 */
static enum civic_err
rating_open_case(struct civic_req *r, struct eval_new *n, const char *now)
{
	static const char	 sql[] =
	    "INSERT INTO eval_case (rating_id, department_id, state, opened_at, visit_due_at, "
	    "due_at, warn_at) VALUES (?, ?, 'visit', ?, ?, ?, ?)";
	char			 due[CIVIC_CALENDAR_TIME_LEN], warn[CIVIC_CALENDAR_TIME_LEN];
	unsigned long long	 id = 0;
	enum civic_err		 err;

	if ((err = civic_calendar_due(r->db, r->arena, now, (int)civic_config_int(
	    r->worker->cfg, "evaluate.visit_days"), 0, due, warn)) != CIVIC_OK)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(n->id), CIVIC_PINT(n->department),
		    CIVIC_PTEXT(now), CIVIC_PTEXTN(due, strlen(due)),
		    CIVIC_PTEXTN(due, strlen(due)), CIVIC_PTEXTN(warn, strlen(warn)) };

		if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, &id)) != CIVIC_OK)
			goto out;
	}
	n->case_opened = (long long)id;
	err = rating_notify_department(r, n, due);
out:
	return err;
}

enum civic_err
eval_rating_record(struct civic_req *r, struct eval_new *n)
{
	static const char	 sql[] =
	    "INSERT INTO eval_rating (kind, once_key, case_id, case_no, stage, department_id, "
	    "staff_id, item_code, campaign_id, level, efficiency, accuracy, convenience, "
	    "attitude, professionalism, reason_id, comment, phone, address, rated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	unsigned long long	 id = 0;
	enum civic_err		 err;

	n->id = 0;
	n->case_opened = 0;
	civic_calendar_now_of(r->worker->cfg, "evaluate.now", now);
	{
		struct civic_param p[] = {
			CIVIC_PTEXT(eval_kind_name(n->kind)), CIVIC_PTEXT(n->once),
			n->case_id > 0 ? CIVIC_PINT(n->case_id) : CIVIC_PNULL,
			CIVIC_PTEXT(n->case_no),
			CIVIC_PTEXT(n->stage != NULL ? n->stage : "handled"),
			n->department > 0 ? CIVIC_PINT(n->department) : CIVIC_PNULL,
			n->staff > 0 ? CIVIC_PINT(n->staff) : CIVIC_PNULL,
			CIVIC_PTEXT(n->item),
			n->campaign > 0 ? CIVIC_PINT(n->campaign) : CIVIC_PNULL,
			CIVIC_PINT(n->level), rating_param(n->efficiency),
			rating_param(n->accuracy), rating_param(n->convenience),
			rating_param(n->attitude), rating_param(n->professionalism),
			n->reason > 0 ? CIVIC_PINT(n->reason) : CIVIC_PNULL,
			CIVIC_PTEXT(n->comment), CIVIC_PTEXT(n->phone),
			CIVIC_PTEXT(r->remote_addr != NULL ? r->remote_addr : ""),
			CIVIC_PTEXTN(now, strlen(now)) };

		if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, &id)) !=
		    CIVIC_OK)
			goto out;
	}
	n->id = (long long)id;
	if (n->level <= EVAL_BAD_LEVEL && n->department > 0) {
		err = rating_open_case(r, n, now);
	}
out:
	return err;
}

void
eval_token(const struct civic_req *r, const char *no, char out[CIVIC_SIGN_LEN + 1])
{
	/* No time: the link is good as long as the case is, and spent by its rating. */
	civic_sign_time(r->worker->secret, RATING_PURPOSE, no, 0, out);
}

int
eval_token_check(const struct civic_req *r, const char *no, const char *token)
{
	return civic_sign_time_check(r->worker->secret, RATING_PURPOSE, no, 0, token);
}

const char *
eval_case_path(struct civic_req *r, const char *no)
{
	char	 token[CIVIC_SIGN_LEN + 1];

	eval_token(r, no, token);
	return civic_arena_printf(r->arena, RATING_PATH "%s/%s", no, token);
}

const char *
eval_case_url(struct civic_req *r, const char *no)
{
	const char	*base = civic_config_get(r->worker->cfg, "site.public_url");
	const char	*path = eval_case_path(r, no);
	size_t		 n;

	if (path == NULL || base == NULL || base[0] == '\0')
		return path;
	/* "https://example.gov.cn/" and "…cn" alike. */
	n = strlen(base);
	if (base[n - 1] == '/')
		n--;
	return civic_arena_printf(r->arena, "%.*s%s", (int)n, base, path);
}

int
eval_page_case(struct civic_req *r, xmlNodePtr parent, enum eval_kind k, long long case_id,
    const char *no, int handled)
{
	static const char	 sql[] =
	    "SELECT e.level, e.efficiency, e.accuracy, e.convenience, e.attitude, "
	    "e.professionalism, e.reason_id AS reason, x.name AS reason_name, e.comment, "
	    "DATE_FORMAT(e.rated_at, '%Y-%m-%d %H:%i:%s') AS rated_at, e.excluded "
	    "FROM eval_rating e LEFT JOIN eval_reason x ON x.id = e.reason_id "
	    "WHERE e.kind = ? AND e.case_id = ? AND e.stage = 'handled'";
	struct civic_param	 p[] = { CIVIC_PTEXT(eval_kind_name(k)), CIVIC_PINT(case_id) };
	struct civic_rows	 rows;
	xmlNodePtr		 e;
	const char		*href;
	enum civic_err		 err;
	int			 st = 0;

	if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), 1, &rows)) !=
	    CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if ((e = civic_page_add(r, parent, "evaluation", NULL)) == NULL) {
		st = 500;
		goto out;
	}
	civic_page_attr(e, "kind", eval_kind_name(k));
	civic_page_attr(e, "no", no);
	if (rows.nrows == 1)
		civic_page_rows(r, e, "rating", &rows);
	else if (handled) {
		if ((href = eval_case_path(r, no)) == NULL) {
			st = 500;
			goto out;
		}
		civic_page_attr(e, "href", href);
	}
out:
	return st;
}

void
eval_wilson(long long good, long long n, double *lo, double *hi)
{
	/* z for 95 %, two-sided. */
	const double	 z = 1.959963984540054;
	double		 p, den, mid, half;

	if (n <= 0) {
		*lo = 0.0;
		*hi = 100.0;
		return;
	}
	p = (double)good / (double)n;
	den = 1.0 + z * z / (double)n;
	mid = (p + z * z / (2.0 * (double)n)) / den;
	half = z * sqrt(p * (1.0 - p) / (double)n + z * z / (4.0 * (double)n * (double)n)) / den;
	/* One decimal of a percentage, as every figure is shown. */
	*lo = round(fmax(0.0, mid - half) * 1000.0) / 10.0;
	*hi = round(fmin(1.0, mid + half) * 1000.0) / 10.0;
}
