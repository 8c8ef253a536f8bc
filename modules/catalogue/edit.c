/*
 * edit.c: the staff's entries (catalogue.h, doc/catalogue.md "Staff"):
 * the list with its filters, the entry's form with its attachments, the
 * publication (its index number given then), the withdrawal, the
 * history.
 *
 * The office edits every body's entries; a clerk those whose lead body is
 * their own department: the list shows a clerk only those, the routes of
 * one entry have the entry's lead body as their scope (another's entry is
 * a 404), and a clerk can neither create an entry for another body nor
 * move one there.  The form holds every value of entryio.h under its
 * field names and carries the version it shows: a save on a version that
 * is no longer the entry's (an edit, a publication or a withdrawal came
 * first) is refused with a message, the typed text kept.  Attachments
 * come with the form (a1 .. a10, each with a title a1_title ..) and leave
 * it by a ticked box (remove1 .., the attachment's id); they are stored
 * in the save's transaction, and the history row of the save is written
 * again with them (cat_entryio_resnap).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entryio.h"
#include "page.h"
#include "snapshot.h"

_Static_assert(CAT_MAX_ATTACHMENTS == 10, "edit_fields writes out a1 .. a10 and remove1 .. remove10");

/* A time column as the pages show it. */
#define EDIT_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"
#define EDIT_ID		4294967295LL
#define EDIT_BIGID	999999999999999999LL

static const char *const states[] = { "draft", "published", "withdrawn", NULL };
static const char *const done_words[] = { "saved", "published", "withdrawn", NULL };

