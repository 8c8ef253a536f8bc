/*
 * snapshot.h: a record's version as its history keeps it, one
 * implementation for every feature that keeps versions (the pre-review's
 * service items, the catalogue's entries): the record as XML, the row's
 * columns as children of its root and each list of rows as one element
 * of items, and which parts changed between two versions, for the
 * history's "what changed" (title, summary, materials …).
 */
#ifndef CIVIC_SNAPSHOT_H
#define CIVIC_SNAPSHOT_H

#include "arena.h"
#include "db.h"
#include "request.h"

/*
 * Parts (columns and lists) of one record: an entry has some 25, an item
 * some 30; a part past the bound is kept in the XML but not compared.
 */
#define CIVIC_SNAPSHOT_PARTS	64

/* A list of the record's rows: <name><item>…</item>…</name>. */
struct civic_snapshot_list {
	const char		*name;
	const char		*item;
	const struct civic_rows	*rows;
};

struct civic_snapshot {
	char		*xml;				/* the whole record, UTF-8 */
	const char	*part[CIVIC_SNAPSHOT_PARTS];	/* the root's children's names */
	char		*text[CIVIC_SNAPSHOT_PARTS];	/* each serialised */
	size_t		 nparts;
};

/*
 * The snapshot of the record whose row (its first) is row: <root id=…
 * version=…> with a child a non-NULL column, then the lists.  In the
 * arena; CIVIC_ERR_NOMEM when memory is short.
 */
enum civic_err	 civic_snapshot_make(struct civic_arena *, const char *root, long long id,
		    long long version, const struct civic_rows *row,
		    const struct civic_snapshot_list *lists, size_t nlists,
		    struct civic_snapshot *);

/*
 * The names of the parts that differ between was and now (a part there
 * in one only counts: a column that became NULL is a part gone),
 * ", "-separated, "-" when none; parts named in quiet (NULL-terminated,
 * or NULL) are left out: a name that follows an id changes with it.  In
 * the arena (NULL when memory is short).
 */
char		*civic_snapshot_changed(struct civic_arena *, const struct civic_snapshot *was,
		    const struct civic_snapshot *now, const char *const *quiet);

/*
 * A history row on the page: sql (parameters p[0 .. np)) finds it, its
 * last column the snapshot; the other columns go in as <elem>, the
 * snapshot's XML as <snapshot>'s child (not as text).  200, 404 when
 * there is no such row, or the status of the database's error (500 when
 * memory is short or a stored snapshot does not parse).
 */
int		 civic_snapshot_page(struct civic_req *, const char *elem, const char *sql,
		    const struct civic_param *p, size_t np);

#endif
