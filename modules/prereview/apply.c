/*
 * apply.c: the application (prereview.h, doc/prereview.md), public and
 * without an account: the form of an item that offers pre-review, its
 * one transaction, the receipt with the serial number and the query code,
 * and the lookup by both that grants this browser the progress page
 * (progress.c).
 *
 * The form is the item's: the applicant (a person with a resident ID
 * number, or an enterprise with its unified social credit code and the
 * agent who applies for it), the item's own fields (x1..x8, pr_field),
 * and one upload slot a material (m1..m10, pr_material).  The route's
 * validators check what every item has in common (the ID number's and
 * the code's check characters, the files' sizes and types by content);
 * what only the item knows (which of its fields are required, their
 * kinds, which materials are needed under which condition) is checked
 * here, and everything wrong is said at once, beside each field.
 *
 * Against spam, as the mailbox's letter: a honeypot, the signed form time
 * (prereview.min_fill_seconds), per-address rate limits in the route
 * table.  The query code is shown once, as the mailbox does it
 * (access.h): a cookie scoped to the receipt carries it there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "access.h"
#include "formtime.h"
#include "page.h"
#include "parse.h"
#include "worker.h"

#define APPLY_FORM_TIME		"prereview.form-time"
#define APPLY_TRACK		"prereview.track"

/* The longest text an item's number field holds: a sum of money, an area. */
#define APPLY_NUMBER_MAX	30

static const char *const kinds[] = { "person", "enterprise", NULL };
static const char *const yes[] = { "1", NULL };

#define APPLY_X(n)	{ "x" #n, CIVIC_V_MULTILINE, 1, 2000, 0, NULL }
#define APPLY_M(n)	{ "m" #n, CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL }

/*
 * id_card, uscc and contact are required by the kind of applicant, which
 * the table can't know: the handler checks them.  website is the
 * honeypot; issued and sig the signed form time (formtime.h).
 */
static const struct civic_field apply_fields[] = {
	{ "applicant_kind", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, kinds },
	{ "name", CIVIC_V_TEXT, 2, 50, CIVIC_F_REQUIRED, NULL },
	{ "id_card", CIVIC_V_IDCARD, 0, 0, 0, NULL },
	{ "uscc", CIVIC_V_USCC, 0, 0, 0, NULL },
	{ "contact", CIVIC_V_TEXT, 2, 20, 0, NULL },
	{ "phone", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "email", CIVIC_V_EMAIL, 0, 0, 0, NULL },
	{ "consent", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, yes },
	APPLY_X(1), APPLY_X(2), APPLY_X(3), APPLY_X(4),
	APPLY_X(5), APPLY_X(6), APPLY_X(7), APPLY_X(8),
	APPLY_M(1), APPLY_M(2), APPLY_M(3), APPLY_M(4), APPLY_M(5),
	APPLY_M(6), APPLY_M(7), APPLY_M(8), APPLY_M(9), APPLY_M(10),
	{ "website", CIVIC_V_TEXT, 0, 200, 0, NULL },
	CIVIC_FORMTIME_FIELDS,
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ------------------------------------------------------------ shared */

enum civic_err
pr_apply_upload(struct civic_req *r, long long app, long long material, long long round,
    const struct civic_file *f, const char *now)
{
	long long	 file = 0;
	enum civic_err	 err = CIVIC_OK;

	if (f != NULL && (err = civic_filestore_put(r->db, f, &file)) != CIVIC_OK)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(app), CIVIC_PINT(material),
		    CIVIC_PINT(round), file > 0 ? CIVIC_PINT(file) : CIVIC_PNULL,
		    CIVIC_PTEXTN(now, strlen(now)) };

		err = civic_db_exec(r->db, "INSERT INTO pr_upload (application_id, material_id, "
		    "round, file_id, latest, created_at) VALUES (?, ?, ?, ?, 1, ?)", p,
		    CIVIC_NITEMS(p), NULL, NULL);
	}