static const struct civic_field list_fields[] = {
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, states },
	{ "body", CIVIC_V_INT, 1, EDIT_ID, CIVIC_F_QUERY, NULL },
	{ "q", CIVIC_V_TEXT, 1, 50, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, EDIT_BIGID, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field page_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field history_fields[] = {
	{ "after", CIVIC_V_INT, 1, EDIT_BIGID, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field withdraw_fields[] = {
	{ "reason", CIVIC_V_TEXT, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

#define EDIT_FILE(n) \
	{ "a" #n, CIVIC_V_FILE, 0, CIVIC_MAX_FILE, CIVIC_F_DOCUMENT, NULL }, \
	{ "a" #n "_title", CIVIC_V_TEXT, 1, 200, 0, NULL }, \
	{ "remove" #n, CIVIC_V_INT, 1, EDIT_BIGID, 0, NULL }

/* The form: entryio's fields, the version edited, the attachments. */
static const struct civic_field edit_fields[] = {
	CAT_ENTRYIO_FIELDS_INIT,
	{ "version", CIVIC_V_INT, 1, EDIT_ID, 0, NULL },
	EDIT_FILE(1), EDIT_FILE(2), EDIT_FILE(3), EDIT_FILE(4), EDIT_FILE(5),
	EDIT_FILE(6), EDIT_FILE(7), EDIT_FILE(8), EDIT_FILE(9), EDIT_FILE(10),
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * Of one body only: a clerk who is not also of the office.  A supervisor
 * (or an admin) with the clerk's role edits their own department's only.
 */
static int
edit_clerk_only(const struct civic_req *r)
{
	return (r->staff->roles & CIVIC_ROLE_OFFICE) == 0;
}

static const char *
edit_num(struct civic_req *r, long long v)
{
	return civic_arena_printf(r->arena, "%lld", v);
}

/* ---------------------------------------------------------------- the list */

/* GET /staff/entries[?state=&body=&q=&after=]: newest first; a clerk's body's only. */
static int
edit_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT e.id, e.index_no, e.title, e.state, e.disclosure, d.name AS body, "
	    "e.version, " EDIT_TIME("e.updated_at") " AS updated_at FROM cat_entry e "
	    "JOIN department d ON d.id = e.body_id WHERE e.id < ? "
	    "AND (? IS NULL OR e.state = ?) AND (? IS NULL OR e.body_id = ?) "
	    "AND (? IS NULL OR LOCATE(?, e.title) > 0) ORDER BY e.id DESC LIMIT ?";
	static const char	 bodies[] =
	    "SELECT b.department_id AS id, d.name FROM cat_body b JOIN department d "
	    "ON d.id = b.department_id ORDER BY b.sort, b.department_id";
	long long		 after = civic_req_int(r, "after", 0);
	long long		 body = edit_clerk_only(r) ? r->staff->department :
	    civic_req_int(r, "body", 0);
	const char		*state = civic_req_value(r, "state"), *q = civic_req_value(r, "q");
	struct civic_param	 p[] = {
		CIVIC_PINT(after > 0 ? after : (1LL << 62)),
		CIVIC_PTEXT(state), CIVIC_PTEXT(state),
		body > 0 ? CIVIC_PINT(body) : CIVIC_PNULL, CIVIC_PINT(body),
		CIVIC_PTEXT(q), CIVIC_PTEXT(q),
		CIVIC_PINT(CIVIC_PAGE_SIZE + 1)
	};
	int			 st;

	if (!edit_clerk_only(r) &&
	    (st = civic_page_query(r, "bodies", "body", bodies, NULL, 0)) != 0)
		goto out;
	/* The filters shown in their form, and kept by the pager's links. */
	civic_page_value(r, "state", state);
	civic_page_value(r, "q", q);
	if (!edit_clerk_only(r) && body > 0)
		civic_page_value(r, "body", edit_num(r, body));
	if ((st = civic_page_list(r, "entries", "entry", "id", sql, p, CIVIC_NITEMS(p))) == 0)
		st = 200;
out:
	return st;
}

/* ---------------------------------------------------------------- the form */

/*
 * The form's choices: the bodies an entry may have as its lead (a clerk:
 * their own), every body as a joint one, the leaves of the catalogue and
 * the themes of the second level in use (and the ones the entry edited
 * has, should they have been taken out of use since), the genres.
 */
static int
edit_form_lists(struct civic_req *r)
{
	static const char	 owners[] =
	    "SELECT b.department_id AS id, d.name FROM cat_body b JOIN department d "
	    "ON d.id = b.department_id WHERE ? IS NULL OR b.department_id = ? "
	    "ORDER BY b.sort, b.department_id";
	static const char	 bodies[] =
	    "SELECT b.department_id AS id, d.name FROM cat_body b JOIN department d "
	    "ON d.id = b.department_id ORDER BY b.sort, b.department_id";
	static const char	 leaves[] =
	    "SELECT c.id, c.code, c.name FROM cat_category c WHERE " CAT_CATEGORY_LEAF("c")
	    " AND (" CAT_CATEGORY_IN_USE("c") " OR c.id = (SELECT x.category_id "
	    "FROM cat_entry x WHERE x.id = ?)) ORDER BY c.code";
	static const char	 themes[] =
	    "SELECT t.id, t.code, t.name FROM cat_theme t WHERE t.parent_id IS NOT NULL "
	    "AND (" CAT_THEME_IN_USE("t") " OR t.id = (SELECT x.theme_id FROM cat_entry x "
	    "WHERE x.id = ?)) ORDER BY t.code";
	static const char	 genres[] = "SELECT id, name FROM cat_genre ORDER BY sort, id";
	long long		 dept = edit_clerk_only(r) ? r->staff->department : 0;
	struct civic_param	 p[] = { dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL,
	    CIVIC_PINT(dept) };
	/* The entry edited, or none (0) on /staff/new. */
	struct civic_param	 e[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	int			 st;

	if ((st = civic_page_query(r, "owners", "body", owners, p, 2)) == 0 &&
	    (st = civic_page_query(r, "bodies", "body", bodies, NULL, 0)) == 0 &&
	    (st = civic_page_query(r, "categories", "category", leaves, e, 1)) == 0 &&
	    (st = civic_page_query(r, "themes", "theme", themes, e, 1)) == 0)
		st = civic_page_query(r, "genres", "genre", genres, NULL, 0);
	return st;
}

/* GET /staff/new: the empty form. */
static int
edit_new(struct civic_req *r)
{
	int	 st;

	if ((st = edit_form_lists(r)) != 0)
		goto out;
	civic_page_value(r, "disclosure", "active");
	civic_page_value(r, "validity", "valid");
	if (edit_clerk_only(r))
		civic_page_value(r, "body", edit_num(r, r->staff->department));
	st = 200;
out:
	return st;
}

/* The entry a page is about: <entry>. */
static int
edit_head(struct civic_req *r)
{
	static const char	 head[] =
	    "SELECT e.id, e.index_no, e.title, e.state, e.version, e.disclosure, "
	    "d.name AS body, " EDIT_TIME("e.published_at") " AS published_at, "
	    EDIT_TIME("e.withdrawn_at") " AS withdrawn_at, e.withdrawn_reason "
	    "FROM cat_entry e JOIN department d ON d.id = e.body_id WHERE e.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };

	return civic_page_one(r, "entry", head, p, 1, NULL);
}

/* The stored entry into the form's values, the lists under their numbered names. */
static int
edit_values(struct civic_req *r, long long id)
{
	static const char	 entry[] =
	    "SELECT e.title, e.doc_no, e.body_id AS body, e.written_on, "
	    "e.category_id AS category, e.theme_id AS theme, e.genre_id AS genre, e.keywords, "
	    "e.summary, e.content, e.disclosure, e.validity, r.index_no AS replaced_by, "
	    "e.version FROM cat_entry e LEFT JOIN cat_entry r ON r.id = e.replaced_by "
	    "WHERE e.id = ?";
	static const char	 joint[] =
	    "SELECT body_id FROM cat_entry_body WHERE entry_id = ? ORDER BY sort, body_id";
	static const char	 links[] =
	    "SELECT l.kind, r.index_no FROM cat_entry_link l JOIN cat_entry r "
	    "ON r.id = l.related_id WHERE l.entry_id = ? ORDER BY l.kind, r.index_no";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	size_t			 i, n = 0;
	int			 st = 404;

	if ((err = civic_db_query(r->db, r->arena, entry, p, 1, 1, &rows)) != CIVIC_OK)
		goto fail;
	if (rows.nrows != 1)
		goto out;
	civic_page_values(r, &rows);
	if ((err = civic_db_query(r->db, r->arena, joint, p, 1, CAT_MAX_BODIES, &rows)) !=
	    CIVIC_OK)
		goto fail;
	for (i = 0; i < rows.nrows && i < CAT_MAX_BODIES - 1; i++)
		civic_page_value(r, civic_arena_printf(r->arena, "joint%zu", i + 1),
		    rows.cell[i]);
	if ((err = civic_db_query(r->db, r->arena, links, p, 1, 2 + CAT_MAX_RELATED, &rows)) !=
	    CIVIC_OK)
		goto fail;
	for (i = 0; i < rows.nrows; i++) {
		if (strcmp(rows.cell[i * 2], "interprets") == 0)
			civic_page_value(r, "interprets", rows.cell[i * 2 + 1]);
		else if (n < CAT_MAX_RELATED)
			civic_page_value(r, civic_arena_printf(r->arena, "related%zu", ++n),
			    rows.cell[i * 2 + 1]);
	}
	st = 0;
	goto out;
fail:
	st = civic_req_status(err);
out:
	return st;
}

/* The entry's attachments: <attachments>. */
static int
edit_attachments(struct civic_req *r, long long id)
{
	static const char	 sql[] =
	    "SELECT a.id, a.title, f.name, f.type, f.size FROM cat_attachment a "
	    "JOIN stored_file f ON f.id = a.file_id WHERE a.entry_id = ? ORDER BY a.sort, a.id";
	struct civic_param	 p[] = { CIVIC_PINT(id) };

	return civic_page_query(r, "attachments", "attachment", sql, p, 1);
}

/* GET /staff/e/{id}[?done=…]: the entry's form, filled from what is stored. */
static int
edit_edit(struct civic_req *r)
{
	long long	 id = civic_req_seg_int(r, "id");
	const char	*done = civic_req_value(r, "done");
	int		 st;

	if ((st = edit_head(r)) != 0 || (st = edit_form_lists(r)) != 0 ||
	    (st = edit_attachments(r, id)) != 0 || (st = edit_values(r, id)) != 0)
		goto out;
	if (done != NULL)
		civic_page_message(r, "info", civic_arena_printf(r->arena,
		    "catalogue.edit.done.%s", done));
	st = 200;
out:
	return st;
}

static const char *
edit_get(void *arg, const char *name)
{
	return civic_req_value(arg, name);
}

struct edit_save {
	struct civic_req	*r;
	struct cat_entry_in	 in;
	long long		 id, version, saved;
	enum cat_entryio_why	 why;
	const char		*field;
	int			 full;		/* the attachments would be more than allowed */
	const struct civic_file	*file[CAT_MAX_ATTACHMENTS];
	const char		*title[CAT_MAX_ATTACHMENTS];
	long long		 remove[CAT_MAX_ATTACHMENTS];
};

/* The attachments ticked off removed, the new ones stored; *changed when any was. */
static enum civic_err
edit_files(struct edit_save *s, int *changed)
{
	static const char	 del[] = "DELETE FROM cat_attachment WHERE id = ? AND entry_id = ?";
	static const char	 count[] =
	    "SELECT COUNT(*), COALESCE(MAX(sort), 0) FROM cat_attachment WHERE entry_id = ?";
	static const char	 ins[] =
	    "INSERT INTO cat_attachment (entry_id, file_id, title, sort) VALUES (?, ?, ?, ?)";
	struct civic_req	*r = s->r;
	struct civic_param	 p[] = { CIVIC_PINT(s->in.id) };
	struct civic_rows	 rows;
	unsigned long long	 n;
	long long		 have, sort, file;
	enum civic_err		 err = CIVIC_OK;
	size_t			 i;

	*changed = 0;
	for (i = 0; i < CAT_MAX_ATTACHMENTS; i++) {
		struct civic_param q[] = { CIVIC_PINT(s->remove[i]), CIVIC_PINT(s->in.id) };

		if (s->remove[i] == 0)
			continue;
		if ((err = civic_db_exec(r->db, del, q, 2, &n, NULL)) != CIVIC_OK)
			goto out;
		*changed |= n > 0;
	}
	if ((err = civic_db_query(r->db, r->arena, count, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	have = strtoll(rows.cell[0], NULL, 10);
	sort = strtoll(rows.cell[1], NULL, 10);
	for (i = 0; i < CAT_MAX_ATTACHMENTS; i++) {
		if (s->file[i] == NULL)
			continue;
		if (have >= CAT_MAX_ATTACHMENTS) {
			s->full = 1;
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		if ((err = civic_filestore_put(r->db, s->file[i], &file)) != CIVIC_OK)
			goto out;
		sort += 10;
		{
			struct civic_param q[] = { CIVIC_PINT(s->in.id), CIVIC_PINT(file),
			    CIVIC_PTEXT(s->title[i]), CIVIC_PINT(sort) };

			if ((err = civic_db_exec(r->db, ins, q, 4, NULL, NULL)) != CIVIC_OK)
				goto out;
		}
		have++;
		*changed = 1;
	}
out:
	return err;
}

static enum civic_err
edit_save_tx(void *arg)
{
	struct edit_save	*s = arg;
	struct civic_req	*r = s->r;
	struct cat_entryio_ctx	 c = { r->db, r->arena, r->staff->id, r->remote_addr, NULL };
	enum civic_err		 err;
	int			 changed;

	/* A rerun of the transaction starts from the form again. */
	s->in.id = s->id;
	s->in.version = s->version;
	s->full = 0;
	if ((err = cat_entryio_save(&c, &s->in, &s->saved, &s->why, &s->field)) != CIVIC_OK ||
	    (err = edit_files(s, &changed)) != CIVIC_OK)
		goto out;
	if (changed && (err = cat_entryio_resnap(&c, s->in.id, s->saved, "attachments")) !=
	    CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/staff/e/%lld?done=saved", s->in.id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* The form's entry saved as a new draft (id 0) or the next version of id. */
static int
edit_save(struct civic_req *r, long long id)
{
	struct edit_save	*s;
	const char		*key, *field;
	char			 n[16];
	enum civic_err		 err;
	size_t			 i;
	int			 st = 500;

	if ((s = civic_arena_alloc(r->arena, sizeof(*s))) == NULL)
		goto out;
	memset(s, 0, sizeof(*s));
	s->r = r;
	s->id = id;
	s->version = civic_req_int(r, "version", 0);
	cat_entryio_read(&s->in, edit_get, r);
	for (i = 0; i < CAT_MAX_ATTACHMENTS; i++) {
		snprintf(n, sizeof(n), "a%zu", i + 1);
		s->file[i] = civic_req_file(r, n);
		snprintf(n, sizeof(n), "a%zu_title", i + 1);
		s->title[i] = civic_req_value(r, n);
		snprintf(n, sizeof(n), "remove%zu", i + 1);
		s->remove[i] = id != 0 ? civic_req_int(r, n, 0) : 0;
	}
	/* An edit names the version it was made on. */
	if (id != 0 && s->version == 0) {
		st = civic_req_refuse(r, NULL, "catalogue.edit.stale");
		goto out;
	}
	if (edit_clerk_only(r) && s->in.body != r->staff->department)
		civic_req_error(r, "body", "catalogue.edit.body.own", 0);
	if ((key = cat_entryio_check(r->arena, &s->in, &field)) != NULL)
		civic_req_error(r, field, key, 0);
	if (r->nerrs > 0) {
		st = civic_req_refuse(r, NULL, "catalogue.edit.refused");
		goto out;
	}
	err = civic_req_tx(r, edit_save_tx, s);
	if (s->full) {
		st = civic_req_refuse(r, "a1", "catalogue.edit.files.full");
		goto out;
	}
	switch (s->why) {
	case CAT_ENTRYIO_STALE:
		st = civic_req_refuse(r, NULL, "catalogue.edit.stale");
		break;
	case CAT_ENTRYIO_REF:
		st = civic_req_refuse(r, s->field, "catalogue.edit.ref");
		break;
	case CAT_ENTRYIO_INDEX:
		st = civic_req_refuse(r, s->field, "catalogue.edit.body.fixed");
		break;
	default:
		/* A file the store refused (empty) after its validator took it. */
		if (err == CIVIC_ERR_INVALID)
			st = civic_req_refuse(r, NULL, "catalogue.edit.files.bad");
		else
			st = civic_req_done(r, err, "catalogue.edit.stale");
		break;
	}
out:
	return st;
}

/* POST /staff/new */
static int
edit_create(struct civic_req *r)
{
	return edit_save(r, 0);
}

/*
 * 0 when the entry of the path may be changed by this staff member: the
 * route's scope stops another body's clerk, but lets one who is also a
 * supervisor or admin past (they see every body's): such a clerk still
 * changes only their own body's.  Else CIVIC_ERR_NOTFOUND, or the
 * database's error.  Locked: inside a transaction (publish, withdraw),
 * the entry stays the clerk's body's until it ends.
 */
static enum civic_err
edit_own_tx(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id FROM cat_entry WHERE id = ? AND (? = 0 OR body_id = ?) FOR UPDATE";
	long long		 dept = edit_clerk_only(r) ? r->staff->department : 0;
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")), CIVIC_PINT(dept),
	    CIVIC_PINT(dept) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), 1, &rows)) ==
	    CIVIC_OK && rows.nrows == 0)
		err = CIVIC_ERR_NOTFOUND;
	return err;
}

/* The same as a status: 0, or 404 (or the database's). */
static int
edit_own(struct civic_req *r)
{
	enum civic_err	 err = edit_own_tx(r);

	return err == CIVIC_OK ? 0 : civic_req_status(err);
}

/* POST /staff/e/{id} */
static int
edit_update(struct civic_req *r)
{
	int	 st;

	if ((st = edit_own(r)) == 0)
		st = edit_save(r, civic_req_seg_int(r, "id"));
	return st;
}

/* ---------------------------------------------------------------- publish, withdraw */

/* GET /staff/e/{id}/publish, /staff/e/{id}/withdraw: the entry and the step's form. */
static int
edit_step(struct civic_req *r)
{
	long long	 id = civic_req_seg_int(r, "id");
	int		 st;

	if ((st = edit_head(r)) == 0 && (st = edit_attachments(r, id)) == 0) {
		civic_page_add(r, NULL, "step", strstr(r->route->pattern, "/publish") != NULL ?
		    "publish" : "withdraw");
		st = 200;
	}
	return st;
}

struct edit_step {
	struct civic_req	*r;
	long long		 id;
	const char		*reason;	/* NULL: publish */
	enum cat_entryio_why	 why;
	char			 index_no[CAT_INDEX_NO_SIZE];
};

static enum civic_err
edit_step_tx(void *arg)
{
	struct edit_step	*s = arg;
	struct civic_req	*r = s->r;
	struct cat_entryio_ctx	 c = { r->db, r->arena, r->staff->id, r->remote_addr, NULL };
	enum civic_err		 err;

	/* The scope again, with the entry locked: the office may have moved a draft meanwhile. */
	if ((err = edit_own_tx(r)) == CIVIC_OK)
		err = s->reason == NULL ?
		    cat_entryio_publish(&c, s->id, NULL, NULL, s->index_no, &s->why) :
		    cat_entryio_withdraw(&c, s->id, s->reason, &s->why);
	if (err == CIVIC_OK && civic_req_redirect(r, "/staff/e/%lld?done=%s", s->id,
	    s->reason == NULL ? "published" : "withdrawn") != 303)
		err = CIVIC_ERR_NOMEM;
	return err;
}

static int
edit_step_post(struct civic_req *r, const char *reason)
{
	struct edit_step	*s;
	enum civic_err		 err;
	int			 st;

	if ((st = edit_own(r)) != 0)
		goto out;
	st = 500;
	if ((s = civic_arena_alloc(r->arena, sizeof(*s))) == NULL)
		goto out;
	memset(s, 0, sizeof(*s));
	s->r = r;
	s->id = civic_req_seg_int(r, "id");
	s->reason = reason;
	err = civic_req_tx(r, edit_step_tx, s);
	if (s->why == CAT_ENTRYIO_INDEX)
		st = civic_req_refuse(r, NULL, "catalogue.edit.index");
	else
		st = civic_req_done(r, err, "catalogue.edit.state");
out:
	return st;
}

/* POST /staff/e/{id}/publish */
static int
edit_publish(struct civic_req *r)
{
	return edit_step_post(r, NULL);
}

/* POST /staff/e/{id}/withdraw */
static int
edit_withdraw(struct civic_req *r)
{
	return edit_step_post(r, civic_req_value(r, "reason"));
}

/* ---------------------------------------------------------------- history */

/* GET /staff/e/{id}/history: who did what, when; newest first. */
static int
edit_history(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT v.id, v.version, v.action, s.name AS staff, s.staff_no, "
	    EDIT_TIME("v.changed_at") " AS changed_at, v.summary FROM cat_entry_version v "
	    "LEFT JOIN staff s ON s.id = v.staff_id "
	    "WHERE v.entry_id = ? AND v.id < ? ORDER BY v.id DESC LIMIT ?";
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
	    CIVIC_PINT(after > 0 ? after : (1LL << 62)), CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = edit_head(r)) == 0 &&
	    (st = civic_page_list(r, "history", "change", "id", sql, p, CIVIC_NITEMS(p))) == 0)
		st = 200;
	return st;
}

/* GET /staff/e/{id}/v/{v}: one history row, and the entry as it then was. */
static int
edit_snapshot(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT v.id, v.version, v.action, s.name AS staff, s.staff_no, "
	    EDIT_TIME("v.changed_at") " AS changed_at, v.summary, v.snapshot "
	    "FROM cat_entry_version v LEFT JOIN staff s ON s.id = v.staff_id "
	    "WHERE v.entry_id = ? AND v.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
	    CIVIC_PINT(civic_req_seg_int(r, "v")) };
	int			 st;

	if ((st = edit_head(r)) == 0)
		st = civic_snapshot_page(r, "change", sql, p, 2);
	return st;
}

/* GET /staff/e/{id}/a/{a}: an attachment, for the staff (drafts' too). */
static int
edit_file(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT file_id FROM cat_attachment WHERE entry_id = ? AND id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
	    CIVIC_PINT(civic_req_seg_int(r, "a")) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		st = civic_req_status(err);
	else if (rows.nrows != 1)
		st = 404;
	else
		st = civic_filestore_send(r, strtoll(rows.cell[0], NULL, 10));
	return st;
}

/* The lead body of the entry of the path: another body's clerk gets 404. */
#define EDIT_SCOPE	"SELECT body_id FROM cat_entry WHERE id = ?"
#define EDIT_ROLES	(CIVIC_ROLE_OFFICE | CIVIC_ROLE_CLERK)

const struct civic_route cat_edit_routes[] = {
	{ .method = "GET", .pattern = "/staff/entries", .view = "ced-list",
	    .handler = edit_list, .fields = list_fields, .roles = EDIT_ROLES },
	{ .method = "GET", .pattern = "/staff/new", .view = "ced-form",
	    .handler = edit_new, .roles = EDIT_ROLES },
	{ .method = "POST", .pattern = "/staff/new", .view = "ced-form",
	    .handler = edit_create, .fields = edit_fields, .flags = CIVIC_R_STATE,
	    .roles = EDIT_ROLES },
	{ .method = "GET", .pattern = "/staff/e/{id:int}", .view = "ced-form",
	    .handler = edit_edit, .fields = page_fields, .roles = EDIT_ROLES,
	    .scope = EDIT_SCOPE },
	{ .method = "POST", .pattern = "/staff/e/{id:int}", .view = "ced-form",
	    .handler = edit_update, .fields = edit_fields, .flags = CIVIC_R_STATE,
	    .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
	{ .method = "GET", .pattern = "/staff/e/{id:int}/publish", .view = "ced-step",
	    .handler = edit_step, .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
	{ .method = "POST", .pattern = "/staff/e/{id:int}/publish", .view = "ced-step",
	    .handler = edit_publish, .flags = CIVIC_R_STATE, .roles = EDIT_ROLES,
	    .scope = EDIT_SCOPE },
	{ .method = "GET", .pattern = "/staff/e/{id:int}/withdraw", .view = "ced-step",
	    .handler = edit_step, .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
	{ .method = "POST", .pattern = "/staff/e/{id:int}/withdraw", .view = "ced-step",
	    .handler = edit_withdraw, .fields = withdraw_fields, .flags = CIVIC_R_STATE,
	    .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
	{ .method = "GET", .pattern = "/staff/e/{id:int}/history", .view = "ced-history",
	    .handler = edit_history, .fields = history_fields, .roles = EDIT_ROLES,
	    .scope = EDIT_SCOPE },
	{ .method = "GET", .pattern = "/staff/e/{id:int}/v/{v:int}", .view = "ced-snapshot",
	    .handler = edit_snapshot, .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
	{ .method = "GET", .pattern = "/staff/e/{id:int}/a/{a:int}", .view = "ced-form",
	    .handler = edit_file, .roles = EDIT_ROLES, .scope = EDIT_SCOPE },
};
const size_t cat_edit_nroutes = CIVIC_NITEMS(cat_edit_routes);
