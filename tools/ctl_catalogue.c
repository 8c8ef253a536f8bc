/*
 * ctl_catalogue.c: civicctl import-catalogue FILE, which loads entries of
 * the disclosure catalogue from a CSV or an XML file (format:
 * doc/civicctl.md; examples: examples/catalogue-sample.csv and .xml), the
 * migration from an old system's catalogue.
 *
 * A file's columns (CSV) or elements (XML) are the staff's edit form's
 * fields (entryio.h), so that a file holds what the form does and is
 * checked by the same validators and rules (entryio.c); the references
 * are what a person types (an issuing body by its organisation code, a
 * category and a theme by their codes, a genre by its name, a linked
 * entry by its index number), and the import has three of its own:
 * index_no (the old system's number, kept), published_at and state.
 *
 * Every entry is checked before the database is written, and every fault
 * reported as FILE:LINE: FIELD: message; one fault and nothing is
 * imported.  Then one transaction saves and publishes every entry in the
 * file's order, so that an entry may name one before it by its index
 * number; any refusal rolls all of it back.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ctl.h"
#include "calendar.h"
#include "parse.h"
#include "entryio.h"

/*
 * Largest file read.  A county publishes some 165 entries a year; the
 * migration of ten years is a few thousand, most a few kilobytes with
 * their text, the longest CAT_MAX_CONTENT characters (60 KB): 32 MB holds
 * them with room, and is read whole (and, for XML, parsed into a tree of
 * a few times its size) without strain.
 */
#define IMP_MAX_FILE		(32u * 1024u * 1024u)

/* Entries in one file: ten years of a county's catalogue, twice over. */
#define IMP_MAX_ROWS		10000

/*
 * A reference typed as a code or a name is at most this many characters
 * (a genre's name is 20, a code 16); a longer value is refused before any
 * lookup.
 */
#define IMP_MAX_REF		60

/* The import's own columns, after entryio.h's fields. */
enum imp_own {
	IMP_INDEX_NO = CAT_ENTRYIO_NFIELDS,
	IMP_PUBLISHED_AT,
	IMP_STATE,
	IMP_NCOLS
};

/* What a column's value names. */
enum imp_ref {
	IMP_REF_NONE,
	IMP_REF_BODY,		/* an issuing body, by cat_body.org_code */
	IMP_REF_CATEGORY,	/* a leaf of the catalogue tree, by its code */
	IMP_REF_THEME,		/* a theme of the second level, by its code */
	IMP_REF_GENRE,		/* a genre, by its name */
	IMP_REF_ENTRY		/* an entry, by its index number */
};

static const char *const imp_states[] = { "draft", "published", NULL };

/* The validators of the import's own columns (index_no's form is imp_index_form's). */
static const struct civic_field imp_own_fields[IMP_NCOLS - IMP_INDEX_NO] = {
	{ "index_no", CIVIC_V_TEXT, CAT_INDEX_NO_SIZE - 1, CAT_INDEX_NO_SIZE - 1, 0, NULL },
	{ "published_at", CIVIC_V_TEXT, 10, 19, 0, NULL },
	{ "state", CIVIC_V_ENUM, 0, 0, 0, imp_states },
};

struct imp_row {
	size_t			 line;
	char			*val[IMP_NCOLS];	/* NULL: empty; a reference's id once resolved */
	const char		*org;			/* the body's organisation code as typed */
	const char		*published_at;		/* normalised, or NULL */
	int			 draft;
	struct cat_entry_in	 in;
	char			 index_no[CAT_INDEX_NO_SIZE];	/* given, then as published */
};

struct imp {
	struct ctl_import	 io;
	size_t			 nfields;	/* of cat_entryio_fields */
	struct imp_row		*rows;
	size_t			 nrows;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	civic_time		 tnow;
	/* Set by the transaction. */
	size_t			 published, drafts;
};