out:
	return err;
}

/* ------------------------------------------------------------ the item */

/* An item's own field (pr_field), the form's x{seq}. */
struct apply_xfield {
	long long	 id;
	int		 seq;
	const char	*label;
	const char	*kind;
	const char	*choices;	/* "是|否", or NULL */
	int		 required;
	long long	 max_len;
};

/* A material (pr_material), the form's m{seq}. */
struct apply_material {
	long long	 id;
	int		 seq;
	const char	*need;		/* required, conditional, optional */
	int		 cond_field;	/* 0: none */
	const char	*cond_value;
};

struct apply_item {
	long long		 id;
	const char		*name;
	const char		*audience;	/* person, enterprise, both */
	struct apply_xfield	 fields[PR_MAX_FIELDS];
	size_t			 nfields;
	struct apply_material	 mats[PR_MAX_MATERIALS];
	size_t			 nmats;
};

/*
 * The item of the path when it takes applications: active, offering
 * pre-review, and with no sub-items (one applies for a sub-item).  With
 * page set, it goes into the page as <item>.  0, 404, or the database's
 * status.
 */
static int
apply_item(struct civic_req *r, struct apply_item *it, int page)
{
	static const char	 item_sql[] =
	    "SELECT i.id, i.code, i.name, d.name AS department, i.audience, i.promised_days, "
	    "i.legal_days, i.place, i.phone FROM pr_item i "
	    "JOIN department d ON d.id = i.department_id "
	    "WHERE i.code = ? AND i.active = 1 AND i.online = 1 "
	    "AND NOT EXISTS (SELECT 1 FROM pr_item s WHERE s.parent_id = i.id AND s.active = 1)";
	static const char	 field_sql[] =
	    "SELECT id, seq, label, kind, choices, required, max_len FROM pr_field "
	    "WHERE item_id = ? AND seq BETWEEN 1 AND 8 ORDER BY seq";
	static const char	 mat_sql[] =
	    "SELECT id, seq, need, cond_field, cond_value FROM pr_material "
	    "WHERE item_id = ? AND seq BETWEEN 1 AND 10 ORDER BY seq";
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_seg(r, "code")) };
	struct civic_rows	 rows;
	size_t			 i;
	enum civic_err		 err;
	int			 st;

	memset(it, 0, sizeof(*it));
	if ((err = civic_db_query(r->db, r->arena, item_sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows != 1) {
		st = 404;
		goto out;
	}
	it->id = strtoll(rows.cell[0], NULL, 10);
	it->name = rows.cell[2];
	it->audience = rows.cell[4];
	if (page)
		civic_page_rows(r, NULL, "item", &rows);
	{
		struct civic_param q[] = { CIVIC_PINT(it->id) };

		if ((err = civic_db_query(r->db, r->arena, field_sql, q, 1, PR_MAX_FIELDS,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		for (i = 0; i < rows.nrows; i++) {
			struct apply_xfield *f = &it->fields[it->nfields++];
			char **c = rows.cell + i * rows.ncols;

			f->id = strtoll(c[0], NULL, 10);
			f->seq = atoi(c[1]);
			f->label = c[2];
			f->kind = c[3];
			f->choices = c[4];
			f->required = strcmp(c[5], "1") == 0;
			f->max_len = strtoll(c[6], NULL, 10);
		}
		if ((err = civic_db_query(r->db, r->arena, mat_sql, q, 1, PR_MAX_MATERIALS,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		for (i = 0; i < rows.nrows; i++) {
			struct apply_material *m = &it->mats[it->nmats++];
			char **c = rows.cell + i * rows.ncols;

			m->id = strtoll(c[0], NULL, 10);
			m->seq = atoi(c[1]);
			m->need = c[2];
			m->cond_field = c[3] != NULL ? atoi(c[3]) : 0;
			m->cond_value = c[4];
		}
	}
	st = 0;
out:
	return st;
}

/*
 * The item's fields as the form draws them: <fields><field seq kind
 * required max><label/><option/>…</field></fields>, a choice's options
 * split at "|" here so that the stylesheet need not.
 */
static void
apply_page_fields(struct civic_req *r, const struct apply_item *it)
{
	xmlNodePtr	 fs, f;
	const char	*c, *bar;
	size_t		 i;
	char		 num[24];

	fs = civic_page_add(r, NULL, "fields", NULL);
	for (i = 0; i < it->nfields; i++) {
		f = civic_page_add(r, fs, "field", NULL);
		snprintf(num, sizeof(num), "%d", it->fields[i].seq);
		civic_page_attr(f, "seq", num);
		civic_page_attr(f, "kind", it->fields[i].kind);
		civic_page_attr(f, "required", it->fields[i].required ? "1" : "0");
		snprintf(num, sizeof(num), "%lld", it->fields[i].max_len);
		civic_page_attr(f, "max", num);
		civic_page_add(r, f, "label", it->fields[i].label);
		for (c = it->fields[i].choices; c != NULL && *c != '\0'; c = bar + 1) {
			if ((bar = strchr(c, '|')) == NULL)
				bar = c + strlen(c);
			if (bar > c)
				civic_page_add(r, f, "option", civic_arena_printf(r->arena,
				    "%.*s", (int)(bar - c), c));
			if (*bar == '\0')
				break;
		}
	}
}

/* ------------------------------------------------------------ the form */

/*
 * GET /item/{code}/apply: the form, with a freshly signed form time; also
 * the page of a refused application (the core adds what was typed).
 */
static int
apply_form(struct civic_req *r)
{
	static const char	 mat_sql[] =
	    "SELECT seq, name, form, copies, need, cond, cond_field, cond_value, note "
	    "FROM pr_material WHERE item_id = ? AND seq BETWEEN 1 AND 10 ORDER BY seq";
	struct apply_item	 it;
	int			 st;

	if ((st = apply_item(r, &it, 1)) != 0)
		goto out;
	apply_page_fields(r, &it);
	{
		struct civic_param p[] = { CIVIC_PINT(it.id) };

		if ((st = civic_page_query(r, "materials", "material", mat_sql, p, 1)) != 0)
			goto out;
	}
	civic_page_value(r, "applicant_kind", "person");
	civic_formtime_page(r, APPLY_FORM_TIME);
	st = 200;
out:
	return st;
}

/* A number as people write one: an optional sign, digits, an optional fraction. */
static int
apply_is_number(const char *s)
{
	size_t	 i = 0, d = 0;

	if (strlen(s) > APPLY_NUMBER_MAX)
		return 0;
	if (s[i] == '-')
		i++;
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (s[i] == '.') {
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	}
	return d > 0 && s[i] == '\0';
}

/* The value of the item's field seq (x{seq}) in the request, or NULL. */
static const char *
apply_x(struct civic_req *r, int seq)
{
	char	 name[16];

	snprintf(name, sizeof(name), "x%d", seq);
	return civic_req_value(r, name);
}

/*
 * The form's name of field or material seq ("x3", "m10"), or NULL for a
 * number the form has no slot for (the item editor allows none).
 */
static const char *
apply_name(char c, int seq)
{
	static const char *const xs[PR_MAX_FIELDS] =
	    { "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8" };
	static const char *const ms[PR_MAX_MATERIALS] =
	    { "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10" };

	if (seq < 1 || seq > (c == 'x' ? PR_MAX_FIELDS : PR_MAX_MATERIALS))
		return NULL;
	return c == 'x' ? xs[seq - 1] : ms[seq - 1];
}

/*
 * The item's fields as its pr_field rows want them: required ones given,
 * each within its length, a number a number, a date a date, a choice one
 * of its choices, a one-line text on one line.  Errors beside each.
 */
static void
apply_check_fields(struct civic_req *r, const struct apply_item *it, const char **values)
{
	static const struct civic_field date = { "date", CIVIC_V_DATE, 0, 0, 0, NULL };
	const struct apply_xfield	*f;
	const char			*v, *name;
	size_t				 i;

	for (i = 0; i < it->nfields; i++) {
		f = &it->fields[i];
		v = values[i] = apply_x(r, f->seq);
		if ((name = apply_name('x', f->seq)) == NULL)
			continue;
		if (v == NULL) {
			if (f->required)
				civic_req_error(r, name, "v.required", 0);
		} else if ((long long)civic_utf8_chars(v, strlen(v)) > f->max_len)
			civic_req_error(r, name, "v.long", f->max_len);
		else if (strcmp(f->kind, "number") == 0 && !apply_is_number(v))
			civic_req_error(r, name, "prereview.apply.number", 0);
		else if (strcmp(f->kind, "date") == 0 &&
		    civic_valid_check(&date, v, strlen(v)) != CIVIC_VE_OK)
			civic_req_error(r, name, "v.date", 0);
		else if (strcmp(f->kind, "choice") == 0 && !pr_is_choice(f->choices, v))
			civic_req_error(r, name, "v.choice", 0);
		else if (strcmp(f->kind, "multiline") != 0 && strchr(v, '\n') != NULL)
			civic_req_error(r, name, "prereview.apply.one-line", 0);
	}
}

/*
 * The files the materials take: a required material's always, a
 * conditional one's only when its condition holds (its file otherwise
 * ignored: the material is not needed), an optional one's when given.
 * Missing ones and a total over CIVIC_MAX_APPLICATION_FILES are errors
 * beside the slots.
 */
static void
apply_check_files(struct civic_req *r, const struct apply_item *it,
    const struct civic_file **files)
{
	const struct apply_material	*m;
	const char			*name, *v;
	unsigned long long		 total = 0;
	size_t				 i;
	int				 needed;

	for (i = 0; i < it->nmats; i++) {
		m = &it->mats[i];
		files[i] = NULL;
		if ((name = apply_name('m', m->seq)) == NULL)
			continue;
		if (strcmp(m->need, "conditional") == 0) {
			v = m->cond_field > 0 ? apply_x(r, m->cond_field) : NULL;
			needed = v != NULL && m->cond_value != NULL &&
			    strcmp(v, m->cond_value) == 0;
			if (!needed)
				continue;
		} else
			needed = strcmp(m->need, "required") == 0;
		files[i] = civic_req_file(r, name);
		if (files[i] == NULL && needed)
			civic_req_error(r, name, "prereview.apply.material-required", 0);
		if (files[i] != NULL)
			total += files[i]->len;
	}
	if (total > CIVIC_MAX_APPLICATION_FILES)
		for (i = 0; i < it->nmats; i++)
			if (files[i] != NULL)
				civic_req_error(r, apply_name('m', it->mats[i].seq),
				    "prereview.apply.files-total", CIVIC_MAX_APPLICATION_FILES);
}

/* ID numbers are stored with their letters in capitals, as printed on the card. */
static const char *
apply_upper(struct civic_req *r, const char *s)
{
	char	*u = NULL, *p;

	if (s == NULL || (u = civic_arena_strdup(r->arena, s)) == NULL)
		goto out;
	for (p = u; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
out:
	return u;
}

struct apply_new {
	struct civic_req		*r;
	const struct apply_item		*it;
	const char			*kind, *name, *id_number, *contact, *phone, *email;
	const char			*values[PR_MAX_FIELDS];
	const struct civic_file		*files[PR_MAX_MATERIALS];
	char				 serial[CIVIC_TRACKING_LEN];
	const char			*code;
	long long			 id;
	int				 done;
};

/*
 * A review a reviewing department (pr_item_department), each with its own
 * limit; an item without such rows is reviewed by its own department in
 * its promised time.  Due times are placeholders until pr_clock_store().
 */
static enum civic_err
apply_reviews(struct civic_req *r, long long app, long long item, const char *now)
{
	struct civic_param	 p[] = { CIVIC_PINT(app), CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)),
				    CIVIC_PINT(item) };
	unsigned long long	 n = 0;
	enum civic_err		 err;

	if ((err = civic_db_exec(r->db, "INSERT INTO pr_review (application_id, department_id, "
	    "state, days, due_at, warn_at) SELECT ?, department_id, 'waiting', days, ?, ? "
	    "FROM pr_item_department WHERE item_id = ? ORDER BY department_id", p,
	    CIVIC_NITEMS(p), &n, NULL)) != CIVIC_OK || n > 0)
		goto out;
	err = civic_db_exec(r->db, "INSERT INTO pr_review (application_id, department_id, "
	    "state, days, due_at, warn_at) SELECT ?, department_id, 'waiting', promised_days, "
	    "?, ? FROM pr_item WHERE id = ?", p, CIVIC_NITEMS(p), NULL, NULL);
out:
	return err;
}

static enum civic_err
apply_tx(void *arg)
{
	static const char	 sql[] =
	    "INSERT INTO pr_application (serial, query_hash, item_id, item_version, "
	    "applicant_kind, name, id_number, contact, phone, email, state, round, "
	    "created_at, due_at, warn_at) "
	    "SELECT ?, ?, i.id, i.version, ?, ?, ?, ?, ?, ?, 'review', 1, ?, ?, ? "
	    "FROM pr_item i WHERE i.id = ? AND i.active = 1 AND i.online = 1";
	struct apply_new	*a = arg;
	struct civic_req	*r = a->r;
	unsigned char		 hash[CIVIC_TRACKING_HASH_LEN];
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	unsigned long long	 id = 0, affected = 0;
	size_t			 i;
	enum civic_err		 err;

	/* Run again after a deadlock, this starts from the same state. */
	a->done = 0;
	a->id = 0;
	pr_now(r, now);
	if ((err = civic_tracking_next(r->db, PR_PREFIX, a->serial)) != CIVIC_OK)
		goto out;
	if ((a->code = civic_tracking_code(r->arena, hash)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	{
		struct civic_param p[] = {
			CIVIC_PTEXT(a->serial), CIVIC_PBLOB(hash, sizeof(hash)),
			CIVIC_PTEXT(a->kind), CIVIC_PTEXT(a->name), CIVIC_PTEXT(a->id_number),
			CIVIC_PTEXT(a->contact), CIVIC_PTEXT(a->phone), CIVIC_PTEXT(a->email),
			CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(a->it->id)
		};

		if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), &affected, &id)) !=
		    CIVIC_OK)
			goto out;
	}
	/* The item stopped taking applications since the form was shown. */
	if (affected != 1) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	a->id = (long long)id;
	for (i = 0; i < a->it->nfields; i++) {
		struct civic_param p[] = { CIVIC_PINT(a->id), CIVIC_PINT(a->it->fields[i].id),
		    CIVIC_PTEXT(a->values[i]) };

		if (a->values[i] != NULL && (err = civic_db_exec(r->db, "INSERT INTO pr_value "
		    "(application_id, field_id, value) VALUES (?, ?, ?)", p, CIVIC_NITEMS(p),
		    NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	for (i = 0; i < a->it->nmats; i++)
		if ((err = pr_apply_upload(r, a->id, a->it->mats[i].id, 1, a->files[i],
		    now)) != CIVIC_OK)
			goto out;
	if ((err = apply_reviews(r, a->id, a->it->id, now)) != CIVIC_OK ||
	    (err = pr_clock_store(r, a->id)) != CIVIC_OK ||
	    (err = pr_event(r, a->id, "submitted", 1, 0, NULL, 1)) != CIVIC_OK)
		goto out;
	{
		struct civic_notify_param np[] = { { "serial", a->serial }, { "code", a->code },
		    { "item", a->it->name } };

		if ((err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, a->phone,
		    "prereview.received", r->lang, np, CIVIC_NITEMS(np))) != CIVIC_OK)
			goto out;
		if (a->email != NULL && (err = civic_notify_enqueue(r->db, r->arena,
		    CIVIC_NOTIFY_EMAIL, a->email, "prereview.received", r->lang, np,
		    CIVIC_NITEMS(np))) != CIVIC_OK)
			goto out;
	}
	if (civic_req_redirect(r, "/sent/%s", a->serial) != 303) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	a->done = 1;
out:
	/*
	 * A field or material the office removed between the form's check
	 * and this transaction: the item changed, not the database failed.
	 */
	if (err == CIVIC_ERR_DB && civic_db_errno(r->db) == PR_ERR_NO_REFERENCED_ROW)
		err = CIVIC_ERR_INVALID;
	return err;
}

/*
 * POST /item/{code}/apply: the spam checks, what only the item can check,
 * then the application in one transaction, and the receipt.  The code's
 * cookie and the grant of the progress page go with the redirect only
 * when this request made the application: a retried POST, answered with
 * the first one's redirect, sends neither.
 */
static int
apply_send(struct civic_req *r)
{
	struct apply_item	 it;
	struct apply_new	 a;
	const char		*kind = civic_req_value(r, "applicant_kind");
	const char		*idfield;
	char			 path[PR_APPLY_GRANT_LEN];
	long long		 age;
	enum civic_err		 err;
	int			 st;

	if (civic_req_value(r, "website") != NULL) {
		st = civic_req_refuse(r, NULL, "prereview.apply.honeypot");
		goto out;
	}
	if ((age = civic_formtime_age(r, APPLY_FORM_TIME)) < 0) {
		st = civic_req_refuse(r, NULL, "prereview.apply.expired");
		goto out;
	}
	if (age < civic_config_int(r->worker->cfg, "prereview.min_fill_seconds")) {
		st = civic_req_refuse(r, NULL, "prereview.apply.too-fast");
		goto out;
	}
	if ((st = apply_item(r, &it, 0)) != 0)
		goto out;
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.it = &it;
	a.kind = kind;
	a.name = civic_req_value(r, "name");
	a.phone = civic_req_value(r, "phone");
	a.email = civic_req_value(r, "email");
	/* An item for persons only (or enterprises only) takes no other applicant. */
	if (strcmp(it.audience, "both") != 0 && strcmp(it.audience, kind) != 0)
		civic_req_error(r, "applicant_kind", "prereview.apply.audience", 0);
	idfield = strcmp(kind, "person") == 0 ? "id_card" : "uscc";
	if (civic_req_value(r, idfield) == NULL)
		civic_req_error(r, idfield, "v.required", 0);
	else if ((a.id_number = apply_upper(r, civic_req_value(r, idfield))) == NULL) {
		st = 500;
		goto out;
	}
	if (strcmp(kind, "person") != 0) {
		if ((a.contact = civic_req_value(r, "contact")) == NULL)
			civic_req_error(r, "contact", "v.required", 0);
	}
	apply_check_fields(r, &it, a.values);
	apply_check_files(r, &it, a.files);
	if (r->nerrs > 0) {
		st = civic_req_refuse(r, NULL, "prereview.apply.refused");
		goto out;
	}
	err = civic_req_tx(r, apply_tx, &a);
	if (err == CIVIC_ERR_INVALID) {
		/* The item stopped taking applications, or a file was refused by the store. */
		st = civic_req_refuse(r, NULL, "prereview.apply.stale");
		goto out;
	}
	if (err != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	snprintf(path, sizeof(path), "case/%s", a.serial);
	if (a.done && (civic_access_code_cookie(r, PR_APPLY_CODE_COOKIE, PR_APPLY_CODE_PATH,
	    a.code) != CIVIC_OK || civic_access_grant(r, PR_APPLY_GRANT_COOKIE, path,
	    a.serial) != CIVIC_OK)) {
		st = 500;
		goto out;
	}
	st = 303;
out:
	return st;
}

/* ------------------------------------------------------------ receipt */

/*
 * GET /sent/{serial}: the serial number, and the query code when it waits
 * in this browser's cookie and is the application's; the cookie is then
 * cleared, so that the code shows once.  The item's name and what happens
 * next; nothing personal.
 */
static int
apply_sent(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT a.serial, a.query_hash, i.name, i.code FROM pr_application a "
	    "JOIN pr_item i ON i.id = a.item_id WHERE a.serial = ?";
	const char		*code = civic_kv_get(&r->cookies, PR_APPLY_CODE_COOKIE);
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_seg(r, "serial")) };
	struct civic_rows	 rows;
	xmlNodePtr		 e;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 0) {
		st = 404;
		goto out;
	}
	e = civic_page_add(r, NULL, "receipt", NULL);
	civic_page_attr(e, "serial", rows.cell[0]);
	if (code != NULL) {
		/*
		 * What was applied for only with the code: serials can be
		 * counted through, and an item (低保, 残疾人证) says something
		 * about a person.
		 */
		if (civic_access_code_is(code, rows.cell[1], rows.len[1])) {
			civic_page_attr(e, "code", code);
			civic_page_add(r, e, "item", rows.cell[2]);
			civic_page_add(r, e, "item-code", rows.cell[3]);
		}
		if (civic_access_code_cookie(r, PR_APPLY_CODE_COOKIE, PR_APPLY_CODE_PATH,
		    NULL) != CIVIC_OK) {
			st = 500;
			goto out;
		}
	}
	st = 200;
out:
	return st;
}

/* ------------------------------------------------------------ track */

/* GET /track: serial and code; ?no= fills in the serial. */
static int
apply_track_form(struct civic_req *r)
{
	civic_page_value(r, "no", civic_req_value(r, "no"));
	return 200;
}

/*
 * POST /track: serial and code right (civic_access_check counts and
 * refuses, a wrong code and an unknown serial alike), this browser is
 * granted the progress page, and goes there.
 */
static int
apply_track(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, query_hash FROM pr_application WHERE serial = ?";
	const char		*no = civic_req_value(r, "no");
	char			 path[PR_APPLY_GRANT_LEN];
	long long		 id;
	int			 st;

	if ((st = civic_access_check(r, APPLY_TRACK, sql, no, civic_req_value(r, "code"),
	    "prereview.track.failed", &id)) != 0)
		goto out;
	snprintf(path, sizeof(path), "case/%s", no);
	if (civic_access_grant(r, PR_APPLY_GRANT_COOKIE, path, no) != CIVIC_OK) {
		st = 500;
		goto out;
	}
	st = civic_req_redirect(r, "/case/%s", no);
out:
	return st;
}

const struct civic_route pr_apply_routes[] = {
	{ .method = "GET", .pattern = "/item/{code:str}/apply", .view = "apply",
	    .handler = apply_form },
	{ .method = "POST", .pattern = "/item/{code:str}/apply", .view = "apply",
	    .handler = apply_send, .fields = apply_fields, .flags = CIVIC_R_STATE,
	    .rate = { "prereview.apply", 30, 3600 } },
	/*
	 * The receipt says whether a serial exists (404 or not): bounded like
	 * the lookups, so that it can't serve to count the day's applications.
	 */
	{ .method = "GET", .pattern = "/sent/{serial:tracking}", .view = "apply-sent",
	    .handler = apply_sent, .rate = { "prereview.sent", 60, 3600 } },
	{ .method = "GET", .pattern = "/track", .view = "apply-track",
	    .handler = apply_track_form, .fields = civic_access_form_fields },
	{ .method = "POST", .pattern = "/track", .view = "apply-track",
	    .handler = apply_track, .fields = civic_access_fields, .flags = CIVIC_R_CSRF,
	    .rate = { APPLY_TRACK, 120, 3600 } },
};
const size_t pr_apply_nroutes = CIVIC_NITEMS(pr_apply_routes);
