/*
 * progress.c: the applicant's progress page (prereview.h,
 * doc/prereview.md), for the browser the application or the lookup by
 * serial and code granted it (apply.c, access.h), nobody else: the
 * stages with their times, the light, what each reviewing department
 * said of each material, the one combined notice while corrections are
 * awaited, what to do next, the applicant's own files, and the rating
 * once the application is handled (rating.h).
 *
 * Replace and resubmit: while the application waits for corrections, the
 * applicant sends new files for the materials a department marked, all of
 * them and only them; the rest stays as it was.  One transaction moves
 * the application back to review with the next round, ends the pause,
 * adds the new uploads and sends the departments that asked for
 * corrections back to work (the clerk who had it keeps it), with the
 * deadlines recomputed without the paused days.
 *
 * The applicant's name, ID number and phone are never selected here: the
 * page has the application, not the person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "access.h"
#include "page.h"
#include "rating.h"
#include "worker.h"

static const char *const done_words[] = { "resubmitted", NULL };

static const struct civic_field case_get_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

#define PROGRESS_M(n)	{ "m" #n, CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL }

static const struct civic_field correct_fields[] = {
	PROGRESS_M(1), PROGRESS_M(2), PROGRESS_M(3), PROGRESS_M(4), PROGRESS_M(5),
	PROGRESS_M(6), PROGRESS_M(7), PROGRESS_M(8), PROGRESS_M(9), PROGRESS_M(10),
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * The application of the path when this browser was granted it: its id,
 * else 0 with *st the status (404, or the database's).
 */
