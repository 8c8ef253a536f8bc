/*
 * entryio.c: an entry checked, written with its version and published
 * (entryio.h), for the staff's edit form (edit.c) and `civicctl
 * import-catalogue` alike, so that an entry can't be imported that the
 * form would refuse, nor the other way round.
 *
 * A save is one transaction of the caller's.  An edit names the version
 * it was made on, and the entry's row is changed only while it still has
 * that version (version = version + 1 WHERE id = ? AND version = ?): of
 * two editors the second is told, and nothing the first saved is lost.
 * Each history row keeps the entry's XML as it then was (the snapshot,
 * which the history page shows again) and the names of what changed,
 * found by comparing the entry's XML before and after, part by part.
 * A publication and a withdrawal move the version on too, so that a form
 * opened before them is stale: its editor sees the entry's new state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entryio.h"
#include "snapshot.h"

/* Parts the history's "what changed" leaves out: names that follow their ids. */
static const char *const entryio_quiet[] = { "body_name", "category_name", "theme_name",
    "genre_name", NULL };

_Static_assert(CAT_MAX_BODIES == 4 && CAT_MAX_RELATED == 4,
    "CAT_ENTRYIO_FIELDS_INIT (entryio.h) writes out joint1..3 and related1..4");

const char *const cat_entryio_disclosures[] = { "active", "request", "none", NULL };
const char *const cat_entryio_validities[] = { "valid", "amended", "repealed", NULL };

