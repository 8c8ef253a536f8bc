/*
 * route.c: matching a request path against a program's route table.
 *
 * Patterns are matched segment by segment, literally or by the type of a
 * {name:type} segment; the table is small (tens of routes), so a linear
 * scan is both the simplest and, measured against the rest of a request,
 * free.  A path that matches a pattern under another method is a 405, so
 * that a client learns the resource exists and which methods it takes.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "parse.h"
#include "route.h"

/* The longest value a {name:str} segment may have, in bytes. */
#define ROUTE_MAX_STR	200

enum route_segtype { SEG_LITERAL, SEG_INT, SEG_TRACKING, SEG_SLUG, SEG_STR, SEG_BAD };

static enum route_segtype
route_segtype(const char *type, size_t len)
{
	static const struct { const char *name; enum route_segtype t; } types[] = {
		{ "int", SEG_INT }, { "tracking", SEG_TRACKING },
		{ "slug", SEG_SLUG }, { "str", SEG_STR },
	};
	size_t	 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].name) == len && memcmp(types[i].name, type, len) == 0)
			return types[i].t;
	return SEG_BAD;
}

/* 1 when v[0..len) is a value of type t. */
static int
route_segok(enum route_segtype t, const char *v, size_t len)
{
	struct civic_field	 f = { "segment", CIVIC_V_TRACKNO, 0, 0, 0, NULL };
	size_t			 i;

	if (len == 0)
		return 0;
	switch (t) {
	case SEG_INT:
		if (len > 18)
			return 0;
		for (i = 0; i < len; i++)
			if (v[i] < '0' || v[i] > '9')
				return 0;
		return 1;
	case SEG_TRACKING:
		return civic_valid_check(&f, v, len) == CIVIC_VE_OK;
	case SEG_SLUG:
		if (len > 64)
			return 0;
		for (i = 0; i < len; i++)
			if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9') ||
			    v[i] == '-'))
				return 0;
		return 1;
	case SEG_STR:
		if (len > ROUTE_MAX_STR || !civic_utf8_valid(v, len))
			return 0;
		for (i = 0; i < len; i++)
			if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
				return 0;
		return 1;
	default:
		return 0;
	}
}

/*
 * Matches one pattern.  Captured values point into a copy of the path the
 * caller gave us in buf (segments are cut at their slashes).
 */
static int
route_match(const char *pattern, const char *path, char *buf, size_t bufsz,
    struct civic_seg *segs, size_t *nsegs)
{
	const char	*p = pattern, *pe, *v, *ve, *colon;
	char		*copy;
	size_t		 n = 0, plen = strlen(path);

	if (plen >= bufsz)
		return 0;
	memcpy(buf, path, plen + 1);
	copy = buf;
	/* Both begin with "/": compare segment by segment after it. */
	if (*p++ != '/' || *copy++ != '/')
		return 0;
	for (;;) {
		pe = strchr(p, '/');
		if (pe == NULL)
			pe = p + strlen(p);
		v = copy;
		ve = strchr(v, '/');
		if (ve == NULL)
			ve = v + strlen(v);
		if (*p == '{') {
			colon = memchr(p, ':', (size_t)(pe - p));
			if (colon == NULL || n == CIVIC_MAX_SEGS ||
			    !route_segok(route_segtype(colon + 1, (size_t)(pe - colon - 2)),
			    v, (size_t)(ve - v)))
				return 0;
			segs[n].name = NULL;	/* the caller names it from the pattern */
			segs[n++].val = v;
		} else if (pe - p != ve - v || memcmp(p, v, (size_t)(pe - p)) != 0)
			return 0;
		if (*pe == '\0' || *ve == '\0')
			break;
		*(char *)ve = '\0';
		p = pe + 1;
		copy = (char *)ve + 1;
	}
	if (*pe != '\0' || *ve != '\0')
		return 0;
	*nsegs = n;
	return 1;
}

/* Names the captured segments from the pattern, copying names into nbuf. */
static void
route_name_segs(const char *pattern, struct civic_seg *segs, size_t nsegs, char *nbuf,
    size_t nbufsz)
{
	const char	*p = pattern, *colon;
	size_t		 i = 0, used = 0, len;

	while (i < nsegs && (p = strchr(p, '{')) != NULL) {
		colon = strchr(p, ':');
		len = (size_t)(colon - p - 1);
		if (used + len + 1 > nbufsz)
			break;
		memcpy(nbuf + used, p + 1, len);
		nbuf[used + len] = '\0';
		segs[i++].name = nbuf + used;
		used += len + 1;
		p = colon;
	}
}