static long long
progress_granted(struct civic_req *r, int *st)
{
	const char		*serial = civic_req_seg(r, "serial");
	struct civic_param	 p[] = { CIVIC_PTEXT(serial) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	long long		 id = 0;

	*st = 404;
	if (!civic_access_granted(r, PR_APPLY_GRANT_COOKIE, serial))
		goto out;
	if ((err = civic_db_query(r->db, r->arena, "SELECT id FROM pr_application "
	    "WHERE serial = ?", p, 1, 1, &rows)) != CIVIC_OK) {
		*st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 1) {
		id = strtoll(rows.cell[0], NULL, 10);
		*st = 0;
	}
out:
	return id;
}

/*
 * <materials>: each material as last sent (its latest upload), marked="1"
 * when a department asked for it to be corrected, with a <verdict
 * department verdict> (its note as text) per department that judged it.
 * 0, or the status to return.
 */
static int
progress_materials(struct civic_req *r, long long id)
{
	static const char	 mat_sql[] =
	    "SELECT m.id, m.seq, u.id AS upload, m.name, m.form, m.copies, m.need, m.cond, "
	    "u.round, f.name AS file, f.size, "
	    "EXISTS (SELECT 1 FROM pr_verdict v WHERE v.upload_id = u.id "
	    "AND v.verdict = 'correction') AS marked "
	    "FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "LEFT JOIN stored_file f ON f.id = u.file_id "
	    "WHERE u.application_id = ? AND u.latest = 1 ORDER BY m.seq";
	static const char	 verdict_sql[] =
	    "SELECT u.material_id, d.name, v.verdict, v.note FROM pr_upload u "
	    "JOIN pr_verdict v ON v.upload_id = u.id "
	    "JOIN pr_review rv ON rv.id = v.review_id "
	    "JOIN department d ON d.id = rv.department_id "
	    "WHERE u.application_id = ? AND u.latest = 1 ORDER BY rv.id";
	static const char *const cols[] = { "name", "form", "copies", "need", "cond", "round",
	    "file", "size" };
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 ms, vs;
	xmlNodePtr		 list, m, v;
	size_t			 i, j, c;
	enum civic_err		 err;
	int			 st = 0;

	if ((err = civic_db_query(r->db, r->arena, mat_sql, p, 1, PR_MAX_MATERIALS * 2,
	    &ms)) != CIVIC_OK || (err = civic_db_query(r->db, r->arena, verdict_sql, p, 1,
	    CIVIC_MAX_ROWS, &vs)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	list = civic_page_add(r, NULL, "materials", NULL);
	for (i = 0; i < ms.nrows; i++) {
		m = civic_page_add(r, list, "material", NULL);
		civic_page_attr(m, "seq", civic_rows_get(&ms, i, "seq"));
		civic_page_attr(m, "marked", civic_rows_get(&ms, i, "marked"));
		if (civic_rows_get(&ms, i, "file") != NULL)
			civic_page_attr(m, "upload", civic_rows_get(&ms, i, "upload"));
		for (c = 0; c < CIVIC_NITEMS(cols); c++)
			if (civic_rows_get(&ms, i, cols[c]) != NULL)
				civic_page_add(r, m, cols[c], civic_rows_get(&ms, i, cols[c]));
		for (j = 0; j < vs.nrows; j++) {
			if (strcmp(vs.cell[j * 4], ms.cell[i * ms.ncols]) != 0)
				continue;
			v = civic_page_add(r, m, "verdict", vs.cell[j * 4 + 3]);
			civic_page_attr(v, "department", vs.cell[j * 4 + 1]);
			civic_page_attr(v, "verdict", vs.cell[j * 4 + 2]);
		}
	}
out:
	return st;
}

/*
 * GET /case/{serial} (and the page of a refused correction): the
 * application as its applicant may see it.  A browser not granted it is
 * sent to the lookup form with the serial filled in.
 */
static int
progress_page(struct civic_req *r)
{
	static const char	 app_sql[] =
	    "SELECT a.serial, a.state, a.round, i.name AS item, i.code AS item_code, "
	    "d.name AS department, "
	    PR_TIME("a.created_at") " AS created, "
	    PR_TIME("a.resubmitted_at") " AS resubmitted, "
	    PR_TIME("a.paused_at") " AS paused, "
	    PR_TIME("a.decided_at") " AS decided, "
	    PR_TIME("a.completed_at") " AS completed, "
	    "IF(a.state = 'review', " PR_TIME("a.due_at") ", NULL) AS due, "
	    "CASE WHEN a.state = 'correction' THEN 'paused' WHEN a.state = 'review' THEN "
	    PR_LIGHT_SQL("a", "a") " END AS light, "
	    "IF(a.state = 'correction', a.notice, NULL) AS notice, "
	    "IF(a.state = 'rejected', a.reject_reason, NULL) AS reject_reason, "
	    "i.pickup_window, i.licence, "
	    "a.state IN ('passed', 'completed', 'rejected') AS handled "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "JOIN department d ON d.id = i.department_id WHERE a.id = ?";
	static const char	 review_sql[] =
	    "SELECT d.name AS department, rv.state, "
	    "IF(rv.state IN ('waiting', 'claimed'), " PR_TIME("rv.due_at") ", NULL) AS due, "
	    "IF(rv.state IN ('waiting', 'claimed'), " PR_LIGHT_SQL("a", "rv") ", NULL) "
	    "AS light, " PR_TIME("rv.decided_at") " AS decided, "
	    "IF(rv.state IN ('correction', 'rejected'), rv.reason, NULL) AS reason "
	    "FROM pr_review rv JOIN pr_application a ON a.id = rv.application_id "
	    "JOIN department d ON d.id = rv.department_id "
	    "WHERE rv.application_id = ? ORDER BY rv.id";
	/* The public steps; the notes of the ones whose note is the applicant's. */
	static const char	 event_sql[] =
	    "SELECT " PR_TIME("e.at") " AS at, e.kind, e.round, d.name AS department "
	    "FROM pr_event e LEFT JOIN department d ON d.id = e.department_id "
	    "WHERE e.application_id = ? AND e.public = 1 ORDER BY e.id LIMIT 200";
	static const char	 file_sql[] =
	    "SELECT u.id, u.round, m.name AS material, f.name, f.size, u.latest "
	    "FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "JOIN stored_file f ON f.id = u.file_id WHERE u.application_id = ? "
	    "ORDER BY m.seq, u.round";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_rows	 rows;
	long long		 id;
	int			 st;

	if ((id = progress_granted(r, &st)) == 0) {
		if (st == 404 && strcmp(r->route->method, "GET") == 0 && r->refused == NULL)
			st = civic_req_redirect(r, "/track?no=%s", civic_req_seg(r, "serial"));
		goto out;
	}
	pr_now(r, now);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(id) };
		enum civic_err err;

		if ((err = civic_db_query(r->db, r->arena, app_sql, p, CIVIC_NITEMS(p), 1,
		    &rows)) != CIVIC_OK || rows.nrows != 1) {
			st = err != CIVIC_OK ? civic_req_status(err) : 404;
			goto out;
		}
	}
	/* handled is for the rating below, not a part of the page. */
	rows.ncols--;
	civic_page_rows(r, NULL, "application", &rows);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(id) };
		struct civic_param q[] = { CIVIC_PINT(id) };

		if ((st = civic_page_query(r, "reviews", "review", review_sql, p,
		    CIVIC_NITEMS(p))) != 0 ||
		    (st = civic_page_query(r, "history", "event", event_sql, q, 1)) != 0 ||
		    (st = progress_materials(r, id)) != 0 ||
		    (st = civic_page_query(r, "files", "file", file_sql, q, 1)) != 0)
			goto out;
	}
	if (civic_req_value(r, "done") != NULL)
		civic_page_message(r, "info", "prereview.case.done.resubmitted");
	if ((st = eval_page_case(r, NULL, EVAL_APPLICATION, id, civic_req_seg(r, "serial"),
	    strcmp(rows.cell[rows.ncols], "1") == 0)) != 0)
		goto out;
	st = 200;
