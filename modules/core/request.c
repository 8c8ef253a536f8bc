/*
 * request.c: reading a FastCGI request into the arena, and the accessors
 * a handler uses.
 *
 * libfcgi frees its parameter strings at the next accept, so each is
 * copied here at once; nothing of the FCGX_Request survives the request.
 * The body is read whole, after its declared length was checked against
 * CIVIC_MAX_BODY: an oversize body is refused (413) before any of it is
 * read, never cut to fit.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "limits.h"
#include "log.h"
#include "parse.h"
#include "request.h"
#include "worker.h"

/* FastCGI parameters kept: a web server sends thirty or so. */
#define REQUEST_MAX_PARAMS	100

/* Copies the FastCGI parameters; 400 for an absurd number or size. */
static int
request_params(struct civic_req *r, FCGX_Request *fr)
{
	char		**e;
	const char	*eq;
	size_t		 vlen;

	for (e = fr->envp; e != NULL && *e != NULL; e++) {
		if ((eq = strchr(*e, '=')) == NULL)
			continue;
		vlen = strlen(eq + 1);
		if (vlen > CIVIC_MAX_HEADER) {
			civic_log_info("parameter %.*s too long", (int)(eq - *e > 40 ?
			    40 : eq - *e), *e);
			return 400;
		}
		switch (civic_kv_add(r->arena, &r->params, REQUEST_MAX_PARAMS, *e,
		    (size_t)(eq - *e), eq + 1, vlen)) {
		case CIVIC_OK:
			break;
		case CIVIC_ERR_NOMEM:
			return 500;
		default:
			return 400;
		}
	}
	return 0;
}

/*
 * The path of REQUEST_URI (the URI as the client sent it, which nginx and
 * Apache both pass), percent-decoded, below the program's mount point.
 */
static int
request_path(struct civic_req *r)
{
	const char	*uri = civic_req_param(r, "REQUEST_URI"), *q, *mount = r->worker->mount;
	char		*path;
	size_t		 len, j, mlen = strlen(mount);

	if (uri == NULL || uri[0] != '/')
		return 400;
	q = strchr(uri, '?');
	len = q != NULL ? (size_t)(q - uri) : strlen(uri);
	if (len > CIVIC_MAX_PATH)
		return 400;
	if ((path = civic_arena_alloc(r->arena, len + 1)) == NULL)
		return 500;
	if (civic_urlenc_decode(uri, len, 0, path, len, &j) != CIVIC_OK)
		return 400;
	path[j] = '\0';
	if (!civic_utf8_valid(path, j))
		return 400;
	/* "/demo" alone is the program's home too. */
	if (j + 1 == mlen && memcmp(path, mount, j) == 0)
		r->path = "/";
	else if (j >= mlen && memcmp(path, mount, mlen) == 0)
		r->path = path + mlen - 1;
	else
		return 404;
	return 0;
}

/* Reads exactly the declared body; 400 if the client sent less. */
static int
request_body(struct civic_req *r, FCGX_Request *fr, char **body, size_t *len)
{
	const char		*cl = civic_req_param(r, "CONTENT_LENGTH");
	unsigned long long	 n = 0;
	size_t			 got = 0;
	int			 k;

	*body = NULL;
	*len = 0;
	if (cl != NULL && cl[0] != '\0') {
		if (strlen(cl) > 12 || strspn(cl, "0123456789") != strlen(cl))
			return 400;
		n = strtoull(cl, NULL, 10);
	}
	if (n > CIVIC_MAX_BODY)
		return 413;
	if ((*body = civic_arena_alloc(r->arena, (size_t)n + 1)) == NULL)
		return 500;
	while (got < n) {
		k = FCGX_GetStr(*body + got, (int)(n - got), fr->in);
		if (k <= 0)
			return 400;
		got += (size_t)k;
	}
	(*body)[n] = '\0';
	*len = (size_t)n;
	return 0;
}

static int
request_status(enum civic_err e)
{
	switch (e) {
	case CIVIC_OK:
		return 0;
	case CIVIC_ERR_TOOBIG:
		return 413;
	case CIVIC_ERR_NOMEM:
		return 500;
	default:
		return 400;
	}
}

/*
 * The display mode asked for by ?a11y=, as one of the fixed strings (never
 * the client's own bytes, which go into the page and into redirects), or
 * NULL for the ordinary look or anything unknown.
 */
