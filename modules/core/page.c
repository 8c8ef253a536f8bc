/*
 * page.c: the XML page every answer is built on.
 *
 * Text goes into the tree through xmlNewTextChild and xmlNewProp, which
 * escape it; before that, characters XML 1.0 can't carry (C0 controls
 * other than tab and line ends, U+FFFE and U+FFFF) are replaced by
 * U+FFFD, so that no value a client or a database holds can make the page
 * ill-formed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "limits.h"
#include "log.h"
#include "page.h"
#include "valid.h"
#include "worker.h"

/*
 * The length of what XML 1.0 can't carry at p (0: a character it can): a
 * C0 control other than tab and line ends, or the noncharacters U+FFFE
 * and U+FFFF, which are valid UTF-8 and which the form layer lets through
 * like any other character (a letter pasted from somewhere may hold them).
 */
static size_t
page_bad(const unsigned char *p)
{
	if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
		return 1;
	if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
		return 3;
	return 0;
}

/* The bytes of s once each bad character is U+FFFD (3 bytes). */
static size_t
page_clean_len(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = 0, bad;

	while (*p != '\0') {
		bad = page_bad(p);
		n += bad > 0 ? 3 : 1;
		p += bad > 0 ? bad : 1;
	}
	return n;
}

/* Copies s into out (page_clean_len(s) + 1 bytes), bad characters replaced. */
static void
page_clean_copy(const char *s, char *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 bad;

	while (*p != '\0') {
		if ((bad = page_bad(p)) > 0) {
			memcpy(out, "\xef\xbf\xbd", 3);
			out += 3;
			p += bad;
		} else
			*out++ = (char)*p++;
	}
	*out = '\0';
}

const char *
civic_page_clean(struct civic_arena *a, const char *s)
{
	const unsigned char	*p;
	char			*out;

	for (p = (const unsigned char *)s; *p != '\0' && page_bad(p) == 0; p++)
		;
	if (*p == '\0')
		return s;
	if ((out = civic_arena_alloc(a, page_clean_len(s) + 1)) == NULL)
		return NULL;
	page_clean_copy(s, out);
	return out;
}

xmlNodePtr
civic_page_add(struct civic_req *r, xmlNodePtr parent, const char *name, const char *text)
{
	if (text != NULL && (text = civic_page_clean(r->arena, text)) == NULL)
		return NULL;
	return xmlNewTextChild(parent != NULL ? parent : r->page, NULL, BAD_CAST name,
	    BAD_CAST text);
}

