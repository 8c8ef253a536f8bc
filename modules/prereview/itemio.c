/*
 * itemio.c: a service item checked and written with its version
 * (itemio.h), for the staff's edit form (items.c) and `civicctl
 * import-items` alike, so that an item can't be imported that the form
 * would refuse, nor the other way round.
 *
 * A save is one transaction of the caller's.  An edit names the version
 * it was made on, and the item's row is changed only while it still has
 * that version (version = version + 1 WHERE id = ? AND version = ?): of
 * two editors the second is told, and nothing the first saved is lost.
 * Extra fields and materials are updated in place by their number (seq),
 * never deleted and inserted again: an application's values and uploads
 * point at their rows' ids, and one that was used is never removed.  Each
 * version keeps the item's XML as it was saved (the snapshot, which the
 * versions page shows again) and the names of what changed, found by
 * comparing the item's XML before and after, part by part.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itemio.h"
#include "snapshot.h"

/* Parts the history's "what changed" leaves out: names that follow their ids. */
static const char *const itemio_quiet[] = { "department_name", "theme_name", NULL };

_Static_assert(PR_MAX_REVIEWERS == 4 && PR_MAX_FIELDS == 8 && PR_MAX_MATERIALS == 10,
    "PR_ITEMIO_FIELDS_INIT (itemio.h) writes out 4 reviewers, 8 fields, 10 materials");

const char *const pr_itemio_audiences[] = { "person", "enterprise", "both", NULL };
const char *const pr_itemio_kinds[] = { "text", "multiline", "number", "date", "choice", NULL };
const char *const pr_itemio_forms[] = { "original", "copy", "both", NULL };
const char *const pr_itemio_needs[] = { "required", "conditional", "optional", NULL };

