/*
 * admin.c: the office keeps the catalogue tree, the theme tree and the
 * issuing bodies (catalogue.h, doc/catalogue.md "The office's trees and
 * bodies").
 *
 * Every page is the office's only (the routes' roles).  A node's page
 * carries a stamp, the MD5 of the node's row as shown; every change of
 * that node is one UPDATE (or DELETE) conditional on it, so that of two
 * office members editing the same node the second is told that someone
 * came first, and nothing of the first's is lost.  Each change and its
 * audit line are one transaction.
 *
 * The catalogue tree's codes follow one rule: a node's code is its
 * parent's code and two digits ("03", "0301", "030101"), so a code says
 * where the node is.  A move therefore gives the node a new code, and
 * its whole subtree's codes are rewritten with the new prefix, as are the
 * subtree's depths and its rows of the closure table cat_category_path,
 * in the move's transaction.  An entry sits on a leaf: a node with
 * entries of its own can get no child, by adding or by moving.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "page.h"

/*
 * A sort number: siblings are shown by it, then by code.  Six digits
 * leave room to number in tens and insert between; a tree is small (a
 * county's catalogue has some fifty nodes, and a page shows at most
 * CIVIC_MAX_ROWS of a tree: a bigger one is an error, not cut).
 */
#define ADM_SORT_MAX	999999LL

/* The row's stamp: what a form shows, to refuse a change made on an old view. */
#define ADM_CAT_STAMP	"MD5(CONCAT_WS('|', IFNULL(parent_id, 0), code, name, sort, active))"
#define ADM_THEME_STAMP	ADM_CAT_STAMP
/* The same as the body's page computes it, there with the table's alias. */
#define ADM_BODY_STAMP	"MD5(CONCAT_WS('|', org_code, sort))"

static const char *const done_words[] = { "added", "saved", "moved", "deleted", NULL };
static const char *const do_words[] = { "save", "move", "delete", NULL };
static const char *const flag_words[] = { "1", NULL };

/*
 * What was just done, said on the page it leads back to.  Plain text,
 * not an enum: a junk value is ignored rather than answered 400.
 */
