/*
 * render.c: XML to HTML through a compiled stylesheet, or XML as it is.
 *
 * The process-wide settings are made once in civic_render_init(): no
 * network access for the parser, no entity substitution, no DTD loading,
 * and default XSLT security preferences that forbid every file and network
 * operation, so that even document() in a stylesheet can read nothing.
 * Stylesheets are read before those preferences exist for the transform
 * (xsl:include is resolved at compile time), which is why the message
 * catalogues are included stylesheet modules rather than documents.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "arena.h"
#include "log.h"
#include "render.h"

struct civic_render {
	xsltStylesheetPtr	 style;
};

static xsltSecurityPrefsPtr render_prefs;

static void
render_xml_error(void *ctx, const char *msg, ...)
{
	/*
	 * libxml2 and libxslt report through here.  Their messages go to
	 * the log at debug level: at compile time the caller logs a summary
	 * itself, and at run time they describe our stylesheets, not the
	 * client's input.
	 */
	(void)ctx;
	(void)msg;
}

void
civic_render_init(void)
{
	xmlInitParser();
	exsltRegisterAll();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	xmlSetGenericErrorFunc(NULL, render_xml_error);
	xsltSetGenericErrorFunc(NULL, render_xml_error);

	if (render_prefs == NULL) {
		render_prefs = xsltNewSecurityPrefs();
		xsltSetSecurityPrefs(render_prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(render_prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(render_prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
		xsltSetSecurityPrefs(render_prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
		xsltSetSecurityPrefs(render_prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	}
}

enum civic_err
civic_render_load(const char *dir, const char *file, struct civic_render **out)
{
	struct civic_render	*r = NULL;
	xmlDocPtr		 doc = NULL;
	char			*path = NULL;
	size_t			 n;
	enum civic_err		 err = CIVIC_ERR_CONFIG;

	*out = NULL;
	n = strlen(dir) + strlen(file) + 2;
	if ((path = malloc(n)) == NULL || (r = calloc(1, sizeof(*r))) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto fail;
	}
	snprintf(path, n, "%s/%s", dir, file);
	/* Our own files, but parsed as carefully as anything else. */
	if ((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL) {
		civic_log_err("stylesheet %s: cannot read or parse", path);
		goto fail;
	}
	if ((r->style = xsltParseStylesheetDoc(doc)) == NULL) {
		civic_log_err("stylesheet %s: does not compile", path);
		goto fail;
	}
	doc = NULL;	/* now owned by the stylesheet */
	if (r->style->errors > 0) {
		civic_log_err("stylesheet %s: %d errors", path, r->style->errors);
		goto fail;
	}
	*out = r;
	r = NULL;
	err = CIVIC_OK;
fail:
	if (doc != NULL)
		xmlFreeDoc(doc);
	civic_render_free(r);
	free(path);
	return err;
}

void
civic_render_free(struct civic_render *r)
{
	if (r == NULL)
		return;
	if (r->style != NULL)
		xsltFreeStylesheet(r->style);
	free(r);
}

/* Copies libxml2's malloc'd buffer into the arena so the request owns it. */
static enum civic_err
render_take(struct civic_arena *a, xmlChar *buf, int len, const char **out, size_t *outlen)
{
	char	*p;

	if (buf == NULL || len < 0)
		return CIVIC_ERR_NOMEM;
	p = civic_arena_strndup(a, (const char *)buf, (size_t)len);
	xmlFree(buf);
	if (p == NULL)
		return CIVIC_ERR_NOMEM;
	*out = p;
	*outlen = (size_t)len;
	return CIVIC_OK;
}

enum civic_err
civic_render_html(const struct civic_render *r, xmlDocPtr doc, struct civic_arena *a,
    const char **out, size_t *len)
{
	xsltTransformContextPtr	 ctx = NULL;
	xmlDocPtr		 res = NULL;
	xmlChar			*buf = NULL;
	int			 n = 0;
	enum civic_err		 err = CIVIC_ERR_SYSTEM;

	if ((ctx = xsltNewTransformContext(r->style, doc)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	if (xsltSetCtxtSecurityPrefs(render_prefs, ctx) != 0)
		goto out;
	if ((res = xsltApplyStylesheetUser(r->style, doc, NULL, NULL, NULL, ctx)) == NULL ||
	    ctx->state != XSLT_STATE_OK) {
		civic_log_err("stylesheet transformation failed");
		goto out;
	}
	if (xsltSaveResultToString(&buf, &n, res, r->style) != 0)
		goto out;
	if (buf == NULL) {
		/* An empty result: libxslt returns no buffer at all. */
		*out = "";
		*len = 0;
		err = CIVIC_OK;
		goto out;
	}
	err = render_take(a, buf, n, out, len);
	buf = NULL;
out:
	xmlFree(buf);
	if (res != NULL)
		xmlFreeDoc(res);
	if (ctx != NULL)
		xsltFreeTransformContext(ctx);
	return err;
}

enum civic_err
civic_render_xml(xmlDocPtr doc, const char *href, struct civic_arena *a, const char **out,
    size_t *len)
{
	xmlNodePtr	 pi = NULL, root;
	xmlChar		*buf = NULL;
	char		*data;
	int		 n = 0;

	/*
	 * The processing instruction goes in front of the root for the
	 * serialisation only, and is taken out again: the page may still be
	 * rendered after this (it is not, today, but a shared tree should
	 * not change under anyone's feet).
	 */
	root = xmlDocGetRootElement(doc);
	if (href != NULL && root != NULL) {
		data = civic_arena_printf(a, "type=\"text/xsl\" href=\"%s\"", href);
		if (data == NULL || (pi = xmlNewDocPI(doc, BAD_CAST "xml-stylesheet",
		    BAD_CAST data)) == NULL)
			return CIVIC_ERR_NOMEM;
		xmlAddPrevSibling(root, pi);
	}
	xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 0);
	if (pi != NULL) {
		xmlUnlinkNode(pi);
		xmlFreeNode(pi);
	}
	return render_take(a, buf, n, out, len);
}
