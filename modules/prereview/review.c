/*
 * review.c: a reviewing department's desk (prereview.h, doc/prereview.md
 * "The review"): its list of reviews, one application as staff see it
 * (with the applicant's personal data: staff pages only), the claim, a
 * verdict per material and the department's decision, extensions, the
 * staff's downloads, and the completion with its pick-up notice.
 *
 * The departments of a parallel review (并联审批) decide one by one; the
 * one whose decision is the last settles the application in the same
 * transaction: rejected, or ONE notice listing every department's notes
 * (一次性告知) with the clock paused, or passed.  Two departments deciding
 * at the same moment are serialised by a lock on the application's row,
 * taken first in each transaction, and every read after it is a locking
 * read (which sees what the other committed, not this transaction's older
 * snapshot): exactly one of them sees no review still open, and settles.
 *
 * Who acts: a clerk for their own department.  The office may act for any
 * department (the field department names it): it claims, decides (a
 * review claimed by anyone), and completes, as when a clerk is away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "prereview.h"
#include "worker.h"

/* Department ids and review ids as the forms and filters carry them. */
#define REVIEW_ID_MAX		999999999LL
/* An extension asked for at once: six working weeks is what a law allows at most. */
#define REVIEW_EXT_DAYS_MAX	30
/*
 * The notice as one SMS parameter holds it (CIVIC_NOTIFY_MAX_PARAM_VALUE,
 * less room for the ellipsis): a longer list is cut, and the progress page
 * shows it whole (pr_application.notice).
 */
#define REVIEW_NOTICE_SMS	(CIVIC_NOTIFY_MAX_PARAM_VALUE - 8)
/* pr_application.notice is TEXT; the list is cut there too. */
#define REVIEW_NOTICE_MAX	60000
#define REVIEW_REASONS_MAX	1000
/*
 * Passed applications the desk lists for completion, those waiting
 * longest first: a licence is picked up within days, so a department has
 * a few dozen at most; past this many the oldest show.
 */
#define REVIEW_DONE_MAX		"100"

#define REVIEW_OPEN	"('waiting', 'claimed')"

static const char *const review_shows[] = { "waiting", "claimed", "mine", "others", NULL };
static const char *const review_verdicts[] = { "accepted", "correction", "not_needed", NULL };
static const char *const review_decisions[] = { "passed", "correction", "rejected", NULL };
static const char *const review_ext_decisions[] = { "approve", "refuse", NULL };

/* ---------------------------------------------------------------- shared */

static const char *
review_lang(const struct civic_req *r)
{
	return civic_config_get(r->worker->cfg, "site.language");
}

/*
 * The office acts for any department.  A supervisor sees every
 * department's applications (the route's scope lets them) but acts for
 * none: the board's urge is theirs.
 */
static int
review_is_office(const struct civic_req *r)
{
	return r->staff != NULL && (r->staff->roles & CIVIC_ROLE_OFFICE) != 0;
}

/*
 * The department the signed-in member acts for: a clerk's own; for the
 * office, the field department when given, else its own.
 */
static long long
review_department(const struct civic_req *r)
{
	long long	 dept = 0;

	if (r->staff != NULL)
		dept = review_is_office(r) ? civic_req_int(r, "department",
		    r->staff->department) : r->staff->department;
	return dept;
}

/*
 * The end of every action on a review, inside its transaction: the audit
 * line (action, detail) and the redirect back to the review's page with
 * done; for the office, naming the department it acted for (dept; 0: none)
 * so that the page shown is that department's.
 */
static enum civic_err
review_finish(struct civic_req *r, long long app, long long dept, const char *action,
    const char *detail, const char *done)
{
	char		 ids[24];
	const char	*tail = "";
	enum civic_err	 err;

	snprintf(ids, sizeof(ids), "%lld", app);
	if ((err = civic_audit(r, action, "pr_application", ids, detail)) != CIVIC_OK)
		goto out;
	err = CIVIC_ERR_NOMEM;
	if (dept > 0 && review_is_office(r) &&
	    (tail = civic_arena_printf(r->arena, "&department=%lld", dept)) == NULL)
		goto out;
	if (civic_req_redirect(r, "/review/%lld?done=%s%s", app, done, tail) == 303)
		err = CIVIC_OK;
out:
	return err;
}

/*
 * A note without the full stop or semicolon it may end with, so that the
 * notes joined by "；" read as one list (no "。；"); in the arena.
 */
static const char *
review_unstop(struct civic_arena *a, const char *s)
{
	static const char *const stops[] = { "。", "；", ".", ";", NULL };
	const char *const	*p;
	const char		*t = s;
	size_t			 n = strlen(s), k;

	for (p = stops; *p != NULL && t == s; p++) {
		k = strlen(*p);
		/* Short of memory, the note as it was: a stop too many is no harm. */
		if (n > k && strcmp(s + n - k, *p) == 0 &&
		    (t = civic_arena_printf(a, "%.*s", (int)(n - k), s)) == NULL)
			t = s;
	}
	return t;
}

/*
 * s on one line for a message's parameter, which holds no control
 * character (notify.h): the notes and reasons are typed on several lines.
 */
static const char *
review_oneline(struct civic_arena *a, const char *s)
{
	char	*t = civic_arena_strdup(a, s);
	size_t	 i;

	for (i = 0; t != NULL && t[i] != '\0'; i++)
		if ((unsigned char)t[i] < 0x20 || t[i] == 0x7f)
			t[i] = ' ';
	return t;
}

