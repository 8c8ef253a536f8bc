/*
 * route.h: a program's route table.  Each route declares what it needs, and
 * the core checks all of it before the handler runs: the method and path
 * (404 and 405), the staff role, the form fields and their validators
 * (422), the CSRF token and the idempotency key of a state change (403),
 * and an anonymous rate limit (429).  An API's POST (CIVIC_R_APIKEY) is
 * the one exception to the CSRF check: its handler checks its key.
 *
 * Path patterns are relative to the program's mount point and may hold
 * typed segments, "/m/{id:int}", of these types:
 *	int		1 to 18 decimal digits
 *	tracking	a tracking number (CIVIC_V_TRACKNO)
 *	slug		[a-z0-9-], 1 to 64 characters
 *	str		any non-empty segment of valid UTF-8 without control
 *			characters, at most 200 bytes after percent-decoding
 */
#ifndef CIVIC_ROUTE_H
#define CIVIC_ROUTE_H

#include <stddef.h>
#include "limits.h"
#include "valid.h"

struct civic_req;

/*
 * A handler returns the HTTP status of its answer: 200 with the page it
 * built, 303 after civic_req_redirect(), 404 and so on for an error page
 * the core renders.
 */
typedef int (*civic_handler)(struct civic_req *);

/* Staff roles, as a bit set; 0 means the route is public. */
enum civic_role {
	CIVIC_ROLE_ADMIN	= 0x01,
	CIVIC_ROLE_OFFICE	= 0x02,
	CIVIC_ROLE_CLERK	= 0x04,
	CIVIC_ROLE_SUPERVISOR	= 0x08
};

/* An anonymous rate limit: at most limit hits of action per client address per window seconds. */
struct civic_rate {
	const char	*action;
	unsigned	 limit;
	unsigned	 window;
};

struct civic_route {
	const char			*method;	/* "GET" (HEAD too) or "POST" */
	const char			*pattern;
	const char			*view;		/* the page's view="" for the stylesheet */
	civic_handler			 handler;
	const struct civic_field	*fields;	/* terminated by a field with a NULL name */
	unsigned			 flags;
#define CIVIC_R_STATE	0x01	/* changes state: CSRF token and idempotency key required */
#define CIVIC_R_CSRF	0x02	/* a POST that needs only the CSRF token (sign-in, sign-out) */
	/*
	 * A POST from another program, authenticated by its handler with an
	 * API key: no CSRF token (no browser sends it), no cookies trusted
	 * (no session is loaded), and no roles.
	 */
#define CIVIC_R_APIKEY	0x04
	unsigned			 roles;		/* any of these roles may enter; 0: public */
	struct civic_rate		 rate;		/* action NULL: none */
	/*
	 * Department scope: a SELECT with one parameter, the route's first
	 * path segment, returning the department ids of the object it
	 * names (one, or a few: CIVIC_MAX_SCOPES).  A staff member who is
	 * only a clerk may reach the object only when it is one of their
	 * department's; otherwise, and when no row
	 * comes back, the answer is 404, so that ids are not confirmed.
	 */
	const char			*scope;
};

/* Roles that see every department's objects. */
#define CIVIC_ROLE_ALLDEPTS	(CIVIC_ROLE_ADMIN | CIVIC_ROLE_OFFICE | CIVIC_ROLE_SUPERVISOR)

/* A captured path segment: the name from the pattern and the decoded value. */
struct civic_seg {
	const char	*name;
	const char	*val;
};

/*
 * Finds the route for method and path (already percent-decoded, beginning
 * with "/").  Returns 200 with *found and the segments, 404 when no pattern
 * matches the path, 405 when some do but not for this method; then *allow
 * (if not NULL) gets the methods that would have matched, as "GET, POST".
 * HEAD matches GET routes.
 */
int	 civic_route_find(const struct civic_route *, size_t nroutes, const char *method,
	    const char *path, const struct civic_route **found,
	    struct civic_seg segs[CIVIC_MAX_SEGS], size_t *nsegs, const char **allow);

/*
 * Checks a table once at start-up: patterns well formed, segment types
 * known, no two routes with the same method and pattern, fields declared
 * sensibly.  Returns 0, or -1 after logging what is wrong.
 */
int	 civic_route_check(const struct civic_route *, size_t nroutes);

#endif