static const char *
request_a11y(const char *v)
{
	static const char *const modes[] = { CIVIC_A11Y_LARGE, CIVIC_A11Y_CONTRAST,
	    CIVIC_A11Y_BOTH };
	size_t	 i;

	for (i = 0; v != NULL && i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(v, modes[i]) == 0)
			return modes[i];
	return NULL;
}

int
civic_request_read(struct civic_req *r, FCGX_Request *fr)
{
	const char	*qs, *ctype, *cookie, *accept, *lang, *https;
	char		*body;
	size_t		 len;
	int		 st;

	if ((st = request_params(r, fr)) != 0)
		return st;
	r->method = civic_req_param(r, "REQUEST_METHOD");
	r->remote_addr = civic_req_param(r, "REMOTE_ADDR");
	if (r->method == NULL)
		return 400;
	if (r->remote_addr == NULL)
		r->remote_addr = "";
	https = civic_req_param(r, "HTTPS");
	r->https = https != NULL && strcasecmp(https, "on") == 0;
	if ((st = request_path(r)) != 0)
		return st;

	qs = civic_req_param(r, "QUERY_STRING");
	if (qs != NULL && (st = request_status(civic_urlenc_parse(r->arena, qs, strlen(qs),
	    &r->query))) != 0)
		return st;
	cookie = civic_req_param(r, "HTTP_COOKIE");
	if (cookie != NULL && (st = request_status(civic_cookie_parse(r->arena, cookie,
	    strlen(cookie), &r->cookies))) != 0)
		return st;

	/* ?format=xml, or a client that asks for XML and not for HTML. */
	accept = civic_req_param(r, "HTTP_ACCEPT");
	r->want_xml = (qs = civic_kv_get(&r->query, "format")) != NULL ?
	    strcmp(qs, "xml") == 0 : accept != NULL &&
	    strstr(accept, "application/xml") != NULL && strstr(accept, "text/html") == NULL;

	/* The language: asked for now, remembered in a cookie, or the site's. */
	lang = civic_kv_get(&r->query, "lang");
	if (lang == NULL)
		lang = civic_kv_get(&r->cookies, "civic_lang");
	if (lang != NULL && strcmp(lang, "en") == 0)
		r->lang = "en";
	else if (lang != NULL && strcmp(lang, "zh-CN") == 0)
		r->lang = "zh-CN";
	else
		r->lang = civic_config_get(r->worker->cfg, "site.language");
	if (civic_kv_get(&r->query, "lang") != NULL &&
	    civic_req_header(r, "Set-Cookie", civic_arena_printf(r->arena,
	    "civic_lang=%s; Path=/; Max-Age=31536000; SameSite=Lax", r->lang)) != CIVIC_OK)
		return 500;

	r->a11y = request_a11y(civic_kv_get(&r->query, "a11y"));

	if (strcmp(r->method, "POST") != 0)
		return 0;
	if ((st = request_body(r, fr, &body, &len)) != 0)
		return st;
	ctype = civic_req_param(r, "CONTENT_TYPE");
	if (len == 0)
		return 0;
	if (ctype == NULL)
		return 400;
	if (strncasecmp(ctype, "application/x-www-form-urlencoded", 33) == 0)
		return request_status(civic_urlenc_parse(r->arena, body, len, &r->form));
	if (strncasecmp(ctype, "multipart/form-data", 19) == 0)
		return request_status(civic_multipart_parse(r->arena, ctype, body, len,
		    &r->form, &r->files));
	return 400;	/* a body of a type no form sends */
}

const char *
civic_req_param(const struct civic_req *r, const char *name)
{
	return civic_kv_get(&r->params, name);
}

/* The index of a declared field, or -1. */
static int
request_field(const struct civic_req *r, const char *field)
{
	const struct civic_field	*f;
	int				 i;

	if (r->route == NULL || r->route->fields == NULL)
		return -1;
	for (i = 0, f = r->route->fields; f->name != NULL; f++, i++)
		if (strcmp(f->name, field) == 0)
			return i;
	civic_log_err("handler asked for undeclared field %s", field);
	return -1;
}

const char *
civic_req_value(const struct civic_req *r, const char *field)
{
	int	 i = request_field(r, field);

	return i < 0 || r->vals == NULL ? NULL : r->vals[i];
}

long long
civic_req_int(const struct civic_req *r, const char *field, long long dflt)
{
	const char	*v = civic_req_value(r, field);

	/* The validator has bounded it to 18 digits: strtoll can't overflow. */
	return v == NULL ? dflt : strtoll(v, NULL, 10);
}

