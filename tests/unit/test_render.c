/*
 * test_render.c: golden-file tests of the stylesheets, through the render
 * API the programs use (modules/core/render.h).
 *
 * For every NAME.xml in the golden directory (a page envelope as a handler
 * would answer it), the test reads /page/@program, compiles PROGRAM.xsl
 * from the stylesheet directory (once per program), renders the page with
 * civic_render_html() and compares the result byte for byte with NAME.html.
 * On a mismatch it prints where the first difference is, with the expected
 * and the actual text around it.
 *
 * Environment:
 *	CIVIC_GOLDEN_DIR	the golden files (default "tests/golden")
 *	CIVIC_XSLT_DIR		the stylesheets (default "xslt")
 *	CIVIC_GOLDEN_UPDATE=1	write each NAME.html from the current output
 *				instead of comparing; then review the change
 *				with `git diff tests/golden` before keeping it.
 *
 * Beyond the comparison, every output is checked for what must never be
 * there whatever the golden file says (a <script> element, a style
 * attribute, a doubled charset declaration, an untranslated message key),
 * the note-form-422 case for the attempted script in a kept value coming
 * out escaped, and civic_render_xml() for its <?xml-stylesheet?> line.  The
 * message catalogues must hold the same keys, each once.  A golden
 * directory without a single case is a failure, not a pass.
 *
 * Exit status: 0 when all passed, 1 when a test or a suite set-up failed,
 * 99 (automake's hard error) when CUnit itself could not run.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "arena.h"
#include "log.h"
#include "render.h"
#include "cunit_run.h"

#define MAX_CASES	256
#define MAX_PROGRAMS	16

static const char		*golden_dir;
static const char		*xslt_dir;
static int			 golden_update;
static struct civic_arena	*arena;

/* The compiled stylesheets, one a program, compiled on first use. */
static struct {
	char			 name[64];
	struct civic_render	*r;
}				 programs[MAX_PROGRAMS];
static size_t			 nprograms;

static char			*case_names[MAX_CASES];
static size_t			 ncases;

