/*
 * ctl_items.c: civicctl import-items FILE, which loads service items of
 * the pre-review's guide from a CSV file (format: doc/civicctl.md;
 * example: examples/items-sample.csv).
 *
 * The columns are named in the first record, with the names of the
 * staff's edit form (itemio.h), so that a file holds exactly what the form
 * does and is checked by the same rules (itemio.c); only the references
 * differ, being what a person can type: a department by its code, a
 * parent item by its item code, a theme by its name.  Every record is
 * checked before the database is written, and every fault reported as
 * FILE:LINE; one fault and nothing is imported.  Then one transaction
 * saves every item: a new code is a new item, a known one the item's next
 * version (no staff member: the import).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "calendar.h"
#include "itemio.h"

/* Largest file read: a county's catalogue of 1000 items is about 2 MB. */
#define ITEMS_MAX_FILE		(16u * 1024u * 1024u)

/* Items in one file: a district hall lists some 850 (375 major, 471 sub-items). */
#define ITEMS_MAX_ROWS		5000

/* The columns whose CSV value is a reference by name, resolved to an id. */
enum items_ref { ITEMS_REF_NONE, ITEMS_REF_DEPT, ITEMS_REF_THEME, ITEMS_REF_PARENT };

struct items_row {
	size_t			 line;
	char			*val[PR_ITEMIO_NFIELDS];	/* by pr_itemio_fields index; NULL: empty */
	struct pr_item_in	 in;
};

struct items {
	struct ctl_import	 io;
	size_t			 ncols;
	int			 col[PR_ITEMIO_NFIELDS + 1];	/* CSV column -> field index */
	struct items_row	*rows;
	size_t			 nrows;
	/* Set by the transaction. */
	size_t			 created, updated;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
};

/* The field index of a column name, or -1. */
static int
items_field(const char *name)
{
	size_t	 i;

	for (i = 0; i < PR_ITEMIO_NFIELDS; i++)
		if (strcmp(pr_itemio_fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

static enum items_ref
items_ref_of(const char *name)
{
	size_t	 n = strlen(name);

	if (strcmp(name, "department") == 0 ||
	    (n > 12 && strcmp(name + n - 11, "_department") == 0 && name[0] == 'd'))
		return ITEMS_REF_DEPT;
	if (strcmp(name, "theme") == 0)
		return ITEMS_REF_THEME;
	if (strcmp(name, "parent") == 0)
		return ITEMS_REF_PARENT;
	return ITEMS_REF_NONE;
}

/* The id of what a reference names, as text, or NULL when there is none. */
static const char *
items_resolve(struct items *t, enum items_ref ref, const char *v)
{
	static const char	 dept[] = "SELECT id FROM department WHERE code = ?";
	static const char	 theme[] =
	    "SELECT id FROM pr_theme WHERE name = ? ORDER BY id LIMIT 1";
	struct civic_param	 p[] = { CIVIC_PTEXT(v) };
	struct civic_rows	 rows;

	if (civic_db_query(t->io.c->db, t->io.c->arena, ref == ITEMS_REF_DEPT ? dept : theme, p, 1,
	    1, &rows) != CIVIC_OK || rows.nrows != 1)
		return NULL;
	return rows.cell[0];
}

static const char *
items_get(void *arg, const char *name)
{
	struct items_row	*row = arg;
	int			 i = items_field(name);

	return i >= 0 ? row->val[i] : NULL;
}

/* Checks one record's values and fills its item; faults reported. */
static void
items_check(struct items *t, struct items_row *row, char *fields[], size_t n)
{
	const struct civic_field	*f;
	const char			*key, *field, *id;
	char				*v;
	size_t				 i, j;
	enum civic_verr			 e;
	enum items_ref			 ref;
	int				 k, bad = 0;

	for (i = 0; i < n; i++) {
		v = ctl_import_trim(fields[i]);
		if (*v == '\0')
			continue;
		k = t->col[i];
		f = &pr_itemio_fields[k];
		ref = items_ref_of(f->name);
		if (!civic_utf8_valid(v, strlen(v))) {
			ctl_import_fault(&t->io, row->line, "%s: not valid UTF-8", f->name);
			bad = 1;
			continue;
		}
		if (ref == ITEMS_REF_NONE &&
		    (e = civic_valid_check(f, v, strlen(v))) != CIVIC_VE_OK) {
			/* A code's length is its pattern's business: say what it should be. */
			ctl_import_fault(&t->io, row->line, "%s: %s", f->name, pr_itemio_message(
			    strcmp(f->name, "code") == 0 ? "prereview.items.code" :
			    civic_valid_key(e)));
			bad = 1;
			continue;
		}
		if (ref == ITEMS_REF_DEPT || ref == ITEMS_REF_THEME) {
			if ((id = items_resolve(t, ref, v)) == NULL) {
				ctl_import_fault(&t->io, row->line, "%s: no %s \"%s\"", f->name,
				    ref == ITEMS_REF_DEPT ? "department with the code" :
				    "theme named", v);
				bad = 1;
				continue;
			}
			row->val[k] = (char *)id;
		} else
			row->val[k] = v;
	}
	for (j = 0; j < PR_ITEMIO_NFIELDS; j++)
		if ((pr_itemio_fields[j].flags & CIVIC_F_REQUIRED) && row->val[j] == NULL &&
		    !bad) {
			ctl_import_fault(&t->io, row->line, "%s: required", pr_itemio_fields[j].name);
			bad = 1;
		}
	if (bad)
		return;
	/* The parent is named by its code: resolved when saved (it may come earlier in the file). */
	k = items_field("parent");
	row->in.parent_code = row->val[k];
	row->val[k] = NULL;
	pr_itemio_read(&row->in, items_get, row);
	if ((key = pr_itemio_check(t->io.c->arena, &row->in, &field)) != NULL) {
		ctl_import_fault(&t->io, row->line, "%s: %s", field, pr_itemio_message(key));
		return;
	}
	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].in.code, row->in.code) == 0) {
			ctl_import_fault(&t->io, row->line, "code: %s already on line %zu", row->in.code,
			    t->rows[i].line);
			return;
		}
	t->nrows++;
}

