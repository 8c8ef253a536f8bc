/*
 * form.c: applying a route's field declarations to a request, so that a
 * handler sees only values that passed their validators.
 *
 * Values are trimmed of surrounding white space (ASCII and the
 * ideographic space U+3000 that Chinese input methods type), and line
 * ends in multi-line text become "\n", before they are checked: the
 * length a citizen is told about is the length that is stored.  A field
 * that fails keeps no validated value; its raw text goes back into the
 * form through civic_page_form() so that nothing typed is lost.
 */
#include <string.h>

#include "parse.h"
#include "request.h"
#include "valid.h"
#include "worker.h"

/* Strips white space at both ends of v[0..*len); returns the new start. */
static const char *
form_trim(const char *v, size_t *len)
{
	size_t	 n = *len;

	for (;;) {
		if (n > 0 && (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')) {
			v++;
			n--;
		} else if (n >= 3 && memcmp(v, "\xe3\x80\x80", 3) == 0) {
			v += 3;
			n -= 3;
		} else
			break;
	}
	for (;;) {
		if (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' ||
		    v[n - 1] == '\n'))
			n--;
		else if (n >= 3 && memcmp(v + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	*len = n;
	return v;
}

/* A copy of v[0..len) with CRLF and lone CR turned into LF. */
static char *
form_newlines(struct civic_arena *a, const char *v, size_t *len)
{
	char	*out;
	size_t	 i, j;

	if ((out = civic_arena_alloc(a, *len + 1)) == NULL)
		return NULL;
	for (i = j = 0; i < *len; i++) {
		if (v[i] == '\r') {
			out[j++] = '\n';
			if (i + 1 < *len && v[i + 1] == '\n')
				i++;
		} else
			out[j++] = v[i];
	}
	out[j] = '\0';
	*len = j;
	return out;
}

static const struct civic_file *
form_file(const struct civic_req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->files.n; i++)
		if (strcmp(r->files.v[i].field, name) == 0)
			return &r->files.v[i];
	return NULL;
}

const char *
civic_form_raw(struct civic_req *r, const struct civic_field *f)
{
	const struct civic_kvlist	*src;
	const struct civic_kv		*kv;
	const char			*v;
	size_t				 len;

	src = strcmp(r->method, "POST") == 0 && !(f->flags & CIVIC_F_QUERY) ?
	    &r->form : &r->query;
	if ((kv = civic_kv_find(src, f->name)) == NULL)
		return NULL;
	len = kv->vlen;
	/* A password is what was typed, spaces and all. */
	if (f->flags & CIVIC_F_SECRET)
		return len > 0 ? kv->val : NULL;
	v = form_trim(kv->val, &len);
	if (len == 0)
		return NULL;
	return form_newlines(r->arena, v, &len);
}

enum civic_err
civic_form_apply(struct civic_req *r)
{
	const struct civic_field	*f;
	const struct civic_file		*file;
	const char			*v;
	enum civic_verr			 e;
	size_t				 n, i;

	for (n = 0; r->route->fields != NULL && r->route->fields[n].name != NULL; n++)
		;
	r->nerrs = 0;
	/* One error more than fields: room for a handler's civic_req_refuse(). */
	if (n == 0)
		return (r->errs = civic_arena_zalloc(r->arena, sizeof(*r->errs))) == NULL ?
		    CIVIC_ERR_NOMEM : CIVIC_OK;
	if ((r->vals = civic_arena_zalloc(r->arena, n * sizeof(*r->vals))) == NULL ||
	    (r->vfiles = civic_arena_zalloc(r->arena, n * sizeof(*r->vfiles))) == NULL ||
	    (r->errs = civic_arena_zalloc(r->arena, (n + 1) * sizeof(*r->errs))) == NULL)
		return CIVIC_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		f = &r->route->fields[i];
		e = CIVIC_VE_OK;
		if (f->kind == CIVIC_V_FILE) {
			if ((file = form_file(r, f->name)) == NULL)
				e = (f->flags & CIVIC_F_REQUIRED) ? CIVIC_VE_REQUIRED : CIVIC_VE_OK;
			else if ((e = civic_valid_file(f, file->data, file->len)) == CIVIC_VE_OK)
				r->vfiles[i] = file;
		} else if ((v = civic_form_raw(r, f)) == NULL) {
			e = (f->flags & CIVIC_F_REQUIRED) ? CIVIC_VE_REQUIRED : CIVIC_VE_OK;
		} else if ((e = civic_valid_check(f, v, strlen(v))) == CIVIC_VE_OK)
			r->vals[i] = v;
		if (e != CIVIC_VE_OK) {
			r->errs[r->nerrs].field = f->name;
			r->errs[r->nerrs].err = e;
			r->errs[r->nerrs].min = f->min;
			r->errs[r->nerrs].max = f->max;
			r->nerrs++;
		}
	}
	return r->nerrs > 0 ? CIVIC_ERR_INVALID : CIVIC_OK;
}