/* The field (validator) of column k. */
static const struct civic_field *
imp_field(size_t k)
{
	return k >= IMP_INDEX_NO ? &imp_own_fields[k - IMP_INDEX_NO] : &cat_entryio_fields[k];
}

/* The column of a name, or -1. */
static int
imp_column(const struct imp *t, const char *name)
{
	size_t	 k;

	for (k = 0; k < t->nfields; k++)
		if (strcmp(cat_entryio_fields[k].name, name) == 0)
			return (int)k;
	for (k = IMP_INDEX_NO; k < IMP_NCOLS; k++)
		if (strcmp(imp_own_fields[k - IMP_INDEX_NO].name, name) == 0)
			return (int)k;
	return -1;
}

/* name is prefix followed by one digit 1-9. */
static int
imp_numbered(const char *name, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return strncmp(name, prefix, n) == 0 && name[n] >= '1' && name[n] <= '9' &&
	    name[n + 1] == '\0';
}

static enum imp_ref
imp_ref_of(const char *name)
{
	if (strcmp(name, "body") == 0 || imp_numbered(name, "joint"))
		return IMP_REF_BODY;
	if (strcmp(name, "category") == 0)
		return IMP_REF_CATEGORY;
	if (strcmp(name, "theme") == 0)
		return IMP_REF_THEME;
	if (strcmp(name, "genre") == 0)
		return IMP_REF_GENRE;
	if (strcmp(name, "replaced_by") == 0 || strcmp(name, "interprets") == 0 ||
	    imp_numbered(name, "related"))
		return IMP_REF_ENTRY;
	return IMP_REF_NONE;
}

/*
 * An index number's form: nine capital letters or digits (the
 * organisation code), "/", a year, "-", five digits, not all zeros.
 */
static int
imp_index_form(const char *s)
{
	size_t	 i;
	int	 ok = strlen(s) == CAT_INDEX_NO_SIZE - 1;

	for (i = 0; ok && i < CAT_INDEX_NO_SIZE - 1; i++)
		if (i < CAT_ORG_CODE_LEN)
			ok = isdigit((unsigned char)s[i]) || (s[i] >= 'A' && s[i] <= 'Z');
		else if (i == CAT_ORG_CODE_LEN)
			ok = s[i] == '/';
		else if (i == CAT_ORG_CODE_LEN + 5)
			ok = s[i] == '-';
		else
			ok = isdigit((unsigned char)s[i]);
	/* A year as every date here has it (valid.h), and a number from 1. */
	return ok && strcmp(s + 15, "00000") != 0 && strncmp(s + 10, "1900", 4) >= 0 &&
	    strncmp(s + 10, "2199", 4) <= 0;
}

/*
 * published_at as "YYYY-MM-DD HH:MM:SS"; a date alone is that day's
 * beginning and a time without seconds its minute's.  NULL when it is no
 * real time.
 */
static const char *
imp_time(struct imp *t, const char *v, civic_time *at)
{
	char	*s;

	if (strlen(v) == 10)
		s = civic_arena_printf(t->io.c->arena, "%s 00:00:00", v);
	else if (strlen(v) == 16)
		s = civic_arena_printf(t->io.c->arena, "%s:00", v);
	else
		s = civic_arena_strdup(t->io.c->arena, v);
	if (s != NULL && civic_calendar_parse_time(s, at) != CIVIC_OK)
		s = NULL;
	return s;
}

/*
 * The id, as text, of what a reference names; NULL and *why when there is
 * none that an entry may name.
 */
