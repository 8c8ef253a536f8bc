/*
 * items.c: the staff edit service items, with their version history
 * (prereview.h, doc/prereview.md "Item editing").
 *
 * The office edits every item; a clerk those of their own department:
 * the list shows a clerk only those, the routes of one item have the
 * item's department as their scope (another department's item is a 404),
 * and a clerk can neither create an item for another department nor move
 * one there.  The form holds every value of an item, its reviewing
 * departments, extra fields and materials under fixed numbered names
 * (d1_department, f1_label, m1_name …: a form may not repeat a name); it
 * carries the version it shows, and the save (itemio.c) is refused with a
 * message when another edit came first.  Every save is a version: who,
 * when, what changed, and the item as saved, which the versions pages
 * show again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itemio.h"
#include "snapshot.h"

/*
 * Major items the form's "parent" list offers: a county's catalogue has a
 * few hundred (a Chengdu district lists 375).  No more than a list query
 * fetches (CIVIC_MAX_ROWS, limits.h), which would cut it silently.
 */
#define ITEMS_MAX_PARENTS	"500"

static const char *const done_words[] = { "saved", NULL };

static const struct civic_field page_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field list_fields[] = {
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

#define ITEMS_FILE(n) { "m" #n "_file", CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL }

/* The edit form: itemio's fields, the version edited, a blank form a material. */
static const struct civic_field edit_fields[] = {
	PR_ITEMIO_FIELDS_INIT,
	{ "version", CIVIC_V_INT, 1, 4294967295LL, 0, NULL },
	ITEMS_FILE(1), ITEMS_FILE(2), ITEMS_FILE(3), ITEMS_FILE(4), ITEMS_FILE(5),
	ITEMS_FILE(6), ITEMS_FILE(7), ITEMS_FILE(8), ITEMS_FILE(9), ITEMS_FILE(10),
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * Of one department only: a clerk who is not also of the office.  A
 * supervisor (or an admin) sees every department but edits none: one who
 * is also a clerk edits their own department's items, like any clerk.
 */
static int
items_clerk_only(const struct civic_req *r)
{
	return (r->staff->roles & CIVIC_ROLE_OFFICE) == 0;
}

/* GET /staff/items: the items, newest first; a clerk's department's only. */
static int
items_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT i.id, i.code, i.name, i.kind, d.name AS department, i.version, i.active, "
	    "i.online, " PR_TIME("i.updated_at") " AS updated_at FROM pr_item i "
	    "JOIN department d ON d.id = i.department_id "
	    "WHERE i.id < ? AND (? IS NULL OR i.department_id = ?) ORDER BY i.id DESC LIMIT ?";
	long long		 after = civic_req_int(r, "after", 0);
	long long		 dept = items_clerk_only(r) ? r->staff->department : 0;
	struct civic_param	 p[] = {
		CIVIC_PINT(after > 0 ? after : (1LL << 62)),
		dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL, CIVIC_PINT(dept),
		CIVIC_PINT(CIVIC_PAGE_SIZE + 1)
	};
	int			 st;

	if ((st = civic_page_list(r, "items", "item", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	return 200;
}

/*
 * The form's choices: the departments an item may belong to (a clerk:
 * their own), every department as a reviewer, the themes, the major items
 * a sub-item may name (not the item itself).
 */
static int
items_form_lists(struct civic_req *r, long long self)
{
	static const char	 depts[] =
	    "SELECT id, name FROM department WHERE ? IS NULL OR id = ? ORDER BY id";
	static const char	 all[] = "SELECT id, name FROM department ORDER BY id";
	static const char	 themes[] =
	    "SELECT id, name, audience FROM pr_theme ORDER BY audience, sort, id";
	static const char	 parents[] =
	    "SELECT id, code, name FROM pr_item WHERE parent_id IS NULL AND id <> ? "
	    "ORDER BY code LIMIT " ITEMS_MAX_PARENTS;
	long long		 dept = items_clerk_only(r) ? r->staff->department : 0;
	struct civic_param	 p[] = { dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL,
	    CIVIC_PINT(dept) };
	struct civic_param	 q[] = { CIVIC_PINT(self) };
	int			 st;

	if ((st = civic_page_query(r, "owners", "department", depts, p, 2)) != 0 ||
	    (st = civic_page_query(r, "departments", "department", all, NULL, 0)) != 0 ||
	    (st = civic_page_query(r, "themes", "theme", themes, NULL, 0)) != 0 ||
	    (st = civic_page_query(r, "parents", "parent", parents, q, 1)) != 0)
		return st;
	return 0;
}

/* GET /staff/items/new: the empty form, with a material and its defaults. */
static int
items_new(struct civic_req *r)
{
	int	 st;

	if ((st = items_form_lists(r, 0)) != 0)
		return st;
	civic_page_value(r, "active", "1");
	civic_page_value(r, "online", "0");
	civic_page_value(r, "visits", "1");
	if (items_clerk_only(r))
		civic_page_value(r, "department", civic_arena_printf(r->arena, "%lld",
		    r->staff->department));
	return 200;
}

/* The stored item into the form's values, each list under its numbered names. */
static int
items_values(struct civic_req *r, long long id)
{
	static const char	 item[] =
	    "SELECT code, parent_id AS parent, name, kind, department_id AS department, "
	    "audience, theme_id AS theme, legal_basis, conditions, process, legal_days, "
	    "promised_days, fees, place, hours, phone, visits, online, pickup_window, "
	    "licence, active, version FROM pr_item WHERE id = ?";
	static const char	 depts[] =
	    "SELECT department_id, days FROM pr_item_department WHERE item_id = ? "
	    "ORDER BY department_id";
	static const char	 fields[] =
	    "SELECT seq, label, kind, choices, required, max_len FROM pr_field "
	    "WHERE item_id = ? ORDER BY seq";
	static const char	 mats[] =
	    "SELECT seq, name, form, copies, need, cond, cond_field, cond_value, note "
	    "FROM pr_material WHERE item_id = ? ORDER BY seq";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	size_t			 i, j;
	char			 n[40];

	if ((err = civic_db_query(r->db, r->arena, item, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows != 1)
		return 404;
	civic_page_values(r, &rows);
	if ((err = civic_db_query(r->db, r->arena, depts, p, 1, PR_MAX_REVIEWERS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	for (i = 0; i < rows.nrows; i++) {
		snprintf(n, sizeof(n), "d%zu_department", i + 1);
		civic_page_value(r, civic_arena_strdup(r->arena, n), rows.cell[i * 2]);
		snprintf(n, sizeof(n), "d%zu_days", i + 1);
		civic_page_value(r, civic_arena_strdup(r->arena, n), rows.cell[i * 2 + 1]);
	}
	if ((err = civic_db_query(r->db, r->arena, fields, p, 1, PR_MAX_FIELDS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	for (i = 0; i < rows.nrows; i++)
		for (j = 1; j < rows.ncols; j++) {
			snprintf(n, sizeof(n), "f%s_%s", rows.cell[i * rows.ncols],
			    rows.names[j]);
			civic_page_value(r, civic_arena_strdup(r->arena, n),
			    rows.cell[i * rows.ncols + j]);
		}
	if ((err = civic_db_query(r->db, r->arena, mats, p, 1, PR_MAX_MATERIALS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	for (i = 0; i < rows.nrows; i++)
		for (j = 1; j < rows.ncols; j++) {
			snprintf(n, sizeof(n), "m%s_%s", rows.cell[i * rows.ncols],
			    rows.names[j]);
			civic_page_value(r, civic_arena_strdup(r->arena, n),
			    rows.cell[i * rows.ncols + j]);
		}
	return 0;
}

/* GET /staff/item/{id}: the item's form, filled from what is stored. */
static int
items_edit(struct civic_req *r)
{
	static const char	 head[] =
	    "SELECT i.id, i.code, i.name, i.version, d.name AS department FROM pr_item i "
	    "JOIN department d ON d.id = i.department_id WHERE i.id = ?";
	static const char	 blanks[] =
	    "SELECT seq, template_file AS file FROM pr_material WHERE item_id = ? "
	    "AND template_file IS NOT NULL ORDER BY seq";
	long long		 id = civic_req_seg_int(r, "id");
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	int			 st;

	if ((st = civic_page_one(r, "item", head, p, 1, NULL)) != 0 ||
	    (st = items_form_lists(r, id)) != 0 ||
	    (st = civic_page_query(r, "blank-forms", "blank", blanks, p, 1)) != 0 ||
	    (st = items_values(r, id)) != 0)
		return st;
	if (civic_req_value(r, "done") != NULL)
		civic_page_message(r, "info", "prereview.items.saved");
	return 200;
}

static const char *
items_get(void *arg, const char *name)
{
	return civic_req_value(arg, name);
}

struct items_save {
	struct civic_req	*r;
	struct pr_item_in	 in;
	long long		 id, version, saved;
	enum pr_itemio_why	 why;
	const char		*field;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
};

static enum civic_err
items_save_tx(void *arg)
{
	struct items_save	*s = arg;
	struct civic_req	*r = s->r;
	struct pr_itemio_ctx	 c = { r->db, r->arena, r->staff->id, r->remote_addr, s->now };
	enum civic_err		 err;

	/* A rerun of the transaction starts from the form again. */
	s->in.id = s->id;
	s->in.version = s->version;
	if ((err = pr_itemio_save(&c, &s->in, &s->saved, &s->why, &s->field)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/staff/item/%lld?done=saved", s->in.id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* The form's item saved as a new item (id 0) or the next version of id. */
static int
items_save(struct civic_req *r, long long id)
{
	struct items_save	*s;
	const char		*key, *field;
	char			 n[16];
	enum civic_err		 err;
	size_t			 i;
	int			 st;

	if ((s = civic_arena_alloc(r->arena, sizeof(*s))) == NULL)
		return 500;
	memset(s, 0, sizeof(*s));
	s->r = r;
	s->id = id;
	s->version = civic_req_int(r, "version", 0);
	pr_itemio_read(&s->in, items_get, r);
	for (i = 0; i < PR_MAX_MATERIALS; i++) {
		snprintf(n, sizeof(n), "m%zu_file", i + 1);
		s->in.mat[i].file = civic_req_file(r, n);
		if (s->in.mat[i].file != NULL && s->in.mat[i].name == NULL)
			return civic_req_refuse(r, civic_arena_strdup(r->arena, n),
			    "prereview.items.file.name");
	}
	/* An edit names the version it was made on. */
	if (id != 0 && s->version == 0)
		return civic_req_refuse(r, NULL, "prereview.items.stale");
	if (items_clerk_only(r) && s->in.department != r->staff->department)
		return civic_req_refuse(r, "department", "prereview.items.department.own");
	if ((key = pr_itemio_check(r->arena, &s->in, &field)) != NULL)
		return civic_req_refuse(r, field, key);
	pr_now(r, s->now);
	err = civic_req_tx(r, items_save_tx, s);
	switch (s->why) {
	case PR_ITEMIO_STALE:
		st = civic_req_refuse(r, NULL, "prereview.items.stale");
		break;
	case PR_ITEMIO_CODE:
		st = civic_req_refuse(r, "code", "prereview.items.code.taken");
		break;
	case PR_ITEMIO_USED:
		st = civic_req_refuse(r, s->field, "prereview.items.used");
		break;
	case PR_ITEMIO_REF:
		st = civic_req_refuse(r, s->field, "prereview.items.ref");
		break;
	default:
		st = civic_req_done(r, err, "prereview.items.stale");
		break;
	}
	return st;
}

/* POST /staff/items/new */
static int
items_create(struct civic_req *r)
{
	return items_save(r, 0);
}

/*
 * POST /staff/item/{id}.  The route's scope stops another department's
 * clerk, but lets one who is also a supervisor or admin past (they see
 * every department): such a clerk still edits only their own department's.
 */
static int
items_update(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id FROM pr_item WHERE id = ? AND (? = 0 OR department_id = ?)";
	long long		 dept = items_clerk_only(r) ? r->staff->department : 0;
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")), CIVIC_PINT(dept),
	    CIVIC_PINT(dept) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), 1, &rows)) !=
	    CIVIC_OK)
		st = civic_req_status(err);
	else if (rows.nrows == 0)
		st = 404;
	else
		st = items_save(r, civic_req_seg_int(r, "id"));
	return st;
}

/* The item's head for the versions pages: <item>. */
static int
items_head(struct civic_req *r)
{
	static const char	 head[] =
	    "SELECT i.id, i.code, i.name, i.version, d.name AS department FROM pr_item i "
	    "JOIN department d ON d.id = i.department_id WHERE i.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };

	return civic_page_one(r, "item", head, p, 1, NULL);
}

/* GET /staff/item/{id}/versions: who changed what, when; newest first. */
static int
items_versions(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT v.version, v.staff_id, s.name AS staff, s.staff_no, "
	    PR_TIME("v.changed_at") " AS changed_at, v.summary FROM pr_item_version v "
	    "LEFT JOIN staff s ON s.id = v.staff_id "
	    "WHERE v.item_id = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?";
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
	    CIVIC_PINT(after > 0 ? after : (1LL << 62)), CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = items_head(r)) != 0 ||
	    (st = civic_page_list(r, "versions", "version", "version", sql, p,
	    CIVIC_NITEMS(p))) != 0)
		return st;
	return 200;
}

/* GET /staff/item/{id}/version/{v}: that version, and the item as it was saved. */
static int
items_version(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT v.version, v.staff_id, s.name AS staff, s.staff_no, "
	    PR_TIME("v.changed_at") " AS changed_at, v.summary, v.snapshot "
	    "FROM pr_item_version v LEFT JOIN staff s ON s.id = v.staff_id "
	    "WHERE v.item_id = ? AND v.version = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
	    CIVIC_PINT(civic_req_seg_int(r, "v")) };
	int			 st;

	if ((st = items_head(r)) == 0)
		st = civic_snapshot_page(r, "item-version", sql, p, 2);
	return st;
}

/* The department of the item of the path: a clerk of another gets 404. */
#define ITEMS_SCOPE	"SELECT department_id FROM pr_item WHERE id = ?"
#define ITEMS_ROLES	(CIVIC_ROLE_OFFICE | CIVIC_ROLE_CLERK)

const struct civic_route pr_items_routes[] = {
	{ .method = "GET", .pattern = "/staff/items", .view = "item-list",
	    .handler = items_list, .fields = list_fields, .roles = ITEMS_ROLES },
	{ .method = "GET", .pattern = "/staff/items/new", .view = "item-edit",
	    .handler = items_new, .roles = ITEMS_ROLES },
	{ .method = "POST", .pattern = "/staff/items/new", .view = "item-edit",
	    .handler = items_create, .fields = edit_fields, .flags = CIVIC_R_STATE,
	    .roles = ITEMS_ROLES },
	{ .method = "GET", .pattern = "/staff/item/{id:int}", .view = "item-edit",
	    .handler = items_edit, .fields = page_fields, .roles = ITEMS_ROLES,
	    .scope = ITEMS_SCOPE },
	{ .method = "POST", .pattern = "/staff/item/{id:int}", .view = "item-edit",
	    .handler = items_update, .fields = edit_fields, .flags = CIVIC_R_STATE,
	    .roles = ITEMS_ROLES, .scope = ITEMS_SCOPE },
	{ .method = "GET", .pattern = "/staff/item/{id:int}/versions", .view = "item-versions",
	    .handler = items_versions, .fields = list_fields, .roles = ITEMS_ROLES,
	    .scope = ITEMS_SCOPE },
	{ .method = "GET", .pattern = "/staff/item/{id:int}/version/{v:int}",
	    .view = "item-version", .handler = items_version, .roles = ITEMS_ROLES,
	    .scope = ITEMS_SCOPE },
};
const size_t pr_items_nroutes = CIVIC_NITEMS(pr_items_routes);
