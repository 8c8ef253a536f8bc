/*
 * fuzz_page.c: the paths that turn what a client sent into XML and HTML.
 *
 * A handler's text reaches the page through the core (page.c), the page
 * becomes XML (render.c, ?format=xml) or HTML (the program's stylesheet).
 * Whatever a client sends, the XML must be well-formed and the HTML must
 * carry the client's text only as text: no element, event attribute or
 * script URL of the client's making.
 *
 * Two targets are built from this file: fuzz_page checks the XML, and
 * fuzz_render (FUZZ_RENDER defined) the HTML too; a transform costs a
 * hundred times the rest, so the XML alone is fuzzed far longer.
 *
 * The input: byte 0 picks a page (one of the golden cases, a handler's
 * answer for each kind of view, loaded at start), byte 1 is kept for
 * corpora shared by both targets, the rest is a form body parsed by the
 * real application/x-www-form-urlencoded parser.  Its fields are validated by
 * the form layer (civic_form_apply) against a route whose fields are
 * those names, each of a kind chosen by its name's first byte.  The page
 * is then made as a handler makes it: the envelope (civic_page_new), the
 * refused fields' raw text and errors (civic_page_form, the path that
 * shows a citizen what they typed), and the golden page's own elements
 * with every text and attribute replaced, in turn, by the validated
 * values (civic_page_add and civic_page_attr, the handlers' calls).  That
 * over-approximates a handler, which puts client text in only some
 * elements: a finding is read against the view before it is fixed.
 *
 * Environment: CIVIC_GOLDEN_DIR (the page cases) and CIVIC_XSLT_DIR (the
 * stylesheets), both set by tests/fuzz/run.sh.  A failed check aborts.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fuzz.h"
#include "config.h"
#include "page.h"
#include "render.h"
#include "request.h"
#include "route.h"
#include "valid.h"
#include "worker.h"

#define FUZZ_PAGES	64	/* golden cases: 26 today */
#define FUZZ_FIELDS	16	/* fields of one input's route */

static struct {
	xmlDocPtr		 doc;
	struct civic_app	 app;
	struct civic_render	*render;
}				 pages[FUZZ_PAGES];
static size_t			 npages;
static struct civic_config	*cfg;
static struct civic_worker	 worker;

static int dummy(struct civic_req *r) { (void)r; return 200; }

/* The kinds a field may be; the name's first byte picks one. */
static const enum civic_vkind kinds[] = {
	CIVIC_V_TEXT, CIVIC_V_MULTILINE, CIVIC_V_TEXT, CIVIC_V_MULTILINE,
	CIVIC_V_INT, CIVIC_V_DATE, CIVIC_V_EMAIL, CIVIC_V_PHONE, CIVIC_V_DOCNO,
	CIVIC_V_TRACKNO,
};