/* Reads and checks the whole file into t->rows. */
static void
items_parse(struct items *t, char *buf)
{
	char		*p = buf, *fields[PR_ITEMIO_NFIELDS + 1];
	size_t		 line = 1, start, i, j;
	int		 n, k;

	/* Spreadsheets write a byte-order mark before UTF-8. */
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if ((n = ctl_import_csv(&t->io, &p, &line, fields, PR_ITEMIO_NFIELDS + 1)) <= 0) {
		if (n == 0)
			ctl_import_fault(&t->io, 1, "no heading record");
		return;
	}
	t->ncols = (size_t)n;
	for (i = 0; i < t->ncols; i++) {
		if ((k = items_field(ctl_import_trim(fields[i]))) < 0) {
			ctl_import_fault(&t->io, 1, "unknown column \"%s\"", fields[i]);
			continue;
		}
		for (j = 0; j < i; j++)
			if (t->col[j] == k)
				ctl_import_fault(&t->io, 1, "column \"%s\" twice", fields[i]);
		t->col[i] = k;
	}
	if (t->io.nerrors > 0)
		return;
	if ((t->rows = civic_arena_alloc(t->io.c->arena, ITEMS_MAX_ROWS * sizeof(*t->rows))) ==
	    NULL) {
		ctl_import_fault(&t->io, 0, "out of memory");
		return;
	}
	for (;;) {
		start = line;
		if ((n = ctl_import_csv(&t->io, &p, &line, fields, t->ncols)) == 0)
			break;
		if (n < 0)
			continue;
		/* A blank line, or one of commas only, is nothing. */
		for (i = 0; i < (size_t)n && *ctl_import_trim(fields[i]) == '\0'; i++)
			;
		if (i == (size_t)n)
			continue;
		if (t->nrows == ITEMS_MAX_ROWS) {
			ctl_import_fault(&t->io, start, "more than %d items", ITEMS_MAX_ROWS);
			return;
		}
		memset(&t->rows[t->nrows], 0, sizeof(t->rows[t->nrows]));
		t->rows[t->nrows].line = start;
		items_check(t, &t->rows[t->nrows], fields, (size_t)n);
	}
}