const struct civic_field pr_itemio_fields[PR_ITEMIO_NFIELDS + 1] = {
	PR_ITEMIO_FIELDS_INIT,
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The item's columns as its XML has them, for the snapshot and the summary. */
static const char itemio_item_sql[] =
    "SELECT i.code, p.code AS parent, i.name, i.kind, i.department_id AS department, "
    "d.name AS department_name, i.audience, i.theme_id AS theme, t.name AS theme_name, "
    "i.legal_basis, i.conditions, i.process, i.legal_days, i.promised_days, i.fees, "
    "i.place, i.hours, i.phone, i.visits, i.online, i.pickup_window, i.licence, i.active "
    "FROM pr_item i JOIN department d ON d.id = i.department_id "
    "LEFT JOIN pr_item p ON p.id = i.parent_id LEFT JOIN pr_theme t ON t.id = i.theme_id "
    "WHERE i.id = ?";
static const char itemio_depts_sql[] =
    "SELECT x.department_id AS department, d.name, x.days FROM pr_item_department x "
    "JOIN department d ON d.id = x.department_id WHERE x.item_id = ? "
    "ORDER BY x.department_id";
static const char itemio_fields_sql[] =
    "SELECT seq, label, kind, choices, required, max_len FROM pr_field WHERE item_id = ? "
    "ORDER BY seq";
static const char itemio_materials_sql[] =
    "SELECT seq, name, form, copies, need, cond, cond_field, cond_value, note, "
    "template_file FROM pr_material WHERE item_id = ? ORDER BY seq";

int
pr_itemio_code_ok(const char *code)
{
	size_t	 i;

	if (code == NULL || strlen(code) != PR_ITEM_CODE_LEN)
		return 0;
	for (i = 0; i < PR_ITEM_CODE_LEN; i++) {
		char	 c = code[i];

		if (i == 12 || i == 15) {
			if (c != '-')
				return 0;
		} else if (i == 13 || i == 14) {
			if (c < 'A' || c > 'Z')
				return 0;
		} else if (c < '0' || c > '9')
			return 0;
	}
	return 1;
}

static long long
itemio_int(const char *(*get)(void *, const char *), void *arg, const char *name, long long dflt)
{
	const char	*v = get(arg, name);

	return v != NULL ? strtoll(v, NULL, 10) : dflt;
}

void
pr_itemio_read(struct pr_item_in *in, const char *(*get)(void *, const char *), void *arg)
{
	char	 n[32];
	size_t	 i;
	long long dept;

	in->code = get(arg, "code");
	in->parent = itemio_int(get, arg, "parent", 0);
	in->name = get(arg, "name");
	in->kind = get(arg, "kind");
	in->department = itemio_int(get, arg, "department", 0);
	in->audience = get(arg, "audience");
	in->theme = itemio_int(get, arg, "theme", 0);
	in->legal_basis = get(arg, "legal_basis");
	in->conditions = get(arg, "conditions");
	in->process = get(arg, "process");
	in->legal_days = itemio_int(get, arg, "legal_days", 0);
	in->promised_days = itemio_int(get, arg, "promised_days", 0);
	in->fees = get(arg, "fees");
	in->place = get(arg, "place");
	in->hours = get(arg, "hours");
	in->phone = get(arg, "phone");
	in->visits = itemio_int(get, arg, "visits", 1);
	in->online = itemio_int(get, arg, "online", 0);
	in->pickup_window = get(arg, "pickup_window");
	in->licence = get(arg, "licence");
	in->active = itemio_int(get, arg, "active", 1);
	in->nrev = 0;
	for (i = 1; i <= PR_MAX_REVIEWERS; i++) {
		snprintf(n, sizeof(n), "d%zu_department", i);
		if ((dept = itemio_int(get, arg, n, 0)) == 0)
			continue;
		in->rev[in->nrev].department = dept;
		snprintf(n, sizeof(n), "d%zu_days", i);
		in->rev[in->nrev].days = itemio_int(get, arg, n, 0);
		in->nrev++;
	}
	for (i = 0; i < PR_MAX_FIELDS; i++) {
		struct pr_item_field	*f = &in->fld[i];

		snprintf(n, sizeof(n), "f%zu_label", i + 1);
		f->label = get(arg, n);
		snprintf(n, sizeof(n), "f%zu_kind", i + 1);
		f->kind = get(arg, n);
		snprintf(n, sizeof(n), "f%zu_choices", i + 1);
		f->choices = get(arg, n);
		snprintf(n, sizeof(n), "f%zu_required", i + 1);
		f->required = itemio_int(get, arg, n, 1);
		snprintf(n, sizeof(n), "f%zu_max_len", i + 1);
		f->max_len = itemio_int(get, arg, n, 100);
	}
	for (i = 0; i < PR_MAX_MATERIALS; i++) {
		struct pr_item_material	*m = &in->mat[i];

		snprintf(n, sizeof(n), "m%zu_name", i + 1);
		m->name = get(arg, n);
		snprintf(n, sizeof(n), "m%zu_form", i + 1);
		m->form = get(arg, n);
		snprintf(n, sizeof(n), "m%zu_copies", i + 1);
		m->copies = itemio_int(get, arg, n, 1);
		snprintf(n, sizeof(n), "m%zu_need", i + 1);
		m->need = get(arg, n);
		snprintf(n, sizeof(n), "m%zu_cond", i + 1);
		m->cond = get(arg, n);
		snprintf(n, sizeof(n), "m%zu_cond_field", i + 1);
		m->cond_field = itemio_int(get, arg, n, 0);
		snprintf(n, sizeof(n), "m%zu_cond_value", i + 1);
		m->cond_value = get(arg, n);
		snprintf(n, sizeof(n), "m%zu_note", i + 1);
		m->note = get(arg, n);
		m->file = NULL;
	}
}

const char *
pr_itemio_check(struct civic_arena *a, const struct pr_item_in *in, const char **field)
{
	const char	*key = NULL;
	size_t		 i, j;
	int		 own = 0;

	*field = NULL;
	if (!pr_itemio_code_ok(in->code)) {
		*field = "code";
		key = "prereview.items.code";
		goto out;
	}
	if (in->promised_days > in->legal_days) {
		*field = "promised_days";
		key = "prereview.items.promised";
		goto out;
	}
	for (i = 0; i < in->nrev; i++) {
		if (in->rev[i].department == in->department)
			own = 1;
		if (in->rev[i].days < 1) {
			*field = civic_arena_printf(a, "d%zu_days", i + 1);
			key = "v.required";
			goto out;
		}
		for (j = 0; j < i; j++)
			if (in->rev[j].department == in->rev[i].department) {
				*field = civic_arena_printf(a, "d%zu_department", i + 1);
				key = "prereview.items.reviewer.twice";
				goto out;
			}
	}
	/* No reviewer named: the item's own department alone, with the promised days. */
	if (in->nrev > 0 && !own) {
		*field = "d1_department";
		key = "prereview.items.reviewer.own";
		goto out;
	}
	for (i = 0; i < PR_MAX_FIELDS; i++) {
		const struct pr_item_field	*f = &in->fld[i];

		if (f->label == NULL)
			continue;
		if (f->kind == NULL) {
			*field = civic_arena_printf(a, "f%zu_kind", i + 1);
			key = "v.required";
			goto out;
		}
		if (strcmp(f->kind, "choice") == 0 && (f->choices == NULL ||
		    strchr(f->choices, '|') == NULL)) {
			*field = civic_arena_printf(a, "f%zu_choices", i + 1);
			key = "prereview.items.choices";
			goto out;
		}
	}
	for (i = 0; i < PR_MAX_MATERIALS; i++) {
		const struct pr_item_material	*m = &in->mat[i];
		const struct pr_item_field	*f;

		if (m->name == NULL)
			continue;
		if (m->need == NULL || strcmp(m->need, "conditional") != 0)
			continue;
		f = m->cond_field >= 1 && m->cond_field <= PR_MAX_FIELDS ?
		    &in->fld[m->cond_field - 1] : NULL;
		if (f == NULL || f->label == NULL || f->kind == NULL ||
		    strcmp(f->kind, "choice") != 0) {
			*field = civic_arena_printf(a, "m%zu_cond_field", i + 1);
			key = "prereview.items.cond.field";
			goto out;
		}
		if (m->cond_value == NULL || !pr_is_choice(f->choices, m->cond_value)) {
			*field = civic_arena_printf(a, "m%zu_cond_value", i + 1);
			key = "prereview.items.cond.value";
			goto out;
		}
	}
out:
	if (key != NULL && *field == NULL)
		key = "v.nomem";
	return key;
}

const char *
pr_itemio_message(const char *key)
{
	static const struct { const char *key, *text; } m[] = {
		{ "prereview.items.code", "the code is not like 510124000000-XK-0001" },
		{ "prereview.items.promised", "the promised days are more than the legal days" },
		{ "prereview.items.reviewer.twice", "a department reviews twice" },
		{ "prereview.items.reviewer.own", "the item's own department is not among the reviewers" },
		{ "prereview.items.choices", "a choice field needs two choices or more, separated by |" },
		{ "prereview.items.cond.field", "a conditional material must name a choice field of the item" },
		{ "prereview.items.cond.value", "the condition's value is not one of that field's choices" },
		{ "prereview.items.stale", "the item was changed meanwhile" },
		{ "prereview.items.code.taken", "another item has this code" },
		{ "prereview.items.used", "applications used this field or material: it can't be removed" },
		{ "prereview.items.ref", "no such department, theme or parent item" },
	};
	size_t	 i;

	for (i = 0; i < CIVIC_NITEMS(m); i++)
		if (strcmp(m[i].key, key) == 0)
			return m[i].text;
	return civic_valid_message(key);
}

/* ---------------------------------------------------------------- the XML */

/*
 * The item's XML as stored (<item> with a child a column and the lists
 * departments, fields, materials) into st.  CIVIC_ERR_NOTFOUND when there
 * is no such item.
 */
static enum civic_err
itemio_state(struct pr_itemio_ctx *c, long long id, long long version,
    struct civic_snapshot *st)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 item, depts, fields, mats;
	const struct civic_snapshot_list lists[] = {
		{ "departments", "department", &depts }, { "fields", "field", &fields },
		{ "materials", "material", &mats },
	};
	enum civic_err		 err;

	memset(st, 0, sizeof(*st));
	if ((err = civic_db_query(c->db, c->arena, itemio_item_sql, p, 1, 1, &item)) !=
	    CIVIC_OK)
		goto out;
	if (item.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((err = civic_db_query(c->db, c->arena, itemio_depts_sql, p, 1, PR_MAX_REVIEWERS,
	    &depts)) != CIVIC_OK ||
	    (err = civic_db_query(c->db, c->arena, itemio_fields_sql, p, 1, PR_MAX_FIELDS,
	    &fields)) != CIVIC_OK ||
	    (err = civic_db_query(c->db, c->arena, itemio_materials_sql, p, 1,
	    PR_MAX_MATERIALS, &mats)) != CIVIC_OK)
		goto out;
	err = civic_snapshot_make(c->arena, "item", id, version, &item, lists,
	    CIVIC_NITEMS(lists), st);
out:
	return err;
}

/* ---------------------------------------------------------------- saving */

/* 1 when sql (one parameter) finds a row. */
static enum civic_err
itemio_exists(struct pr_itemio_ctx *c, const char *sql, long long id, int *yes)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*yes = 0;
	if ((err = civic_db_query(c->db, c->arena, sql, p, 1, 1, &rows)) == CIVIC_OK)
		*yes = rows.nrows == 1;
	return err;
}