static const char *
imp_resolve(struct imp *t, enum imp_ref ref, const char *v, const char **why)
{
	static const char	 body[] = "SELECT department_id FROM cat_body WHERE org_code = ?";
	static const char	 category[] =
	    "SELECT c.id, c.active, (SELECT COUNT(*) FROM cat_category k WHERE k.parent_id = c.id) "
	    "FROM cat_category c WHERE c.code = ?";
	static const char	 theme[] =
	    "SELECT id, active, parent_id IS NOT NULL FROM cat_theme WHERE code = ?";
	static const char	 genre[] = "SELECT id FROM cat_genre WHERE name = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(v) };
	struct civic_rows	 rows;
	const char		*sql, *id = NULL;

	*why = NULL;
	switch (ref) {
	case IMP_REF_BODY:
		sql = body;
		break;
	case IMP_REF_CATEGORY:
		sql = category;
		break;
	case IMP_REF_THEME:
		sql = theme;
		break;
	default:
		sql = genre;
		break;
	}
	if (civic_utf8_chars(v, strlen(v)) > IMP_MAX_REF) {
		*why = "too long for a code or a name";
		goto out;
	}
	if (civic_db_query(t->io.c->db, t->io.c->arena, sql, p, 1, 1, &rows) != CIVIC_OK) {
		*why = civic_db_error(t->io.c->db);
		goto out;
	}
	if (rows.nrows != 1) {
		*why = ref == IMP_REF_BODY ? "no issuing body with this organisation code" :
		    ref == IMP_REF_GENRE ? "no genre of this name" : "no such code";
		goto out;
	}
	if (ref == IMP_REF_CATEGORY && strcmp(rows.cell[1], "1") != 0)
		*why = "this category is no longer in use";
	else if (ref == IMP_REF_CATEGORY && strcmp(rows.cell[2], "0") != 0)
		*why = "not a leaf of the catalogue tree: an entry sits on a leaf";
	else if (ref == IMP_REF_THEME && strcmp(rows.cell[1], "1") != 0)
		*why = "this theme is no longer in use";
	else if (ref == IMP_REF_THEME && strcmp(rows.cell[2], "1") != 0)
		*why = "not a theme of the second level";
	else
		id = rows.cell[0];
out:
	return id;
}

/*
 * Why index number v is not an entry's that an entry may name (NULL when
 * it is): one in the database (given when it was first published), or
 * one published earlier in this file.
 */
static const char *
imp_linked(struct imp *t, const char *v)
{
	static const char	 known[] = "SELECT state FROM cat_entry WHERE index_no = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(v) };
	struct civic_rows	 rows;
	const char		*why = NULL;
	size_t			 i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].index_no, v) == 0)
			break;
	if (i < t->nrows) {
		if (t->rows[i].draft)
			why = civic_arena_printf(t->io.c->arena, "%s is a draft (line %zu)", v,
			    t->rows[i].line);
	} else if (civic_db_query(t->io.c->db, t->io.c->arena, known, p, 1, 1, &rows) != CIVIC_OK)
		why = civic_db_error(t->io.c->db);
	else if (rows.nrows == 0)
		why = civic_arena_printf(t->io.c->arena, "no entry with the index number %s, "
		    "in the database or earlier in the file", v);
	return why;
}

/* Why index number v is not free (NULL when it is): an entry's, or a line's before. */
static const char *
imp_index_taken(struct imp *t, const char *v)
{
	static const char	 taken[] = "SELECT id FROM cat_entry WHERE index_no = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(v) };
	struct civic_rows	 rows;
	const char		*why = NULL;
	size_t			 i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].index_no, v) == 0)
			break;
	if (i < t->nrows)
		why = civic_arena_printf(t->io.c->arena, "%s already on line %zu", v,
		    t->rows[i].line);
	else if (civic_db_query(t->io.c->db, t->io.c->arena, taken, p, 1, 1, &rows) != CIVIC_OK)
		why = civic_db_error(t->io.c->db);
	else if (rows.nrows > 0)
		why = civic_arena_printf(t->io.c->arena, "%s is taken (entry %s)", v, rows.cell[0]);
	return why;
}

static const char *
imp_get(void *arg, const char *name)
{
	struct imp_row	*row = ((void **)arg)[1];
	struct imp	*t = ((void **)arg)[0];
	int		 k = imp_column(t, name);

	return k >= 0 ? row->val[k] : NULL;
}

