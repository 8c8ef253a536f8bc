/*
 * worker.c: one request, end to end, in the order doc/DESIGN.md gives:
 * read within bounds, find the route, check what it declares (role, CSRF,
 * idempotency, rate, fields), run the handler, render, answer.  Every
 * refusal on the way is an error page through the same stylesheet, and
 * nothing the client sends can make this answer 500 except a fault of
 * ours, which gets an incident id in the page and in the log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "limits.h"
#include "log.h"
#include "page.h"
#include "render.h"
#include "request.h"
#include "session.h"
#include "valid.h"
#include "worker.h"

/*
 * Headers every answer carries.  No inline script or style is allowed
 * anywhere, so an injected tag could not run even if escaping failed.
 */
static const char worker_security_headers[] =
    "Content-Security-Policy: default-src 'none'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'self'; base-uri 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: SAMEORIGIN\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cache-Control: no-store\r\n";

/* Bytes of the request path written in the access line: a route is far shorter. */
#define WORKER_LOG_PATH	256

static const char *
worker_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status < 500 ? "Bad Request" : "Internal Server Error";
	}
}

static int
worker_hexkey(const char *hex, unsigned char key[32])
{
	size_t	 binlen;

	return strlen(hex) == 64 && sodium_hex2bin(key, 32, hex, 64, NULL, &binlen, NULL) ==
	    0 && binlen == 32 ? 0 : -1;
}

enum civic_err
civic_worker_init(struct civic_worker *w, const struct civic_app *app,
    const struct civic_config *cfg)
{
	const char	*dir = civic_config_get(cfg, "paths.xslt_dir");
	enum civic_err	 err;

	memset(w, 0, sizeof(*w));
	w->app = app;
	w->cfg = cfg;
	if (worker_hexkey(civic_config_get(cfg, "security.secret"), w->secret) != 0) {
		civic_log_err("[security] secret must be 64 hexadecimal digits "
		    "(make one with `civicctl secret`)");
		return CIVIC_ERR_CONFIG;
	}
	if ((w->arena = civic_arena_new()) == NULL ||
	    (w->mount = malloc(strlen(app->name) + 3)) == NULL ||
	    (w->xsl_href = malloc(strlen(civic_config_get(cfg, "site.static_url")) +
	    strlen(app->stylesheet) + 1)) == NULL)
		return CIVIC_ERR_NOMEM;
	snprintf(w->mount, strlen(app->name) + 3, "/%s/", app->name);
	snprintf(w->xsl_href, strlen(civic_config_get(cfg, "site.static_url")) +
	    strlen(app->stylesheet) + 1, "%s%s", civic_config_get(cfg, "site.static_url"),
	    app->stylesheet);
	if ((err = civic_valid_init()) != CIVIC_OK)
		return err;
	if ((err = civic_render_load(dir, app->stylesheet, &w->render)) != CIVIC_OK)
		return err;
	/* A database that is down now is not fatal: see civic_db_open(). */
	if ((err = civic_db_open(cfg, &w->db)) == CIVIC_ERR_NOMEM)
		return err;
	return CIVIC_OK;
}

void
civic_worker_exit(struct civic_worker *w)
{
	civic_db_close(w->db);
	civic_render_free(w->render);
	civic_arena_free(w->arena);
	civic_valid_exit();
	free(w->mount);
	free(w->xsl_href);
	memset(w, 0, sizeof(*w));
}