/*
 * A message to the applicant, inside the caller's transaction: by SMS
 * when the phone takes one (a landline does not), and by e-mail when an
 * address was given.  Long texts are cut to what a parameter holds (the
 * progress page has them whole).
 */
static enum civic_err
review_tell(struct civic_req *r, const struct civic_rows *a, const char *tmpl,
    struct civic_notify_param *np, size_t n)
{
	const char	*phone = civic_rows_get(a, 0, "phone");
	const char	*email = civic_rows_get(a, 0, "email");
	size_t		 i;
	enum civic_err	 err = CIVIC_ERR_NOMEM;

	for (i = 0; i < n; i++)
		if (np[i].value == NULL || (np[i].value = pr_cut(r->arena,
		    review_oneline(r->arena, np[i].value), REVIEW_NOTICE_SMS)) == NULL)
			goto out;
	err = CIVIC_OK;
	if (phone != NULL && phone[0] == '1' &&
	    civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, phone) &&
	    (err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, phone, tmpl,
	    review_lang(r), np, n)) != CIVIC_OK)
		goto out;
	if (email != NULL && civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, email))
		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_EMAIL, email, tmpl,
		    review_lang(r), np, n);
out:
	return err;
}

/* ---------------------------------------------------------------- the desk */

static const struct civic_field desk_fields[] = {
	{ "show", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, review_shows },
	{ "light", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, pr_review_lights },
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * A department's reviews still to do (waiting, claimed) and those waiting
 * for the applicant's corrections (light "paused"), the overdue first; a
 * clerk sees their own department's, the office every department's or
 * one's.  Below them, the applications passed and not yet completed of
 * the items the department owns.
 */
static int
review_desk(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT * FROM (SELECT a.id, a.serial, i.name AS item, rv.department_id, "
	    "d.name AS department, rv.state, a.round, IF(rv.clerk_id = ?, 1, 0) AS mine, "
	    "s.name AS clerk, " PR_TIME("rv.due_at") " AS due, " PR_REVIEW_LIGHT_SQL " AS light, "
	    "rv.ext_state, " PR_REVIEW_KEY_SQL " AS k "
	    "FROM pr_review rv JOIN pr_application a ON a.id = rv.application_id "
	    "JOIN pr_item i ON i.id = a.item_id JOIN department d ON d.id = rv.department_id "
	    "LEFT JOIN staff s ON s.id = rv.clerk_id "
	    "WHERE a.state IN ('review', 'correction') "
	    "AND rv.state IN ('waiting', 'claimed', 'correction') "
	    "AND (? IS NULL OR rv.department_id = ?)) x "
	    "WHERE x.k > ? AND (? IS NULL OR x.light = ?) AND (? IS NULL "
	    "OR (? = 'waiting' AND x.state = 'waiting') OR (? = 'claimed' AND x.state = 'claimed') "
	    "OR (? = 'mine' AND x.state = 'claimed' AND x.mine = 1) "
	    "OR (? = 'others' AND x.state = 'claimed' AND x.mine = 0)) "
	    "ORDER BY x.k LIMIT ?";
	static const char	 done[] =
	    "SELECT a.id, a.serial, i.name AS item, " PR_TIME("a.decided_at") " AS decided "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "WHERE a.state = 'passed' AND (? IS NULL OR i.department_id = ?) "
	    "ORDER BY a.decided_at, a.id LIMIT " REVIEW_DONE_MAX;
	static const char	 depts[] =
	    "SELECT DISTINCT d.id, d.name FROM department d "
	    "JOIN pr_item_department x ON x.department_id = d.id ORDER BY d.id";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*show = civic_req_value(r, "show");
	const char		*light = civic_req_value(r, "light");
	const char		*after = civic_req_value(r, "after");
	long long		 dept = review_is_office(r) ? civic_req_int(r, "department", 0) :
				    r->staff->department;
	struct civic_param	 dp = dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL;
	int			 st;

	pr_now(r, now);
	{
		struct civic_param p[] = { CIVIC_PINT(r->staff->id),
		    CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)), dp, dp,
		    CIVIC_PTEXT(after != NULL ? after : ""), CIVIC_PTEXT(light),
		    CIVIC_PTEXT(light), CIVIC_PTEXT(show), CIVIC_PTEXT(show), CIVIC_PTEXT(show),
		    CIVIC_PTEXT(show), CIVIC_PTEXT(show), CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };

		if ((st = civic_page_list(r, "reviews", "review", "k", sql, p,
		    CIVIC_NITEMS(p))) != 0)
			goto out;
	}
	{
		struct civic_param p[] = { dp, dp };

		if ((st = civic_page_query(r, "to-complete", "application", done, p, 2)) != 0)
			goto out;
	}
	if (review_is_office(r) &&
	    (st = civic_page_query(r, "departments", "department", depts, NULL, 0)) != 0)
		goto out;
	civic_page_value(r, "show", show);
	civic_page_value(r, "light", light);
	if (review_is_office(r) && dept > 0)
		civic_page_value(r, "department", civic_arena_printf(r->arena, "%lld", dept));
	st = 200;
out:
	return st;
}

/* ---------------------------------------------------------------- one application */

static const char *const review_dones[] = {
	"claimed", "decided", "extension", "completed", "urged", NULL
};