/*
 * One value of a row, checked, and resolved when a reference, into
 * row->val[k]; 0 after its fault.
 */
static int
imp_value(struct imp *t, struct imp_row *row, size_t k, char *v)
{
	const struct civic_field	*f = imp_field(k);
	enum imp_ref			 ref = k < t->nfields ? imp_ref_of(f->name) : IMP_REF_NONE;
	enum civic_verr			 e;
	const char			*id = v, *why = NULL;
	civic_time			 at;

	if (!civic_utf8_valid(v, strlen(v)))
		why = "not valid UTF-8 (save the file as \"CSV UTF-8\")";
	else if (ref == IMP_REF_BODY || ref == IMP_REF_CATEGORY || ref == IMP_REF_THEME ||
	    ref == IMP_REF_GENRE) {
		if ((id = imp_resolve(t, ref, v, &why)) != NULL && strcmp(f->name, "body") == 0)
			row->org = v;
		else if (id == NULL)
			why = civic_arena_printf(t->io.c->arena, "\"%s\": %s", v, why);
	} else if ((e = civic_valid_check(f, v, strlen(v))) != CIVIC_VE_OK)
		why = cat_entryio_message(civic_valid_key(e));
	else if ((ref == IMP_REF_ENTRY || k == IMP_INDEX_NO) && !imp_index_form(v))
		why = civic_arena_printf(t->io.c->arena,
		    "%s is not an index number like 008213401/2026-00042", v);
	else if (k == IMP_PUBLISHED_AT) {
		if ((row->published_at = imp_time(t, v, &at)) == NULL)
			why = civic_arena_printf(t->io.c->arena,
			    "%s is not a time like 2026-03-05 10:00:00 (or a date)", v);
		else if (at > t->tnow)
			why = civic_arena_printf(t->io.c->arena, "%s is in the future", v);
	}
	if (why != NULL)
		ctl_import_fault(&t->io, row->line, "%s: %s", f->name, why);
	else
		row->val[k] = (char *)id;
	return why == NULL;
}

/*
 * Checks one row's values (columns cols[i], values vals[i]), fills its
 * entry, and keeps it (t->nrows) when all is right and it was not already
 * bad (a fault of its form); every fault reported.
 */