/* Writes the whole answer; a client gone away is only logged. */
static void
worker_send(struct civic_req *r, FCGX_Request *fr)
{
	const char	*body = NULL, *ctype = "text/html; charset=utf-8";
	size_t		 len = 0, i;
	enum civic_err	 err = CIVIC_OK;

	if (r->status == 303) {
		body = "";
	} else if (r->body != NULL) {
		body = r->body;
		len = r->bodylen;
		ctype = NULL;	/* the handler set its own Content-Type */
	} else {
		/* The final status goes into the page, for the stylesheet. */
		char num[8];

		snprintf(num, sizeof(num), "%d", r->status);
		civic_page_attr(r->page, "status", num);
		if (r->want_xml) {
			ctype = "application/xml; charset=utf-8";
			err = civic_render_xml(r->doc, r->worker->xsl_href, r->arena, &body, &len);
		} else
			err = civic_render_html(r->worker->render, r->doc, r->arena, &body, &len);
		if (err != CIVIC_OK) {
			civic_log_err("incident %s: rendering failed: %s", r->id,
			    civic_strerror(err));
			r->status = 500;
			ctype = "text/plain; charset=utf-8";
			body = civic_arena_printf(r->arena, "500 Internal Server Error\n"
			    "incident %s\n", r->id);
			len = body != NULL ? strlen(body) : 0;
		}
	}
	FCGX_FPrintF(fr->out, "Status: %d %s\r\n%sX-Request-Id: %s\r\n", r->status,
	    worker_reason(r->status), worker_security_headers, r->id);
	if (ctype != NULL)
		FCGX_FPrintF(fr->out, "Content-Type: %s\r\n", ctype);
	if (r->location != NULL && r->status == 303)
		FCGX_FPrintF(fr->out, "Location: %s\r\n", r->location);
	for (i = 0; i < r->headers.n; i++)
		FCGX_FPrintF(fr->out, "%s: %s\r\n", r->headers.v[i].key, r->headers.v[i].val);
	FCGX_FPrintF(fr->out, "Content-Length: %lu\r\n\r\n", (unsigned long)len);
	if (strcmp(r->method != NULL ? r->method : "GET", "HEAD") != 0 && len > 0 &&
	    FCGX_PutStr(body, (int)len, fr->out) < 0)
		civic_log_info("client went away");
}

/* The GET route of the same pattern: the form a refused POST came from. */
static const struct civic_route *
worker_form_route(const struct civic_req *r)
{
	const struct civic_app	*app = r->worker->app;
	size_t			 i;

	for (i = 0; i < app->nroutes; i++)
		if (strcmp(app->routes[i].method, "GET") == 0 &&
		    strcmp(app->routes[i].pattern, r->route->pattern) == 0)
			return &app->routes[i];
	return NULL;
}

/*
 * A refused form goes back to the page it came from, with what was typed
 * and a message beside each field.  The GET handler of the same path
 * builds that page; it must not depend on this POST's fields, which it
 * never sees.
 */
static int
worker_form_again(struct civic_req *r)
{
	const struct civic_route	*route = r->route, *form;
	int				 st;

	const char			**vals = r->vals;
	const struct civic_file		**vfiles = r->vfiles;
	struct civic_fielderr		 *errs = r->errs;
	size_t				  nerrs = r->nerrs;

	civic_page_form(r);
	if (strcmp(route->method, "POST") != 0 || (form = worker_form_route(r)) == NULL)
		return 400;
	civic_page_attr(r->page, "view", form->view);
	/*
	 * The GET handler reads its own fields (from the query string),
	 * never the POST's: validate them for it, and put the POST's back
	 * afterwards.  Its own invalid fields are simply absent.
	 */
	r->route = form;
	r->refused = route;
	r->method = "GET";	/* its fields come from the query string only */
	st = civic_form_apply(r) == CIVIC_ERR_NOMEM ? 500 : form->handler(r);
	r->method = "POST";
	r->route = route;
	r->refused = NULL;
	r->vals = vals;
	r->vfiles = vfiles;
	r->errs = errs;
	r->nerrs = nerrs;
	return st == 200 ? 422 : st;
}

void
civic_req_error(struct civic_req *r, const char *field, const char *key, long long max)
{
	struct civic_fielderr	*e;
	size_t			 n, i;

	/* Room was made for one error a declared field (civic_form_apply). */
	for (n = 0; r->route->fields != NULL && r->route->fields[n].name != NULL; n++)
		;
	if (field == NULL || r->errs == NULL || r->nerrs >= n)
		goto out;
	for (i = 0; i < r->nerrs; i++)
		if (strcmp(r->errs[i].field, field) == 0)
			goto out;
	e = &r->errs[r->nerrs++];
	memset(e, 0, sizeof(*e));
	e->field = field;
	e->key = key;
	e->max = max;
out:
	return;
}