static const struct civic_field page_fields[] = {
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, CIVIC_F_QUERY, NULL },
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, review_dones },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The office names the department it acts for; a clerk's is their own. */
static const struct civic_field act_fields[] = {
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * The application whole, as its reviewers see it: the applicant (name,
 * ID number, phone: staff only), the item, the fields, every material's
 * latest upload with each department's verdict, the earlier uploads and
 * the events (the history of rounds), each department's review with its
 * light, and <acting> for the forms of the department the signed-in
 * member acts for.
 */
static int
review_page(struct civic_req *r)
{
	static const char	 one[] =
	    "SELECT a.id, a.serial, a.state, a.round, a.applicant_kind, a.name, a.id_number, "
	    "a.contact, a.phone, a.email, i.id AS item_id, i.code AS item_code, "
	    "i.name AS item, i.department_id AS item_department, i.pickup_window, i.licence, "
	    PR_TIME("a.created_at") " AS created, " PR_TIME("a.resubmitted_at") " AS resubmitted, "
	    PR_TIME("a.paused_at") " AS paused, " PR_TIME("a.decided_at") " AS decided, "
	    PR_TIME("a.completed_at") " AS completed, " PR_TIME("a.due_at") " AS due, "
	    "a.notice, a.reject_reason "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id WHERE a.id = ?";
	static const char	 values[] =
	    "SELECT f.seq, f.label, v.value FROM pr_value v JOIN pr_field f ON f.id = v.field_id "
	    "WHERE v.application_id = ? ORDER BY f.seq";
	static const char	 materials[] =
	    "SELECT m.seq, m.name, m.form, m.need, u.id AS upload, u.round, "
	    "f.name AS file, f.size FROM pr_application a "
	    "JOIN pr_material m ON m.item_id = a.item_id "
	    "LEFT JOIN pr_upload u ON u.application_id = a.id AND u.material_id = m.id "
	    "AND u.latest = 1 LEFT JOIN stored_file f ON f.id = u.file_id "
	    "WHERE a.id = ? ORDER BY m.seq";
	static const char	 verdicts[] =
	    "SELECT v.upload_id AS upload, m.seq, u.round, u.latest, rv.department_id, "
	    "d.name AS department, v.verdict, v.note "
	    "FROM pr_upload u JOIN pr_verdict v ON v.upload_id = u.id "
	    "JOIN pr_review rv ON rv.id = v.review_id JOIN department d ON d.id = rv.department_id "
	    "JOIN pr_material m ON m.id = u.material_id "
	    "WHERE u.application_id = ? ORDER BY u.round, m.seq, rv.department_id";
	static const char	 earlier[] =
	    "SELECT u.id AS upload, m.seq, m.name, u.round, f.name AS file "
	    "FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "LEFT JOIN stored_file f ON f.id = u.file_id "
	    "WHERE u.application_id = ? AND u.latest = 0 ORDER BY u.round, m.seq";
	static const char	 events[] =
	    "SELECT e.kind, e.round, " PR_TIME("e.at") " AS at, d.name AS department, "
	    "s.name AS staff, e.note, e.public FROM pr_event e "
	    "LEFT JOIN department d ON d.id = e.department_id "
	    "LEFT JOIN staff s ON s.id = e.staff_id WHERE e.application_id = ? ORDER BY e.id";
	static const char	 reviews[] =
	    "SELECT rv.department_id, d.name AS department, rv.state, rv.clerk_id, "
	    "s.name AS clerk, " PR_TIME("rv.claimed_at") " AS claimed, "
	    PR_TIME("rv.due_at") " AS due, CASE WHEN rv.state IN " REVIEW_OPEN
	    " OR a.paused_at IS NOT NULL THEN " PR_REVIEW_LIGHT_SQL " END AS light, rv.days, "
	    "rv.extension_days, rv.ext_state, rv.ext_days, rv.ext_reason, "
	    PR_TIME("rv.decided_at") " AS decided, rv.decided_round, rv.reason, "
	    PR_TIME("rv.urged_at") " AS urged "
	    "FROM pr_review rv JOIN pr_application a ON a.id = rv.application_id "
	    "JOIN department d ON d.id = rv.department_id LEFT JOIN staff s ON s.id = rv.clerk_id "
	    "WHERE rv.application_id = ? ORDER BY rv.department_id";
	long long		 id = civic_req_seg_int(r, "id");
	long long		 dept = review_department(r);
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 app;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*done = civic_req_value(r, "done");
	xmlNodePtr		 acting;
	int			 st;

	pr_now(r, now);
	if ((st = civic_page_one(r, "application", one, p, 1, &app)) != 0 ||
	    (st = civic_page_query(r, "fields", "field", values, p, 1)) != 0 ||
	    (st = civic_page_query(r, "materials", "material", materials, p, 1)) != 0 ||
	    (st = civic_page_query(r, "verdicts", "verdict", verdicts, p, 1)) != 0 ||
	    (st = civic_page_query(r, "earlier", "upload", earlier, p, 1)) != 0 ||
	    (st = civic_page_query(r, "events", "event", events, p, 1)) != 0)
		goto out;
	{
		struct civic_param q[] = { CIVIC_PTEXTN(now, strlen(now)),
		    CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(id) };

		if ((st = civic_page_query(r, "reviews", "review", reviews, q, 3)) != 0)
			goto out;
	}
	/*
	 * What the signed-in member may do here: the forms of the department
	 * they act for (one of the reviewers, or none), completion when they
	 * are the item's own department or the office.
	 */
	acting = civic_page_add(r, NULL, "acting", NULL);
	civic_page_attr(acting, "staff", civic_arena_printf(r->arena, "%lld", r->staff->id));
	civic_page_attr(acting, "department", civic_arena_printf(r->arena, "%lld", dept));
	civic_page_attr(acting, "office", review_is_office(r) ? "1" : "0");
	civic_page_attr(acting, "complete", review_is_office(r) || dept == strtoll(
	    civic_rows_get(&app, 0, "item_department"), NULL, 10) ? "1" : "0");
	civic_page_attr(acting, "clerk", (r->staff->roles & CIVIC_ROLE_CLERK) ? "1" : "0");
	if (done != NULL)
		civic_page_message(r, "info", civic_arena_printf(r->arena,
		    "prereview.review.done.%s", done));
	st = 200;
out:
	return st;
}

/* Staff download of one upload of this application (never another's). */
static int
review_file(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT file_id FROM pr_upload WHERE id = ? AND application_id = ? "
	    "AND file_id IS NOT NULL";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "upload")),
				    CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		st = civic_req_status(err);
	else if (rows.nrows == 0)
		st = 404;
	else
		st = civic_filestore_send(r, strtoll(rows.cell[0], NULL, 10));
	return st;
}

