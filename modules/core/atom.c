/*
 * atom.c: Atom feeds (atom.h).
 */
#include <string.h>

#include <libxml/tree.h>

#include "atom.h"
#include "calendar.h"
#include "config.h"
#include "page.h"
#include "render.h"
#include "worker.h"

#define ATOM_NS		"http://www.w3.org/2005/Atom"

static void
atom_doc_free(void *doc)
{
	xmlFreeDoc(doc);
}

/* NULL for host: the caller wants the origin only. */
const char *
civic_atom_origin(struct civic_req *r, const char **host)
{
	const char	*ignored;
	const char	*base = civic_config_get(r->worker->cfg, "site.base_url");
	const char	*name = civic_req_param(r, "SERVER_NAME");
	const char	*port = civic_req_param(r, "SERVER_PORT");
	const char	*h;
	size_t		 len;

	if (host == NULL)
		host = &ignored;
	if (strncmp(base, "https://", 8) == 0 || strncmp(base, "http://", 7) == 0) {
		h = strstr(base, "://") + 3;
		len = strcspn(h, "/:");
		*host = civic_arena_strndup(r->arena, h, len);
		return civic_arena_strndup(r->arena, base, (size_t)(h - base) + strcspn(h, "/"));
	}
	if (name == NULL || name[0] == '\0' || strcspn(name, "/\"<>\\: ") != strlen(name))
		name = "localhost";
	*host = name;
	/* The port only when it is not the scheme's own. */
	if (port == NULL || port[0] == '\0' || strspn(port, "0123456789") != strlen(port) ||
	    strcmp(port, r->https ? "443" : "80") == 0)
		port = NULL;
	return civic_arena_printf(r->arena, "%s://%s%s%s", r->https ? "https" : "http", name,
	    port != NULL ? ":" : "", port != NULL ? port : "");
}

static void
atom_link(xmlNodePtr parent, const char *rel, const char *type, const char *href)
{
	xmlNodePtr	 l = xmlNewChild(parent, NULL, BAD_CAST "link", NULL);

	civic_page_attr(l, "rel", rel);
	civic_page_attr(l, "type", type);
	civic_page_attr(l, "href", href);
}

int
civic_atom_feed(struct civic_req *r, const struct civic_atom *f,
    const struct civic_rows *rows)
{
	const int	 en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	const char	*site = civic_config_get(r->worker->cfg, "site.name");
	const char	*origin, *host, *mount = r->worker->mount, *updated, *cat;
	xmlDocPtr	 doc;
	xmlNodePtr	 feed, e, a;
	xmlNsPtr	 ns;
	char		 now[CIVIC_CALENDAR_TIME_LEN];
	size_t		 i;
	int		 st = 500;

	if ((origin = civic_atom_origin(r, &host)) == NULL ||
	    (doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		goto out;
	if (civic_arena_cleanup(r->arena, atom_doc_free, doc) != CIVIC_OK ||
	    (feed = xmlNewDocNode(doc, NULL, BAD_CAST "feed", NULL)) == NULL ||
	    (ns = xmlNewNs(feed, BAD_CAST ATOM_NS, NULL)) == NULL)
		goto out;
	xmlSetNs(feed, ns);
	xmlDocSetRootElement(doc, feed);
	xmlNodeSetLang(feed, BAD_CAST (en ? "en" : "zh-CN"));
	civic_page_add(r, feed, "id", civic_arena_printf(r->arena, "tag:%s,2026:%s", host,
	    f->feed != NULL ? f->feed : f->tag));
	civic_page_add(r, feed, "title", civic_arena_printf(r->arena, "%s %s", site,
	    en ? f->title_en : f->title_zh));
	/* The newest publication, or now for a feed with no entry yet. */
	if (rows->nrows > 0)
		updated = civic_rows_get(rows, 0, "published");
	else {
		civic_calendar_format_time(civic_calendar_now(), now);
		now[10] = 'T';
		updated = civic_arena_printf(r->arena, "%s+08:00", now);
	}
	civic_page_add(r, feed, "updated", updated);
	atom_link(feed, "self", "application/atom+xml",
	    civic_arena_printf(r->arena, "%s%s%s", origin, mount, r->path + 1));
	atom_link(feed, "alternate", "text/html", civic_arena_printf(r->arena, "%s%s",
	    origin, mount));
	a = civic_page_add(r, feed, "author", NULL);
	civic_page_add(r, a, "name", site);
	for (i = 0; i < rows->nrows; i++) {
		e = civic_page_add(r, feed, "entry", NULL);
		civic_page_add(r, e, "id", civic_arena_printf(r->arena, "tag:%s,2026:%s/%s",
		    host, f->tag, civic_rows_get(rows, i, "key")));
		civic_page_add(r, e, "title", civic_rows_get(rows, i, "title"));
		civic_page_add(r, e, "updated", civic_rows_get(rows, i, "published"));
		civic_page_add(r, e, "published", civic_rows_get(rows, i, "published"));
		atom_link(e, "alternate", "text/html", civic_arena_printf(r->arena, "%s%s%s%s",
		    origin, mount, f->path, civic_rows_get(rows, i, "id")));
		if ((cat = civic_rows_get(rows, i, "category")) != NULL)
			civic_page_attr(civic_page_add(r, e, "category", NULL), "term", cat);
		civic_page_attr(civic_page_add(r, e, "content",
		    civic_rows_get(rows, i, "content")), "type", "text");
	}
	if (civic_render_xml(doc, NULL, r->arena, &r->body, &r->bodylen) != CIVIC_OK ||
	    civic_req_header(r, "Content-Type", "application/atom+xml; charset=utf-8") !=
	    CIVIC_OK)
		goto out;
	st = 200;
out:
	return st;
}
