/*
 * page.h: building the XML a handler answers with.  The core has made the
 * page envelope before the handler runs:
 *
 *	<page program="demo" view="note-list" lang="zh-CN" status="200"
 *	      request-id="...">
 *	  <site name="..." base="/" static="/civic-static/" mount="/demo/"
 *	        path="/demo/m/3"/>
 *	  <csrf>...</csrf>  <idem>...</idem>
 *	  <messages/>  <errors/>  <values/>
 *	  ...the handler's elements...
 *	</page>
 *
 * Handlers add their elements under r->page with these helpers (or
 * libxml2 directly; text always through xmlNewTextChild, which escapes).
 */
#ifndef CIVIC_PAGE_H
#define CIVIC_PAGE_H

#include <libxml/tree.h>
#include "db.h"
#include "request.h"

/* A child element of parent (NULL: the page) with escaped text (NULL: empty). */
xmlNodePtr	 civic_page_add(struct civic_req *, xmlNodePtr parent, const char *name,
		    const char *text);
/* The same with printf-formatted text. */
xmlNodePtr	 civic_page_addf(struct civic_req *, xmlNodePtr parent, const char *name,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Sets an attribute (escaped); a NULL value sets nothing. */
void		 civic_page_attr(xmlNodePtr, const char *name, const char *val);

/*
 * s itself, or an arena copy with what XML 1.0 can't carry (C0 controls
 * but tab and line ends, U+FFFE, U+FFFF) replaced by U+FFFD; NULL when
 * out of memory.  civic_page_add and civic_page_attr do it; other builders
 * of XML (snapshot.c) call it.
 */
const char	*civic_page_clean(struct civic_arena *, const char *s);

/*
 * One element named row under parent for each row, with one child element
 * per column named after the column (SQL NULL: the child is left out).
 * Returns the last element added, or NULL when rows is empty.
 */
xmlNodePtr	 civic_page_rows(struct civic_req *, xmlNodePtr parent, const char *row,
		    const struct civic_rows *);

/*
 * Adds <value name="name">text</value> to the envelope, as a refused form
 * has: an edit form is filled this way from what is stored.  NULL text
 * adds nothing, and so does a field of a refused form that is shown again
 * (its typed value is there already).
 */
void		 civic_page_value(struct civic_req *, const char *name, const char *text);
/* The same for every column of the first row (an edit form from its SELECT). */
void		 civic_page_values(struct civic_req *, const struct civic_rows *);

/* Adds <message level="info|warn|error" key="..."/> to the envelope. */
void		 civic_page_message(struct civic_req *, const char *level, const char *key);

/*
 * Adds <pager> for keyset pagination: next is the key after the last row
 * shown (NULL when there is no further page).
 */
void		 civic_page_pager(struct civic_req *, const char *next);

/*
 * For a list fetched with LIMIT CIVIC_PAGE_SIZE + 1, ordered by the
 * column key: drops the extra row, which only says that a next page
 * exists, and adds the <pager> whose next is the key of the last row shown.
 */
void		 civic_page_keyset(struct civic_req *, struct civic_rows *, const char *key);

/*
 * Runs a SELECT of at most CIVIC_MAX_ROWS rows and adds them as
 * <wrapper><row>…</row>…</wrapper> (civic_page_rows).  Returns 0, or the
 * status for the handler to return when the database failed.
 */
int		 civic_page_query(struct civic_req *, const char *wrapper, const char *row,
		    const char *sql, const struct civic_param *, size_t n);

/*
 * One page of a list paged by keyset: sql, ordered by the column key and
 * ending in LIMIT ? (the caller's last parameter, CIVIC_PAGE_SIZE + 1),
 * is run, and its rows added as civic_page_query() does, with the <pager>
 * of civic_page_keyset().  Returns 0, or the status for the handler.
 */
int		 civic_page_list(struct civic_req *, const char *wrapper, const char *row,
		    const char *key, const char *sql, const struct civic_param *, size_t n);

/*
 * The one row sql finds, added under the page as <elem> with a child per
 * column (civic_page_rows), and copied to *rows (may be NULL) for the
 * caller.  Returns 0; 404 when there is no such row; the status for the
 * handler when the database failed.
 */
int		 civic_page_one(struct civic_req *, const char *elem, const char *sql,
		    const struct civic_param *, size_t n, struct civic_rows *rows);

#endif