/* ---------------------------------------------------------------- claim */

struct review_act {
	struct civic_req	*r;
	long long		 app;
	long long		 dept;
};

/* One department's review of a waiting application, claimed by the signed-in member. */
static enum civic_err
review_claim_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE pr_review rv JOIN pr_application a ON a.id = rv.application_id "
	    "SET rv.state = 'claimed', rv.clerk_id = ?, rv.claimed_at = ? "
	    "WHERE rv.application_id = ? AND rv.department_id = ? AND rv.state = 'waiting' "
	    "AND a.state = 'review'";
	struct review_act	*a = arg;
	struct civic_req	*r = a->r;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[4];
	struct civic_rows	 round;
	struct civic_param	 q[] = { CIVIC_PINT(a->app) };
	enum civic_err		 err;

	pr_now(r, now);
	p[0] = CIVIC_PINT(r->staff->id);
	p[1] = CIVIC_PTEXTN(now, strlen(now));
	p[2] = CIVIC_PINT(a->app);
	p[3] = CIVIC_PINT(a->dept);
	if ((err = civic_db_change(r->db, upd, p, CIVIC_NITEMS(p))) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, "SELECT round FROM pr_application "
	    "WHERE id = ?", q, 1, 1, &round)) != CIVIC_OK)
		goto out;
	if ((err = pr_event(r, a->app, "claimed", strtoll(round.cell[0], NULL, 10), a->dept,
	    NULL, 1)) != CIVIC_OK)
		goto out;
	err = review_finish(r, a->app, a->dept, "prereview.claim",
	    civic_arena_printf(r->arena, "department=%lld", a->dept), "claimed");
out:
	return err;
}

static int
review_claim(struct civic_req *r)
{
	struct review_act	 a = { r, civic_req_seg_int(r, "id"), review_department(r) };

	/* Someone claimed it first, or it is no longer waiting: say so, change nothing. */
	return civic_req_done(r, civic_req_tx(r, review_claim_tx, &a),
	    "prereview.review.conflict.claim");
}

/* ---------------------------------------------------------------- decide */