int
civic_req_refuse(struct civic_req *r, const char *field, const char *key)
{
	/* Whatever page the handler had begun is made anew. */
	if (civic_page_new(r, r->route->view) != CIVIC_OK)
		return 500;
	if (field == NULL)
		civic_page_message(r, "error", key);
	else
		civic_req_error(r, field, key, 0);
	return worker_form_again(r);
}

/*
 * The route's roles and department scope.  Not signed in: to the sign-in
 * page (a GET comes back here afterwards).  Signed in without the role:
 * 403.  A clerk reaching another department's object: 404, as for an
 * object that does not exist, so that ids are not confirmed.
 */
static int
worker_authorize(struct civic_req *r)
{
	const struct civic_route	*route = r->route;
	struct civic_rows		 rows;
	const char			*dept, *uri;
	size_t				 i;
	enum civic_err			 err;

	if (route->roles == 0)
		return 0;
	if (r->staff == NULL) {
		uri = civic_req_param(r, "REQUEST_URI");
		const char *next = uri != NULL ? civic_url_escape(r->arena, uri) : NULL;

		r->location = strcmp(r->method, "GET") == 0 && next != NULL ?
		    civic_arena_printf(r->arena, "/account/signin?next=%s", next) :
		    "/account/signin";
		return r->location != NULL ? 303 : 500;
	}
	if ((r->staff->roles & route->roles) == 0)
		return 403;
	if (route->scope == NULL || (r->staff->roles & CIVIC_ROLE_ALLDEPTS))
		return 0;
	{
		struct civic_param p[] = { CIVIC_PTEXT(r->segs[0].val) };

		if ((err = civic_db_query(r->db, r->arena, route->scope, p, 1,
		    CIVIC_MAX_SCOPES, &rows)) != CIVIC_OK)
			return civic_req_status(err);
	}
	/* Any of the object's departments will do (a question dispatched elsewhere). */
	for (i = 0; i < rows.nrows && rows.ncols >= 1; i++)
		if ((dept = rows.cell[i * rows.ncols]) != NULL &&
		    strtoll(dept, NULL, 10) == r->staff->department)
			return 0;
	return 404;
}

/*
 * The checks a route declares, then its handler.  Returns the status; a
 * status >= 400 without a page of the handler's becomes an error page.
 */