static const struct civic_field page_fields[] = {
	{ "done", CIVIC_V_TEXT, 1, 16, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* Adding a node (a catalogue node or a theme): under parent, or at the top. */
static const struct civic_field add_fields[] = {
	{ "parent", CIVIC_V_INT, 1, 4294967295LL, 0, NULL },
	{ "code", CIVIC_V_TEXT, 2, 16, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 1, 60, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, -ADM_SORT_MAX, ADM_SORT_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * A node's page has three forms, told apart by "do": save (name, sort,
 * active), move (parent, new_code: the catalogue tree only), delete.
 */
static const struct civic_field node_fields[] = {
	{ "do", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, do_words },
	{ "stamp", CIVIC_V_TOKEN, 32, 32, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 1, 60, 0, NULL },
	{ "sort", CIVIC_V_INT, -ADM_SORT_MAX, ADM_SORT_MAX, 0, NULL },
	{ "active", CIVIC_V_ENUM, 0, 0, 0, flag_words },
	{ "parent", CIVIC_V_INT, 1, 4294967295LL, 0, NULL },
	{ "new_code", CIVIC_V_TEXT, 2, 16, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field body_add_fields[] = {
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_REQUIRED, NULL },
	{ "org_code", CIVIC_V_TEXT, CAT_ORG_CODE_LEN, CAT_ORG_CODE_LEN, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, -ADM_SORT_MAX, ADM_SORT_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field body_fields[] = {
	{ "stamp", CIVIC_V_TOKEN, 32, 32, CIVIC_F_REQUIRED, NULL },
	{ "org_code", CIVIC_V_TEXT, CAT_ORG_CODE_LEN, CAT_ORG_CODE_LEN, CIVIC_F_REQUIRED, NULL },
	{ "sort", CIVIC_V_INT, -ADM_SORT_MAX, ADM_SORT_MAX, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * One change of the office's: the transaction's function, what it
 * needs, and, when it refuses, the field and message key to answer with.
 */
/* A tree's save: its table, its statement, the audit's action. */
struct adm_save {
	const char	*table;
	const char	*sql;
	const char	*action;
};

static const struct adm_save adm_cat_save = { "cat_category",
	"UPDATE cat_category SET name = ?, sort = ?, active = ? WHERE id = ? AND "
	ADM_CAT_STAMP " = ?", "catalogue.category.save" };
static const struct adm_save adm_theme_save = { "cat_theme",
	"UPDATE cat_theme SET name = ?, sort = ?, active = ? WHERE id = ? AND "
	ADM_THEME_STAMP " = ?", "catalogue.theme.save" };

struct adm {
	struct civic_req	*r;
	const struct adm_save	*save;		/* adm_save_tx's tree */
	long long		 id;		/* the node (body) changed, or made */
	const char		*field;		/* a refusal's field, NULL: the form */
	const char		*why;		/* a refusal's message key */
	/*
	 * Where to go after: back to the page path names (with "/<id>" when
	 * node is set), saying done.
	 */
	const char		*path;
	int			 node;
	const char		*done;
};

/* The transaction refuses: rolls back, and the handler answers 422. */
static enum civic_err
adm_refuse(struct adm *a, const char *field, const char *why)
{
	a->field = field;
	a->why = why;
	return CIVIC_ERR_INVALID;
}

/* The end of every change: the audit line, the redirect. */
static enum civic_err
adm_finish(struct adm *a, const char *action, const char *type, const char *detail)
{
	struct civic_req	*r = a->r;
	enum civic_err		 err = CIVIC_ERR_NOMEM;
	const char		*id;
	int			 st;

	if ((id = civic_arena_printf(r->arena, "%lld", a->id)) == NULL)
		goto out;
	if ((err = civic_audit(r, action, type, id, detail)) != CIVIC_OK)
		goto out;
	if (a->node)
		st = civic_req_redirect(r, "%s/%lld?done=%s", a->path, a->id, a->done);
	else
		st = civic_req_redirect(r, "%s?done=%s", a->path, a->done);
	err = st == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
out:
	return err;
}

/* Runs fn as the request's transaction and answers for it. */
static int
adm_run(struct civic_req *r, enum civic_err (*fn)(void *), struct adm *a)
{
	enum civic_err	 err;

	a->r = r;
	err = civic_req_tx(r, fn, a);
	if (err == CIVIC_ERR_INVALID && a->why != NULL)
		return civic_req_refuse(r, a->field, a->why);
	return civic_req_done(r, err, "catalogue.admin.conflict");
}

/* One integer from a one-row, one-column SELECT with one parameter. */
static enum civic_err
adm_count(struct civic_req *r, const char *sql, long long v, long long *n)
{
	struct civic_param	 p[] = { CIVIC_PINT(v) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*n = 0;
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) == CIVIC_OK &&
	    rows.nrows == 1 && rows.cell[0] != NULL)
		*n = strtoll(rows.cell[0], NULL, 10);
	return err;
}

/*
 * Whether code is parent's code (NULL or "": at the top) and two digits:
 * the rule of both trees' codes.
 */
static int
adm_code_ok(const char *code, const char *parent)
{
	size_t	 n = parent != NULL ? strlen(parent) : 0;

	return strlen(code) == n + 2 && (n == 0 || strncmp(code, parent, n) == 0) &&
	    code[n] >= '0' && code[n] <= '9' && code[n + 1] >= '0' && code[n + 1] <= '9';
}

/* ---------------------------------------------------------- the catalogue tree */

/*
 * Every node with the count of entries under it (its subtree, all
 * states: the office sees drafts and 不予公开 too) and of its own
 * children; the stylesheet builds the tree from parent_id.
 */
static const char adm_tree_sql[] =
    "SELECT c.id, c.parent_id, c.depth, c.code, c.name, c.sort, c.active, "
    "(SELECT COUNT(*) FROM cat_category_path p JOIN cat_entry e ON e.category_id = "
    "p.descendant_id WHERE p.ancestor_id = c.id) AS entries, "
    "(SELECT COUNT(*) FROM cat_category k WHERE k.parent_id = c.id) AS children "
    "FROM cat_category c ORDER BY c.code";

/* The message of ?done=, when it is one of done_words. */
static void
adm_done(struct civic_req *r)
{
	const char	*done = civic_req_value(r, "done");
	size_t		 i;

	for (i = 0; done != NULL && done_words[i] != NULL; i++)
		if (strcmp(done, done_words[i]) == 0)
			civic_page_message(r, "info", civic_arena_printf(r->arena,
			    "catalogue.admin.done.%s", done));
}

/* GET /staff/categories: the tree and the form adding a node. */
static int
adm_categories(struct civic_req *r)
{
	int	 st;

	if ((st = civic_page_query(r, "categories", "category", adm_tree_sql, NULL, 0)) != 0)
		return st;
	civic_page_addf(r, NULL, "max-depth", "%d", CAT_MAX_DEPTH);
	adm_done(r);
	return 200;
}

struct adm_node {
	long long	 depth, own;
	const char	*code;
};

/*
 * Locks a catalogue node's row for the transaction and reads its depth,
 * its code and its own entries' count (locked too, so that an entry can't
 * come onto it before the transaction ends).  CIVIC_ERR_NOTFOUND when
 * there is no such node.
 */
static enum civic_err
adm_cat_lock(struct civic_req *r, long long id, struct adm_node *n)
{
	static const char	 node[] =
	    "SELECT depth, code FROM cat_category WHERE id = ? FOR UPDATE";
	static const char	 own[] =
	    "SELECT COUNT(*) FROM cat_entry WHERE category_id = ? LOCK IN SHARE MODE";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, node, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	n->depth = strtoll(rows.cell[0], NULL, 10);
	n->code = rows.cell[1];
	err = adm_count(r, own, id, &n->own);
out:
	return err;
}

/*
 * Checks that a node may go under parent (0: the top) with code: the
 * parent is there, has no entries of its own (they sit on leaves), leaves
 * room for height more levels below the node, and code follows the rule.
 */
static enum civic_err
adm_cat_place(struct adm *a, long long parent, long long height, const char *code,
    const char *code_field, long long *depth)
{
	struct adm_node	 pn = { 0, 0, NULL };
	enum civic_err	 err = CIVIC_OK;

	if (parent != 0) {
		err = adm_cat_lock(a->r, parent, &pn);
		if (err == CIVIC_ERR_NOTFOUND)
			err = adm_refuse(a, "parent", "catalogue.admin.parent.gone");
		else if (err == CIVIC_OK && pn.own > 0)
			err = adm_refuse(a, "parent", "catalogue.admin.parent.entries");
		if (err != CIVIC_OK)
			goto out;
	}
	*depth = pn.depth + 1;
	if (*depth + height > CAT_MAX_DEPTH)
		err = adm_refuse(a, "parent", "catalogue.admin.parent.deep");
	else if (!adm_code_ok(code, pn.code))
		err = adm_refuse(a, code_field, "catalogue.admin.code.rule");
out:
	return err;
}

/* The new node's paths: its ancestors' and its own. */
static const char adm_path_add_sql[] =
    "INSERT INTO cat_category_path (ancestor_id, descendant_id, depth) "
    "SELECT ancestor_id, ?, depth + 1 FROM cat_category_path WHERE descendant_id = ? "
    "UNION ALL SELECT ?, ?, 0";

static enum civic_err
adm_cat_add_tx(void *arg)
{
	static const char	 ins[] =
	    "INSERT INTO cat_category (parent_id, depth, code, name, sort) VALUES (?, ?, ?, ?, ?)";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	long long		 parent = civic_req_int(r, "parent", 0), depth = 0;
	const char		*code = civic_req_value(r, "code");
	struct civic_param	 p[] = { parent ? CIVIC_PINT(parent) : CIVIC_PNULL,
	    CIVIC_PNULL, CIVIC_PTEXT(code), CIVIC_PTEXT(civic_req_value(r, "name")),
	    CIVIC_PINT(civic_req_int(r, "sort", 0)) };
	struct civic_param	 q[4];
	unsigned long long	 id;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = adm_cat_place(a, parent, 0, code, "code", &depth)) != CIVIC_OK)
		goto out;
	p[1] = CIVIC_PINT(depth);
	err = civic_db_exec(r->db, ins, p, CIVIC_NITEMS(p), NULL, &id);
	if (err == CIVIC_ERR_DUPLICATE)
		err = adm_refuse(a, "code", "catalogue.admin.code.taken");
	if (err != CIVIC_OK)
		goto out;
	a->id = (long long)id;
	q[0] = CIVIC_PINT(a->id);
	q[1] = CIVIC_PINT(parent);
	q[2] = CIVIC_PINT(a->id);
	q[3] = CIVIC_PINT(a->id);
	if ((err = civic_db_exec(r->db, adm_path_add_sql, q, 4, NULL, NULL)) != CIVIC_OK)
		goto out;
	err = adm_finish(a, "catalogue.category.add", "cat_category", code);
out:
	return err;
}

/* POST /staff/categories */
static int
adm_category_add(struct civic_req *r)
{
	struct adm	 a = { .path = "/staff/categories", .done = "added" };

	return adm_run(r, adm_cat_add_tx, &a);
}

/* GET /staff/category/{id}: a node, with its forms filled from what is stored. */
static int
adm_category(struct civic_req *r)
{
	static const char	 node[] =
	    "SELECT c.id, c.parent_id, c.depth, c.code, c.name, c.sort, c.active, "
	    "(SELECT COUNT(*) FROM cat_category_path p JOIN cat_entry e ON e.category_id = "
	    "p.descendant_id WHERE p.ancestor_id = c.id) AS entries, "
	    "(SELECT COUNT(*) FROM cat_entry e WHERE e.category_id = c.id) AS own, "
	    "(SELECT COUNT(*) FROM cat_category k WHERE k.parent_id = c.id) AS children, "
	    ADM_CAT_STAMP " AS stamp FROM cat_category c WHERE c.id = ?";
	static const char	 vals[] =
	    "SELECT name, sort, IF(active, '1', NULL) AS active, parent_id AS parent, "
	    "code AS new_code FROM cat_category WHERE id = ?";
	/* Where the node may go: not under itself, and not on the last level. */
	static const char	 parents[] =
	    "SELECT c.id, c.code, c.name FROM cat_category c WHERE c.depth < ? AND NOT EXISTS "
	    "(SELECT 1 FROM cat_category_path p WHERE p.ancestor_id = ? AND "
	    "p.descendant_id = c.id) ORDER BY c.code";
	long long		 id = civic_req_seg_int(r, "id");
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_param	 q[] = { CIVIC_PINT(CAT_MAX_DEPTH), CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((st = civic_page_one(r, "category", node, p, 1, NULL)) != 0 ||
	    (st = civic_page_query(r, "parents", "category", parents, q, 2)) != 0)
		return st;
	if ((err = civic_db_query(r->db, r->arena, vals, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	civic_page_values(r, &rows);
	adm_done(r);
	return 200;
}

/*
 * name, sort and active of a catalogue node or a theme (a->save: the
 * statement of its table, conditional on the stamp its form showed), and
 * the audit's line.
 */
static enum civic_err
adm_save_tx(void *arg)
{
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	int			 active = civic_req_value(r, "active") != NULL;
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "name")),
	    CIVIC_PINT(civic_req_int(r, "sort", 0)), CIVIC_PINT(active), CIVIC_PINT(a->id),
	    CIVIC_PTEXT(civic_req_value(r, "stamp")) };
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = civic_db_change(r->db, a->save->sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
		return err;
	return adm_finish(a, a->save->action, a->save->table,
	    active ? civic_req_value(r, "name") : civic_arena_printf(r->arena, "%s (inactive)",
	    civic_req_value(r, "name")));
}

/*
 * Moves a node and its subtree under parent (none: to the top) with the
 * node's new code: checks, then the node's row (conditional on its
 * stamp), the subtree's codes and depths, and its closure rows: the paths
 * from the old ancestors to the subtree go, the new ancestors' come.
 */
static enum civic_err
adm_cat_move_tx(void *arg)
{
	static const char	 height[] =
	    "SELECT MAX(depth) FROM cat_category_path WHERE ancestor_id = ?";
	static const char	 inside[] =
	    "SELECT COUNT(*) FROM cat_category_path WHERE ancestor_id = ? AND descendant_id = ?";
	static const char	 upd[] =
	    "UPDATE cat_category SET parent_id = ? WHERE id = ? AND " ADM_CAT_STAMP " = ?";
	static const char	 sub[] =
	    "UPDATE cat_category c JOIN cat_category_path p ON p.descendant_id = c.id "
	    "SET c.code = CONCAT(?, SUBSTRING(c.code, ?)), c.depth = c.depth + ? "
	    "WHERE p.ancestor_id = ?";
	static const char	 cut[] =
	    "DELETE p FROM cat_category_path p JOIN cat_category_path s "
	    "ON s.descendant_id = p.descendant_id AND s.ancestor_id = ? "
	    "LEFT JOIN cat_category_path x ON x.ancestor_id = ? AND x.descendant_id = p.ancestor_id "
	    "WHERE x.ancestor_id IS NULL";
	static const char	 join[] =
	    "INSERT INTO cat_category_path (ancestor_id, descendant_id, depth) "
	    "SELECT a.ancestor_id, s.descendant_id, a.depth + s.depth + 1 "
	    "FROM cat_category_path a JOIN cat_category_path s ON s.ancestor_id = ? "
	    "WHERE a.descendant_id = ?";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	long long		 parent = civic_req_int(r, "parent", 0), h, depth;
	const char		*code = civic_req_value(r, "new_code");
	struct civic_param	 node[] = { CIVIC_PINT(a->id), CIVIC_PINT(a->id) };
	struct civic_param	 below[] = { CIVIC_PINT(a->id), CIVIC_PINT(parent) };
	struct civic_param	 p[4];
	struct civic_rows	 rows;
	struct adm_node		 n;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if (code == NULL) {
		err = adm_refuse(a, "new_code", "v.required");
		goto out;
	}
	if ((err = adm_cat_lock(r, a->id, &n)) != CIVIC_OK ||
	    (err = adm_count(r, height, a->id, &h)) != CIVIC_OK)
		goto out;
	/* Under itself, or under one of its descendants: a cycle. */
	if (parent != 0) {
		if ((err = civic_db_query(r->db, r->arena, inside, below, 2, 1, &rows)) !=
		    CIVIC_OK)
			goto out;
		if (rows.nrows == 1 && strtoll(rows.cell[0], NULL, 10) > 0) {
			err = adm_refuse(a, "parent", "catalogue.admin.parent.cycle");
			goto out;
		}
	}
	if ((err = adm_cat_place(a, parent, h, code, "new_code", &depth)) != CIVIC_OK)
		goto out;
	p[0] = parent ? CIVIC_PINT(parent) : CIVIC_PNULL;
	p[1] = CIVIC_PINT(a->id);
	p[2] = CIVIC_PTEXT(civic_req_value(r, "stamp"));
	if ((err = civic_db_change(r->db, upd, p, 3)) != CIVIC_OK)
		goto out;
	/* The subtree's codes take the new prefix; its depths move by the difference. */
	p[0] = CIVIC_PTEXT(code);
	p[1] = CIVIC_PINT((long long)strlen(n.code) + 1);
	p[2] = CIVIC_PINT(depth - n.depth);
	p[3] = CIVIC_PINT(a->id);
	err = civic_db_exec(r->db, sub, p, 4, NULL, NULL);
	if (err == CIVIC_ERR_DUPLICATE)
		err = adm_refuse(a, "new_code", "catalogue.admin.code.taken");
	if (err != CIVIC_OK)
		goto out;
	/* The old ancestors' paths to the subtree go, the new ancestors' come. */
	if ((err = civic_db_exec(r->db, cut, node, 2, NULL, NULL)) != CIVIC_OK)
		goto out;
	if (parent != 0 &&
	    (err = civic_db_exec(r->db, join, below, 2, NULL, NULL)) != CIVIC_OK)
		goto out;
	err = adm_finish(a, "catalogue.category.move", "cat_category",
	    civic_arena_printf(r->arena, "%s -> %s", n.code, code));
out:
	return err;
}

/* Deletes a node with no children and no entries. */
static enum civic_err
adm_cat_delete_tx(void *arg)
{
	static const char	 kids[] = "SELECT COUNT(*) FROM cat_category WHERE parent_id = ?";
	static const char	 del[] =
	    "DELETE FROM cat_category WHERE id = ? AND " ADM_CAT_STAMP " = ?";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PINT(a->id),
	    CIVIC_PTEXT(civic_req_value(r, "stamp")) };
	struct adm_node		 n;
	long long		 k;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = adm_cat_lock(r, a->id, &n)) != CIVIC_OK ||
	    (err = adm_count(r, kids, a->id, &k)) != CIVIC_OK)
		goto out;
	if (k > 0)
		err = adm_refuse(a, NULL, "catalogue.admin.delete.children");
	else if (n.own > 0)
		err = adm_refuse(a, NULL, "catalogue.admin.delete.entries");
	else if ((err = civic_db_change(r->db, del, p, 2)) == CIVIC_OK)
		err = adm_finish(a, "catalogue.category.delete", "cat_category", n.code);
out:
	return err;
}

/* POST /staff/category/{id}: save, move or delete. */
static int
adm_category_post(struct civic_req *r)
{
	const char	*what = civic_req_value(r, "do");
	struct adm	 a = { .id = civic_req_seg_int(r, "id") };

	if (strcmp(what, "delete") == 0) {
		a.path = "/staff/categories";
		a.done = "deleted";
		return adm_run(r, adm_cat_delete_tx, &a);
	}
	if (strcmp(what, "move") == 0) {
		a.path = "/staff/category";
		a.node = 1;
		a.done = "moved";
		return adm_run(r, adm_cat_move_tx, &a);
	}
	if (civic_req_value(r, "name") == NULL)
		return civic_req_refuse(r, "name", "v.required");
	a.path = "/staff/category";
	a.node = 1;
	a.done = "saved";
	a.save = &adm_cat_save;
	return adm_run(r, adm_save_tx, &a);
}

/* ---------------------------------------------------------- the theme tree */

/* Every theme with the count of entries on it (a first-level one: its children's). */
static const char adm_themes_sql[] =
    "SELECT t.id, t.parent_id, t.code, t.name, t.sort, t.active, "
    "(SELECT COUNT(*) FROM cat_entry e JOIN cat_theme k ON k.id = e.theme_id "
    "WHERE k.id = t.id OR k.parent_id = t.id) AS entries, "
    "(SELECT COUNT(*) FROM cat_theme k WHERE k.parent_id = t.id) AS children "
    "FROM cat_theme t ORDER BY t.code";

/* GET /staff/themes */
static int
adm_themes(struct civic_req *r)
{
	int	 st;

	if ((st = civic_page_query(r, "themes", "theme", adm_themes_sql, NULL, 0)) != 0)
		return st;
	adm_done(r);
	return 200;
}

/*
 * A theme goes at the top or under a first-level theme (two levels,
 * CAT_THEME_DEPTH); entries sit on the second level, so a first-level
 * theme never has entries of its own and any may get a child.
 */
static enum civic_err
adm_theme_add_tx(void *arg)
{
	static const char	 top[] =
	    "SELECT code FROM cat_theme WHERE id = ? AND parent_id IS NULL FOR UPDATE";
	static const char	 ins[] =
	    "INSERT INTO cat_theme (parent_id, code, name, sort) VALUES (?, ?, ?, ?)";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	long long		 parent = civic_req_int(r, "parent", 0);
	const char		*code = civic_req_value(r, "code"), *pcode = NULL;
	struct civic_param	 p[] = { parent ? CIVIC_PINT(parent) : CIVIC_PNULL,
	    CIVIC_PTEXT(code), CIVIC_PTEXT(civic_req_value(r, "name")),
	    CIVIC_PINT(civic_req_int(r, "sort", 0)) };
	struct civic_rows	 rows;
	unsigned long long	 id;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if (parent != 0) {
		if ((err = civic_db_query(r->db, r->arena, top, p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = adm_refuse(a, "parent", "catalogue.admin.theme.parent");
			goto out;
		}
		pcode = rows.cell[0];
	}
	if (!adm_code_ok(code, pcode)) {
		err = adm_refuse(a, "code", "catalogue.admin.code.rule");
		goto out;
	}
	err = civic_db_exec(r->db, ins, p, CIVIC_NITEMS(p), NULL, &id);
	if (err == CIVIC_ERR_DUPLICATE)
		err = adm_refuse(a, "code", "catalogue.admin.code.taken");
	if (err != CIVIC_OK)
		goto out;
	a->id = (long long)id;
	err = adm_finish(a, "catalogue.theme.add", "cat_theme", code);
out:
	return err;
}

/* POST /staff/themes */
static int
adm_theme_add(struct civic_req *r)
{
	struct adm	 a = { .path = "/staff/themes", .done = "added" };

	return adm_run(r, adm_theme_add_tx, &a);
}

/* GET /staff/theme/{id} */
static int
adm_theme(struct civic_req *r)
{
	static const char	 node[] =
	    "SELECT t.id, t.parent_id, t.code, t.name, t.sort, t.active, "
	    "(SELECT COUNT(*) FROM cat_entry e JOIN cat_theme k ON k.id = e.theme_id "
	    "WHERE k.id = t.id OR k.parent_id = t.id) AS entries, "
	    "(SELECT COUNT(*) FROM cat_theme k WHERE k.parent_id = t.id) AS children, "
	    ADM_THEME_STAMP " AS stamp FROM cat_theme t WHERE t.id = ?";
	static const char	 vals[] =
	    "SELECT name, sort, IF(active, '1', NULL) AS active FROM cat_theme WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((st = civic_page_one(r, "theme", node, p, 1, NULL)) != 0)
		return st;
	if ((err = civic_db_query(r->db, r->arena, vals, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	civic_page_values(r, &rows);
	adm_done(r);
	return 200;
}

/* Deletes a theme no entry names and with no children. */
static enum civic_err
adm_theme_delete_tx(void *arg)
{
	static const char	 lock[] = "SELECT code FROM cat_theme WHERE id = ? FOR UPDATE";
	static const char	 kids[] = "SELECT COUNT(*) FROM cat_theme WHERE parent_id = ?";
	static const char	 used[] =
	    "SELECT COUNT(*) FROM cat_entry WHERE theme_id = ? LOCK IN SHARE MODE";
	static const char	 del[] =
	    "DELETE FROM cat_theme WHERE id = ? AND " ADM_THEME_STAMP " = ?";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PINT(a->id),
	    CIVIC_PTEXT(civic_req_value(r, "stamp")) };
	struct civic_rows	 rows;
	long long		 k, u;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = civic_db_query(r->db, r->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((err = adm_count(r, kids, a->id, &k)) != CIVIC_OK ||
	    (err = adm_count(r, used, a->id, &u)) != CIVIC_OK)
		goto out;
	if (k > 0)
		err = adm_refuse(a, NULL, "catalogue.admin.delete.children");
	else if (u > 0)
		err = adm_refuse(a, NULL, "catalogue.admin.delete.entries");
	else if ((err = civic_db_change(r->db, del, p, 2)) == CIVIC_OK)
		err = adm_finish(a, "catalogue.theme.delete", "cat_theme", rows.cell[0]);
out:
	return err;
}

/* POST /staff/theme/{id}: save or delete (a theme is not moved). */
static int
adm_theme_post(struct civic_req *r)
{
	const char	*what = civic_req_value(r, "do");
	struct adm	 a = { .id = civic_req_seg_int(r, "id") };

	if (strcmp(what, "delete") == 0) {
		a.path = "/staff/themes";
		a.done = "deleted";
		return adm_run(r, adm_theme_delete_tx, &a);
	}
	if (strcmp(what, "move") == 0)
		return civic_req_refuse(r, NULL, "catalogue.admin.theme.move");
	if (civic_req_value(r, "name") == NULL)
		return civic_req_refuse(r, "name", "v.required");
	a.path = "/staff/theme";
	a.node = 1;
	a.done = "saved";
	a.save = &adm_theme_save;
	return adm_run(r, adm_save_tx, &a);
}

/* ---------------------------------------------------------- issuing bodies */

/*
 * The GB 11714 check character of an organisation code: the first eight
 * characters (digits, or capitals worth 10 to 35) weighted 3 7 9 10 5 8 4
 * 2, and 11 less their sum modulo 11, 10 written X and 11 written 0.
 * Returns 0 when code is not of the form [0-9A-Z]{8}[0-9X] or its ninth
 * character is not that check.
 */
static int
adm_org_code_ok(const char *code)
{
	static const int	 w[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	int			 sum = 0, c, i, ok;

	ok = strlen(code) == CAT_ORG_CODE_LEN;
	for (i = 0; ok && i < 8; i++) {
		if (code[i] >= '0' && code[i] <= '9')
			sum += (code[i] - '0') * w[i];
		else if (code[i] >= 'A' && code[i] <= 'Z')
			sum += (code[i] - 'A' + 10) * w[i];
		else
			ok = 0;
	}
	c = 11 - sum % 11;
	return ok && code[8] == (c == 10 ? 'X' : c == 11 ? '0' : '0' + c);
}

/* GET /staff/bodies: the bodies, and the departments that could become one. */
static int
adm_bodies(struct civic_req *r)
{
	static const char	 bodies[] =
	    "SELECT b.department_id AS id, d.name, b.org_code, b.sort, "
	    "(SELECT COUNT(*) FROM cat_entry e WHERE e.body_id = b.department_id) AS entries, "
	    "(SELECT COUNT(*) FROM cat_entry e WHERE e.body_id = b.department_id "
	    "AND e.index_no IS NOT NULL) AS numbered "
	    "FROM cat_body b JOIN department d ON d.id = b.department_id ORDER BY b.sort, b.org_code";
	static const char	 others[] =
	    "SELECT d.id, d.name FROM department d WHERE NOT EXISTS "
	    "(SELECT 1 FROM cat_body b WHERE b.department_id = d.id) ORDER BY d.id";
	int			 st;

	if ((st = civic_page_query(r, "bodies", "body", bodies, NULL, 0)) != 0 ||
	    (st = civic_page_query(r, "departments", "department", others, NULL, 0)) != 0)
		return st;
	adm_done(r);
	return 200;
}

static enum civic_err
adm_body_add_tx(void *arg)
{
	static const char	 dept[] = "SELECT COUNT(*) FROM department WHERE id = ?";
	static const char	 ins[] =
	    "INSERT INTO cat_body (department_id, org_code, sort) VALUES (?, ?, ?)";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	const char		*code = civic_req_value(r, "org_code");
	struct civic_param	 p[] = { CIVIC_PINT(a->id), CIVIC_PTEXT(code),
	    CIVIC_PINT(civic_req_int(r, "sort", 0)) };
	long long		 n;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = adm_count(r, dept, a->id, &n)) != CIVIC_OK)
		goto out;
	if (n == 0) {
		err = adm_refuse(a, "department", "catalogue.admin.body.department");
		goto out;
	}
	err = civic_db_exec(r->db, ins, p, 3, NULL, NULL);
	if (err == CIVIC_ERR_DUPLICATE)
		err = adm_refuse(a, "org_code", "catalogue.admin.body.taken");
	if (err == CIVIC_OK)
		err = adm_finish(a, "catalogue.body.add", "cat_body", code);
out:
	return err;
}

/* POST /staff/bodies: a department becomes an issuing body. */
static int
adm_body_add(struct civic_req *r)
{
	struct adm	 a = { .id = civic_req_int(r, "department", 0),
	    .path = "/staff/bodies", .done = "added" };

	if (!adm_org_code_ok(civic_req_value(r, "org_code")))
		return civic_req_refuse(r, "org_code", "catalogue.admin.body.code");
	return adm_run(r, adm_body_add_tx, &a);
}

/* GET /staff/body/{id} */
static int
adm_body(struct civic_req *r)
{
	static const char	 body[] =
	    "SELECT b.department_id AS id, d.name, b.org_code, b.sort, "
	    "(SELECT COUNT(*) FROM cat_entry e WHERE e.body_id = b.department_id) AS entries, "
	    "(SELECT COUNT(*) FROM cat_entry e WHERE e.body_id = b.department_id "
	    "AND e.index_no IS NOT NULL) AS numbered, "
	    "MD5(CONCAT_WS('|', b.org_code, b.sort)) AS stamp "
	    "FROM cat_body b JOIN department d ON d.id = b.department_id WHERE b.department_id = ?";
	static const char	 vals[] = "SELECT org_code, sort FROM cat_body WHERE department_id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((st = civic_page_one(r, "body", body, p, 1, NULL)) != 0)
		return st;
	if ((err = civic_db_query(r->db, r->arena, vals, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	civic_page_values(r, &rows);
	adm_done(r);
	return 200;
}

/*
 * The code and sort of a body.  Its code begins every index number it
 * has given, which never change: once an entry of the body has one
 * (published, or withdrawn since), the code is fixed.
 */
static enum civic_err
adm_body_save_tx(void *arg)
{
	static const char	 lock[] =
	    "SELECT org_code FROM cat_body WHERE department_id = ? FOR UPDATE";
	static const char	 numbered[] =
	    "SELECT COUNT(*) FROM cat_entry WHERE body_id = ? AND index_no IS NOT NULL "
	    "LOCK IN SHARE MODE";
	static const char	 upd[] =
	    "UPDATE cat_body SET org_code = ?, sort = ? WHERE department_id = ? AND "
	    ADM_BODY_STAMP " = ?";
	struct adm		*a = arg;
	struct civic_req	*r = a->r;
	const char		*code = civic_req_value(r, "org_code");
	struct civic_param	 p[] = { CIVIC_PTEXT(code), CIVIC_PINT(civic_req_int(r, "sort", 0)),
	    CIVIC_PINT(a->id), CIVIC_PTEXT(civic_req_value(r, "stamp")) };
	struct civic_rows	 rows;
	long long		 n;
	enum civic_err		 err;

	a->field = a->why = NULL;
	if ((err = civic_db_query(r->db, r->arena, lock, p + 2, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	/* An unchanged code is not checked again (the fixture's are older than the check). */
	if (strcmp(rows.cell[0], code) != 0) {
		if (!adm_org_code_ok(code)) {
			err = adm_refuse(a, "org_code", "catalogue.admin.body.code");
			goto out;
		}
		if ((err = adm_count(r, numbered, a->id, &n)) != CIVIC_OK)
			goto out;
		if (n > 0) {
			err = adm_refuse(a, "org_code", "catalogue.admin.body.published");
			goto out;
		}
	}
	err = civic_db_change(r->db, upd, p, 4);
	if (err == CIVIC_ERR_DUPLICATE)
		err = adm_refuse(a, "org_code", "catalogue.admin.body.taken");
	if (err == CIVIC_OK)
		err = adm_finish(a, "catalogue.body.save", "cat_body", code);
out:
	return err;
}

/* POST /staff/body/{id} */
static int
adm_body_post(struct civic_req *r)
{
	struct adm	 a = { .id = civic_req_seg_int(r, "id"),
	    .path = "/staff/body", .node = 1, .done = "saved" };

	return adm_run(r, adm_body_save_tx, &a);
}

#define ADM_ROLES	CIVIC_ROLE_OFFICE

const struct civic_route cat_admin_routes[] = {
	{ .method = "GET", .pattern = "/staff/categories", .view = "cad-categories",
	    .handler = adm_categories, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/categories", .view = "cad-categories",
	    .handler = adm_category_add, .fields = add_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
	{ .method = "GET", .pattern = "/staff/category/{id:int}", .view = "cad-category",
	    .handler = adm_category, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/category/{id:int}", .view = "cad-category",
	    .handler = adm_category_post, .fields = node_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
	{ .method = "GET", .pattern = "/staff/themes", .view = "cad-themes",
	    .handler = adm_themes, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/themes", .view = "cad-themes",
	    .handler = adm_theme_add, .fields = add_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
	{ .method = "GET", .pattern = "/staff/theme/{id:int}", .view = "cad-theme",
	    .handler = adm_theme, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/theme/{id:int}", .view = "cad-theme",
	    .handler = adm_theme_post, .fields = node_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
	{ .method = "GET", .pattern = "/staff/bodies", .view = "cad-bodies",
	    .handler = adm_bodies, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/bodies", .view = "cad-bodies",
	    .handler = adm_body_add, .fields = body_add_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
	{ .method = "GET", .pattern = "/staff/body/{id:int}", .view = "cad-body",
	    .handler = adm_body, .fields = page_fields, .roles = ADM_ROLES },
	{ .method = "POST", .pattern = "/staff/body/{id:int}", .view = "cad-body",
	    .handler = adm_body_post, .fields = body_fields, .flags = CIVIC_R_STATE,
	    .roles = ADM_ROLES },
};
const size_t cat_admin_nroutes = CIVIC_NITEMS(cat_admin_routes);