static const struct civic_field decide_fields[] = {
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, 0, NULL },
	{ "v1", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v2", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v3", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v4", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v5", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v6", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v7", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v8", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v9", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "v10", CIVIC_V_ENUM, 0, 0, 0, review_verdicts },
	{ "n1", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n2", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n3", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n4", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n5", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n6", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n7", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n8", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n9", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "n10", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "decision", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, review_decisions },
	{ "reason", CIVIC_V_MULTILINE, 2, REVIEW_REASONS_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The latest uploads of an application's materials, by the material's seq. */
static const char review_latest_sql[] =
    "SELECT m.seq, u.id, u.file_id IS NOT NULL AS has_file FROM pr_upload u "
    "JOIN pr_material m ON m.id = u.material_id WHERE u.application_id = ? AND u.latest = 1 "
    "ORDER BY m.seq";

struct review_decide {
	struct civic_req	*r;
	long long		 app;
	long long		 dept;
	const char		*decision;
};

/* The verdict field of material seq ("v3") and its note ("n3"). */
static const char *
review_vfield(struct civic_req *r, char kind, const char *seq)
{
	char	 name[8];

	snprintf(name, sizeof(name), "%c%s", kind, seq);
	return civic_req_value(r, name);
}

/*
 * The settling of the application once no review is open: rejected (the
 * reasons of every rejecting department), the one correction notice, or
 * passed.  Called with the application's row locked; reads with locking
 * reads, so that what a concurrent decision committed is seen.
 */
static enum civic_err
review_settle(struct civic_req *r, long long app, const struct civic_rows *a)
{
	static const char	 states[] =
	    "SELECT COUNT(*) AS n, COALESCE(SUM(rv.state IN " REVIEW_OPEN "), 0) AS open, "
	    "COALESCE(SUM(rv.state = 'rejected'), 0) AS rej, "
	    "COALESCE(SUM(rv.state = 'correction'), 0) AS corr FROM pr_review rv "
	    "WHERE rv.application_id = ? LOCK IN SHARE MODE";
	static const char	 reasons[] =
	    "SELECT d.name, rv.reason FROM pr_review rv JOIN department d "
	    "ON d.id = rv.department_id WHERE rv.application_id = ? AND rv.state = 'rejected' "
	    "ORDER BY rv.department_id LOCK IN SHARE MODE";
	static const char	 notes[] =
	    "SELECT m.seq, m.name, d.name AS department, v.note FROM pr_upload u "
	    "JOIN pr_verdict v ON v.upload_id = u.id JOIN pr_review rv ON rv.id = v.review_id "
	    "JOIN department d ON d.id = rv.department_id JOIN pr_material m ON m.id = u.material_id "
	    "WHERE u.application_id = ? AND u.latest = 1 AND v.verdict = 'correction' "
	    "AND rv.state = 'correction' ORDER BY m.seq, rv.department_id LOCK IN SHARE MODE";
	static const char	 originals[] =
	    "SELECT m.name FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "WHERE u.application_id = ? AND u.latest = 1 AND u.file_id IS NOT NULL "
	    "AND m.form IN ('original', 'both') ORDER BY m.seq";
	static const char	 reject_sql[] =
	    "UPDATE pr_application SET state = 'rejected', decided_at = ?, reject_reason = ? "
	    "WHERE id = ? AND state = 'review'";
	static const char	 correct_sql[] =
	    "UPDATE pr_application SET state = 'correction', paused_at = ?, notice = ? "
	    "WHERE id = ? AND state = 'review'";
	static const char	 pause_sql[] =
	    "INSERT INTO pr_pause (application_id, started_at) VALUES (?, ?)";
	static const char	 pass_sql[] =
	    "UPDATE pr_application SET state = 'passed', decided_at = ? "
	    "WHERE id = ? AND state = 'review'";
	struct civic_param	 p[] = { CIVIC_PINT(app) };
	struct civic_rows	 st, rows;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*serial = civic_rows_get(a, 0, "serial");
	const char		*item = civic_rows_get(a, 0, "item");
	long long		 round = strtoll(civic_rows_get(a, 0, "round"), NULL, 10);
	const char		*text = "";
	size_t			 i;
	enum civic_err		 err;

	pr_now(r, now);
	if ((err = civic_db_query(r->db, r->arena, states, p, 1, 1, &st)) != CIVIC_OK)
		goto out;
	if (atoi(civic_rows_get(&st, 0, "open")) > 0)
		goto out;	/* parallel review: the others have still to decide */
	if (atoi(civic_rows_get(&st, 0, "rej")) > 0) {
		if ((err = civic_db_query(r->db, r->arena, reasons, p, 1, PR_MAX_REVIEWERS,
		    &rows)) != CIVIC_OK)
			goto out;
		for (i = 0; i < rows.nrows && text != NULL; i++)
			text = civic_arena_printf(r->arena, "%s%s%s：%s", text, i > 0 ? "；" : "",
			    rows.cell[i * 2], rows.cell[i * 2 + 1] != NULL ?
			    rows.cell[i * 2 + 1] : "");
		err = CIVIC_ERR_NOMEM;
		if (text == NULL || (text = pr_cut(r->arena, text, REVIEW_REASONS_MAX - 4)) == NULL)
			goto out;
		{
			struct civic_param q[] = { CIVIC_PTEXTN(now, strlen(now)),
			    CIVIC_PTEXT(text), CIVIC_PINT(app) };
			struct civic_notify_param np[] = { { "no", serial }, { "item", item },
			    { "reason", text } };

			if ((err = civic_db_change(r->db, reject_sql, q, 3)) != CIVIC_OK ||
			    (err = pr_event(r, app, "rejected", round, 0, text, 1)) != CIVIC_OK ||
			    (err = review_tell(r, a, "prereview.rejected", np,
			    CIVIC_NITEMS(np))) != CIVIC_OK)
				goto out;
		}
		goto out;
	}
	if (atoi(civic_rows_get(&st, 0, "corr")) > 0) {
		/* 一次性告知: every note of every department, material by material, in one text. */
		if ((err = civic_db_query(r->db, r->arena, notes, p, 1, CIVIC_MAX_ROWS, &rows)) !=
		    CIVIC_OK)
			goto out;
		for (i = 0; i < rows.nrows && text != NULL; i++)
			text = civic_arena_printf(r->arena, "%s%s%s.《%s》（%s）%s", text,
			    i > 0 ? "；" : "", rows.cell[i * 4], rows.cell[i * 4 + 1],
			    rows.cell[i * 4 + 2], rows.cell[i * 4 + 3] != NULL ?
			    review_unstop(r->arena, rows.cell[i * 4 + 3]) : "");
		err = CIVIC_ERR_NOMEM;
		if (text == NULL || (text = pr_cut(r->arena, text, REVIEW_NOTICE_MAX)) == NULL)
			goto out;
		{
			struct civic_param q[] = { CIVIC_PTEXTN(now, strlen(now)),
			    CIVIC_PTEXT(text), CIVIC_PINT(app) };
			struct civic_param pq[] = { CIVIC_PINT(app), CIVIC_PTEXTN(now, strlen(now)) };
			struct civic_notify_param np[] = { { "no", serial }, { "item", item },
			    { "notice", text } };

			if ((err = civic_db_change(r->db, correct_sql, q, 3)) != CIVIC_OK ||
			    (err = civic_db_exec(r->db, pause_sql, pq, 2, NULL, NULL)) != CIVIC_OK ||
			    (err = pr_event(r, app, "correction", round, 0, text, 1)) != CIVIC_OK ||
			    (err = review_tell(r, a, "prereview.correction", np,
			    CIVIC_NITEMS(np))) != CIVIC_OK)
				goto out;
		}
		goto out;
	}
	if ((err = civic_db_query(r->db, r->arena, originals, p, 1, PR_MAX_MATERIALS, &rows)) !=
	    CIVIC_OK)
		goto out;
	for (i = 0; i < rows.nrows && text != NULL; i++)
		text = civic_arena_printf(r->arena, "%s%s《%s》", text, i > 0 ? "、" : "",
		    rows.cell[i]);
	err = CIVIC_ERR_NOMEM;
	if (text == NULL)
		goto out;
	{
		const char		*window = civic_rows_get(a, 0, "pickup_window");
		struct civic_param	 q[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(app) };
		struct civic_notify_param np[] = { { "no", serial }, { "item", item },
		    { "originals", text }, { "window", window != NULL ? window : "" } };

		if ((err = civic_db_change(r->db, pass_sql, q, 2)) != CIVIC_OK ||
		    (err = pr_event(r, app, "passed", round, 0, text, 1)) != CIVIC_OK ||
		    (err = review_tell(r, a, "prereview.passed", np, CIVIC_NITEMS(np))) !=
		    CIVIC_OK)
			goto out;
	}
out:
	return err;
}

/*
 * The decision, in one transaction: the application's row locked (state
 * review: else CIVIC_ERR_CONFLICT), the verdicts on the latest uploads
 * (replacing this review's earlier word on the same upload), the
 * conditional UPDATE of this department's review (claimed, by the
 * signed-in clerk; the office for anyone), its event and audit, then the
 * settling when it was the last review open.
 */
static enum civic_err
review_decide_tx(void *arg)
{
	static const char	 lock[] =
	    "SELECT a.round, a.serial, a.phone, a.email, i.name AS item, i.pickup_window "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "WHERE a.id = ? AND a.state = 'review' FOR UPDATE";
	static const char	 rev[] =
	    "SELECT id FROM pr_review WHERE application_id = ? AND department_id = ? "
	    "AND state = 'claimed' AND (clerk_id = ? OR ? = 1) FOR UPDATE";
	static const char	 verdict[] =
	    "REPLACE INTO pr_verdict (upload_id, review_id, verdict, note, staff_id, at) "
	    "VALUES (?, ?, ?, ?, ?, ?)";
	static const char	 upd[] =
	    "UPDATE pr_review SET state = ?, decided_at = ?, decided_round = ?, reason = ? "
	    "WHERE id = ? AND state = 'claimed'";
	struct review_decide	*d = arg;
	struct civic_req	*r = d->r;
	struct civic_param	 p[] = { CIVIC_PINT(d->app) };
	struct civic_rows	 app, rv, up;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*reason = civic_req_value(r, "reason");
	long long		 review, round;
	size_t			 i;
	enum civic_err		 err;

	pr_now(r, now);
	if ((err = civic_db_query(r->db, r->arena, lock, p, 1, 1, &app)) != CIVIC_OK)
		goto out;
	err = CIVIC_ERR_CONFLICT;
	if (app.nrows == 0)
		goto out;
	round = strtoll(civic_rows_get(&app, 0, "round"), NULL, 10);
	{
		struct civic_param q[] = { CIVIC_PINT(d->app), CIVIC_PINT(d->dept),
		    CIVIC_PINT(r->staff->id), CIVIC_PINT(review_is_office(r)) };

		if ((err = civic_db_query(r->db, r->arena, rev, q, 4, 1, &rv)) != CIVIC_OK)
			goto out;
	}
	err = CIVIC_ERR_CONFLICT;
	if (rv.nrows == 0)
		goto out;
	review = strtoll(rv.cell[0], NULL, 10);
	if ((err = civic_db_query(r->db, r->arena, review_latest_sql, p, 1, PR_MAX_MATERIALS,
	    &up)) != CIVIC_OK)
		goto out;
	for (i = 0; i < up.nrows; i++) {
		const char	*v = review_vfield(r, 'v', up.cell[i * 3]);
		const char	*n = review_vfield(r, 'n', up.cell[i * 3]);

		if (v == NULL)
			continue;
		{
			struct civic_param q[] = { CIVIC_PINT(strtoll(up.cell[i * 3 + 1], NULL, 10)),
			    CIVIC_PINT(review), CIVIC_PTEXT(v), CIVIC_PTEXT(n),
			    CIVIC_PINT(r->staff->id), CIVIC_PTEXTN(now, strlen(now)) };

			if ((err = civic_db_exec(r->db, verdict, q, CIVIC_NITEMS(q), NULL, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
	}
	{
		struct civic_param q[] = { CIVIC_PTEXT(d->decision), CIVIC_PTEXTN(now, strlen(now)),
		    CIVIC_PINT(round), CIVIC_PTEXT(reason), CIVIC_PINT(review) };

		if ((err = civic_db_change(r->db, upd, q, CIVIC_NITEMS(q))) != CIVIC_OK)
			goto out;
	}
	if ((err = pr_event(r, d->app, "verdict", round, d->dept, d->decision, 1)) != CIVIC_OK)
		goto out;
	if ((err = review_settle(r, d->app, &app)) != CIVIC_OK)
		goto out;
	err = review_finish(r, d->app, d->dept, "prereview.decide",
	    civic_arena_printf(r->arena, "department=%lld decision=%s round=%lld", d->dept,
	    d->decision, round), "decided");
out:
	return err;
}

/*
 * Before the transaction, what only the handler can check: a verdict on
 * every material with a file, a note with each correction, the decision
 * agreeing with the verdicts (passed: no correction; correction: at
 * least one), a reason with a rejection.  Read outside the transaction:
 * a replacement between this read and the decision cannot happen, since
 * replacing needs the state 'correction', which only a decision sets.
 */
static int
review_decide(struct civic_req *r)
{
	struct review_decide	 d = { r, civic_req_seg_int(r, "id"), review_department(r),
				    civic_req_value(r, "decision") };
	struct civic_param	 p[] = { CIVIC_PINT(d.app) };
	struct civic_rows	 up;
	enum civic_err		 err;
	size_t			 i, ncorr = 0;
	char			 name[8];
	const char		*field = NULL, *key = NULL;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, review_latest_sql, p, 1, PR_MAX_MATERIALS,
	    &up)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	for (i = 0; i < up.nrows && key == NULL; i++) {
		const char	*seq = up.cell[i * 3];
		const char	*v = review_vfield(r, 'v', seq);

		if (v == NULL && strcmp(up.cell[i * 3 + 2], "1") == 0) {
			snprintf(name, sizeof(name), "v%s", seq);
			key = "prereview.review.need-verdict";
		} else if (v != NULL && strcmp(v, "correction") == 0) {
			ncorr++;
			if (review_vfield(r, 'n', seq) == NULL) {
				snprintf(name, sizeof(name), "n%s", seq);
				key = "prereview.review.need-note";
			}
		}
	}
	if (key != NULL)
		field = name;
	else if (strcmp(d.decision, "passed") == 0 && ncorr > 0)
		field = "decision", key = "prereview.review.passed-with-correction";
	else if (strcmp(d.decision, "correction") == 0 && ncorr == 0)
		field = "decision", key = "prereview.review.correction-without";
	else if (strcmp(d.decision, "correction") == 0) {
		if ((err = civic_db_query(r->db, r->arena, "SELECT round FROM pr_application "
		    "WHERE id = ?", p, 1, 1, &up)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		if (up.nrows == 1 && strtoll(up.cell[0], NULL, 10) >= PR_MAX_ROUNDS)
			field = "decision", key = "prereview.review.rounds";
	}
	else if (strcmp(d.decision, "rejected") == 0 && civic_req_value(r, "reason") == NULL)
		field = "reason", key = "prereview.review.need-reason";
	if (key != NULL)
		st = civic_req_refuse(r, civic_arena_strdup(r->arena, field), key);
	else
		st = civic_req_done(r, civic_req_tx(r, review_decide_tx, &d),
		    "prereview.review.conflict.decide");
out:
	return st;
}

/* ---------------------------------------------------------------- extensions */

static const struct civic_field ext_fields[] = {
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, 0, NULL },
	{ "days", CIVIC_V_INT, 1, REVIEW_EXT_DAYS_MAX, CIVIC_F_REQUIRED, NULL },
	{ "ext_reason", CIVIC_V_MULTILINE, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field ext_decide_fields[] = {
	{ "department", CIVIC_V_INT, 1, REVIEW_ID_MAX, CIVIC_F_REQUIRED, NULL },
	{ "ext_decision", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, review_ext_decisions },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* A department asks the office for more working days (not while one is asked). */
static enum civic_err
review_ext_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE pr_review SET ext_state = 'asked', ext_days = ?, ext_reason = ? "
	    "WHERE application_id = ? AND department_id = ? AND state IN " REVIEW_OPEN
	    " AND ext_state <> 'asked'";
	struct review_act	*a = arg;
	struct civic_req	*r = a->r;
	long long		 days = civic_req_int(r, "days", 0);
	const char		*why = civic_req_value(r, "ext_reason");
	struct civic_param	 p[] = { CIVIC_PINT(days), CIVIC_PTEXT(why), CIVIC_PINT(a->app),
				    CIVIC_PINT(a->dept) };
	struct civic_param	 q[] = { CIVIC_PINT(a->app) };
	struct civic_rows	 round;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, upd, p, CIVIC_NITEMS(p))) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, "SELECT round FROM pr_application "
	    "WHERE id = ?", q, 1, 1, &round)) != CIVIC_OK)
		goto out;
	if ((err = pr_event(r, a->app, "extension", strtoll(round.cell[0], NULL, 10), a->dept,
	    civic_arena_printf(r->arena, "+%lld %s", days, why), 0)) != CIVIC_OK)
		goto out;
	err = review_finish(r, a->app, a->dept, "prereview.extension.ask",
	    civic_arena_printf(r->arena, "department=%lld days=%lld", a->dept, days),
	    "extension");
out:
	return err;
}

static int
review_ext(struct civic_req *r)
{
	struct review_act	 a = { r, civic_req_seg_int(r, "id"), review_department(r) };

	return civic_req_done(r, civic_req_tx(r, review_ext_tx, &a),
	    "prereview.review.conflict.extension");
}

/*
 * The office's answer: approved, the days are added and every open
 * review's due time computed again (pr_clock_store: working days);
 * refused, the due time stays.
 */
static enum civic_err
review_ext_decide_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE pr_review SET ext_state = ?, "
	    "extension_days = extension_days + IF(? = 'approved', ext_days, 0) "
	    "WHERE application_id = ? AND department_id = ? AND ext_state = 'asked'";
	struct review_act	*a = arg;
	struct civic_req	*r = a->r;
	const char		*state = strcmp(civic_req_value(r, "ext_decision"), "approve") == 0 ?
				    "approved" : "refused";
	struct civic_param	 p[] = { CIVIC_PTEXT(state), CIVIC_PTEXT(state),
				    CIVIC_PINT(a->app), CIVIC_PINT(a->dept) };
	struct civic_param	 q[] = { CIVIC_PINT(a->app) };
	struct civic_rows	 round;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, upd, p, CIVIC_NITEMS(p))) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, "SELECT round FROM pr_application "
	    "WHERE id = ?", q, 1, 1, &round)) != CIVIC_OK)
		goto out;
	if (strcmp(state, "approved") == 0 && (err = pr_clock_store(r, a->app)) != CIVIC_OK)
		goto out;
	if ((err = pr_event(r, a->app, "extension", strtoll(round.cell[0], NULL, 10), a->dept,
	    state, 0)) != CIVIC_OK)
		goto out;
	err = review_finish(r, a->app, 0, "prereview.extension.decide",
	    civic_arena_printf(r->arena, "department=%lld %s", a->dept, state), "extension");
