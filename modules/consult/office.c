/*
 * office.c: the information office's side of the consultation (consult.h,
 * doc/consult-office.md): the questions no clerk took in time (escalated:
 * unclaimed past the first response's due time), every open question,
 * and publication of an answered question with a redacted public version,
 * which the published answers, their search and the ask form's
 * suggestions show.  The office answers, claims and moves questions at
 * the desk like a clerk of every department.
 */
#include <string.h>

#include "consult.h"
#include "redact.h"

#define OFFICE_ROLES	(CIVIC_ROLE_OFFICE | CIVIC_ROLE_SUPERVISOR)

/* Open questions with their lights; the light's parameters come first. */
#define OFFICE_LIST \
	"SELECT q.id, q.tracking_no AS no, q.subject, d.name AS area, q.state, " \
	CONSULT_TIME("q.asked_at") " AS asked, " CONSULT_TIME("q.first_due_at") \
	" AS first_due, s.staff_no, q.published, " CONSULT_LIGHT_SQL("q") " AS light " \
	"FROM consult_question q JOIN department d ON d.id = q.area_id " \
	"LEFT JOIN staff s ON s.id = q.assigned_to "

static const struct civic_field publish_fields[] = {
	{ "public_subject", CIVIC_V_TEXT, 4, 40, CIVIC_F_REQUIRED, NULL },
	{ "public_body", CIVIC_V_MULTILINE, 5, 1000, CIVIC_F_REQUIRED, NULL },
	{ "public_answer", CIVIC_V_MULTILINE, 2, 6000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* GET /office: escalated, open, and answered but not yet published. */
static int
office_home(struct civic_req *r)
{
	static const char	 escalated[] = OFFICE_LIST
	    "WHERE q.state = 'open' AND q.assigned_to IS NULL AND q.first_due_at < ? "
	    "ORDER BY q.id LIMIT 200";
	static const char	 open[] = OFFICE_LIST
	    "WHERE q.state = 'open' ORDER BY q.id LIMIT 200";
	static const char	 answered[] = OFFICE_LIST
	    "WHERE q.state IN ('answered', 'closed') AND q.published = 0 "
	    "ORDER BY q.id DESC LIMIT 50";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[CONSULT_LIGHT_NPARAMS + 1];
	size_t			 i;
	int			 st;

	consult_now(r, now);
	for (i = 0; i < CIVIC_NITEMS(p); i++)
		p[i] = CIVIC_PTEXTN(now, strlen(now));
	if ((st = civic_page_query(r, "escalated", "question", escalated, p,
	    CIVIC_NITEMS(p))) != 0 ||
	    (st = civic_page_query(r, "open", "question", open, p, CONSULT_LIGHT_NPARAMS)) != 0 ||
	    (st = civic_page_query(r, "answered", "question", answered, p,
	    CONSULT_LIGHT_NPARAMS)) != 0)
		return st;
	return 200;
}

/*
 * GET /office/q/{id}/publish: the original beside the public version,
 * which starts as the original with personal data masked (the asker's
 * name among what is masked) and the clerks' answers joined, or as it was
 * stored when published before.
 */
static int
office_publish_form(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.id, q.tracking_no AS no, q.subject, q.body, q.name, q.state, "
	    "q.published, q.public_subject, q.public_body, q.public_answer, "
	    "(SELECT GROUP_CONCAT(m.body ORDER BY m.id SEPARATOR '\\n\\n') "
	    "FROM consult_message m WHERE m.question_id = q.id AND m.kind = 'answer') AS answer "
	    "FROM consult_question q WHERE q.id = ?";
	static const char *const pub[] = { "public_subject", "public_body", "public_answer" };
	static const char *const orig[] = { "subject", "body", "answer" };
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	const char		*names[1], *v;
	size_t			 i;
	int			 st;

	if ((st = civic_page_one(r, "question", sql, p, 1, &rows)) != 0)
		return st;
	names[0] = civic_rows_get(&rows, 0, "name");
	for (i = 0; i < CIVIC_NITEMS(pub); i++) {
		if ((v = civic_rows_get(&rows, 0, pub[i])) == NULL &&
		    (v = civic_rows_get(&rows, 0, orig[i])) != NULL &&
		    (v = civic_redact(r->arena, v, names, names[0] != NULL)) == NULL)
			return 500;
		civic_page_value(r, pub[i], v);
	}
	return 200;
}

struct office_pub {
	struct civic_req	*r;
	long long		 id;
	int			 publish;
};

static enum civic_err
office_publish_tx(void *arg)
{
	static const char	 pub[] =
	    "UPDATE consult_question SET published = 1, public_subject = ?, public_body = ?, "
	    "public_answer = ?, published_at = NOW() "
	    "WHERE id = ? AND state IN ('answered', 'closed')";
	static const char	 unpub[] =
	    "UPDATE consult_question SET published = 0 WHERE id = ? AND published = 1";
	struct office_pub	*o = arg;
	struct civic_req	*r = o->r;
	enum civic_err		 err;

	if (o->publish) {
		struct civic_param p[] = { CIVIC_PTEXT(civic_req_value(r, "public_subject")),
		    CIVIC_PTEXT(civic_req_value(r, "public_body")),
		    CIVIC_PTEXT(civic_req_value(r, "public_answer")), CIVIC_PINT(o->id) };

		err = civic_db_change(r->db, pub, p, CIVIC_NITEMS(p));
	} else {
		struct civic_param p[] = { CIVIC_PINT(o->id) };

		err = civic_db_change(r->db, unpub, p, 1);
	}
	if (err != CIVIC_OK)
		goto out;
	if ((err = o->publish ? civic_search_index(r->db, r->arena, &consult_index, o->id) :
	    civic_search_unindex(r->db, &consult_index, o->id)) != CIVIC_OK ||
	    (err = consult_message(r, o->id, o->publish ? "publish" : "unpublish", 0, 0,
	    NULL)) != CIVIC_OK ||
	    (err = consult_done(r, o->id, o->publish ? "consult.publish" :
	    "consult.unpublish", NULL)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/office/q/%lld/publish", o->id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
office_publish_run(struct civic_req *r, int publish)
{
	struct office_pub	 o = { r, civic_req_seg_int(r, "id"), publish };
	int			 st;

	if ((st = civic_req_exists(r, "SELECT id FROM consult_question WHERE id = ?")) != 0)
		return st;
	return civic_req_done(r, civic_req_tx(r, office_publish_tx, &o), CONSULT_CONFLICT);
}

/* POST /office/q/{id}/publish: the public version, published and indexed. */
static int
office_publish(struct civic_req *r)
{
	return office_publish_run(r, 1);
}

/* POST /office/q/{id}/unpublish: off the public list and out of the index. */
static int
office_unpublish(struct civic_req *r)
{
	return office_publish_run(r, 0);
}

const struct civic_route consult_office_routes[] = {
	{ .method = "GET", .pattern = "/office", .view = "office", .handler = office_home,
	    .roles = OFFICE_ROLES },
	{ .method = "GET", .pattern = "/office/q/{id:int}/publish", .view = "office-publish",
	    .handler = office_publish_form, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/q/{id:int}/publish", .view = "office-publish",
	    .handler = office_publish, .fields = publish_fields, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_OFFICE },
	{ .method = "GET", .pattern = "/office/q/{id:int}/unpublish",
	    .view = "office-publish", .handler = office_publish_form,
	    .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/q/{id:int}/unpublish",
	    .view = "office-publish", .handler = office_unpublish, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_OFFICE },
};
const size_t consult_office_nroutes = CIVIC_NITEMS(consult_office_routes);