const struct civic_field cat_entryio_fields[CAT_ENTRYIO_NFIELDS + 1] = {
	CAT_ENTRYIO_FIELDS_INIT,
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char entryio_entry_sql[] =
    "SELECT e.index_no, e.state, e.title, e.doc_no, e.body_id AS body, d.name AS body_name, "
    "e.written_on, e.published_at, e.category_id AS category, c.name AS category_name, "
    "e.theme_id AS theme, t.name AS theme_name, e.genre_id AS genre, g.name AS genre_name, "
    "e.keywords, e.summary, e.content, e.disclosure, e.validity, r.index_no AS replaced_by, "
    "e.withdrawn_at, e.withdrawn_reason "
    "FROM cat_entry e JOIN department d ON d.id = e.body_id "
    "JOIN cat_category c ON c.id = e.category_id JOIN cat_theme t ON t.id = e.theme_id "
    "JOIN cat_genre g ON g.id = e.genre_id LEFT JOIN cat_entry r ON r.id = e.replaced_by "
    "WHERE e.id = ?";
static const char entryio_joint_sql[] =
    "SELECT x.body_id AS id, d.name FROM cat_entry_body x JOIN department d "
    "ON d.id = x.body_id WHERE x.entry_id = ? ORDER BY x.sort, x.body_id";
static const char entryio_links_sql[] =
    "SELECT l.kind, r.index_no, r.title FROM cat_entry_link l JOIN cat_entry r "
    "ON r.id = l.related_id WHERE l.entry_id = ? ORDER BY l.kind, r.index_no";
static const char entryio_files_sql[] =
    "SELECT a.id, a.title, f.name, f.type, f.size FROM cat_attachment a "
    "JOIN stored_file f ON f.id = a.file_id WHERE a.entry_id = ? ORDER BY a.sort, a.id";

static long long
entryio_int(const char *(*get)(void *, const char *), void *arg, const char *name)
{
	const char	*v = get(arg, name);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

void
cat_entryio_read(struct cat_entry_in *in, const char *(*get)(void *, const char *), void *arg)
{
	char	 n[16];
	size_t	 i;

	in->title = get(arg, "title");
	in->doc_no = get(arg, "doc_no");
	in->body = entryio_int(get, arg, "body");
	for (i = 0; i < CAT_MAX_BODIES - 1; i++) {
		snprintf(n, sizeof(n), "joint%zu", i + 1);
		in->joint[i] = entryio_int(get, arg, n);
	}
	in->written_on = get(arg, "written_on");
	in->category = entryio_int(get, arg, "category");
	in->theme = entryio_int(get, arg, "theme");
	in->genre = entryio_int(get, arg, "genre");
	in->keywords = get(arg, "keywords");
	in->summary = get(arg, "summary");
	in->content = get(arg, "content");
	in->disclosure = get(arg, "disclosure");
	if (in->disclosure == NULL)
		in->disclosure = "active";
	in->validity = get(arg, "validity");
	if (in->validity == NULL)
		in->validity = "valid";
	in->replaced_by = get(arg, "replaced_by");
	in->interprets = get(arg, "interprets");
	for (i = 0; i < CAT_MAX_RELATED; i++) {
		snprintf(n, sizeof(n), "related%zu", i + 1);
		in->related[i] = get(arg, n);
	}
}

/* The year of a 文号 (the four digits after 〔), or 0. */
static int
entryio_docno_year(const char *doc_no)
{
	const char	*p;
	int		 y = 0, i;

	if (doc_no == NULL || (p = strstr(doc_no, "\xe3\x80\x94")) == NULL)
		return 0;
	p += 3;
	for (i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		y = y * 10 + (p[i] - '0');
	}
	return y;
}

/* 1 when s has the form of an index number: [0-9A-Z]{9}/YYYY-NNNNN, NNNNN not 00000. */
static int
entryio_index_form(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != CAT_INDEX_NO_SIZE - 1)
		return 0;
	for (i = 0; i < CAT_INDEX_NO_SIZE - 1; i++) {
		char	 c = s[i];

		if (i < CAT_ORG_CODE_LEN) {
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
				return 0;
		} else if (i == CAT_ORG_CODE_LEN) {
			if (c != '/')
				return 0;
		} else if (i == CAT_ORG_CODE_LEN + 5) {
			if (c != '-')
				return 0;
		} else if (c < '0' || c > '9')
			return 0;
	}
	return strcmp(s + CAT_ORG_CODE_LEN + 6, "00000") != 0;
}

const char *
cat_entryio_check(struct civic_arena *a, const struct cat_entry_in *in, const char **field)
{
	const char	*key = NULL, *links[2 + CAT_MAX_RELATED];
	const char	*names[2 + CAT_MAX_RELATED];
	size_t		 i, j;
	int		 y;

	*field = NULL;
	y = entryio_docno_year(in->doc_no);
	if (y > 0 && in->written_on != NULL && y > atoi(in->written_on)) {
		*field = "doc_no";
		key = "catalogue.edit.docno.year";
		goto out;
	}
	if ((strcmp(in->validity, "valid") == 0) != (in->replaced_by == NULL)) {
		*field = "replaced_by";
		key = in->replaced_by == NULL ? "catalogue.edit.replaced.missing" :
		    "catalogue.edit.replaced.valid";
		goto out;
	}
	for (i = 0; i < CAT_MAX_BODIES - 1; i++) {
		if (in->joint[i] == 0)
			continue;
		if (in->joint[i] == in->body)
			goto twice;
		for (j = 0; j < i; j++)
			if (in->joint[j] == in->joint[i])
				goto twice;
	}
	links[0] = in->replaced_by;
	names[0] = "replaced_by";
	links[1] = in->interprets;
	names[1] = "interprets";
	for (i = 0; i < CAT_MAX_RELATED; i++) {
		links[2 + i] = in->related[i];
		names[2 + i] = NULL;
	}
	for (i = 0; i < CIVIC_NITEMS(links); i++) {
		if (links[i] == NULL)
			continue;
		if (names[i] == NULL &&
		    (names[i] = civic_arena_printf(a, "related%zu", i - 1)) == NULL)
			goto out;
		if (!entryio_index_form(links[i])) {
			*field = names[i];
			key = "catalogue.edit.index.form";
			goto out;
		}
		/* replaced_by and a link may name one entry (the new policy, also related). */
		for (j = 1; i >= 1 && j < i; j++)
			if (links[j] != NULL && strcmp(links[j], links[i]) == 0) {
				*field = names[i];
				key = "catalogue.edit.link.twice";
				goto out;
			}
	}
	goto out;
twice:
	*field = civic_arena_printf(a, "joint%zu", i + 1);
	key = "catalogue.edit.body.twice";
out:
	if (key != NULL && *field == NULL)
		key = "v.nomem";
	return key;
}

const char *
cat_entryio_message(const char *key)
{
	static const struct { const char *key, *text; } m[] = {
		{ "catalogue.edit.docno.year", "the 文号's year is after the document's date" },
		{ "catalogue.edit.replaced.missing", "an amended or repealed entry names the entry that replaces it" },
		{ "catalogue.edit.replaced.valid", "a valid entry is replaced by none" },
		{ "catalogue.edit.body.twice", "an issuing body is named twice" },
		{ "catalogue.edit.index.form", "not an index number like 008213401/2026-00042" },
		{ "catalogue.edit.link.twice", "an entry is linked twice" },
		{ "catalogue.edit.stale", "the entry was changed meanwhile" },
		{ "catalogue.edit.ref", "no such issuing body, leaf category, second-level theme, genre or published entry" },
		{ "catalogue.edit.state", "the entry is not in a state for this" },
		{ "catalogue.edit.index", "the index number is of another body, taken, or the year's numbers are used up" },
	};
	size_t	 i;

	for (i = 0; i < CIVIC_NITEMS(m); i++)
		if (strcmp(m[i].key, key) == 0)
			return m[i].text;
	return civic_valid_message(key);
}

/* ---------------------------------------------------------------- the XML */

/*
 * The entry's XML as stored (<entry> with a child a column, and the lists
 * joint, links, attachments) into st.  CIVIC_ERR_NOTFOUND when there is
 * no such entry.
 */
static enum civic_err
entryio_state(struct cat_entryio_ctx *c, long long id, long long version,
    struct civic_snapshot *st)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 entry, joint, links, files;
	const struct civic_snapshot_list lists[] = {
		{ "joint", "body", &joint }, { "links", "link", &links },
		{ "attachments", "attachment", &files },
	};
	enum civic_err		 err;

	memset(st, 0, sizeof(*st));
	if ((err = civic_db_query(c->db, c->arena, entryio_entry_sql, p, 1, 1, &entry)) !=
	    CIVIC_OK)
		goto out;
	if (entry.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((err = civic_db_query(c->db, c->arena, entryio_joint_sql, p, 1, CAT_MAX_BODIES,
	    &joint)) != CIVIC_OK ||
	    (err = civic_db_query(c->db, c->arena, entryio_links_sql, p, 1,
	    2 + CAT_MAX_RELATED, &links)) != CIVIC_OK ||
	    (err = civic_db_query(c->db, c->arena, entryio_files_sql, p, 1,
	    CAT_MAX_ATTACHMENTS, &files)) != CIVIC_OK)
		goto out;
	err = civic_snapshot_make(c->arena, "entry", id, version, &entry, lists,
	    CIVIC_NITEMS(lists), st);
out:
	return err;
}

/* ---------------------------------------------------------------- saving */

static enum civic_err
entryio_exists(struct cat_entryio_ctx *c, const char *sql, long long id, int *yes)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*yes = 0;
	if ((err = civic_db_query(c->db, c->arena, sql, p, 1, 1, &rows)) == CIVIC_OK)
		*yes = rows.nrows == 1;
	return err;
}