xmlNodePtr
civic_page_addf(struct civic_req *r, xmlNodePtr parent, const char *name, const char *fmt,
    ...)
{
	char	 buf[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return civic_page_add(r, parent, name, buf);
}

/*
 * Attributes are cleaned like text: most are the program's own, but some
 * hold what a database row holds (a category's name, a file's name).
 * There is no request here, so a value that needs it is copied with malloc.
 */
void
civic_page_attr(xmlNodePtr node, const char *name, const char *val)
{
	const unsigned char	*p;
	char			*copy;

	if (node == NULL || val == NULL)
		return;
	for (p = (const unsigned char *)val; *p != '\0' && page_bad(p) == 0; p++)
		;
	if (*p == '\0') {
		xmlSetProp(node, BAD_CAST name, BAD_CAST val);
		return;
	}
	if ((copy = malloc(page_clean_len(val) + 1)) == NULL)
		return;
	page_clean_copy(val, copy);
	xmlSetProp(node, BAD_CAST name, BAD_CAST copy);
	free(copy);
}

xmlNodePtr
civic_page_rows(struct civic_req *r, xmlNodePtr parent, const char *row,
    const struct civic_rows *rows)
{
	xmlNodePtr	 el = NULL;
	size_t		 i, c;
	const char	*v;

	for (i = 0; i < rows->nrows; i++) {
		if ((el = civic_page_add(r, parent, row, NULL)) == NULL)
			return NULL;
		for (c = 0; c < rows->ncols; c++)
			if ((v = rows->cell[i * rows->ncols + c]) != NULL)
				civic_page_add(r, el, rows->names[c], v);
	}
	return el;
}

/* The envelope's child named name, made on first use. */
static xmlNodePtr
page_section(struct civic_req *r, const char *name)
{
	xmlNodePtr	 n;

	for (n = r->page->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	return xmlNewChild(r->page, NULL, BAD_CAST name, NULL);
}

void
civic_page_message(struct civic_req *r, const char *level, const char *key)
{
	xmlNodePtr	 m;

	m = xmlNewChild(page_section(r, "messages"), NULL, BAD_CAST "message", NULL);
	civic_page_attr(m, "level", level);
	civic_page_attr(m, "key", key);
}

void
civic_page_pager(struct civic_req *r, const char *next)
{
	xmlNodePtr	 p = xmlNewChild(r->page, NULL, BAD_CAST "pager", NULL);
	const char	*after = civic_kv_get(&r->query, "after");

	civic_page_attr(p, "next", next);
	civic_page_attr(p, "after", after != NULL ? civic_page_clean(r->arena, after) : NULL);
}

void
civic_page_keyset(struct civic_req *r, struct civic_rows *rows, const char *key)
{
	const char	*next = NULL;

	if (rows->nrows > CIVIC_PAGE_SIZE) {
		rows->nrows = CIVIC_PAGE_SIZE;
		next = civic_rows_get(rows, CIVIC_PAGE_SIZE - 1, key);
	}
	civic_page_pager(r, next);
}

int
civic_page_query(struct civic_req *r, const char *wrapper, const char *row, const char *sql,
    const struct civic_param *p, size_t n)
{
	struct civic_rows	 rows;
	enum civic_err		 err;

	err = civic_db_query(r->db, r->arena, sql, p, n, CIVIC_MAX_ROWS, &rows);
	/* Past the bound: the first CIVIC_MAX_ROWS rows, which is all a page shows. */
	if (err != CIVIC_OK && err != CIVIC_ERR_TOOBIG)
		return civic_req_status(err);
	civic_page_rows(r, civic_page_add(r, NULL, wrapper, NULL), row, &rows);
	return 0;
}

int
civic_page_list(struct civic_req *r, const char *wrapper, const char *row, const char *key,
    const char *sql, const struct civic_param *p, size_t n)
{
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, n, CIVIC_PAGE_SIZE + 1, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	civic_page_keyset(r, &rows, key);
	civic_page_rows(r, civic_page_add(r, NULL, wrapper, NULL), row, &rows);
	return 0;
}

int
civic_page_one(struct civic_req *r, const char *elem, const char *sql,
    const struct civic_param *p, size_t n, struct civic_rows *out)
{
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, n, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	civic_page_rows(r, NULL, elem, &rows);
	if (out != NULL)
		*out = rows;
	return 0;
}

static void
page_free(void *doc)
{
	xmlFreeDoc(doc);
}

/* A new document with its <page> root and <site>. */
static enum civic_err
page_begin(struct civic_req *r, const char *view)
{
	const struct civic_config	*cfg = r->worker->cfg;
	xmlNodePtr			 site;
	const char			*uri, *path;

	if ((r->doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    civic_arena_cleanup(r->arena, page_free, r->doc) != CIVIC_OK)
		return CIVIC_ERR_NOMEM;
	if ((r->page = xmlNewDocNode(r->doc, NULL, BAD_CAST "page", NULL)) == NULL)
		return CIVIC_ERR_NOMEM;
	xmlDocSetRootElement(r->doc, r->page);
	civic_page_attr(r->page, "program", r->worker->app->name);
	civic_page_attr(r->page, "view", view);
	civic_page_attr(r->page, "lang", r->lang != NULL ? r->lang :
	    civic_config_get(cfg, "site.language"));
	civic_page_attr(r->page, "request-id", r->id);
	site = xmlNewChild(r->page, NULL, BAD_CAST "site", NULL);
	civic_page_attr(site, "name", civic_config_get(cfg, "site.name"));
	civic_page_attr(site, "base", civic_config_get(cfg, "site.base_url"));
	civic_page_attr(site, "static", civic_config_get(cfg, "site.static_url"));
	civic_page_attr(site, "mount", r->worker->mount);
	/* The reader's display mode (?a11y=), which the layout carries on. */
	if (r->a11y != NULL)
		civic_page_attr(site, "a11y", r->a11y);
	/* The path as requested, for links back to this page (language switch). */
	uri = civic_req_param(r, "REQUEST_URI");
	if (uri != NULL && (path = civic_arena_strndup(r->arena, uri, strcspn(uri, "?"))) != NULL)
		civic_page_attr(site, "path", civic_page_clean(r->arena, path));
	return CIVIC_OK;
}

enum civic_err
civic_page_new(struct civic_req *r, const char *view)
{
	const char	*csrf, *idem;
	enum civic_err	 err;

	if ((err = page_begin(r, view)) != CIVIC_OK)
		return err;
	if (r->staff != NULL) {
		xmlNodePtr	 st = xmlNewChild(r->page, NULL, BAD_CAST "staff", NULL);
		char		 num[24];

		civic_page_attr(st, "no", r->staff->no);
		civic_page_attr(st, "name", r->staff->name);
		snprintf(num, sizeof(num), "%lld", r->staff->department);
		civic_page_attr(st, "department", num);
		civic_page_attr(st, "department-name", r->staff->department_name);
		if (r->staff->roles & CIVIC_ROLE_ADMIN)
			civic_page_add(r, st, "role", "admin");
		if (r->staff->roles & CIVIC_ROLE_OFFICE)
			civic_page_add(r, st, "role", "office");
		if (r->staff->roles & CIVIC_ROLE_CLERK)
			civic_page_add(r, st, "role", "clerk");
		if (r->staff->roles & CIVIC_ROLE_SUPERVISOR)
			civic_page_add(r, st, "role", "supervisor");
	}
	/* Every page may hold a form: each carries the two keys a form needs. */
	if ((csrf = civic_csrf_token(r)) == NULL || (idem = civic_idem_new(r)) == NULL)
		return CIVIC_ERR_NOMEM;
	civic_page_add(r, NULL, "csrf", csrf);
	civic_page_add(r, NULL, "idem", idem);
	return CIVIC_OK;
}

void
civic_page_value(struct civic_req *r, const char *name, const char *text)
{
	const struct civic_field	*f;

	/* A refused form shows what was typed (an unticked box too), not what is stored. */
	for (f = r->refused != NULL ? r->refused->fields : NULL; f != NULL && f->name != NULL;
	    f++)
		if (strcmp(f->name, name) == 0)
			return;
	if (text != NULL)
		civic_page_attr(civic_page_add(r, page_section(r, "values"), "value", text),
		    "name", name);
}

void
civic_page_values(struct civic_req *r, const struct civic_rows *rows)
{
	size_t	 c;

	for (c = 0; rows->nrows > 0 && c < rows->ncols; c++)
		civic_page_value(r, rows->names[c], rows->cell[c]);
}

void
civic_page_form(struct civic_req *r)
{
	const struct civic_field	*f;
	xmlNodePtr			 e;
	const char			*v;
	size_t				 i;
	char				 num[24];

	for (f = r->route->fields; f != NULL && f->name != NULL; f++)
		if (f->kind != CIVIC_V_FILE && !(f->flags & CIVIC_F_SECRET) &&
		    (v = civic_form_raw(r, f)) != NULL)
			civic_page_value(r, f->name, v);
	for (i = 0; i < r->nerrs; i++) {
		e = xmlNewChild(page_section(r, "errors"), NULL, BAD_CAST "error", NULL);
		civic_page_attr(e, "field", r->errs[i].field);
		civic_page_attr(e, "key", r->errs[i].key != NULL ? r->errs[i].key :
		    civic_valid_key(r->errs[i].err));
		snprintf(num, sizeof(num), "%lld", r->errs[i].min);
		civic_page_attr(e, "min", num);
		snprintf(num, sizeof(num), "%lld", r->errs[i].max);
		civic_page_attr(e, "max", num);
	}
}

enum civic_err
civic_page_error(struct civic_req *r, int status, const char *allow, unsigned retry_after)
{
	xmlNodePtr	 e;
	char		 num[16];
	enum civic_err	 err;

	if ((err = page_begin(r, "error")) != CIVIC_OK)
		return err;
	e = xmlNewChild(r->page, NULL, BAD_CAST "error-page", NULL);
	snprintf(num, sizeof(num), "%d", status);
	civic_page_attr(e, "status", num);
	if (status >= 500)
		civic_page_attr(e, "incident", r->id);
	civic_page_attr(e, "allow", allow);
	if (retry_after > 0) {
		snprintf(num, sizeof(num), "%u", retry_after);
		civic_page_attr(e, "retry-after", num);
	}
	return CIVIC_OK;
}
