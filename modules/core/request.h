/*
 * request.h: what a handler sees of its request, and how it answers.
 *
 * Everything here lives in the request's arena and is gone when the
 * request ends.  A handler reads only validated values: the fields its
 * route declared (civic_req_value and friends) and the typed path segments
 * (civic_req_seg).  It never writes HTTP, SQL text with values in it, or
 * HTML: it fills the page (page.h) and returns a status.
 */
#ifndef CIVIC_REQUEST_H
#define CIVIC_REQUEST_H

#include <stddef.h>
#include "arena.h"
#include "db.h"
#include "kv.h"
#include "route.h"

struct civic_worker;
struct _xmlDoc;
struct _xmlNode;

/*
 * The display modes of ?a11y= (the layout's switch, doc/webmaster.md): large
 * text (大字版), high contrast (高对比度), or both.
 */
#define CIVIC_A11Y_LARGE	"large"
#define CIVIC_A11Y_CONTRAST	"contrast"
#define CIVIC_A11Y_BOTH		"large-contrast"

/* The signed-in staff member (session.c), or none. */
struct civic_staff {
	long long	 id;
	const char	*no;		/* staff number, e.g. 15240525 */
	const char	*name;
	long long	 department;
	const char	*department_name;
	unsigned	 roles;		/* enum civic_role bits */
};

struct civic_fielderr {
	const char	*field;
	enum civic_verr	 err;
	const char	*key;		/* a handler's own message key, else NULL */
	long long	 min, max;
};

struct civic_req {
	struct civic_arena		*arena;
	struct civic_worker		*worker;
	struct civic_db			*db;		/* the worker's connection */
	const struct civic_route	*route;
	/*
	 * While the GET handler rebuilds the page of a refused POST: that
	 * POST's route.  Its fields' values are what was typed, already in
	 * the page, and the handler's own values for them are left out.
	 */
	const struct civic_route	*refused;

	char		 id[24];	/* request id, also the incident id of a 5xx */
	const char	*method;	/* GET, HEAD, POST, ... */
	const char	*path;		/* decoded, relative to the mount point, begins with "/" */
	const char	*remote_addr;
	const char	*lang;		/* "zh-CN" or "en" */
	/*
	 * The reader's display mode from ?a11y= (large text, high contrast or
	 * both: CIVIC_A11Y_*), or NULL.  Carried by the query on every link and
	 * redirect, never in a cookie, so a shared PC at a village service
	 * point forgets it when the next person starts from the home page.
	 */
	const char	*a11y;
	int		 https;		/* the client came over HTTPS */
	const struct civic_staff *staff; /* signed in, or NULL */
	const char	*session;	/* the session cookie's token when signed in */
	int		 want_xml;	/* ?format=xml or Accept: application/xml */

	struct civic_kvlist	 params;	/* FastCGI parameters */
	struct civic_kvlist	 query;
	struct civic_kvlist	 cookies;
	struct civic_kvlist	 form;		/* body fields (POST) */
	struct civic_filelist	 files;

	struct civic_seg	 segs[CIVIC_MAX_SEGS];
	size_t			 nsegs;

	/* Validated values of the route's fields, by index in route->fields. */
	const char		**vals;
	const struct civic_file	**vfiles;
	struct civic_fielderr	*errs;
	size_t			 nerrs;

	/* The answer. */
	int			 status;
	unsigned		 retry_after;	/* seconds, for a 429 the handler returns */
	const char		*location;	/* set by civic_req_redirect() */
	struct civic_kvlist	 headers;	/* extra response headers */
	const char		*body;		/* a non-page answer (file download) */
	size_t			 bodylen;
	struct _xmlDoc		*doc;		/* the page */
	struct _xmlNode		*page;		/* its root element, <page> */
};

/* A FastCGI parameter ("HTTP_USER_AGENT"), or NULL. */
const char	*civic_req_param(const struct civic_req *, const char *name);

/* The validated value of a declared field, or NULL when it was left empty. */
const char	*civic_req_value(const struct civic_req *, const char *field);
/* The same for an INT field, or dflt. */
long long	 civic_req_int(const struct civic_req *, const char *field, long long dflt);
/* A declared FILE field's upload, or NULL. */
const struct civic_file *civic_req_file(const struct civic_req *, const char *field);