static char *
path_join(const char *dir, const char *name, const char *suffix)
{
	size_t	 n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char	*p;

	if ((p = malloc(n)) != NULL)
		snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

/* The whole of a file, NUL-terminated, in malloc'd memory; NULL if unreadable. */
static char *
file_read(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(f);
	return buf;
}

static int
file_write(const char *path, const char *buf, size_t len)
{
	FILE	*f;
	int	 ok;

	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	ok = fwrite(buf, 1, len, f) == len;
	if (fclose(f) != 0)
		ok = 0;
	return ok;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The case names (NAME of each NAME.xml), sorted so that runs read alike. */
static int
cases_find(void)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n;

	if ((d = opendir(golden_dir)) == NULL) {
		fprintf(stderr, "test_render: %s: %s\n", golden_dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL && ncases < MAX_CASES) {
		n = strlen(e->d_name);
		if (n <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		if ((case_names[ncases] = strndup(e->d_name, n - 4)) == NULL)
			break;
		ncases++;
	}
	closedir(d);
	qsort(case_names, ncases, sizeof(case_names[0]), name_cmp);
	return 0;
}

static int
suite_init(void)
{
	const char	*s;

	golden_dir = (s = getenv("CIVIC_GOLDEN_DIR")) != NULL && *s != '\0' ? s : "tests/golden";
	xslt_dir = (s = getenv("CIVIC_XSLT_DIR")) != NULL && *s != '\0' ? s : "xslt";
	golden_update = (s = getenv("CIVIC_GOLDEN_UPDATE")) != NULL && strcmp(s, "1") == 0;

	civic_log_init("test_render", CIVIC_LOG_WARN);
	civic_render_init();
	if ((arena = civic_arena_new()) == NULL)
		return -1;
	return cases_find();
}

static int
suite_clean(void)
{
	size_t	 i;

	for (i = 0; i < nprograms; i++)
		civic_render_free(programs[i].r);
	for (i = 0; i < ncases; i++)
		free(case_names[i]);
	nprograms = ncases = 0;
	civic_arena_free(arena);
	arena = NULL;
	return 0;
}

/* A program name is a file name stem: letters, digits, '-' and '_'. */
static int
program_ok(const char *p)
{
	if (*p == '\0' || strlen(p) >= sizeof(programs[0].name))
		return 0;
	for (; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* The compiled PROGRAM.xsl, or NULL (reported) when it does not compile. */
static struct civic_render *
program_render(const char *program)
{
	struct civic_render	*r;
	char			 file[sizeof(programs[0].name) + 4];
	size_t			 i;

	for (i = 0; i < nprograms; i++)
		if (strcmp(programs[i].name, program) == 0)
			return programs[i].r;
	if (nprograms == MAX_PROGRAMS)
		return NULL;
	snprintf(file, sizeof(file), "%s.xsl", program);
	if (civic_render_load(xslt_dir, file, &r) != CIVIC_OK) {
		fprintf(stderr, "\n  %s/%s does not compile\n", xslt_dir, file);
		return NULL;
	}
	snprintf(programs[nprograms].name, sizeof(programs[0].name), "%s", program);
	programs[nprograms++].r = r;
	return r;
}

/* Prints up to 100 bytes of s from off, starting on a UTF-8 character. */
static void
print_around(const char *label, const char *s, size_t len, size_t off)
{
	size_t	 start = off > 40 ? off - 40 : 0, end;

	while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
		start--;
	end = start + 100 < len ? start + 100 : len;
	while (end < len && ((unsigned char)s[end] & 0xc0) == 0x80)
		end++;
	fprintf(stderr, "  %s %.*s\n", label, (int)(end - start), s + start);
}

/* Where got first differs from want: line, column and the text around it. */
static void
print_diff(const char *name, const char *want, size_t wlen, const char *got, size_t glen)
{
	size_t	 i, line = 1, col = 1;

	for (i = 0; i < wlen && i < glen && want[i] == got[i]; i++) {
		if (want[i] == '\n') {
			line++;
			col = 1;
		} else
			col++;
	}
	fprintf(stderr, "\n--- %s/%s.html (expected, %zu bytes)\n+++ rendered (%zu bytes)\n"
	    "@@ first difference at line %zu, byte %zu of the line @@\n",
	    golden_dir, name, wlen, glen, line, col);
	print_around("-", want, wlen, i);
	print_around("+", got, glen, i);
	fprintf(stderr, "  (CIVIC_GOLDEN_UPDATE=1 rewrites the golden files)\n");
}

static const char *
find_ci(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

/* Records an assertion with a message naming the case. */
static void
check(int ok, const char *name, const char *what)
{
	char	 msg[256];

	snprintf(msg, sizeof(msg), "%s: %s", name, what);
	if (!ok)
		fprintf(stderr, "\n  FAILED %s\n", msg);
	CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, __LINE__, msg, __FILE__, "", CU_FALSE);
}

/*
 * What no page may contain, whatever its golden file says.  A message key
 * shown as text means a key missing from both catalogues.
 */
static void
check_output(const char *name, const char *out)
{
	static const char *const keys[] = {
		"site.", "nav.", "lang.", "footer.", "pager.", "form.", "size.",
		"v.", "err.", "demo.", "account.", "role.", "audit.", NULL
	};
	const char *const	*k;
	char			 pat[32], code[40];

	check(strncmp(out, "<!DOCTYPE html>", 15) == 0, name, "starts with <!DOCTYPE html>");
	check(find_ci(out, "<script") == NULL, name, "no <script");
	check(find_ci(out, " style=") == NULL, name, "no style attribute");
	check(find_ci(out, "<style") == NULL, name, "no <style> element");
	check(find_ci(out, "javascript:") == NULL, name, "no javascript: URL");
	check(count(out, "<meta http-equiv=\"Content-Type\"") == 1, name,
	    "one Content-Type meta");
	check(find_ci(out, "<meta charset") == NULL, name, "no meta charset");
	check(strstr(out, "<html lang=\"") != NULL, name, "html has a lang");
	check(strstr(out, "<main id=\"main\"") != NULL, name, "main landmark");
	check(strstr(out, "href=\"#main\"") != NULL, name, "skip link");
	for (k = keys; *k != NULL; k++) {
		/* A code shown as a code (<code>demo.note.created</code>) is data. */
		snprintf(pat, sizeof(pat), ">%s", *k);
		snprintf(code, sizeof(code), "<code>%s", *k);
		check(count(out, pat) == count(out, code), name, "no untranslated key in text");
		snprintf(pat, sizeof(pat), "\"%s", *k);
		check(strstr(out, pat) == NULL, name, "no untranslated key in an attribute");
	}
}

static void
test_golden(void)
{
	size_t	 i;

	/* An empty directory would pass every comparison: it must not. */
	CU_ASSERT_FATAL(ncases > 0);

	for (i = 0; i < ncases; i++) {
		const char		*name = case_names[i];
		char			*xml = NULL, *html = NULL, *want = NULL;
		xmlDocPtr		 doc = NULL;
		xmlNodePtr		 root;
		xmlChar			*program = NULL;
		struct civic_render	*r;
		const char		*out = NULL;
		size_t			 len = 0, wlen = 0;

		if ((xml = path_join(golden_dir, name, ".xml")) == NULL ||
		    (html = path_join(golden_dir, name, ".html")) == NULL) {
			check(0, name, "memory");
			goto next;
		}
		doc = xmlReadFile(xml, NULL, XML_PARSE_NONET);
		check(doc != NULL, name, "the .xml parses");
		if (doc == NULL)
			goto next;
		root = xmlDocGetRootElement(doc);
		if (root != NULL && xmlStrcmp(root->name, BAD_CAST "page") == 0)
			program = xmlGetProp(root, BAD_CAST "program");
		check(program != NULL && program_ok((const char *)program), name,
		    "/page/@program names a stylesheet");
		if (program == NULL || !program_ok((const char *)program))
			goto next;
		r = program_render((const char *)program);
		check(r != NULL, name, "the program's stylesheet compiles");
		if (r == NULL)
			goto next;
		check(civic_render_html(r, doc, arena, &out, &len) == CIVIC_OK && out != NULL,
		    name, "civic_render_html succeeds");
		if (out == NULL)
			goto next;
		check(strlen(out) == len, name, "no NUL in the output");
		check_output(name, out);

		if (strcmp(name, "note-form-422") == 0) {
			check(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
			    name, "the script in a kept value comes out escaped");
			check(strstr(out, "alert(2)") != NULL && strstr(out, "alert(3)") != NULL,
			    name, "the other kept values are shown");
		}

		if (golden_update) {
			check(file_write(html, out, len), name, "golden .html written");
			fprintf(stderr, "\n  wrote %s", html);
		} else if ((want = file_read(html, &wlen)) == NULL) {
			check(0, name, "the golden .html exists (CIVIC_GOLDEN_UPDATE=1 makes it)");
		} else {
			int same = wlen == len && memcmp(want, out, len) == 0;

			if (!same)
				print_diff(name, want, wlen, out, len);
			check(same, name, "output matches the golden .html");
		}
next:
		xmlFree(program);
		if (doc != NULL)
			xmlFreeDoc(doc);
		free(want);
		free(xml);
		free(html);
		civic_arena_reset(arena);
	}
}

/* ?format=xml: the page itself, with a stylesheet line, and the tree unchanged. */
static void
test_xml(void)
{
	xmlDocPtr	 doc;
	char		*xml;
	const char	*out = NULL;
	size_t		 len = 0;

	CU_ASSERT_FATAL(ncases > 0);
	xml = path_join(golden_dir, case_names[0], ".xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	doc = xmlReadFile(xml, NULL, XML_PARSE_NONET);
	free(xml);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);

	CU_ASSERT_EQUAL(civic_render_xml(doc, "/civic-static/demo.xsl", arena, &out, &len),
	    CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(out);
	if (out != NULL) {
		CU_ASSERT(strncmp(out, "<?xml", 5) == 0);
		CU_ASSERT(strstr(out, "<?xml-stylesheet ") != NULL);
		CU_ASSERT(strstr(out, "href=\"/civic-static/demo.xsl\"?>") != NULL);
		CU_ASSERT(strstr(out, "type=\"text/xsl\"") != NULL);
		CU_ASSERT(strstr(out, "<page ") != NULL);
		CU_ASSERT(strlen(out) == len);
	}
	/* The processing instruction is not left in the tree. */
	CU_ASSERT_PTR_NULL(xmlDocGetRootElement(doc)->prev);

	/* Without an href, no stylesheet line. */
	out = NULL;
	CU_ASSERT_EQUAL(civic_render_xml(doc, NULL, arena, &out, &len), CIVIC_OK);
	CU_ASSERT(out != NULL && strstr(out, "<?xml-stylesheet") == NULL);

	xmlFreeDoc(doc);
	civic_arena_reset(arena);
}

/* The keys of a catalogue, in malloc'd memory; NULL when it does not parse. */
static xmlChar **
catalogue_keys(const char *file, size_t *n)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, var, m;
	xmlChar		**keys = NULL, **k;
	char		*path;

	*n = 0;
	if ((path = path_join(xslt_dir, "i18n/", file)) == NULL)
		return NULL;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	free(path);
	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	for (var = root != NULL ? root->children : NULL; var != NULL; var = var->next) {
		if (var->type != XML_ELEMENT_NODE || xmlStrcmp(var->name, BAD_CAST "variable"))
			continue;
		for (m = var->children; m != NULL; m = m->next) {
			if (m->type != XML_ELEMENT_NODE || xmlStrcmp(m->name, BAD_CAST "m"))
				continue;
			if ((k = realloc(keys, (*n + 1) * sizeof(*keys))) == NULL)
				break;
			keys = k;
			keys[(*n)++] = xmlGetProp(m, BAD_CAST "k");
		}
	}
	xmlFreeDoc(doc);
	return keys;
}

static int
has_key(xmlChar **keys, size_t n, const xmlChar *key)
{
	size_t	 i, found = 0;

	for (i = 0; i < n; i++)
		if (keys[i] != NULL && xmlStrcmp(keys[i], key) == 0)
			found++;
	return (int)found;
}

/* Both catalogues hold the same keys, each once. */
static void
test_catalogues(void)
{
	xmlChar		**zh, **en;
	size_t		  nzh, nen, i;

	zh = catalogue_keys("zh-CN.xml", &nzh);
	en = catalogue_keys("en.xml", &nen);
	CU_ASSERT_PTR_NOT_NULL_FATAL(zh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(en);
	CU_ASSERT(nzh > 50);
	for (i = 0; i < nzh; i++) {
		CU_ASSERT_PTR_NOT_NULL(zh[i]);
		if (zh[i] == NULL)
			continue;
		if (has_key(zh, nzh, zh[i]) != 1 || has_key(en, nen, zh[i]) != 1)
			fprintf(stderr, "\n  key %s: %d in zh-CN, %d in en", (const char *)zh[i],
			    has_key(zh, nzh, zh[i]), has_key(en, nen, zh[i]));
		CU_ASSERT_EQUAL(has_key(zh, nzh, zh[i]), 1);
		CU_ASSERT_EQUAL(has_key(en, nen, zh[i]), 1);
	}
	for (i = 0; i < nen; i++) {
		if (en[i] != NULL && has_key(zh, nzh, en[i]) != 1)
			fprintf(stderr, "\n  key %s only in en", (const char *)en[i]);
		CU_ASSERT(en[i] != NULL && has_key(zh, nzh, en[i]) == 1);
	}
	for (i = 0; i < nzh; i++)
		xmlFree(zh[i]);
	for (i = 0; i < nen; i++)
		xmlFree(en[i]);
	free(zh);
	free(en);
}

static CU_TestInfo	 tests_render[] = {
	{ "golden pages", test_golden },
	{ "xml with stylesheet line", test_xml },
	{ "catalogues agree", test_catalogues },
	CU_TEST_INFO_NULL
};

static CU_SuiteInfo	 suites[] = {
	{ "render", suite_init, suite_clean, NULL, NULL, tests_render },
	CU_SUITE_INFO_NULL
};

int
main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 99;
	}
	return cunit_run("test_render");
}