/* Every item saved, or none: a refusal rolls it all back after reporting its line. */
static enum civic_err
items_tx(void *arg)
{
	static const char	 known[] = "SELECT id FROM pr_item WHERE code = ?";
	static const char *const why_key[] = {
		[PR_ITEMIO_STALE] = "prereview.items.stale",
		[PR_ITEMIO_CODE] = "prereview.items.code.taken",
		[PR_ITEMIO_USED] = "prereview.items.used",
		[PR_ITEMIO_REF] = "prereview.items.ref",
	};
	struct items		*t = arg;
	struct pr_itemio_ctx	 c = { t->io.c->db, t->io.c->arena, 0, "civicctl", t->now };
	struct civic_rows	 rows;
	enum pr_itemio_why	 why;
	const char		*field;
	long long		 version;
	enum civic_err		 err = CIVIC_OK;
	size_t			 i;

	t->created = t->updated = 0;
	for (i = 0; i < t->nrows; i++) {
		struct items_row	*row = &t->rows[i];
		struct civic_param	 p[] = { CIVIC_PTEXT(row->in.code) };

		if ((err = civic_db_query(c.db, c.arena, known, p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		row->in.id = rows.nrows == 1 ? strtoll(rows.cell[0], NULL, 10) : 0;
		row->in.version = 0;
		if (row->in.parent_code != NULL)
			row->in.parent = 0;
		if ((err = pr_itemio_save(&c, &row->in, &version, &why, &field)) != CIVIC_OK) {
			if (err == CIVIC_ERR_CONFLICT && why != PR_ITEMIO_OK)
				ctl_import_fault(&t->io, row->line, "%s: %s", field != NULL ? field : "item",
				    pr_itemio_message(why_key[why]));
			goto out;
		}
		if (version == 1)
			t->created++;
		else
			t->updated++;
	}
out:
	return err;
}

int
ctl_import_items(struct ctl *c, int argc, char *argv[])
{
	struct items	*t;
	char		*buf;
	size_t		 len;
	enum civic_err	 err;
	int		 rc = 1;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		fprintf(argc == 2 ? stdout : stderr,
		    "usage: civicctl import-items FILE\n"
		    "Loads the pre-review's service items from a CSV file (doc/civicctl.md):\n"
		    "every record is checked, faults are reported as FILE:LINE, and nothing\n"
		    "is imported unless all are right.  A known code makes a new version.\n");
		return argc == 2 ? 0 : 2;
	}
	if ((t = civic_arena_alloc(c->arena, sizeof(*t))) == NULL)
		goto out;
	memset(t, 0, sizeof(*t));
	t->io.c = c;
	t->io.file = argv[1];
	if ((buf = ctl_import_load(&t->io, ITEMS_MAX_FILE, &len)) == NULL)
		goto out;
	items_parse(t, buf);
	if (t->io.nerrors > 0) {
		ctl_import_refused(&t->io);
		goto out;
	}
	civic_calendar_now_of(c->cfg, "prereview.now", t->now);
	if ((err = civic_db_tx(c->db, items_tx, t)) != CIVIC_OK) {
		if (t->io.nerrors == 0)
			ctl_import_fault(&t->io, 0, "the database: %s (%s)", civic_strerror(err),
			    civic_db_error(c->db));
		fprintf(stderr, "%s: nothing imported\n", t->io.file);
		goto out;
	}
	printf("%s: %zu items: %zu new, %zu updated\n", t->io.file, t->nrows, t->created,
	    t->updated);
	rc = 0;
out:
	civic_valid_exit();
	return rc;
}