static void
imp_check(struct imp *t, struct imp_row *row, const int cols[], char *vals[], size_t n,
    int bad)
{
	void		*arg[2] = { t, row };
	const char	*key, *field, *why;
	char		*v;
	size_t		 i, k;
	int		 typed[IMP_NCOLS] = { 0 };

	for (i = 0; i < n; i++) {
		v = ctl_import_trim(vals[i]);
		if (*v == '\0')
			continue;
		typed[cols[i]] = 1;
		if (!imp_value(t, row, (size_t)cols[i], v))
			bad = 1;
	}
	/* The schema's defaults, as the form's selects have them first. */
	if ((k = (size_t)imp_column(t, "disclosure")) < t->nfields && row->val[k] == NULL)
		row->val[k] = (char *)cat_entryio_disclosures[0];
	if ((k = (size_t)imp_column(t, "validity")) < t->nfields && row->val[k] == NULL)
		row->val[k] = (char *)cat_entryio_validities[0];
	/* A value typed but refused has had its fault; required is for one not typed. */
	for (k = 0; k < t->nfields; k++)
		if ((cat_entryio_fields[k].flags & CIVIC_F_REQUIRED) && !typed[k] &&
		    row->val[k] == NULL) {
			ctl_import_fault(&t->io, row->line, "%s: %s", cat_entryio_fields[k].name,
			    cat_entryio_message("v.required"));
			bad = 1;
		}
	row->draft = row->val[IMP_STATE] != NULL && strcmp(row->val[IMP_STATE], "draft") == 0;
	if (row->draft && row->val[IMP_INDEX_NO] != NULL) {
		ctl_import_fault(&t->io, row->line, "index_no: a draft has none: it is given when published");
		bad = 1;
	}
	if (row->draft && row->val[IMP_PUBLISHED_AT] != NULL) {
		ctl_import_fault(&t->io, row->line, "published_at: a draft is not published");
		bad = 1;
	}
	if (!row->draft && (v = row->val[IMP_INDEX_NO]) != NULL) {
		if (row->org != NULL && strncmp(v, row->org, CAT_ORG_CODE_LEN) != 0) {
			ctl_import_fault(&t->io, row->line, "index_no: %s does not begin with the issuing "
			    "body's code %s", v, row->org);
			bad = 1;
		} else if ((why = imp_index_taken(t, v)) != NULL) {
			ctl_import_fault(&t->io, row->line, "index_no: %s", why);
			bad = 1;
		}
	}
	k = (size_t)imp_column(t, "written_on");
	if (row->published_at != NULL && k < t->nfields && row->val[k] != NULL &&
	    strncmp(row->published_at, row->val[k], 10) < 0) {
		ctl_import_fault(&t->io, row->line, "published_at: before the document's date (written_on)");
		bad = 1;
	}
	for (k = 0; k < t->nfields; k++)
		if (imp_ref_of(cat_entryio_fields[k].name) == IMP_REF_ENTRY &&
		    row->val[k] != NULL && (why = imp_linked(t, row->val[k])) != NULL) {
			ctl_import_fault(&t->io, row->line, "%s: %s", cat_entryio_fields[k].name, why);
			bad = 1;
		}
	if (bad)
		goto out;
	cat_entryio_read(&row->in, imp_get, arg);
	if ((key = cat_entryio_check(t->io.c->arena, &row->in, &field)) != NULL) {
		ctl_import_fault(&t->io, row->line, "%s: %s", field != NULL ? field : "entry",
		    cat_entryio_message(key));
		goto out;
	}
	if (row->val[IMP_INDEX_NO] != NULL)
		memcpy(row->index_no, row->val[IMP_INDEX_NO], CAT_INDEX_NO_SIZE);
	t->nrows++;
out:
	return;
}

/* The next row, cleared, or NULL after reporting that the file has too many. */
static struct imp_row *
imp_row_new(struct imp *t, size_t line, size_t *seen)
{
	struct imp_row	*row = NULL;

	if (++*seen > IMP_MAX_ROWS)
		ctl_import_fatal(&t->io, line, "more than %d entries in one file", IMP_MAX_ROWS);
	else {
		/* A row that failed its check is not kept: its slot is reused. */
		row = &t->rows[t->nrows];
		memset(row, 0, sizeof(*row));
		row->line = line;
	}
	return row;
}

/* ---------------------------------------------------------------- CSV */

static void
imp_csv(struct imp *t, char *buf)
{
	char		*p = buf, *fields[IMP_NCOLS + 1];
	int		 cols[IMP_NCOLS + 1];
	size_t		 line = 1, start, ncols, i, j, seen = 0;
	struct imp_row	*row;
	int		 n;

	/* Spreadsheets write a byte-order mark before UTF-8. */
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if ((n = ctl_import_csv(&t->io, &p, &line, fields, IMP_NCOLS)) <= 0) {
		if (n == 0)
			ctl_import_fault(&t->io, 1, "no heading record");
		goto out;
	}
	ncols = (size_t)n;
	for (i = 0; i < ncols; i++) {
		if ((cols[i] = imp_column(t, ctl_import_trim(fields[i]))) < 0) {
			ctl_import_fault(&t->io, 1, "unknown column \"%s\"", fields[i]);
			continue;
		}
		for (j = 0; j < i; j++)
			if (cols[j] == cols[i])
				ctl_import_fault(&t->io, 1, "column \"%s\" twice", fields[i]);
	}
	if (t->io.nerrors > 0)
		goto out;
	for (;;) {
		start = line;
		if ((n = ctl_import_csv(&t->io, &p, &line, fields, ncols)) == 0)
			break;
		if (n < 0)
			continue;
		/* A blank line, or one of commas only, is nothing. */
		for (i = 0; i < (size_t)n && *ctl_import_trim(fields[i]) == '\0'; i++)
			;
		if (i == (size_t)n)
			continue;
		if ((row = imp_row_new(t, start, &seen)) == NULL)
			break;
		imp_check(t, row, cols, fields, (size_t)n, 0);
	}
out:
	return;
}

