/*
 * lists.c: the lists the information office maintains (doc/mailbox-office.md):
 * the letter categories the writing form offers, and the reasons a letter
 * may be rejected for.  Entries are renamed, reordered and retired, never
 * deleted: letters keep pointing at them, and the statistics of past years
 * still name them.  A retired category leaves the writing form and the
 * public filter; a retired reason leaves the rejection form.
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"

/* One list: its table, the path segment and the audit object. */
struct lists_kind {
	const char	*seg;
	const char	*ins;	/* parameters: name, sort, active[, code] */
	const char	*upd;	/* the same, then the id */
	const char	*one;	/* what the edit form shows */
	const char	*object;
};

static const struct lists_kind lists_categories = {
	"categories",
	"INSERT INTO mailbox_category (name, sort, active) VALUES (?, ?, ?)",
	"UPDATE mailbox_category SET name = ?, sort = ?, active = ? WHERE id = ?",
	"SELECT id, name, sort, active FROM mailbox_category WHERE id = ?",
	"mailbox_category"
};

static const struct lists_kind lists_reasons = {
	"reasons",
	"INSERT INTO mailbox_reject_reason (name, sort, active, code) VALUES (?, ?, ?, ?)",
	"UPDATE mailbox_reject_reason SET name = ?, sort = ?, active = ? WHERE id = ?",
	"SELECT id, code, name, sort, active FROM mailbox_reject_reason WHERE id = ?",
	"mailbox_reject_reason"
};

static int
lists_page(struct civic_req *r)
{
	static const char	 cats[] =
	    "SELECT c.id, c.name, c.sort, c.active, COUNT(l.id) AS letters "
	    "FROM mailbox_category c LEFT JOIN mailbox_letter l ON l.category_id = c.id "
	    "GROUP BY c.id, c.name, c.sort, c.active ORDER BY c.sort, c.id";
	static const char	 reasons[] =
	    "SELECT id, code, name, sort, active FROM mailbox_reject_reason ORDER BY sort, id";
	int			 st;

	if ((st = civic_page_query(r, "categories", "category", cats, NULL, 0)) != 0 ||
	    (st = civic_page_query(r, "reasons", "reason", reasons, NULL, 0)) != 0)
		return st;
	return 200;
}

/*
 * The form of one entry, new or stored; also where a refused form comes
 * back, keeping what was typed.
 */
static int
lists_form(struct civic_req *r, const struct lists_kind *k)
{
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	xmlNodePtr		 form = civic_page_add(r, NULL, "list-form", NULL);
	struct civic_rows	 rows;
	int			 st;

	civic_page_attr(form, "list", k->seg);
	if (civic_req_seg(r, "id") == NULL)
		return 200;
	if ((st = civic_page_one(r, "entry", k->one, p, 1, &rows)) != 0)
		return st;
	if (strcmp(r->method, "POST") != 0)
		civic_page_values(r, &rows);
	return 200;
}

static int
lists_category_form(struct civic_req *r)
{
	return lists_form(r, &lists_categories);
}

static int
lists_reason_form(struct civic_req *r)
{
	return lists_form(r, &lists_reasons);
}

struct lists_write {
	struct civic_req		*r;
	const struct lists_kind		*k;
	long long			 id;	/* 0: a new entry */
};