out:
	return err;
}

static int
review_ext_decide(struct civic_req *r)
{
	struct review_act	 a = { r, civic_req_seg_int(r, "id"),
				    civic_req_int(r, "department", 0) };

	return civic_req_done(r, civic_req_tx(r, review_ext_decide_tx, &a),
	    "prereview.review.conflict.extension");
}

/* ---------------------------------------------------------------- completion */

/*
 * A passed application handed over: by a clerk of the item's own
 * department or the office; the pick-up notice goes to the applicant.
 */
static enum civic_err
review_complete_tx(void *arg)
{
	static const char	 upd[] =
	    "UPDATE pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "SET a.state = 'completed', a.completed_at = ?, a.completed_by = ? "
	    "WHERE a.id = ? AND a.state = 'passed' AND (? = 1 OR i.department_id = ?)";
	static const char	 one[] =
	    "SELECT a.serial, a.phone, a.email, a.round, COALESCE(i.licence, i.name) AS licence, "
	    "i.pickup_window FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "WHERE a.id = ?";
	struct review_act	*a = arg;
	struct civic_req	*r = a->r;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[5];
	struct civic_param	 q[] = { CIVIC_PINT(a->app) };
	struct civic_rows	 app;
	enum civic_err		 err;

	pr_now(r, now);
	p[0] = CIVIC_PTEXTN(now, strlen(now));
	p[1] = CIVIC_PINT(r->staff->id);
	p[2] = CIVIC_PINT(a->app);
	p[3] = CIVIC_PINT(review_is_office(r));
	p[4] = CIVIC_PINT(r->staff->department);
	if ((err = civic_db_change(r->db, upd, p, 5)) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, one, q, 1, 1, &app)) != CIVIC_OK)
		goto out;
	{
		const char		*window = civic_rows_get(&app, 0, "pickup_window");
		struct civic_notify_param np[] = {
		    { "no", civic_rows_get(&app, 0, "serial") },
		    { "licence", civic_rows_get(&app, 0, "licence") },
		    { "window", window != NULL ? window : "" } };

		if ((err = pr_event(r, a->app, "completed", strtoll(civic_rows_get(&app, 0,
		    "round"), NULL, 10), r->staff->department, NULL, 1)) != CIVIC_OK ||
		    (err = review_tell(r, &app, "prereview.completed", np, CIVIC_NITEMS(np))) !=
		    CIVIC_OK)
			goto out;
	}
	err = review_finish(r, a->app, 0, "prereview.complete", civic_rows_get(&app, 0, "serial"),
	    "completed");