/* ---------------------------------------------------------------- XML */

/* No external entity, DTD or document is ever read, whatever the file asks. */
static xmlParserInputPtr
imp_xml_noload(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* An element's text (text and CDATA only), in the arena; NULL after a fault. */
static char *
imp_xml_text(struct imp *t, size_t line, xmlNode *e)
{
	xmlNode		*n;
	size_t		 len = 0, m;
	char		*s = NULL, *w;
	const char	*why = NULL;

	for (n = e->children; n != NULL && why == NULL; n = n->next)
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			len += strlen((const char *)n->content);
		else if (n->type == XML_ENTITY_REF_NODE)
			why = civic_arena_printf(t->io.c->arena, "the entity &%s; is not read",
			    (const char *)n->name);
		else if (n->type != XML_COMMENT_NODE && n->type != XML_PI_NODE)
			why = "an element inside a value";
	if (why == NULL && (s = w = civic_arena_alloc(t->io.c->arena, len + 1)) == NULL)
		why = "out of memory";
	if (why != NULL) {
		ctl_import_fault(&t->io, line, "%s: %s", (const char *)e->name, why);
		goto out;
	}
	for (n = e->children; n != NULL; n = n->next)
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			m = strlen((const char *)n->content);
			memcpy(w, n->content, m);
			w += m;
		}
	*w = '\0';
out:
	return s;
}