static char *
fuzz_path(const char *dir, const char *name)
{
	size_t	 n = strlen(dir) + strlen(name) + 2;
	char	*p;

	if ((p = malloc(n)) == NULL)
		abort();
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* The golden pages and each one's program stylesheet, compiled once a program. */
static void
fuzz_init(void)
{
	const char	*golden = getenv("CIVIC_GOLDEN_DIR"), *xslt = getenv("CIVIC_XSLT_DIR");
	const char	*msg;
	struct dirent	**names;
	xmlChar		*program;
	char		*path, file[80];
	size_t		 i, j;
	int		 n, k;

	if (golden == NULL || xslt == NULL) {
		fprintf(stderr, "fuzz_page: set CIVIC_GOLDEN_DIR and CIVIC_XSLT_DIR\n");
		abort();
	}
	civic_render_init();
	/* The patterns (e-mail, phone, 文号, …), as a worker compiles them. */
	if (civic_valid_init() != CIVIC_OK)
		abort();
	if (civic_config_load(NULL, &cfg, &msg) != CIVIC_OK)
		abort();
	worker.cfg = cfg;
	worker.mount = "/fuzz/";
	memset(worker.secret, 7, sizeof(worker.secret));
	if ((n = scandir(golden, &names, NULL, alphasort)) < 0)
		abort();
	for (k = 0; k < n; k++) {
		size_t	 len = strlen(names[k]->d_name);

		if (len > 4 && strcmp(names[k]->d_name + len - 4, ".xml") == 0 &&
		    npages < FUZZ_PAGES) {
			path = fuzz_path(golden, names[k]->d_name);
			if ((pages[npages].doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL)
				abort();
			free(path);
			npages++;
		}
		free(names[k]);
	}
	free(names);
	if (npages == 0)
		abort();
	for (i = 0; i < npages; i++) {
		program = xmlGetProp(xmlDocGetRootElement(pages[i].doc), BAD_CAST "program");
		if (program == NULL)
			abort();
		pages[i].app.name = strdup((const char *)program);
		snprintf(file, sizeof(file), "%s.xsl", (const char *)program);
		pages[i].app.stylesheet = strdup(file);
		xmlFree(program);
		for (j = 0; j < i; j++)
			if (strcmp(pages[j].app.name, pages[i].app.name) == 0)
				pages[i].render = pages[j].render;
		if (pages[i].render == NULL &&
		    civic_render_load(xslt, file, &pages[i].render) != CIVIC_OK)
			abort();
	}
}

/* The envelope's own elements, which the core makes, not the handler. */
static int
fuzz_envelope(const xmlNode *n)
{
	static const char *const own[] = { "site", "staff", "csrf", "idem", "messages",
	    "errors", "values", NULL };
	size_t	 i;

	for (i = 0; own[i] != NULL; i++)
		if (xmlStrEqual(n->name, BAD_CAST own[i]))
			return 1;
	return 0;
}

/*
 * Copies src's element children under dst through the handlers' calls,
 * their texts and attributes taken in turn from vals (n of them).
 */
static void
fuzz_copy(struct civic_req *r, xmlNodePtr dst, const xmlNode *src, const char **vals,
    size_t n, size_t *next)
{
	const xmlNode	*c, *t;
	const xmlAttr	*a;
	xmlNodePtr	 e;
	int		 text;

	for (c = src->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		text = 0;
		for (t = c->children; t != NULL; t = t->next)
			if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE)
				text = 1;
		e = civic_page_add(r, dst, (const char *)c->name,
		    text && n > 0 ? vals[(*next)++ % n] : NULL);
		if (e == NULL)
			abort();
		for (a = c->properties; a != NULL; a = a->next)
			civic_page_attr(e, (const char *)a->name,
			    n > 0 ? vals[(*next)++ % n] : "x");
		fuzz_copy(r, e, c, vals, n, next);
	}
}

/* A URL a client's text must never become: a scheme that runs or embeds. */
static int
fuzz_bad_url(const xmlChar *v)
{
	static const char *const bad[] = { "javascript:", "vbscript:", "data:", NULL };
	char		 buf[16];
	size_t		 i, j;

	while (*v != '\0' && (*v <= ' '))
		v++;
	/* Browsers ignore tabs and line ends inside the scheme. */
	for (i = j = 0; v[i] != '\0' && j + 1 < sizeof(buf); i++)
		if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r')
			buf[j++] = (char)tolower(v[i]);
	buf[j] = '\0';
	for (i = 0; bad[i] != NULL; i++)
		if (strncmp(buf, bad[i], strlen(bad[i])) == 0)
			return 1;
	return 0;
}

/* Every element and attribute of the HTML: none is script. */
static void
fuzz_check_html(const xmlNode *n)
{
	const xmlAttr	*a;
	xmlChar		*v;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ||
		    xmlStrcasecmp(n->name, BAD_CAST "iframe") == 0 ||
		    xmlStrcasecmp(n->name, BAD_CAST "object") == 0 ||
		    xmlStrcasecmp(n->name, BAD_CAST "embed") == 0)
			abort();
		for (a = n->properties; a != NULL; a = a->next) {
			if (xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0)
				abort();
			if (xmlStrcasecmp(a->name, BAD_CAST "href") == 0 ||
			    xmlStrcasecmp(a->name, BAD_CAST "src") == 0 ||
			    xmlStrcasecmp(a->name, BAD_CAST "action") == 0 ||
			    xmlStrcasecmp(a->name, BAD_CAST "formaction") == 0) {
				v = xmlNodeGetContent((const xmlNode *)a);
				if (v != NULL && fuzz_bad_url(v))
					abort();
				xmlFree(v);
			}
		}
		fuzz_check_html(n->children);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int			 ready;
	struct civic_arena		*a = fuzz_arena();
	struct civic_field		*fields;
	struct civic_route		 route;
	struct civic_req		 r;
	const xmlNode			*root, *c;
	const char			*vals[FUZZ_FIELDS], *out, *v;
	size_t				 i, n = 0, nf, next = 0, len;
	xmlDocPtr			 back;
#ifdef FUZZ_RENDER
	htmlDocPtr			 html;
#endif
	unsigned			 which;

	if (!ready) {
		fuzz_init();
		ready = 1;
	}
	if (size < 2)
		return 0;
	which = data[0] % npages;
	memset(&r, 0, sizeof(r));
	worker.app = &pages[which].app;
	r.arena = a;
	r.worker = &worker;
	r.method = "POST";
	if (civic_urlenc_parse(a, (const char *)data + 2, size - 2, &r.form) != CIVIC_OK)
		goto out;

	/* A route with a field for each name (the first FUZZ_FIELDS). */
	nf = r.form.n < FUZZ_FIELDS ? r.form.n : FUZZ_FIELDS;
	if ((fields = civic_arena_alloc(a, (nf + 1) * sizeof(*fields))) == NULL)
		abort();
	memset(fields, 0, (nf + 1) * sizeof(*fields));
	for (i = 0; i < nf; i++) {
		fields[i].name = r.form.v[i].key;
		fields[i].kind = kinds[(unsigned char)fields[i].name[0] %
		    (sizeof(kinds) / sizeof(kinds[0]))];
		fields[i].min = fields[i].kind == CIVIC_V_INT ? -1000 : 0;
		fields[i].max = fields[i].kind == CIVIC_V_INT ? 1000000 :
		    fields[i].kind == CIVIC_V_MULTILINE ? 5000 : 200;
	}
	memset(&route, 0, sizeof(route));
	route.method = "POST";
	route.pattern = "/f";
	root = xmlDocGetRootElement(pages[which].doc);
	route.view = (const char *)xmlGetProp(root, BAD_CAST "view");
	if (route.view == NULL ||
	    civic_arena_cleanup(a, xmlFree, (void *)route.view) != CIVIC_OK)
		abort();
	route.handler = dummy;
	route.fields = fields;
	r.route = &route;
	/* Invalid fields are the refused form's; the valid ones are the values. */
	(void)civic_form_apply(&r);
	for (i = 0; i < nf; i++)
		if ((v = civic_req_value(&r, fields[i].name)) != NULL)
			vals[n++] = v;

	if (civic_page_new(&r, route.view) != CIVIC_OK)
		abort();
	civic_page_form(&r);
	for (c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !fuzz_envelope(c)) {
			xmlNodePtr e = civic_page_add(&r, NULL, (const char *)c->name, NULL);

			if (e == NULL)
				abort();
			fuzz_copy(&r, e, c, vals, n, &next);
		}

	/* The XML a site may transform itself: well-formed, whatever was sent. */
	if (civic_render_xml(r.doc, "/s/x.xsl", a, &out, &len) != CIVIC_OK)
		abort();
	if ((back = xmlReadMemory(out, (int)len, NULL, NULL, XML_PARSE_NONET)) == NULL)
		abort();
	xmlFreeDoc(back);

#ifdef FUZZ_RENDER
	/* The HTML: the stylesheet must not fail, and nothing in it is script. */
	if (civic_render_html(pages[which].render, r.doc, a, &out, &len) != CIVIC_OK)
		abort();
	html = htmlReadMemory(out, (int)len, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (html == NULL)
		abort();
	fuzz_check_html(xmlDocGetRootElement(html));
	xmlFreeDoc(html);
#endif
out:
	civic_arena_reset(a);
	return 0;
}