const struct civic_file *
civic_req_file(const struct civic_req *r, const char *field)
{
	int	 i = request_field(r, field);

	return i < 0 || r->vfiles == NULL ? NULL : r->vfiles[i];
}

const char *
civic_req_seg(const struct civic_req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nsegs; i++)
		if (strcmp(r->segs[i].name, name) == 0)
			return r->segs[i].val;
	return NULL;
}

long long
civic_req_seg_int(const struct civic_req *r, const char *name)
{
	const char	*v = civic_req_seg(r, name);

	/* {name:int} segments are 1 to 18 digits. */
	return v == NULL ? 0 : strtoll(v, NULL, 10);
}

int
civic_req_redirect(struct civic_req *r, const char *fmt, ...)
{
	va_list	 ap;
	char	 rel[CIVIC_MAX_PATH];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(rel, sizeof(rel), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(rel))
		return 500;
	/*
	 * rel begins with "/", the mount ends with one.  The display mode
	 * goes on with the reader (before any fragment), as on the page's
	 * links, since it lives in the query alone.
	 */
	if (r->a11y == NULL)
		r->location = civic_arena_printf(r->arena, "%.*s%s",
		    (int)strlen(r->worker->mount) - 1, r->worker->mount, rel);
	else {
		size_t	 q = strcspn(rel, "#");

		r->location = civic_arena_printf(r->arena, "%.*s%.*s%sa11y=%s%s",
		    (int)strlen(r->worker->mount) - 1, r->worker->mount, (int)q, rel,
		    memchr(rel, '?', q) != NULL ? "&" : "?", r->a11y, rel + q);
	}
	return r->location == NULL ? 500 : 303;
}

char *
civic_url_escape(struct civic_arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 len = strlen(s), i, j;
	unsigned char		 c;
	char			*out;

	if ((out = civic_arena_alloc(a, len * 3 + 1)) == NULL)
		return NULL;
	for (i = j = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~')
			out[j++] = (char)c;
		else {
			out[j++] = '%';
			out[j++] = hex[c >> 4];
			out[j++] = hex[c & 15];
		}
	}
	out[j] = '\0';
	return out;
}

enum civic_err
civic_req_header(struct civic_req *r, const char *name, const char *val)
{
	struct civic_kv	*v;
	size_t		 cap;

	/*
	 * Not civic_kv_add: a response may repeat a header name
	 * (Set-Cookie), which request parsing must refuse.
	 */
	if (val == NULL)
		return CIVIC_ERR_NOMEM;
	if (r->headers.n == r->headers.cap) {
		cap = r->headers.cap ? r->headers.cap * 2 : 8;
		if ((v = civic_arena_alloc(r->arena, cap * sizeof(*v))) == NULL)
			return CIVIC_ERR_NOMEM;
		if (r->headers.n)
			memcpy(v, r->headers.v, r->headers.n * sizeof(*v));
		r->headers.v = v;
		r->headers.cap = cap;
	}
	v = &r->headers.v[r->headers.n];
	if ((v->key = civic_arena_strdup(r->arena, name)) == NULL ||
	    (v->val = civic_arena_strdup(r->arena, val)) == NULL)
		return CIVIC_ERR_NOMEM;
	v->vlen = strlen(v->val);
	r->headers.n++;
	return CIVIC_OK;
}

int
civic_req_exists(struct civic_req *r, const char *sql)
{
	struct civic_param	 p[1];
	struct civic_rows	 rows;
	enum civic_err		 err;

	if (r->nsegs == 0)
		return 404;
	p[0] = CIVIC_PTEXT(r->segs[0].val);
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	return rows.nrows > 0 ? 0 : 404;
}

int
civic_req_done(struct civic_req *r, enum civic_err err, const char *conflict)
{
	if (err == CIVIC_OK)
		return 303;
	if (err == CIVIC_ERR_CONFLICT && conflict != NULL)
		return civic_req_refuse(r, NULL, conflict);
	return civic_req_status(err);
}

/*
 * A database that is down or whose disk is full is the service being
 * unavailable for a while (503: the citizen may try again), not a fault
 * of the program (500).
 */
int
civic_req_status(enum civic_err e)
{
	if (e == CIVIC_ERR_DBDOWN || e == CIVIC_ERR_FULL)
		return 503;
	return e == CIVIC_ERR_NOTFOUND ? 404 : 500;
}