/* Only white space (and comments) between the elements. */
static int
imp_xml_blank(const xmlNode *n)
{
	const xmlChar	*s;

	if (n->type != XML_TEXT_NODE)
		return n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE;
	for (s = n->content; *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'; s++)
		;
	return *s == '\0';
}

/* One <entry>: its elements are the columns. */
static void
imp_xml_entry(struct imp *t, xmlNode *entry, size_t *seen)
{
	struct imp_row	*row;
	xmlNode		*e;
	char		*vals[IMP_NCOLS];
	int		 cols[IMP_NCOLS];
	size_t		 line = (size_t)xmlGetLineNo(entry), n = 0, j;
	int		 k, bad = 0;

	if (entry->properties != NULL) {
		ctl_import_fault(&t->io, line, "entry: attributes are not read: the values are elements");
		bad = 1;
	}
	for (e = entry->children; e != NULL; e = e->next) {
		if (imp_xml_blank(e))
			continue;
		if (e->type != XML_ELEMENT_NODE) {
			ctl_import_fault(&t->io, line, "entry: text outside the elements of its values");
			bad = 1;
			continue;
		}
		if ((k = imp_column(t, (const char *)e->name)) < 0) {
			ctl_import_fault(&t->io, line, "%s: no such field", e->name);
			bad = 1;
			continue;
		}
		for (j = 0; j < n; j++)
			if (cols[j] == k)
				break;
		if (j < n) {
			ctl_import_fault(&t->io, line, "%s: given twice", e->name);
			bad = 1;
			continue;
		}
		if (e->properties != NULL) {
			ctl_import_fault(&t->io, line, "%s: attributes are not read", e->name);
			bad = 1;
		}
		if ((vals[n] = imp_xml_text(t, line, e)) == NULL) {
			bad = 1;
			continue;
		}
		cols[n++] = k;
	}
	/* Its values are checked even when its form is bad, for their faults. */
	if ((row = imp_row_new(t, line, seen)) != NULL)
		imp_check(t, row, cols, vals, n, bad);
}

static void
imp_xml(struct imp *t, const char *buf, size_t len)
{
	xmlParserCtxtPtr	 ctxt = NULL;
	xmlDocPtr		 doc = NULL;
	const xmlError		*err;
	xmlNode			*root, *n;
	size_t			 seen = 0;

	xmlSetExternalEntityLoader(imp_xml_noload);
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		ctl_import_fault(&t->io, 0, "out of memory");
		goto out;
	}
	/*
	 * No entity is substituted (no XML_PARSE_NOENT), no DTD loaded
	 * (no XML_PARSE_DTDLOAD), nothing fetched (XML_PARSE_NONET); the
	 * parser's own limits stand (no XML_PARSE_HUGE).  Errors are ours to
	 * report, with their line.
	 */
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, t->io.file, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
	if (doc == NULL || !ctxt->wellFormed) {
		err = xmlCtxtGetLastError(ctxt);
		if (err != NULL && err->message != NULL)
			ctl_import_fault(&t->io, err->line > 0 ? (size_t)err->line : 0,
			    "not well-formed XML: %.*s", (int)strcspn(err->message, "\n"),
			    err->message);
		else
			ctl_import_fault(&t->io, 0, "not well-formed XML");
		goto out;
	}
	/*
	 * A document type declaration could declare entities (an external
	 * one reads a file or a URL, nested ones multiply a few bytes into
	 * gigabytes); the format has no need of one, so none is accepted.
	 */
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		ctl_import_fault(&t->io, doc->intSubset != NULL ? (size_t)xmlGetLineNo((xmlNode *)doc->intSubset) :
		    1, "a document type declaration (<!DOCTYPE>) is not accepted");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "catalogue") != 0) {
		ctl_import_fault(&t->io, root != NULL ? (size_t)xmlGetLineNo(root) : 1,
		    "the root element is not <catalogue>");
		goto out;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (imp_xml_blank(n))
			continue;
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "entry") != 0) {
			ctl_import_fault(&t->io, (size_t)xmlGetLineNo(n), "catalogue: only <entry> elements");
			continue;
		}
		imp_xml_entry(t, n, &seen);
		if (seen > IMP_MAX_ROWS)
			break;
	}
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	if (ctxt != NULL)
		xmlFreeParserCtxt(ctxt);
}

/* ---------------------------------------------------------------- file */

/* XML by the name's extension (.xml), else by content (its first sign is "<"). */
static int
imp_is_xml(const char *file, const char *buf)
{
	size_t		 n = strlen(file);
	const char	*p = buf;

	if (n > 4 && (strcasecmp(file + n - 4, ".xml") == 0 ||
	    strcasecmp(file + n - 4, ".csv") == 0))
		return strcasecmp(file + n - 4, ".xml") == 0;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return *p == '<';
}

/* ---------------------------------------------------------------- write */

static const char *
imp_why(enum cat_entryio_why why)
{
	switch (why) {
	case CAT_ENTRYIO_STALE:
		return "changed by someone else meanwhile";
	case CAT_ENTRYIO_REF:
		return "a body, category, theme, genre or linked entry that is not there "
		    "(or not one an entry may name)";
	case CAT_ENTRYIO_STATE:
		return "not in a state to be published";
	case CAT_ENTRYIO_INDEX:
		return "the index number is of another body or taken, or the year's "
		    "numbers are used up";
	default:
		return "refused";
	}
}

/*
 * Every entry saved, then published unless a draft, in the file's order
 * (an entry's links name entries before it); a refusal rolls it all back
 * after reporting its line.
 */
