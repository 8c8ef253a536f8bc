/*
 * snapshot.c: a record's version as XML, and what changed (snapshot.h).
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "page.h"
#include "snapshot.h"

/*
 * One element of name a row under parent, a child a non-NULL column,
 * cleaned as a page's text is: the snapshot is parsed again to be shown.
 */
static void
snapshot_rows(struct civic_arena *a, xmlNodePtr parent, const char *name,
    const struct civic_rows *rows, size_t from, size_t to)
{
	xmlNodePtr	 row;
	const char	*cell;
	size_t		 i, j;

	for (i = from; i < to && i < rows->nrows; i++) {
		row = name != NULL ? xmlNewChild(parent, NULL, BAD_CAST name, NULL) : parent;
		for (j = 0; j < rows->ncols; j++)
			if ((cell = rows->cell[i * rows->ncols + j]) != NULL &&
			    (cell = civic_page_clean(a, cell)) != NULL)
				xmlNewTextChild(row, NULL, BAD_CAST rows->names[j],
				    BAD_CAST cell);
	}
}

static char *
snapshot_dump(struct civic_arena *a, xmlNodePtr n)
{
	xmlBufferPtr	 b;
	char		*s = NULL;

	if ((b = xmlBufferCreate()) == NULL)
		return NULL;
	if (xmlNodeDump(b, n->doc, n, 0, 0) >= 0)
		s = civic_arena_strdup(a, (const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return s;
}

enum civic_err
civic_snapshot_make(struct civic_arena *a, const char *root, long long id, long long version,
    const struct civic_rows *row, const struct civic_snapshot_list *lists, size_t nlists,
    struct civic_snapshot *st)
{
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 top, n;
	xmlChar		*buf = NULL;
	char		 num[24];
	size_t		 i;
	int		 len;
	enum civic_err	 err = CIVIC_ERR_NOMEM;

	memset(st, 0, sizeof(*st));
	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (top = xmlNewNode(NULL, BAD_CAST root)) == NULL)
		goto out;
	xmlDocSetRootElement(doc, top);
	snprintf(num, sizeof(num), "%lld", id);
	xmlNewProp(top, BAD_CAST "id", BAD_CAST num);
	snprintf(num, sizeof(num), "%lld", version);
	xmlNewProp(top, BAD_CAST "version", BAD_CAST num);
	/* The row's columns straight under the root. */
	snapshot_rows(a, top, NULL, row, 0, 1);
	for (i = 0; i < nlists; i++)
		snapshot_rows(a, xmlNewChild(top, NULL, BAD_CAST lists[i].name, NULL),
		    lists[i].item, lists[i].rows, 0, lists[i].rows->nrows);
	for (n = top->children; n != NULL && st->nparts < CIVIC_SNAPSHOT_PARTS; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		st->part[st->nparts] = civic_arena_strdup(a, (const char *)n->name);
		if ((st->text[st->nparts] = snapshot_dump(a, n)) == NULL ||
		    st->part[st->nparts] == NULL)
			goto out;
		st->nparts++;
	}
	xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
	if (buf == NULL || (st->xml = civic_arena_strdup(a, (const char *)buf)) == NULL)
		goto out;
	err = CIVIC_OK;
out:
	xmlFree(buf);
	xmlFreeDoc(doc);
	return err;
}

/* 1 when part is in quiet. */
static int
snapshot_quiet(const char *const *quiet, const char *part)
{
	for (; quiet != NULL && *quiet != NULL; quiet++)
		if (strcmp(*quiet, part) == 0)
			return 1;
	return 0;
}

/* The index of part in s, or s->nparts. */
static size_t
snapshot_find(const struct civic_snapshot *s, const char *part)
{
	size_t	 i;

	for (i = 0; i < s->nparts && strcmp(s->part[i], part) != 0; i++)
		;
	return i;
}

char *
civic_snapshot_changed(struct civic_arena *a, const struct civic_snapshot *was,
    const struct civic_snapshot *now, const char *const *quiet)
{
	char	 buf[1000];
	size_t	 i, j, n = 0;

	buf[0] = '\0';
	for (i = 0; i < now->nparts + was->nparts; i++) {
		const struct civic_snapshot	*s = i < now->nparts ? now : was;
		const struct civic_snapshot	*o = i < now->nparts ? was : now;
		size_t				 k = i < now->nparts ? i : i - now->nparts;

		j = snapshot_find(o, s->part[k]);
		/* A part of both is counted once, from now's side, when it differs. */
		if ((j < o->nparts && (s == was || strcmp(o->text[j], s->text[k]) == 0)) ||
		    snapshot_quiet(quiet, s->part[k]) ||
		    n + strlen(s->part[k]) + 3 >= sizeof(buf))
			continue;
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", n > 0 ? ", " : "",
		    s->part[k]);
	}
	return civic_arena_strdup(a, n > 0 ? buf : "-");
}

int
civic_snapshot_page(struct civic_req *r, const char *elem, const char *sql,
    const struct civic_param *p, size_t np)
{
	struct civic_rows	 rows;
	const char		*snap;
	xmlDocPtr		 doc = NULL;
	xmlNodePtr		 copy, holder;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, np, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows != 1) {
		st = 404;
		goto out;
	}
	snap = rows.cell[rows.ncols - 1];
	/* The snapshot goes in as XML, not as a text column. */
	rows.ncols--;
	st = 500;
	if (civic_page_rows(r, NULL, elem, &rows) == NULL || snap == NULL)
		goto out;
	if ((doc = xmlReadMemory(snap, (int)strlen(snap), NULL, "UTF-8", XML_PARSE_NONET)) ==
	    NULL || xmlDocGetRootElement(doc) == NULL)
		goto out;
	if ((holder = civic_page_add(r, NULL, "snapshot", NULL)) == NULL ||
	    (copy = xmlDocCopyNode(xmlDocGetRootElement(doc), r->doc, 1)) == NULL)
		goto out;
	xmlAddChild(holder, copy);
	st = 200;
out:
	xmlFreeDoc(doc);
	return st;
}
