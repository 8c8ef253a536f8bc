/*
 * render.h: turning a page into what the client gets.  Stylesheets are
 * parsed and compiled once per worker (and again on SIGHUP), never per
 * request.  libxml2 parses without network access or entity expansion, and
 * every transformation runs under security preferences that forbid reading
 * or writing files and the network: a stylesheet can do nothing but
 * transform.
 */
#ifndef CIVIC_RENDER_H
#define CIVIC_RENDER_H

#include <stddef.h>
#include <libxml/tree.h>
#include "arena.h"

struct civic_render;

/* Sets libxml2's and libxslt's process-wide safety settings.  Call once, first. */
void		 civic_render_init(void);

/*
 * Compiles dir/file with the stylesheets it includes.  The i18n catalogues
 * are included stylesheets too, so nothing is read after this.
 */
enum civic_err	 civic_render_load(const char *dir, const char *file, struct civic_render **);
void		 civic_render_free(struct civic_render *);

/* Transforms doc into HTML; *out lives in the arena. */
enum civic_err	 civic_render_html(const struct civic_render *, xmlDocPtr doc,
		    struct civic_arena *, const char **out, size_t *len);

/*
 * Serialises doc as UTF-8 XML, preceded by an <?xml-stylesheet?> line
 * pointing at href (if not NULL), so that a browser can render it too.
 */
enum civic_err	 civic_render_xml(xmlDocPtr doc, const char *href, struct civic_arena *,
		    const char **out, size_t *len);

#endif