/* A typed path segment's value ("{id:int}" gives "id"), or NULL. */
const char	*civic_req_seg(const struct civic_req *, const char *name);
long long	 civic_req_seg_int(const struct civic_req *, const char *name);

/*
 * Answers 303 See Other to a URL under the program's mount point, built
 * like printf ("/m/%lld").  Returns 303 for the handler to return.
 */
int		 civic_req_redirect(struct civic_req *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * s percent-encoded for a URL component or an RFC 5987 header value:
 * everything but A-Z a-z 0-9 - . _ ~ becomes %XX.  NULL when memory is short.
 */
char		*civic_url_escape(struct civic_arena *, const char *s);

/*
 * Refuses the form after all, for a reason only the handler can see (a
 * code already taken, a wrong password): adds the message key beside
 * field (field NULL: a message above the form), and answers as for a form
 * that failed its validators: 422 with the form page again, what was typed
 * kept.  Call it outside any transaction, and return what it returns.
 */
int		 civic_req_refuse(struct civic_req *, const char *field, const char *key);

/*
 * Adds an error beside field (a message key, and max for its text) to the
 * request's errors, as a validator's would be, without answering: a form
 * wrong in several places that only the handler can see says so at all
 * of them at once; then civic_req_refuse(r, NULL, message) answers.  One
 * error a field: a second beside the same field, or one beside a field
 * the route does not declare beyond the room made, is dropped.
 */
void		 civic_req_error(struct civic_req *, const char *field, const char *key,
		    long long max);

/* Adds a response header (copied). */
enum civic_err	 civic_req_header(struct civic_req *, const char *name, const char *val);

/*
 * Runs fn(arg) as one transaction (civic_db_tx).  On a route that changes
 * state, the request's idempotency key is stored in the same transaction
 * with the redirect the handler set: when a retried POST brings the same
 * key, the core answers with that first redirect and the handler does not
 * run again.  Returns what civic_db_tx returns; CIVIC_ERR_DUPLICATE when
 * the key had been used by a concurrent request (the core then answers
 * with that request's result).
 */
enum civic_err	 civic_req_tx(struct civic_req *, enum civic_err (*fn)(void *), void *arg);

/*
 * The status a handler returns for what its transaction gave: 303 (the
 * redirect it set) when it committed; when the state it expected was gone
 * (CIVIC_ERR_CONFLICT) and conflict is a message key, the form again with
 * that message (civic_req_refuse); else civic_req_status().
 */
int		 civic_req_done(struct civic_req *, enum civic_err, const char *conflict);

/*
 * 0 when sql (one parameter: the route's first path segment) finds a row,
 * 404 when it finds none, 503 or 500 when the database fails: the check an
 * edit handler makes before it writes.
 */
int		 civic_req_exists(struct civic_req *, const char *sql);

/*
 * The status a handler returns for a failed call: 503 when the database
 * is down (the client may try again soon), 404 for CIVIC_ERR_NOTFOUND,
 * 500 for anything else.
 */
int		 civic_req_status(enum civic_err);

/*
 * Counts one hit of action from this client; 1 when that exceeds limit in
 * the current window of window seconds (answer 429), 0 when it does not,
 * -1 when the database failed.
 */
int		 civic_req_ratelimit(struct civic_req *, const char *action, unsigned limit,
		    unsigned window);

/*
 * The same counter for any key (an account's number, say): _hit counts one
 * and gives the count, _count only reads it.  Both give the seconds left in
 * the window in *retry (may be NULL).
 */
enum civic_err	 civic_ratelimit_hit(struct civic_db *, const char *action, const char *key,
		    unsigned window, unsigned long long *hits, unsigned *retry);
enum civic_err	 civic_ratelimit_count(struct civic_db *, struct civic_arena *,
		    const char *action, const char *key, unsigned window,
		    unsigned long long *hits, unsigned *retry);
/* Takes back one hit of the current window (an attempt that turned out well). */
enum civic_err	 civic_ratelimit_undo(struct civic_db *, const char *action, const char *key,
		    unsigned window);

#endif
