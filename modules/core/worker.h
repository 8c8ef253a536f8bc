/*
 * worker.h: what one worker process holds for its whole life, and the
 * handling of one request from accept to answer.  Private to libcivic.
 */
#ifndef CIVIC_WORKER_H
#define CIVIC_WORKER_H

#include <fcgiapp.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "render.h"
#include "request.h"
#include "server.h"

struct civic_worker {
	const struct civic_app	*app;
	const struct civic_config *cfg;
	struct civic_db		*db;
	struct civic_render	*render;
	struct civic_arena	*arena;
	char			*mount;		/* "/demo/" */
	char			*xsl_href;	/* static_url + stylesheet, for ?format=xml */
	unsigned char		 secret[32];	/* [security] secret: keys CSRF tokens */
	unsigned long		 served;
};

/*
 * Opens the database (a database that is down is not fatal: requests get
 * 503 until it is back), compiles the stylesheet and the validators.
 */
enum civic_err	 civic_worker_init(struct civic_worker *, const struct civic_app *,
		    const struct civic_config *);
void		 civic_worker_exit(struct civic_worker *);

/* Serves one accepted request, whatever happens, and resets the arena. */
void		 civic_worker_handle(struct civic_worker *, FCGX_Request *);

/* request.c: reading the request into r; returns 0 or the HTTP error status. */
int		 civic_request_read(struct civic_req *, FCGX_Request *);

/*
 * form.c: the raw value of a field as the client sent it, trimmed and with
 * its line ends made "\n" (NULL when absent or empty), which also refills
 * a refused form; and the validation of the route's fields into r->vals,
 * r->vfiles and r->errs.
 */
const char	*civic_form_raw(struct civic_req *, const struct civic_field *);
/* form.c: validates the route's fields into r->vals, r->vfiles and r->errs. */
enum civic_err	 civic_form_apply(struct civic_req *);

/* csrf.c: the token for this client (setting its cookie if new), and the check. */
const char	*civic_csrf_token(struct civic_req *);
int		 civic_csrf_check(struct civic_req *);

/* idem.c: a fresh key for a form, and the answer a used key had. */
const char	*civic_idem_new(struct civic_req *);
enum civic_err	 civic_idem_lookup(struct civic_req *, const char *key, const char **location);

/* page.c: the envelope, the values and errors of a refused form, error pages. */
enum civic_err	 civic_page_new(struct civic_req *, const char *view);
void		 civic_page_form(struct civic_req *);
enum civic_err	 civic_page_error(struct civic_req *, int status, const char *allow,
		    unsigned retry_after);

#endif