static enum civic_err
imp_tx(void *arg)
{
	struct imp		*t = arg;
	struct cat_entryio_ctx	 c = { t->io.c->db, t->io.c->arena, 0, "civicctl", t->now };
	enum cat_entryio_why	 why = CAT_ENTRYIO_OK;
	const char		*field = NULL;
	long long		 version;
	enum civic_err		 err = CIVIC_OK;
	size_t			 i;

	t->published = t->drafts = 0;
	for (i = 0; i < t->nrows; i++) {
		struct imp_row	*row = &t->rows[i];

		row->in.id = 0;
		row->in.version = 0;
		if ((err = cat_entryio_save(&c, &row->in, &version, &why, &field)) != CIVIC_OK) {
			if (err == CIVIC_ERR_CONFLICT && why != CAT_ENTRYIO_OK)
				ctl_import_fault(&t->io, row->line, "%s: %s", field != NULL ? field : "entry",
				    imp_why(why));
			goto out;
		}
		if (row->draft) {
			t->drafts++;
			continue;
		}
		if ((err = cat_entryio_publish(&c, row->in.id, row->val[IMP_INDEX_NO],
		    row->published_at, row->index_no, &why)) != CIVIC_OK) {
			if ((err == CIVIC_ERR_CONFLICT || err == CIVIC_ERR_INVALID) &&
			    why != CAT_ENTRYIO_OK)
				ctl_import_fault(&t->io, row->line, "index_no: %s", imp_why(why));
			goto out;
		}
		t->published++;
	}
out:
	return err;
}

int
ctl_import_catalogue(struct ctl *c, int argc, char *argv[])
{
	struct imp	*t;
	char		*buf;
	size_t		 len, i;
	enum civic_err	 err;
	int		 rc = 1;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		fprintf(argc == 2 ? stdout : stderr,
		    "usage: civicctl import-catalogue FILE\n"
		    "Loads entries of the disclosure catalogue from a CSV or an XML file\n"
		    "(doc/civicctl.md): every entry is checked, faults are reported as\n"
		    "FILE:LINE, and nothing is imported unless all are right; then every\n"
		    "entry is saved and published (unless a draft) in one transaction.\n");
		return argc == 2 ? 0 : 2;
	}
	if ((t = civic_arena_zalloc(c->arena, sizeof(*t))) == NULL)
		goto out;
	t->io.c = c;
	t->io.file = argv[1];
	for (t->nfields = 0; t->nfields < CAT_ENTRYIO_NFIELDS &&
	    cat_entryio_fields[t->nfields].name != NULL; t->nfields++)
		;
	t->tnow = civic_calendar_now();
	civic_calendar_format_time(t->tnow, t->now);
	if ((buf = ctl_import_load(&t->io, IMP_MAX_FILE, &len)) == NULL)
		goto out;
	if ((t->rows = civic_arena_alloc(c->arena, (IMP_MAX_ROWS + 1) * sizeof(*t->rows))) ==
	    NULL) {
		ctl_import_fault(&t->io, 0, "out of memory");
		goto out;
	}
	if (imp_is_xml(t->io.file, buf))
		imp_xml(t, buf, len);
	else
		imp_csv(t, buf);
	if (t->io.nerrors == 0 && t->nrows == 0)
		ctl_import_fault(&t->io, 0, "no entries");
	if (t->io.nerrors > 0) {
		ctl_import_refused(&t->io);
		goto out;
	}
	if ((err = civic_db_tx(c->db, imp_tx, t)) != CIVIC_OK) {
		if (t->io.nerrors == 0)
			ctl_import_fault(&t->io, 0, "the database: %s (%s)", civic_strerror(err),
			    civic_db_error(c->db));
		fprintf(stderr, "%s: nothing imported\n", t->io.file);
		goto out;
	}
	for (i = 0; i < t->nrows; i++)
		if (!t->rows[i].draft)
			printf("%s:%zu: %s\n", t->io.file, t->rows[i].line, t->rows[i].index_no);
	printf("%s: %zu entr%s: %zu published, %zu draft%s\n", t->io.file, t->nrows,
	    t->nrows == 1 ? "y" : "ies", t->published, t->drafts, t->drafts == 1 ? "" : "s");
	rc = 0;
out:
	civic_valid_exit();
	return rc;
}