static enum civic_err
lists_write(void *arg)
{
	struct lists_write	*w = arg;
	struct civic_req	*r = w->r;
	const char		*active = civic_req_value(r, "active");
	unsigned long long	 id = (unsigned long long)w->id;
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "name")),
				    CIVIC_PINT(civic_req_int(r, "sort", 0)),
				    CIVIC_PINT(w->id == 0 || active != NULL ? 1 : 0),
				    w->id == 0 ? CIVIC_PTEXT(civic_req_value(r, "code")) :
				    CIVIC_PINT(w->id) };
	enum civic_err		 err;
	char			 ids[24];

	/* The code is the reasons' only: a category's INSERT has three places. */
	if (w->id == 0)
		err = civic_db_exec(r->db, w->k->ins, p, w->k == &lists_reasons ? 4 : 3, NULL,
		    &id);
	else
		err = civic_db_exec(r->db, w->k->upd, p, 4, NULL, NULL);
	if (err != CIVIC_OK)
		return err;
	snprintf(ids, sizeof(ids), "%llu", id);
	if ((err = civic_audit(r, w->id == 0 ? "mailbox.list.create" : "mailbox.list.update",
	    w->k->object, ids, civic_arena_printf(r->arena, "%s%s",
	    civic_req_value(r, "name"), w->id != 0 && active == NULL ? " (retired)" : ""))) !=
	    CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/office/lists#%s-%llu", w->k->seg, id) == 303 ?
	    CIVIC_OK : CIVIC_ERR_NOMEM;
}

static int
lists_save(struct civic_req *r, const struct lists_kind *k, int create)
{
	struct lists_write	 w = { r, k, 0 };
	enum civic_err		 err;
	int			 st;

	if (!create) {
		if ((st = civic_req_exists(r, k->one)) != 0)
			return st;
		w.id = civic_req_seg_int(r, "id");
	}
	/* A name (or a reason's code) another entry has: said beside the field. */
	if ((err = civic_req_tx(r, lists_write, &w)) == CIVIC_ERR_DUPLICATE)
		return civic_req_refuse(r, k == &lists_reasons && create ? "code" : "name",
		    "v.taken");
	return civic_req_done(r, err, NULL);
}

static int
lists_category_new(struct civic_req *r)
{
	return lists_save(r, &lists_categories, 1);
}

static int
lists_category_edit(struct civic_req *r)
{
	return lists_save(r, &lists_categories, 0);
}

static int
lists_reason_new(struct civic_req *r)
{
	return lists_save(r, &lists_reasons, 1);
}

static int
lists_reason_edit(struct civic_req *r)
{
	return lists_save(r, &lists_reasons, 0);
}

static const char *const lists_yes[] = { "1", NULL };

static const struct civic_field category_fields[] = {
	{ "name", CIVIC_V_TEXT, 2, 20, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, 0, 9999, 0, NULL },
	{ "active", CIVIC_V_ENUM, 0, 0, 0, lists_yes },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field reason_new_fields[] = {
	{ "code", CIVIC_V_TOKEN, 2, 20, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 2, 60, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, 0, 9999, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field reason_fields[] = {
	{ "name", CIVIC_V_TEXT, 2, 60, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, 0, 9999, 0, NULL },
	{ "active", CIVIC_V_ENUM, 0, 0, 0, lists_yes },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* A form's page and its POST. */
#define LISTS_FORM(path, page, fn, flds) \
	{ .method = "GET", .pattern = path, .view = "office-list-form", .handler = page, \
	    .roles = CIVIC_ROLE_OFFICE }, \
	{ .method = "POST", .pattern = path, .view = "office-list-form", .handler = fn, \
	    .fields = flds, .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_OFFICE }

const struct civic_route mailbox_lists_routes[] = {
	{ .method = "GET", .pattern = "/office/lists", .view = "office-lists",
	    .handler = lists_page, .roles = CIVIC_ROLE_OFFICE },
	LISTS_FORM("/office/categories/new", lists_category_form, lists_category_new,
	    category_fields),
	LISTS_FORM("/office/categories/{id:int}", lists_category_form, lists_category_edit,
	    category_fields),
	LISTS_FORM("/office/reasons/new", lists_reason_form, lists_reason_new,
	    reason_new_fields),
	LISTS_FORM("/office/reasons/{id:int}", lists_reason_form, lists_reason_edit,
	    reason_fields),
};
const size_t mailbox_lists_nroutes = CIVIC_NITEMS(mailbox_lists_routes);