int
civic_route_find(const struct civic_route *routes, size_t nroutes, const char *method,
    const char *path, const struct civic_route **found, struct civic_seg segs[CIVIC_MAX_SEGS],
    size_t *nsegs, const char **allow)
{
	/*
	 * Captured values and names must outlive this call; they live in
	 * static buffers that the next call overwrites, which is fine for a
	 * worker serving one request at a time: the request copies them
	 * into its arena at once.
	 */
	static char	 buf[CIVIC_MAX_PATH + 1], nbuf[256], allowbuf[64];
	const char	*m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	int		 other = 0, get = 0, post = 0;
	size_t		 i, n;

	*found = NULL;
	*nsegs = 0;
	for (i = 0; i < nroutes; i++) {
		if (!route_match(routes[i].pattern, path, buf, sizeof(buf), segs, &n))
			continue;
		if (strcmp(routes[i].method, m) == 0) {
			route_name_segs(routes[i].pattern, segs, n, nbuf, sizeof(nbuf));
			*found = &routes[i];
			*nsegs = n;
			return 200;
		}
		other = 1;
		if (strcmp(routes[i].method, "GET") == 0)
			get = 1;
		else if (strcmp(routes[i].method, "POST") == 0)
			post = 1;
	}
	if (!other)
		return 404;
	if (allow != NULL) {
		snprintf(allowbuf, sizeof(allowbuf), "%s%s%s", get ? "GET, HEAD" : "",
		    get && post ? ", " : "", post ? "POST" : "");
		*allow = allowbuf;
	}
	return 405;
}

int
civic_route_check(const struct civic_route *routes, size_t nroutes)
{
	const struct civic_route	*r;
	const char			*p, *e, *c;
	size_t				 i, j, nseg;
	int				 rc = 0;

	for (i = 0; i < nroutes; i++) {
		r = &routes[i];
		if (r->pattern == NULL || r->pattern[0] != '/' || r->handler == NULL ||
		    r->view == NULL || (strcmp(r->method, "GET") != 0 &&
		    strcmp(r->method, "POST") != 0)) {
			civic_log_err("route %zu: method, pattern, view or handler missing", i);
			rc = -1;
			continue;
		}
		if ((r->flags & (CIVIC_R_STATE | CIVIC_R_CSRF | CIVIC_R_APIKEY)) &&
		    strcmp(r->method, "POST") != 0) {
			civic_log_err("route %s %s: only POST may change state", r->method,
			    r->pattern);
			rc = -1;
		}
		if (strcmp(r->method, "POST") == 0 &&
		    !(r->flags & (CIVIC_R_STATE | CIVIC_R_CSRF | CIVIC_R_APIKEY))) {
			civic_log_err("route POST %s: a POST must declare CIVIC_R_STATE, "
			    "CIVIC_R_CSRF or CIVIC_R_APIKEY", r->pattern);
			rc = -1;
		}
		/* Without cookies there is no one signed in to check roles of. */
		if ((r->flags & CIVIC_R_APIKEY) && ((r->flags & (CIVIC_R_STATE | CIVIC_R_CSRF)) ||
		    r->roles != 0)) {
			civic_log_err("route POST %s: CIVIC_R_APIKEY goes with neither CSRF nor "
			    "roles", r->pattern);
			rc = -1;
		}
		if (r->scope != NULL && (r->roles == 0 || strchr(r->pattern, '{') == NULL)) {
			civic_log_err("route %s: a scope needs roles and a path segment",
			    r->pattern);
			rc = -1;
		}
		for (nseg = 0, p = r->pattern; (p = strchr(p, '{')) != NULL; p = e) {
			e = strchr(p, '}');
			c = strchr(p, ':');
			if (e == NULL || c == NULL || c > e || (e[1] != '\0' && e[1] != '/') ||
			    p[-1] != '/' || route_segtype(c + 1, (size_t)(e - c - 1)) == SEG_BAD ||
			    ++nseg > CIVIC_MAX_SEGS) {
				civic_log_err("route %s: bad segment", r->pattern);
				rc = -1;
				break;
			}
		}
		for (j = 0; j < i; j++) {
			if (strcmp(routes[j].pattern, r->pattern) != 0)
				continue;
			if (strcmp(routes[j].method, r->method) == 0) {
				civic_log_err("route %s %s declared twice", r->method, r->pattern);
				rc = -1;
			} else if (routes[j].roles != r->roles ||
			    (routes[j].scope == NULL) != (r->scope == NULL) ||
			    (r->scope != NULL && strcmp(routes[j].scope, r->scope) != 0)) {
				/*
				 * A refused POST is answered with its GET
				 * twin's page: the two must admit the same
				 * people, or the page would leak.
				 */
				civic_log_err("route %s: GET and POST differ in roles or scope",
				    r->pattern);
				rc = -1;
			}
		}
		for (j = 0; r->fields != NULL && r->fields[j].name != NULL; j++) {
			const struct civic_field *f = &r->fields[j];

			if ((unsigned)f->kind >= CIVIC_V__MAX ||
			    (f->kind == CIVIC_V_ENUM && f->choices == NULL) ||
			    ((f->kind == CIVIC_V_TEXT || f->kind == CIVIC_V_MULTILINE ||
			    f->kind == CIVIC_V_TOKEN || f->kind == CIVIC_V_FILE) &&
			    (f->max <= 0 || f->min > f->max))) {
				civic_log_err("route %s: field %s declared badly", r->pattern,
				    f->name);
				rc = -1;
			}
		}
	}
	return rc;
}