/* The departments, theme and parent the item names are there. */
static enum civic_err
itemio_refs(struct pr_itemio_ctx *c, struct pr_item_in *in, enum pr_itemio_why *why,
    const char **field)
{
	static const char	 dept[] = "SELECT id FROM department WHERE id = ?";
	enum civic_err		 err = CIVIC_OK;
	size_t			 i;
	int			 yes;

	if (in->parent_code != NULL) {
		struct civic_param	 p[] = { CIVIC_PTEXT(in->parent_code) };
		struct civic_rows	 rows;

		if ((err = civic_db_query(c->db, c->arena, "SELECT id FROM pr_item WHERE code = ?",
		    p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		in->parent = rows.nrows == 1 ? strtoll(rows.cell[0], NULL, 10) : -1;
	}
	*field = "parent";
	if (in->parent != 0) {
		if (in->parent < 0 || in->parent == in->id)
			goto refused;
		if ((err = itemio_exists(c, "SELECT id FROM pr_item WHERE id = ? AND parent_id "
		    "IS NULL", in->parent, &yes)) != CIVIC_OK)
			goto out;
		if (!yes)
			goto refused;
		/* Two levels only: an item with sub-items of its own stays a major item. */
		if (in->id != 0 && (err = itemio_exists(c, "SELECT id FROM pr_item "
		    "WHERE parent_id = ? LIMIT 1", in->id, &yes)) != CIVIC_OK)
			goto out;
		if (in->id != 0 && yes)
			goto refused;
	}
	*field = "department";
	if ((err = itemio_exists(c, dept, in->department, &yes)) != CIVIC_OK)
		goto out;
	if (!yes)
		goto refused;
	*field = "theme";
	if (in->theme != 0) {
		if ((err = itemio_exists(c, "SELECT id FROM pr_theme WHERE id = ?", in->theme,
		    &yes)) != CIVIC_OK)
			goto out;
		if (!yes)
			goto refused;
	}
	for (i = 0; i < in->nrev; i++) {
		*field = civic_arena_printf(c->arena, "d%zu_department", i + 1);
		if ((err = itemio_exists(c, dept, in->rev[i].department, &yes)) != CIVIC_OK)
			goto out;
		if (!yes)
			goto refused;
	}
	*field = NULL;
	goto out;
refused:
	*why = PR_ITEMIO_REF;
	err = CIVIC_ERR_CONFLICT;
out:
	return err;
}

/* The item's own row: inserted, or updated while it has the version edited. */
static enum civic_err
itemio_row(struct pr_itemio_ctx *c, struct pr_item_in *in, enum pr_itemio_why *why)
{
	static const char	 insert[] =
	    "INSERT INTO pr_item (code, parent_id, name, kind, department_id, audience, "
	    "theme_id, legal_basis, conditions, process, legal_days, promised_days, fees, "
	    "place, hours, phone, visits, online, pickup_window, licence, active, version, "
	    "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, 1, ?, ?)";
	static const char	 update[] =
	    "UPDATE pr_item SET code = ?, parent_id = ?, name = ?, kind = ?, "
	    "department_id = ?, audience = ?, theme_id = ?, legal_basis = ?, conditions = ?, "
	    "process = ?, legal_days = ?, promised_days = ?, fees = ?, place = ?, hours = ?, "
	    "phone = ?, visits = ?, online = ?, pickup_window = ?, licence = ?, active = ?, "
	    "updated_at = ?, updated_by = ?, version = version + 1 "
	    "WHERE id = ? AND version = ?";
	struct civic_param	 p[26];
	unsigned long long	 id;
	enum civic_err		 err;

	p[0] = CIVIC_PTEXT(in->code);
	p[1] = in->parent > 0 ? CIVIC_PINT(in->parent) : CIVIC_PNULL;
	p[2] = CIVIC_PTEXT(in->name);
	p[3] = CIVIC_PTEXT(in->kind);
	p[4] = CIVIC_PINT(in->department);
	p[5] = CIVIC_PTEXT(in->audience);
	p[6] = in->theme > 0 ? CIVIC_PINT(in->theme) : CIVIC_PNULL;
	p[7] = CIVIC_PTEXT(in->legal_basis);
	p[8] = CIVIC_PTEXT(in->conditions);
	p[9] = CIVIC_PTEXT(in->process);
	p[10] = CIVIC_PINT(in->legal_days);
	p[11] = CIVIC_PINT(in->promised_days);
	p[12] = CIVIC_PTEXT(in->fees);
	p[13] = CIVIC_PTEXT(in->place);
	p[14] = CIVIC_PTEXT(in->hours);
	p[15] = CIVIC_PTEXT(in->phone);
	p[16] = CIVIC_PINT(in->visits);
	p[17] = CIVIC_PINT(in->online != 0);
	p[18] = CIVIC_PTEXT(in->pickup_window);
	p[19] = CIVIC_PTEXT(in->licence);
	p[20] = CIVIC_PINT(in->active != 0);
	p[21] = CIVIC_PTEXT(c->now);
	p[22] = c->staff > 0 ? CIVIC_PINT(c->staff) : CIVIC_PNULL;
	if (in->id == 0) {
		err = civic_db_exec(c->db, insert, p, 23, NULL, &id);
		if (err == CIVIC_OK)
			in->id = (long long)id;
	} else {
		p[23] = CIVIC_PINT(in->id);
		p[24] = CIVIC_PINT(in->version);
		err = civic_db_change(c->db, update, p, 25);
		if (err == CIVIC_ERR_CONFLICT)
			*why = PR_ITEMIO_STALE;
	}
	if (err == CIVIC_ERR_DUPLICATE) {
		*why = PR_ITEMIO_CODE;
		err = CIVIC_ERR_CONFLICT;
	}
	return err;
}

/* The reviewing departments, replaced (reviews name departments, not these rows). */
static enum civic_err
itemio_reviewers(struct pr_itemio_ctx *c, const struct pr_item_in *in)
{
	static const char	 del[] = "DELETE FROM pr_item_department WHERE item_id = ?";
	static const char	 ins[] =
	    "INSERT INTO pr_item_department (item_id, department_id, days) VALUES (?, ?, ?)";
	struct civic_param	 p[] = { CIVIC_PINT(in->id) };
	enum civic_err		 err;
	size_t			 i;

	if ((err = civic_db_exec(c->db, del, p, 1, NULL, NULL)) != CIVIC_OK)
		goto out;
	if (in->nrev == 0) {
		struct civic_param q[] = { CIVIC_PINT(in->id), CIVIC_PINT(in->department),
		    CIVIC_PINT(in->promised_days) };

		err = civic_db_exec(c->db, ins, q, 3, NULL, NULL);
		goto out;
	}
	for (i = 0; i < in->nrev; i++) {
		struct civic_param q[] = { CIVIC_PINT(in->id), CIVIC_PINT(in->rev[i].department),
		    CIVIC_PINT(in->rev[i].days) };

		if ((err = civic_db_exec(c->db, ins, q, 3, NULL, NULL)) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}

/*
 * Removes the row of seq from table unless an application used it (used:
 * a SELECT with the item and seq).  *why PR_ITEMIO_USED when it was.
 */
static enum civic_err
itemio_remove(struct pr_itemio_ctx *c, const char *used, const char *del, long long item,
    size_t seq, enum pr_itemio_why *why)
{
	struct civic_param	 p[] = { CIVIC_PINT(item), CIVIC_PINT(seq) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(c->db, c->arena, used, p, 2, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows > 0) {
		*why = PR_ITEMIO_USED;
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	/*
	 * An application made between the look above and this DELETE holds
	 * the row by its foreign key: the same refusal, not a database error.
	 */
	if ((err = civic_db_exec(c->db, del, p, 2, NULL, NULL)) == CIVIC_ERR_DB &&
	    civic_db_errno(c->db) == PR_ERR_ROW_IS_REFERENCED) {
		*why = PR_ITEMIO_USED;
		err = CIVIC_ERR_CONFLICT;
	}
out:
	return err;
}

/* The extra fields, by seq: updated in place, added, or removed while unused. */
static enum civic_err
itemio_fields(struct pr_itemio_ctx *c, const struct pr_item_in *in, enum pr_itemio_why *why,
    const char **field)
{
	static const char	 put[] =
	    "INSERT INTO pr_field (item_id, seq, label, kind, choices, required, max_len) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE label = VALUES(label), "
	    "kind = VALUES(kind), choices = VALUES(choices), required = VALUES(required), "
	    "max_len = VALUES(max_len)";
	static const char	 used[] =
	    "SELECT 1 FROM pr_value v JOIN pr_field f ON f.id = v.field_id "
	    "WHERE f.item_id = ? AND f.seq = ? LIMIT 1";
	static const char	 del[] = "DELETE FROM pr_field WHERE item_id = ? AND seq = ?";
	enum civic_err		 err = CIVIC_OK;
	size_t			 i;

	for (i = 0; i < PR_MAX_FIELDS; i++) {
		const struct pr_item_field	*f = &in->fld[i];

		if (f->label == NULL) {
			if ((err = itemio_remove(c, used, del, in->id, i + 1, why)) != CIVIC_OK) {
				*field = civic_arena_printf(c->arena, "f%zu_label", i + 1);
				goto out;
			}
			continue;
		}
		{
			const char	*choices = strcmp(f->kind, "choice") == 0 ? f->choices : NULL;
			struct civic_param p[] = { CIVIC_PINT(in->id), CIVIC_PINT(i + 1),
			    CIVIC_PTEXT(f->label), CIVIC_PTEXT(f->kind), CIVIC_PTEXT(choices),
			    CIVIC_PINT(f->required != 0), CIVIC_PINT(f->max_len) };

			if ((err = civic_db_exec(c->db, put, p, CIVIC_NITEMS(p), NULL, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
	}
out:
	return err;
}

/*
 * The materials, by seq, the same way; a new blank form stored and put in
 * place of the old, which stays in the file store for the versions that
 * named it.
 */
static enum civic_err
itemio_materials(struct pr_itemio_ctx *c, const struct pr_item_in *in,
    enum pr_itemio_why *why, const char **field)
{
	static const char	 put[] =
	    "INSERT INTO pr_material (item_id, seq, name, form, copies, need, cond, "
	    "cond_field, cond_value, note, template_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), form = VALUES(form), "
	    "copies = VALUES(copies), need = VALUES(need), cond = VALUES(cond), "
	    "cond_field = VALUES(cond_field), cond_value = VALUES(cond_value), "
	    "note = VALUES(note), "
	    "template_file = COALESCE(VALUES(template_file), template_file)";
	static const char	 used[] =
	    "SELECT 1 FROM pr_upload u JOIN pr_material m ON m.id = u.material_id "
	    "WHERE m.item_id = ? AND m.seq = ? LIMIT 1";
	static const char	 del[] = "DELETE FROM pr_material WHERE item_id = ? AND seq = ?";
	enum civic_err		 err = CIVIC_OK;
	long long		 file;
	size_t			 i;
	int			 cond;

	for (i = 0; i < PR_MAX_MATERIALS; i++) {
		const struct pr_item_material	*m = &in->mat[i];

		if (m->name == NULL) {
			if ((err = itemio_remove(c, used, del, in->id, i + 1, why)) != CIVIC_OK) {
				*field = civic_arena_printf(c->arena, "m%zu_name", i + 1);
				goto out;
			}
			continue;
		}
		file = 0;
		if (m->file != NULL && (err = civic_filestore_put(c->db, m->file, &file)) !=
		    CIVIC_OK)
			goto out;
		cond = m->need != NULL && strcmp(m->need, "conditional") == 0;
		{
			const char	*value = cond ? m->cond_value : NULL;
			const char	*form = m->form != NULL ? m->form : "copy";
			const char	*need = m->need != NULL ? m->need : "required";
			struct civic_param p[] = { CIVIC_PINT(in->id), CIVIC_PINT(i + 1),
			    CIVIC_PTEXT(m->name), CIVIC_PTEXT(form),
			    CIVIC_PINT(m->copies), CIVIC_PTEXT(need), CIVIC_PTEXT(m->cond),
			    cond ? CIVIC_PINT(m->cond_field) : CIVIC_PNULL,
			    CIVIC_PTEXT(value), CIVIC_PTEXT(m->note),
			    file > 0 ? CIVIC_PINT(file) : CIVIC_PNULL };

			if ((err = civic_db_exec(c->db, put, p, CIVIC_NITEMS(p), NULL, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
	}
out:
	return err;
}

enum civic_err
pr_itemio_save(struct pr_itemio_ctx *c, struct pr_item_in *in, long long *version,
    enum pr_itemio_why *why, const char **field)
{
	static const char	 lock[] =
	    "SELECT version FROM pr_item WHERE id = ? FOR UPDATE";
	static const char	 ins[] =
	    "INSERT INTO pr_item_version (item_id, version, staff_id, changed_at, summary, "
	    "snapshot) VALUES (?, ?, ?, ?, ?, ?)";
	struct civic_snapshot	 was, now;
	struct civic_rows	 rows;
	const char		*summary, *oid;
	long long		 orig = in->id;
	enum civic_err		 err;

	*why = PR_ITEMIO_OK;
	*field = NULL;
	memset(&was, 0, sizeof(was));
	if ((err = itemio_refs(c, in, why, field)) != CIVIC_OK)
		goto out;
	if (in->id != 0) {
		struct civic_param p[] = { CIVIC_PINT(in->id) };

		if ((err = civic_db_query(c->db, c->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = CIVIC_ERR_NOTFOUND;
			goto out;
		}
		/* The import edits the item as it is now. */
		if (in->version == 0)
			in->version = strtoll(rows.cell[0], NULL, 10);
		if ((err = itemio_state(c, in->id, in->version, &was)) != CIVIC_OK)
			goto out;
	}
	if ((err = itemio_row(c, in, why)) != CIVIC_OK)
		goto out;
	*version = orig == 0 ? 1 : in->version + 1;
	if ((err = itemio_reviewers(c, in)) != CIVIC_OK ||
	    (err = itemio_fields(c, in, why, field)) != CIVIC_OK ||
	    (err = itemio_materials(c, in, why, field)) != CIVIC_OK)
		goto out;
	if ((err = itemio_state(c, in->id, *version, &now)) != CIVIC_OK)
		goto out;
	summary = orig == 0 ? "created" : civic_snapshot_changed(c->arena, &was, &now, itemio_quiet);
	err = CIVIC_ERR_NOMEM;
	if (summary == NULL || (oid = civic_arena_printf(c->arena, "%lld", in->id)) == NULL)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(in->id), CIVIC_PINT(*version),
		    c->staff > 0 ? CIVIC_PINT(c->staff) : CIVIC_PNULL, CIVIC_PTEXT(c->now),
		    CIVIC_PTEXT(summary), CIVIC_PTEXT(now.xml) };

		if ((err = civic_db_exec(c->db, ins, p, CIVIC_NITEMS(p), NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	if (in->active)
		err = civic_search_index(c->db, c->arena, &pr_index, in->id);
	else
		err = civic_search_unindex(c->db, &pr_index, in->id);
	if (err != CIVIC_OK)
		goto out;
	{
		struct civic_audit_entry e = { c->staff, c->address, orig == 0 ?
		    "prereview.item.create" : "prereview.item.update", "pr_item", oid,
		    civic_arena_printf(c->arena, "%s v%lld: %.200s", in->code, *version,
		    summary) };

		err = civic_audit_append(c->db, c->arena, &e);
	}
out:
	return err;
}