out:
	return err;
}

static int
review_complete(struct civic_req *r)
{
	struct review_act	 a = { r, civic_req_seg_int(r, "id"), 0 };

	return civic_req_done(r, civic_req_tx(r, review_complete_tx, &a),
	    "prereview.review.conflict.complete");
}

/* ---------------------------------------------------------------- routes */

#define REVIEW_ROLES	(CIVIC_ROLE_CLERK | CIVIC_ROLE_OFFICE)
/* Reviewers of the application: another department's clerk gets 404. */
#define REVIEW_SCOPE	"SELECT department_id FROM pr_review WHERE application_id = ?"

/* An action: its POST and the GET twin showing the application, where a refusal comes back. */
#define REVIEW_ACTION(path, fn, flds, roles_) \
	{ .method = "GET", .pattern = path, .view = "prereview-review", \
	    .handler = review_page, .fields = page_fields, .roles = (roles_), \
	    .scope = REVIEW_SCOPE }, \
	{ .method = "POST", .pattern = path, .view = "prereview-review", .handler = fn, \
	    .fields = flds, .flags = CIVIC_R_STATE, .roles = (roles_), .scope = REVIEW_SCOPE }

const struct civic_route pr_review_routes[] = {
	{ .method = "GET", .pattern = "/desk", .view = "prereview-desk",
	    .handler = review_desk, .fields = desk_fields, .roles = REVIEW_ROLES },
	{ .method = "GET", .pattern = "/review/{id:int}", .view = "prereview-review",
	    .handler = review_page, .fields = page_fields,
	    .roles = REVIEW_ROLES | CIVIC_ROLE_SUPERVISOR, .scope = REVIEW_SCOPE },
	{ .method = "GET", .pattern = "/review/{id:int}/file/{upload:int}",
	    .view = "prereview-review", .handler = review_file,
	    .roles = REVIEW_ROLES | CIVIC_ROLE_SUPERVISOR, .scope = REVIEW_SCOPE },
	REVIEW_ACTION("/review/{id:int}/claim", review_claim, act_fields, REVIEW_ROLES),
	REVIEW_ACTION("/review/{id:int}/decide", review_decide, decide_fields, REVIEW_ROLES),
	REVIEW_ACTION("/review/{id:int}/extension", review_ext, ext_fields, REVIEW_ROLES),
	REVIEW_ACTION("/review/{id:int}/extension/decide", review_ext_decide,
	    ext_decide_fields, CIVIC_ROLE_OFFICE),
	REVIEW_ACTION("/review/{id:int}/complete", review_complete, NULL, REVIEW_ROLES),
};
const size_t pr_review_nroutes = CIVIC_NITEMS(pr_review_routes);
