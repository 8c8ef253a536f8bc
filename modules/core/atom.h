/*
 * atom.h: an Atom 1.0 feed (RFC 4287) of a feature's published items, one
 * implementation for the mailbox's letters, the consultation's answers and
 * the catalogue's entries.  Built with libxml2 and sent as it is, not
 * through the site's stylesheet.
 *
 * Ids are tag: URIs of the site's host and the item's key (a tracking
 * number, an index number), which do not change when an item is published
 * again; updated is the time of publication at +08:00 (the database
 * session's zone).
 */
#ifndef CIVIC_ATOM_H
#define CIVIC_ATOM_H

#include "db.h"
#include "request.h"

struct civic_atom {
	const char	*tag;		/* "mailbox": the feed is tag:HOST,2026:mailbox */
	const char	*title_zh;	/* after the site's name */
	const char	*title_en;
	const char	*path;		/* an item's page under the mount, before its id: "l/" */
	/*
	 * The feed's own id after tag's, when it is one of several of the
	 * same items ("catalogue/body/3": a body's feed); NULL: tag's.  Its
	 * items keep their ids (tag and key) in every feed, so that a
	 * reader of two feeds sees an item once.
	 */
	const char	*feed;
};

/*
 * The feed of rows, whose columns are: id (for path), key (for its tag),
 * title, published ("YYYY-MM-DDTHH:MM:SS+08:00"), category (may be NULL)
 * and content (plain text).  The answer is set in r (body and Content-Type);
 * returns 200, or 500 when memory is short.
 */
int	 civic_atom_feed(struct civic_req *, const struct civic_atom *,
	    const struct civic_rows *);

/*
 * The site's origin for absolute URLs, without a trailing slash:
 * site.base_url when it is absolute ("https://www.example.gov.cn/"), else
 * the scheme, the web server's own name for this site (SERVER_NAME) and
 * its port when not the scheme's own.  *host (when host is not NULL)
 * gets the host alone, for tag: URIs.  The feed's and the sitemap's.
 */
const char	*civic_atom_origin(struct civic_req *, const char **host);

/* The SQL of a published column in the form the feed wants. */
#define CIVIC_ATOM_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%dT%H:%i:%s+08:00')"

#endif