/*
 * Whether sql (its parameters: id, then entry's id) finds a row: a
 * category or theme in use, or the one entry already has (an entry stays
 * where it is when its node is taken out of use, doc/catalogue.md).
 */
static enum civic_err
entryio_in_use(struct cat_entryio_ctx *c, const char *sql, long long id, long long entry,
    int *yes)
{
	struct civic_param	 p[] = { CIVIC_PINT(id), CIVIC_PINT(entry) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*yes = 0;
	if ((err = civic_db_query(c->db, c->arena, sql, p, 2, 1, &rows)) == CIVIC_OK)
		*yes = rows.nrows == 1;
	return err;
}

/*
 * The id of the reachable entry (CAT_REACHABLE: published or withdrawn,
 * never 不予公开) of index number no, or 0: a link is shown on public
 * pages, and a clerk must learn nothing of another body's entries that
 * the public can't.
 */
static enum civic_err
entryio_by_index(struct cat_entryio_ctx *c, const char *no, long long *id)
{
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*id = 0;
	if ((err = civic_db_query(c->db, c->arena, "SELECT e.id FROM cat_entry e "
	    "WHERE e.index_no = ? AND " CAT_REACHABLE("e"), p, 1, 1, &rows)) ==
	    CIVIC_OK && rows.nrows == 1)
		*id = strtoll(rows.cell[0], NULL, 10);
	return err;
}

/*
 * The bodies, category (a leaf), theme (of the second level), genre and
 * linked entries are there; the links' ids into ids (replaced_by,
 * interprets, related1..).
 */
static enum civic_err
entryio_refs(struct cat_entryio_ctx *c, const struct cat_entry_in *in,
    long long ids[2 + CAT_MAX_RELATED], enum cat_entryio_why *why, const char **field)
{
	static const char	 body[] = "SELECT department_id FROM cat_body WHERE department_id = ?";
	static const char	 leaf[] =
	    "SELECT c.id FROM cat_category c WHERE c.id = ? AND " CAT_CATEGORY_LEAF("c")
	    " AND (" CAT_CATEGORY_IN_USE("c") " OR c.id = (SELECT x.category_id FROM cat_entry x "
	    "WHERE x.id = ?)) LOCK IN SHARE MODE";
	static const char	 theme[] =
	    "SELECT t.id FROM cat_theme t WHERE t.id = ? AND t.parent_id IS NOT NULL AND ("
	    CAT_THEME_IN_USE("t") " OR t.id = (SELECT x.theme_id FROM cat_entry x WHERE x.id = ?)) "
	    "LOCK IN SHARE MODE";
	static const char	 genre[] = "SELECT id FROM cat_genre WHERE id = ?";
	const char		*links[2 + CAT_MAX_RELATED];
	enum civic_err		 err;
	size_t			 i;
	int			 yes;

	*field = "body";
	if ((err = entryio_exists(c, body, in->body, &yes)) != CIVIC_OK)
		goto out;
	if (!yes)
		goto refused;
	for (i = 0; i < CAT_MAX_BODIES - 1; i++) {
		if (in->joint[i] == 0)
			continue;
		*field = civic_arena_printf(c->arena, "joint%zu", i + 1);
		if ((err = entryio_exists(c, body, in->joint[i], &yes)) != CIVIC_OK)
			goto out;
		if (!yes)
			goto refused;
	}
	*field = "category";
	if ((err = entryio_in_use(c, leaf, in->category, in->id, &yes)) != CIVIC_OK)
		goto out;
	if (!yes)
		goto refused;
	*field = "theme";
	if ((err = entryio_in_use(c, theme, in->theme, in->id, &yes)) != CIVIC_OK)
		goto out;
	if (!yes)
		goto refused;
	*field = "genre";
	if ((err = entryio_exists(c, genre, in->genre, &yes)) != CIVIC_OK)
		goto out;
	if (!yes)
		goto refused;
	links[0] = in->replaced_by;
	links[1] = in->interprets;
	for (i = 0; i < CAT_MAX_RELATED; i++)
		links[2 + i] = in->related[i];
	for (i = 0; i < CIVIC_NITEMS(links); i++) {
		ids[i] = 0;
		if (links[i] == NULL)
			continue;
		*field = i == 0 ? "replaced_by" : i == 1 ? "interprets" :
		    civic_arena_printf(c->arena, "related%zu", i - 1);
		if ((err = entryio_by_index(c, links[i], &ids[i])) != CIVIC_OK)
			goto out;
		if (ids[i] == 0 || ids[i] == in->id)
			goto refused;
	}
	*field = NULL;
	goto out;
refused:
	*why = CAT_ENTRYIO_REF;
	err = CIVIC_ERR_CONFLICT;
out:
	return err;
}

/* The entry's own row: inserted as a draft, or updated while it has the version edited. */
static enum civic_err
entryio_row(struct cat_entryio_ctx *c, struct cat_entry_in *in, long long replaced,
    enum cat_entryio_why *why)
{
	static const char	 insert[] =
	    "INSERT INTO cat_entry (title, doc_no, body_id, written_on, category_id, theme_id, "
	    "genre_id, keywords, summary, content, disclosure, validity, replaced_by, "
	    "created_by, created_at, updated_at, state, version) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, COALESCE(?, NOW()), COALESCE(?, NOW()), 'draft', 1)";
	static const char	 update[] =
	    "UPDATE cat_entry SET title = ?, doc_no = ?, body_id = ?, written_on = ?, "
	    "category_id = ?, theme_id = ?, genre_id = ?, keywords = ?, summary = ?, "
	    "content = ?, disclosure = ?, validity = ?, replaced_by = ?, "
	    "updated_at = COALESCE(?, NOW()), version = version + 1 WHERE id = ? AND version = ?";
	struct civic_param	 p[16];
	unsigned long long	 id;
	enum civic_err		 err;

	p[0] = CIVIC_PTEXT(in->title);
	p[1] = CIVIC_PTEXT(in->doc_no);
	p[2] = CIVIC_PINT(in->body);
	p[3] = CIVIC_PTEXT(in->written_on);
	p[4] = CIVIC_PINT(in->category);
	p[5] = CIVIC_PINT(in->theme);
	p[6] = CIVIC_PINT(in->genre);
	p[7] = CIVIC_PTEXT(in->keywords);
	p[8] = CIVIC_PTEXT(in->summary);
	p[9] = CIVIC_PTEXT(in->content);
	p[10] = CIVIC_PTEXT(in->disclosure);
	p[11] = CIVIC_PTEXT(in->validity);
	p[12] = replaced > 0 ? CIVIC_PINT(replaced) : CIVIC_PNULL;
	if (in->id == 0) {
		p[13] = c->staff > 0 ? CIVIC_PINT(c->staff) : CIVIC_PNULL;
		p[14] = CIVIC_PTEXT(c->now);
		p[15] = CIVIC_PTEXT(c->now);
		if ((err = civic_db_exec(c->db, insert, p, 16, NULL, &id)) == CIVIC_OK)
			in->id = (long long)id;
	} else {
		p[13] = CIVIC_PTEXT(c->now);
		p[14] = CIVIC_PINT(in->id);
		p[15] = CIVIC_PINT(in->version);
		if ((err = civic_db_change(c->db, update, p, 16)) == CIVIC_ERR_CONFLICT)
			*why = CAT_ENTRYIO_STALE;
	}
	return err;
}

/* The joint bodies and the links, replaced (nothing points at their rows). */
static enum civic_err
entryio_lists(struct cat_entryio_ctx *c, const struct cat_entry_in *in,
    const long long ids[2 + CAT_MAX_RELATED])
{
	static const char	 delb[] = "DELETE FROM cat_entry_body WHERE entry_id = ?";
	static const char	 insb[] =
	    "INSERT INTO cat_entry_body (entry_id, body_id, sort) VALUES (?, ?, ?)";
	static const char	 dell[] = "DELETE FROM cat_entry_link WHERE entry_id = ?";
	static const char	 insl[] =
	    "INSERT INTO cat_entry_link (entry_id, related_id, kind) VALUES (?, ?, ?)";
	struct civic_param	 p[] = { CIVIC_PINT(in->id) };
	enum civic_err		 err;
	size_t			 i;

	if ((err = civic_db_exec(c->db, delb, p, 1, NULL, NULL)) != CIVIC_OK ||
	    (err = civic_db_exec(c->db, dell, p, 1, NULL, NULL)) != CIVIC_OK)
		goto out;
	for (i = 0; i < CAT_MAX_BODIES - 1; i++) {
		struct civic_param q[] = { CIVIC_PINT(in->id), CIVIC_PINT(in->joint[i]),
		    CIVIC_PINT((i + 1) * 10) };

		if (in->joint[i] != 0 &&
		    (err = civic_db_exec(c->db, insb, q, 3, NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	/* ids[0] is replaced_by, a column of the entry's own. */
	for (i = 1; i < 2 + CAT_MAX_RELATED; i++) {
		struct civic_param q[] = { CIVIC_PINT(in->id), CIVIC_PINT(ids[i]),
		    CIVIC_PTEXT(i == 1 ? "interprets" : "related") };

		if (ids[i] == 0)
			continue;
		/* The same entry as interpreted and related: the first link kept. */
		if ((err = civic_db_exec(c->db, insl, q, 3, NULL, NULL)) == CIVIC_ERR_DUPLICATE)
			err = CIVIC_OK;
		if (err != CIVIC_OK)
			goto out;
	}
out:
	return err;
}

/* The history row of action, with summary and the entry's XML as it now is. */
static enum civic_err
entryio_history(struct cat_entryio_ctx *c, long long id, long long version, const char *action,
    const char *summary, const char *xml)
{
	static const char	 ins[] =
	    "INSERT INTO cat_entry_version (entry_id, version, staff_id, action, changed_at, "
	    "summary, snapshot) VALUES (?, ?, ?, ?, COALESCE(?, NOW()), ?, ?)";
	struct civic_param	 p[] = { CIVIC_PINT(id), CIVIC_PINT(version),
	    c->staff > 0 ? CIVIC_PINT(c->staff) : CIVIC_PNULL, CIVIC_PTEXT(action),
	    CIVIC_PTEXT(c->now), CIVIC_PTEXT(summary), CIVIC_PTEXT(xml) };

	return civic_db_exec(c->db, ins, p, CIVIC_NITEMS(p), NULL, NULL);
}

/* The grams of a listed entry; none of any other (cat_index finds no text). */
static enum civic_err
entryio_index(struct cat_entryio_ctx *c, long long id)
{
	enum civic_err	 err;

	if ((err = civic_search_index(c->db, c->arena, &cat_index, id)) == CIVIC_ERR_NOTFOUND)
		err = civic_search_unindex(c->db, &cat_index, id);
	return err;
}

static enum civic_err
entryio_audit(struct cat_entryio_ctx *c, const char *action, long long id, const char *detail)
{
	struct civic_audit_entry e = { c->staff, c->address, action, "cat_entry",
	    civic_arena_printf(c->arena, "%lld", id), detail };

	return e.object_id == NULL ? CIVIC_ERR_NOMEM : civic_audit_append(c->db, c->arena, &e);
}

enum civic_err
cat_entryio_save(struct cat_entryio_ctx *c, struct cat_entry_in *in, long long *version,
    enum cat_entryio_why *why, const char **field)
{
	static const char	 lock[] =
	    "SELECT version, index_no IS NOT NULL, body_id FROM cat_entry WHERE id = ? FOR UPDATE";
	struct civic_snapshot	 was, now;
	struct civic_rows	 rows;
	long long		 ids[2 + CAT_MAX_RELATED];
	const char		*summary;
	long long		 orig = in->id;
	enum civic_err		 err;

	*why = CAT_ENTRYIO_OK;
	*field = NULL;
	memset(&was, 0, sizeof(was));
	if ((err = entryio_refs(c, in, ids, why, field)) != CIVIC_OK)
		goto out;
	if (in->id != 0) {
		struct civic_param p[] = { CIVIC_PINT(in->id) };

		if ((err = civic_db_query(c->db, c->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = CIVIC_ERR_NOTFOUND;
			goto out;
		}
		/* The import edits the entry as it is now. */
		if (in->version == 0)
			in->version = strtoll(rows.cell[0], NULL, 10);
		if (in->version != strtoll(rows.cell[0], NULL, 10)) {
			*why = CAT_ENTRYIO_STALE;
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		/*
		 * A numbered entry keeps its lead body: the index number
		 * begins with that body's code, and a body's code may change
		 * only while no number carries it (admin.c).
		 */
		if (strcmp(rows.cell[1], "1") == 0 &&
		    strtoll(rows.cell[2], NULL, 10) != in->body) {
			*why = CAT_ENTRYIO_INDEX;
			*field = "body";
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		if ((err = entryio_state(c, in->id, in->version, &was)) != CIVIC_OK)
			goto out;
	}
	if ((err = entryio_row(c, in, ids[0], why)) != CIVIC_OK)
		goto out;
	*version = orig == 0 ? 1 : in->version + 1;
	if ((err = entryio_lists(c, in, ids)) != CIVIC_OK ||
	    (err = entryio_state(c, in->id, *version, &now)) != CIVIC_OK)
		goto out;
	summary = orig == 0 ? "created" :
	    civic_snapshot_changed(c->arena, &was, &now, entryio_quiet);
	if (summary == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	if ((err = entryio_history(c, in->id, *version, "edit", summary, now.xml)) != CIVIC_OK ||
	    (err = entryio_index(c, in->id)) != CIVIC_OK)
		goto out;
	err = entryio_audit(c, orig == 0 ? "catalogue.entry.create" : "catalogue.entry.update",
	    in->id, civic_arena_printf(c->arena, "v%lld: %.200s", *version, summary));
out:
	return err;
}

enum civic_err
cat_entryio_publish(struct cat_entryio_ctx *c, long long id, const char *given, const char *at,
    char index_no[CAT_INDEX_NO_SIZE], enum cat_entryio_why *why)
{
	static const char	 lock[] =
	    "SELECT state, index_no, version, YEAR(COALESCE(published_at, ?, NOW())) "
	    "FROM cat_entry WHERE id = ? FOR UPDATE";
	static const char	 publish[] =
	    "UPDATE cat_entry SET state = 'published', "
	    "published_at = COALESCE(published_at, ?, NOW()), withdrawn_at = NULL, "
	    "withdrawn_reason = NULL, updated_at = COALESCE(?, NOW()), version = version + 1 "
	    "WHERE id = ? AND state IN ('draft', 'withdrawn') AND version = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(at != NULL ? at : c->now), CIVIC_PINT(id) };
	struct civic_rows	 rows;
	struct civic_snapshot	 now;
	long long		 version;
	enum civic_err		 err;

	*why = CAT_ENTRYIO_OK;
	index_no[0] = '\0';
	if ((err = civic_db_query(c->db, c->arena, lock, p, 2, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if (strcmp(rows.cell[0], "published") == 0) {
		*why = CAT_ENTRYIO_STATE;
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	version = strtoll(rows.cell[2], NULL, 10);
	if (rows.cell[1] != NULL)
		snprintf(index_no, CAT_INDEX_NO_SIZE, "%s", rows.cell[1]);
	else if ((err = cat_index_no_assign(c->db, id, atoi(rows.cell[3]), given, index_no)) !=
	    CIVIC_OK) {
		if (err == CIVIC_ERR_INVALID || err == CIVIC_ERR_CONFLICT) {
			*why = CAT_ENTRYIO_INDEX;
			err = CIVIC_ERR_CONFLICT;
		}
		goto out;
	}
	{
		struct civic_param q[] = { CIVIC_PTEXT(at != NULL ? at : c->now),
		    CIVIC_PTEXT(c->now), CIVIC_PINT(id), CIVIC_PINT(version) };

		if ((err = civic_db_change(c->db, publish, q, CIVIC_NITEMS(q))) ==
		    CIVIC_ERR_CONFLICT)
			*why = CAT_ENTRYIO_STATE;
		if (err != CIVIC_OK)
			goto out;
	}
	if ((err = entryio_state(c, id, version + 1, &now)) != CIVIC_OK ||
	    (err = entryio_history(c, id, version + 1, "publish", "state", now.xml)) !=
	    CIVIC_OK ||
	    (err = entryio_index(c, id)) != CIVIC_OK)
		goto out;
	err = entryio_audit(c, "catalogue.entry.publish", id, index_no);
out:
	return err;
}

enum civic_err
cat_entryio_withdraw(struct cat_entryio_ctx *c, long long id, const char *reason,
    enum cat_entryio_why *why)
{
	static const char	 lock[] =
	    "SELECT version FROM cat_entry WHERE id = ? AND state = 'published' FOR UPDATE";
	static const char	 withdraw[] =
	    "UPDATE cat_entry SET state = 'withdrawn', withdrawn_at = COALESCE(?, NOW()), "
	    "withdrawn_reason = ?, updated_at = COALESCE(?, NOW()), version = version + 1 "
	    "WHERE id = ? AND state = 'published' AND version = ?";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	struct civic_snapshot	 now;
	long long		 version;
	enum civic_err		 err;

	*why = CAT_ENTRYIO_OK;
	if ((err = civic_db_query(c->db, c->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		*why = CAT_ENTRYIO_STATE;
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	version = strtoll(rows.cell[0], NULL, 10);
	{
		struct civic_param q[] = { CIVIC_PTEXT(c->now), CIVIC_PTEXT(reason),
		    CIVIC_PTEXT(c->now), CIVIC_PINT(id), CIVIC_PINT(version) };

		if ((err = civic_db_change(c->db, withdraw, q, CIVIC_NITEMS(q))) ==
		    CIVIC_ERR_CONFLICT)
			*why = CAT_ENTRYIO_STATE;
		if (err != CIVIC_OK)
			goto out;
	}
	if ((err = civic_search_unindex(c->db, &cat_index, id)) != CIVIC_OK ||
	    (err = entryio_state(c, id, version + 1, &now)) != CIVIC_OK ||
	    (err = entryio_history(c, id, version + 1, "withdraw", "state, withdrawn_reason",
	    now.xml)) != CIVIC_OK)
		goto out;
	err = entryio_audit(c, "catalogue.entry.withdraw", id,
	    civic_arena_printf(c->arena, "%.200s", reason));
out:
	return err;
}

enum civic_err
cat_entryio_resnap(struct cat_entryio_ctx *c, long long id, long long version, const char *also)
{
	static const char	 upd[] =
	    "UPDATE cat_entry_version SET snapshot = ?, summary = CASE summary "
	    "WHEN 'created' THEN summary WHEN '-' THEN ? "
	    "ELSE LEFT(CONCAT(summary, ', ', ?), 1000) END "
	    "WHERE entry_id = ? AND version = ? AND action = 'edit'";
	struct civic_snapshot	 now;
	enum civic_err		 err;

	if ((err = entryio_state(c, id, version, &now)) != CIVIC_OK)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PTEXT(now.xml), CIVIC_PTEXT(also),
		    CIVIC_PTEXT(also), CIVIC_PINT(id), CIVIC_PINT(version) };

		err = civic_db_exec(c->db, upd, p, CIVIC_NITEMS(p), NULL, NULL);
	}
out:
	return err;
}