out:
	return st;
}

/*
 * GET /case/{serial}/file/{upload}: one of the applicant's own files, as
 * an attachment; an upload of another application is 404 like an unknown
 * one.
 */
static int
progress_file(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT file_id FROM pr_upload WHERE id = ? AND application_id = ? "
	    "AND file_id IS NOT NULL";
	struct civic_rows	 rows;
	long long		 id;
	enum civic_err		 err;
	int			 st;

	if ((id = progress_granted(r, &st)) == 0)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(civic_req_seg_int(r, "upload")),
		    CIVIC_PINT(id) };

		if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	st = rows.nrows == 1 ? civic_filestore_send(r, strtoll(rows.cell[0], NULL, 10)) : 404;
out:
	return st;
}

/* A material to replace: its id and the form's slot. */
struct progress_marked {
	long long	 material;
	int		 seq;
};

struct progress_correct {
	struct civic_req		*r;
	long long			 id;
	struct progress_marked		 marked[PR_MAX_MATERIALS];
	const struct civic_file		*files[PR_MAX_MATERIALS];
	size_t				 nmarked;
};

static enum civic_err
progress_correct_tx(void *arg)
{
	static const char	 resume_sql[] =
	    "UPDATE pr_application SET state = 'review', round = round + 1, paused_at = NULL, "
	    "resubmitted_at = ? WHERE id = ? AND state = 'correction'";
	struct progress_correct	*c = arg;
	struct civic_req	*r = c->r;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_rows	 rows;
	long long		 round;
	size_t			 i;
	enum civic_err		 err;

	pr_now(r, now);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(c->id) };

		if ((err = civic_db_change(r->db, resume_sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
			goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PINT(c->id) };

		if ((err = civic_db_query(r->db, r->arena, "SELECT round FROM pr_application "
		    "WHERE id = ?", p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		round = strtoll(rows.cell[0], NULL, 10);
	}
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(c->id) };

		if ((err = civic_db_exec(r->db, "UPDATE pr_pause SET ended_at = ? "
		    "WHERE application_id = ? AND ended_at IS NULL", p, CIVIC_NITEMS(p), NULL,
		    NULL)) != CIVIC_OK)
			goto out;
	}
	for (i = 0; i < c->nmarked; i++) {
		struct civic_param p[] = { CIVIC_PINT(c->id), CIVIC_PINT(c->marked[i].material) };

		if ((err = civic_db_exec(r->db, "UPDATE pr_upload SET latest = 0 "
		    "WHERE application_id = ? AND material_id = ? AND latest = 1", p,
		    CIVIC_NITEMS(p), NULL, NULL)) != CIVIC_OK ||
		    (err = pr_apply_upload(r, c->id, c->marked[i].material, round, c->files[i],
		    now)) != CIVIC_OK)
			goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PINT(c->id), CIVIC_PINT(round) };

		/*
		 * The departments that asked for corrections review again, and so
		 * does one that passed but had judged a material now replaced:
		 * its verdict was on the old file.  The clerk who claimed a
		 * review keeps it; a department that judged nothing replaced
		 * stays passed.
		 */
		if ((err = civic_db_exec(r->db, "UPDATE pr_review rv SET rv.state = "
		    "IF(rv.clerk_id IS NULL, 'waiting', 'claimed') "
		    "WHERE rv.application_id = ? AND (rv.state = 'correction' OR "
		    "(rv.state = 'passed' AND EXISTS (SELECT 1 FROM pr_verdict v "
		    "JOIN pr_upload u ON u.id = v.upload_id JOIN pr_upload n "
		    "ON n.application_id = u.application_id AND n.material_id = u.material_id "
		    "AND n.latest = 1 AND n.round = ? WHERE v.review_id = rv.id AND u.latest = 0)))",
		    p, 2, NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	if ((err = pr_clock_store(r, c->id)) != CIVIC_OK ||
	    (err = pr_event(r, c->id, "resubmitted", round, 0, NULL, 1)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/case/%s?done=resubmitted", civic_req_seg(r, "serial")) !=
	    303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/*
 * POST /case/{serial}/correct: new files for every material marked for
 * correction, and for no other; refused beside each slot that is missing
 * or not to be replaced, and when the files together are over the bound.
 * An application no longer waiting for corrections (resubmitted in
 * another tab) gets the page again with a message.
 */
static int
progress_correct(struct civic_req *r)
{
	static const char	 marked_sql[] =
	    "SELECT m.id, m.seq FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "WHERE u.application_id = ? AND u.latest = 1 AND EXISTS (SELECT 1 FROM pr_verdict v "
	    "WHERE v.upload_id = u.id AND v.verdict = 'correction') ORDER BY m.seq";
	struct progress_correct	 c;
	struct civic_rows	 rows;
	const struct civic_file	*f;
	unsigned long long	 total = 0;
	const char		*name;
	size_t			 i;
	int			 seq, st, marked;
	enum civic_err		 err;

	memset(&c, 0, sizeof(c));
	c.r = r;
	if ((c.id = progress_granted(r, &st)) == 0)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(c.id) };

		if ((err = civic_db_query(r->db, r->arena, "SELECT state FROM pr_application "
		    "WHERE id = ?", p, 1, 1, &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		if (rows.nrows != 1 || strcmp(rows.cell[0], "correction") != 0) {
			st = civic_req_refuse(r, NULL, "prereview.correct.not-open");
			goto out;
		}
		if ((err = civic_db_query(r->db, r->arena, marked_sql, p, 1, PR_MAX_MATERIALS,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	for (i = 0; i < rows.nrows; i++) {
		c.marked[c.nmarked].material = strtoll(rows.cell[i * 2], NULL, 10);
		c.marked[c.nmarked].seq = atoi(rows.cell[i * 2 + 1]);
		c.nmarked++;
	}
	for (seq = 1; seq <= PR_MAX_MATERIALS; seq++) {
		if ((name = civic_arena_printf(r->arena, "m%d", seq)) == NULL) {
			st = 500;
			goto out;
		}
		f = civic_req_file(r, name);
		for (i = 0, marked = 0; i < c.nmarked; i++)
			if (c.marked[i].seq == seq) {
				c.files[i] = f;
				marked = 1;
			}
		if (marked && f == NULL)
			civic_req_error(r, name, "prereview.apply.material-required", 0);
		else if (!marked && f != NULL)
			civic_req_error(r, name, "prereview.correct.not-marked", 0);
		if (f != NULL)
			total += f->len;
	}
	if (total > CIVIC_MAX_APPLICATION_FILES)
		for (i = 0; i < c.nmarked; i++)
			if (c.files[i] != NULL)
				civic_req_error(r, civic_arena_printf(r->arena, "m%d",
				    c.marked[i].seq), "prereview.apply.files-total",
				    CIVIC_MAX_APPLICATION_FILES);
	if (r->nerrs > 0 || c.nmarked == 0) {
		st = civic_req_refuse(r, NULL, c.nmarked == 0 ? "prereview.correct.not-open" :
		    "prereview.correct.refused");
		goto out;
	}
	st = civic_req_done(r, civic_req_tx(r, progress_correct_tx, &c),
	    "prereview.correct.not-open");
out:
	return st;
}

/*
 * The progress page and its twins; the grant cookie is scoped to the
 * page's path, so the files and the correction come under it.
 */
const struct civic_route pr_progress_routes[] = {
	{ .method = "GET", .pattern = "/case/{serial:tracking}", .view = "apply-case",
	    .handler = progress_page, .fields = case_get_fields },
	{ .method = "GET", .pattern = "/case/{serial:tracking}/file/{upload:int}",
	    .view = "apply-case", .handler = progress_file },
	{ .method = "GET", .pattern = "/case/{serial:tracking}/correct", .view = "apply-case",
	    .handler = progress_page, .fields = case_get_fields },
	{ .method = "POST", .pattern = "/case/{serial:tracking}/correct", .view = "apply-case",
	    .handler = progress_correct, .fields = correct_fields, .flags = CIVIC_R_STATE,
	    .rate = { "prereview.correct", 60, 3600 } },
};
const size_t pr_progress_nroutes = CIVIC_NITEMS(pr_progress_routes);