static int
worker_dispatch(struct civic_req *r, const char **allow)
{
	const struct civic_route	*route;
	const char			*key, *loc;
	size_t				 i;
	int				 st, limited;
	enum civic_err			 err;

	st = civic_route_find(r->worker->app->routes, r->worker->app->nroutes, r->method,
	    r->path, &route, r->segs, &r->nsegs, allow);
	if (st != 200)
		return st;
	r->route = route;
	/* The matcher's buffers are reused by the next call: copy. */
	for (i = 0; i < r->nsegs; i++)
		if ((r->segs[i].name = civic_arena_strdup(r->arena, r->segs[i].name)) == NULL ||
		    (r->segs[i].val = civic_arena_strdup(r->arena, r->segs[i].val)) == NULL)
			return 500;
	/* An API's caller proves itself by its key, never by a cookie. */
	if (!(route->flags & CIVIC_R_APIKEY) && (err = civic_session_load(r)) != CIVIC_OK)
		return civic_req_status(err);
	if ((st = worker_authorize(r)) != 0)
		return st;
	if ((route->flags & (CIVIC_R_STATE | CIVIC_R_CSRF)) && civic_csrf_check(r) != 0)
		return 403;
	if (route->flags & CIVIC_R_STATE) {
		key = civic_kv_get(&r->form, "idem");
		if (key == NULL || strlen(key) < 16 || strlen(key) > 64 ||
		    strspn(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-_") != strlen(key))
			return 400;
		if ((err = civic_idem_lookup(r, key, &loc)) != CIVIC_OK)
			return civic_req_status(err);
		if (loc != NULL) {
			/* A repeat of a POST that went through: the same answer. */
			r->location = loc;
			return 303;
		}
	}
	if (route->rate.action != NULL) {
		limited = civic_req_ratelimit(r, route->rate.action, route->rate.limit,
		    route->rate.window);
		if (limited < 0)
			return civic_req_status(CIVIC_ERR_DBDOWN);
		if (limited)
			return 429;
	}
	if (civic_page_new(r, route->view) != CIVIC_OK)
		return 500;
	if ((err = civic_form_apply(r)) == CIVIC_ERR_NOMEM)
		return 500;
	if (err == CIVIC_ERR_INVALID)
		return worker_form_again(r);
	return route->handler(r);
}

/*
 * One line a request, whatever its outcome, with the request id the
 * response carries in X-Request-Id: the method, the path as the client
 * sent it (without the query string, which may hold a search a citizen
 * typed) and the status.  Bytes that could forge or break a line (controls,
 * space, non-ASCII) are written as %XX, and a long path is cut.
 */
static void
worker_log_access(const struct civic_req *r)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const char		*uri = civic_req_param(r, "REQUEST_URI");
	char			 path[WORKER_LOG_PATH * 3 + 4];
	size_t			 i, o = 0;
	unsigned char		 c;

	for (i = 0; uri != NULL && uri[i] != '\0' && uri[i] != '?'; i++) {
		if (i == WORKER_LOG_PATH) {
			memcpy(path + o, "...", 3);
			o += 3;
			break;
		}
		c = (unsigned char)uri[i];
		if (c <= 0x20 || c >= 0x7f) {
			path[o++] = '%';
			path[o++] = hex[c >> 4];
			path[o++] = hex[c & 15];
		} else
			path[o++] = (char)c;
	}
	path[o] = '\0';
	civic_log_info("%.16s %s %d", r->method != NULL ? r->method : "-",
	    o > 0 ? path : "-", r->status);
}

static void
worker_request_id(char *id, size_t size)
{
	unsigned char	 raw[8];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(id, size, raw, sizeof(raw));
}

void
civic_worker_handle(struct civic_worker *w, FCGX_Request *fr)
{
	struct civic_req	 req, *r = &req;
	const char		*allow = NULL;
	int			 st;

	memset(r, 0, sizeof(*r));
	r->arena = w->arena;
	r->worker = w;
	r->db = w->db;
	worker_request_id(r->id, sizeof(r->id));
	civic_log_request(r->id);

	if ((st = civic_request_read(r, fr)) == 0)
		st = worker_dispatch(r, &allow);
	r->status = st;
	/*
	 * An error page replaces whatever page there was, except a refused
	 * form's: a handler that refuses a form (a wrong password, say)
	 * answers 422 with its own page and messages.
	 */
	if (st >= 400 && st != 422 && r->body == NULL) {
		if (st >= 500)
			civic_log_err("incident %s: %s %s answered %d", r->id,
			    r->method != NULL ? r->method : "-", r->path != NULL ? r->path : "-", st);
		if (st == 405 && allow != NULL)
			civic_req_header(r, "Allow", allow);
		if (st == 429)
			civic_req_header(r, "Retry-After", civic_arena_printf(r->arena, "%u",
			    r->retry_after));
		if (civic_page_error(r, st, allow, r->retry_after) != CIVIC_OK)
			r->status = 500;
	}
	if (r->doc == NULL && r->body == NULL && r->status != 303) {
		/* Only when even the error page could not be made. */
		r->status = 500;
		r->body = "500 Internal Server Error\n";
		r->bodylen = strlen(r->body);
		civic_req_header(r, "Content-Type", "text/plain; charset=utf-8");
	}
	worker_send(r, fr);
	worker_log_access(r);
	civic_log_request(NULL);
	civic_arena_reset(w->arena);
	w->served++;
}
