/*
 * test_core.c: unit tests of the core's request-independent parts: route
 * matching and table checks, the configuration file, applying field
 * declarations to a request (trimming, required fields, errors, query
 * versus body), URL escaping, page building and XML rendering, the
 * signed times, the query code and the grant's cookies of access.h.
 * No server is needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <CUnit/Basic.h>
#include <libxml/tree.h>
#include <sodium.h>

#include <libxml/parser.h>

#include "civic.h"
#include "access.h"
#include "formtime.h"
#include "sign.h"
#include "render.h"
#include "session.h"
#include "snapshot.h"
#include "worker.h"
#include "cunit_run.h"

static int dummy(struct civic_req *r) { (void)r; return 200; }

static const struct civic_field int_fields[] = {
	{ "n", CIVIC_V_INT, 1, 100, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_route routes[] = {
	{ "GET", "/", "home", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "GET", "/new", "form", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "POST", "/new", "form", dummy, int_fields, CIVIC_R_STATE, 0, { NULL, 0, 0 }, NULL },
	{ "GET", "/m/{id:int}", "show", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "GET", "/m/{id:int}/file", "file", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "GET", "/t/{no:tracking}", "track", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "GET", "/s/{slug:slug}/{name:str}", "slug", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	{ "POST", "/only-post", "p", dummy, NULL, CIVIC_R_CSRF, 0, { NULL, 0, 0 }, NULL },
};
#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

static int
find(const char *method, const char *path, const struct civic_route **found,
    struct civic_seg *segs, size_t *nsegs, const char **allow)
{
	return civic_route_find(routes, NROUTES, method, path, found, segs, nsegs, allow);
}

static void
test_route_match(void)
{
	const struct civic_route	*rt;
	struct civic_seg		 segs[CIVIC_MAX_SEGS];
	size_t				 n;
	const char			*allow = NULL;

	CU_ASSERT_EQUAL(find("GET", "/", &rt, segs, &n, &allow), 200);
	CU_ASSERT_STRING_EQUAL(rt->view, "home");
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(find("HEAD", "/new", &rt, segs, &n, &allow), 200);
	CU_ASSERT_STRING_EQUAL(rt->view, "form");
	CU_ASSERT_EQUAL(find("POST", "/new", &rt, segs, &n, &allow), 200);
	CU_ASSERT_PTR_EQUAL(rt, &routes[2]);

	CU_ASSERT_EQUAL(find("GET", "/m/42", &rt, segs, &n, &allow), 200);
	CU_ASSERT_STRING_EQUAL(rt->view, "show");
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_STRING_EQUAL(segs[0].name, "id");
	CU_ASSERT_STRING_EQUAL(segs[0].val, "42");
	CU_ASSERT_EQUAL(find("GET", "/m/42/file", &rt, segs, &n, &allow), 200);
	CU_ASSERT_STRING_EQUAL(rt->view, "file");
	CU_ASSERT_STRING_EQUAL(segs[0].val, "42");

	CU_ASSERT_EQUAL(find("GET", "/s/abc-1/张三", &rt, segs, &n, &allow), 200);
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_STRING_EQUAL(segs[0].name, "slug");
	CU_ASSERT_STRING_EQUAL(segs[1].name, "name");
	CU_ASSERT_STRING_EQUAL(segs[1].val, "张三");

	CU_ASSERT_EQUAL(find("GET", "/t/XX20261123-0042", &rt, segs, &n, &allow), 200);
	CU_ASSERT_STRING_EQUAL(segs[0].val, "XX20261123-0042");
}

static void
test_route_refuse(void)
{
	const struct civic_route	*rt;
	struct civic_seg		 segs[CIVIC_MAX_SEGS];
	size_t				 n;
	const char			*allow = NULL;

	/* Typed segments refuse what is not of their type. */
	CU_ASSERT_EQUAL(find("GET", "/m/abc", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/m/-1", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/m/", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/m/1234567890123456789", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/m/123456789012345678", &rt, segs, &n, &allow), 200);
	CU_ASSERT_EQUAL(find("GET", "/t/XX20261323-0042", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/s/ABC/x", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/s/abc/\x01", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/s/abc/\xff", &rt, segs, &n, &allow), 404);
	/* No prefix or trailing-slash leniency. */
	CU_ASSERT_EQUAL(find("GET", "/new/", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/ne", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "/m/1/file/x", &rt, segs, &n, &allow), 404);
	CU_ASSERT_EQUAL(find("GET", "//", &rt, segs, &n, &allow), 404);
	CU_ASSERT_PTR_NULL(rt);

	/* Wrong method: 405 with the methods that would do. */
	CU_ASSERT_EQUAL(find("PUT", "/", &rt, segs, &n, &allow), 405);
	CU_ASSERT_STRING_EQUAL(allow, "GET, HEAD");
	CU_ASSERT_EQUAL(find("DELETE", "/new", &rt, segs, &n, &allow), 405);
	CU_ASSERT_STRING_EQUAL(allow, "GET, HEAD, POST");
	CU_ASSERT_EQUAL(find("GET", "/only-post", &rt, segs, &n, &allow), 405);
	CU_ASSERT_STRING_EQUAL(allow, "POST");
	CU_ASSERT_EQUAL(find("POST", "/m/1", &rt, segs, &n, &allow), 405);
}

static void
test_route_check(void)
{
	static const struct civic_route bad_seg[] = {
		{ "GET", "/x/{id:number}", "v", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	};
	static const struct civic_route twice[] = {
		{ "GET", "/x", "v", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
		{ "GET", "/x", "w", dummy, NULL, 0, 0, { NULL, 0, 0 }, NULL },
	};
	static const struct civic_route get_state[] = {
		{ "GET", "/x", "v", dummy, NULL, CIVIC_R_STATE, 0, { NULL, 0, 0 }, NULL },
	};
	static const struct civic_field nomax[] = {
		{ "t", CIVIC_V_TEXT, 0, 0, 0, NULL }, { NULL, 0, 0, 0, 0, NULL }
	};
	static const struct civic_route bad_field[] = {
		{ "POST", "/x", "v", dummy, nomax, CIVIC_R_CSRF, 0, { NULL, 0, 0 }, NULL },
	};
	static const struct civic_route unguarded_post[] = {
		{ .method = "POST", .pattern = "/x", .view = "v", .handler = dummy },
	};
	static const struct civic_route scope_public[] = {
		{ .method = "GET", .pattern = "/x/{id:int}", .view = "v", .handler = dummy,
		    .scope = "SELECT 1" },
	};
	static const struct civic_route apikey_post[] = {
		{ .method = "POST", .pattern = "/x", .view = "v", .handler = dummy,
		    .flags = CIVIC_R_APIKEY },
	};
	static const struct civic_route apikey_get[] = {
		{ .method = "GET", .pattern = "/x", .view = "v", .handler = dummy,
		    .flags = CIVIC_R_APIKEY },
	};
	static const struct civic_route apikey_csrf[] = {
		{ .method = "POST", .pattern = "/x", .view = "v", .handler = dummy,
		    .flags = CIVIC_R_APIKEY | CIVIC_R_CSRF },
	};
	static const struct civic_route apikey_roles[] = {
		{ .method = "POST", .pattern = "/x", .view = "v", .handler = dummy,
		    .flags = CIVIC_R_APIKEY, .roles = CIVIC_ROLE_OFFICE },
	};
	static const struct civic_route scope_ok[] = {
		{ .method = "GET", .pattern = "/x/{id:int}", .view = "v", .handler = dummy,
		    .roles = CIVIC_ROLE_CLERK, .scope = "SELECT 1" },
	};

	CU_ASSERT_EQUAL(civic_route_check(routes, NROUTES), 0);
	CU_ASSERT_EQUAL(civic_route_check(bad_seg, 1), -1);
	CU_ASSERT_EQUAL(civic_route_check(twice, 2), -1);
	CU_ASSERT_EQUAL(civic_route_check(get_state, 1), -1);
	CU_ASSERT_EQUAL(civic_route_check(bad_field, 1), -1);
	/* Every POST declares its CSRF protection. */
	CU_ASSERT_EQUAL(civic_route_check(unguarded_post, 1), -1);
	/* An API's POST is guarded by its key instead; never with CSRF or roles. */
	CU_ASSERT_EQUAL(civic_route_check(apikey_post, 1), 0);
	CU_ASSERT_EQUAL(civic_route_check(apikey_get, 1), -1);
	CU_ASSERT_EQUAL(civic_route_check(apikey_csrf, 1), -1);
	CU_ASSERT_EQUAL(civic_route_check(apikey_roles, 1), -1);
	/* A department scope needs a role to scope and a segment to look up. */
	CU_ASSERT_EQUAL(civic_route_check(scope_public, 1), -1);
	CU_ASSERT_EQUAL(civic_route_check(scope_ok, 1), 0);
}

/* Writes text to a temporary file and returns its path (static buffer). */
static const char *
tmpfile_with(const char *text)
{
	static char	 path[64];
	FILE		*f;
	int		 fd;

	snprintf(path, sizeof(path), "/tmp/civic-test-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		return NULL;
	fputs(text, f);
	fclose(f);
	return path;
}

static void
test_config(void)
{
	struct civic_config	*c = NULL;
	const char		*msg = NULL, *path;

	CU_ASSERT_EQUAL(civic_config_load(NULL, &c, &msg), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_config_get(c, "site.language"), "zh-CN");
	CU_ASSERT_EQUAL(civic_config_int(c, "server.workers"), 2);
	CU_ASSERT_EQUAL(civic_config_set(c, "server.workers", "5"), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_config_int(c, "server.workers"), 5);
	CU_ASSERT_EQUAL(civic_config_set(c, "server.nonsense", "5"), CIVIC_ERR_CONFIG);
	civic_config_free(c);

	path = tmpfile_with("# comment\n[site]\nname = 测试县 \n\n[server]\n"
	    "workers=3\nsocket_mode = 0600\n; other comment\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(path);
	CU_ASSERT_EQUAL(civic_config_load(path, &c, &msg), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_config_get(c, "site.name"), "测试县");
	CU_ASSERT_EQUAL(civic_config_int(c, "server.workers"), 3);
	CU_ASSERT_EQUAL(civic_config_int(c, "server.socket_mode"), 0600);
	/* Not set: the default. */
	CU_ASSERT_STRING_EQUAL(civic_config_get(c, "database.name"), "civic");
	civic_config_free(c);
	unlink(path);

	/* A typo is an error naming the line, not a silent default. */
	path = tmpfile_with("[server]\nworkers = 2\nworkres = 3\n");
	CU_ASSERT_EQUAL(civic_config_load(path, &c, &msg), CIVIC_ERR_CONFIG);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_PTR_NOT_NULL(strstr(msg, "line 3"));
	unlink(path);
	path = tmpfile_with("[server\nworkers = 2\n");
	CU_ASSERT_EQUAL(civic_config_load(path, &c, &msg), CIVIC_ERR_CONFIG);
	unlink(path);
	path = tmpfile_with("[server]\nworkers\n");
	CU_ASSERT_EQUAL(civic_config_load(path, &c, &msg), CIVIC_ERR_CONFIG);
	unlink(path);
	CU_ASSERT_EQUAL(civic_config_load("/nonexistent/civic.conf", &c, &msg),
	    CIVIC_ERR_CONFIG);
	CU_ASSERT_PTR_NOT_NULL(strstr(msg, "/nonexistent/civic.conf"));
}

/* A request as the core would have it after parsing, for form tests. */
static struct civic_worker	 fake_worker;
static struct civic_app		 fake_app = { "demo", "demo.xsl", routes, NROUTES };

static void
fake_request(struct civic_req *r, struct civic_arena *a, const struct civic_route *rt,
    const char *method, const char *body)
{
	memset(r, 0, sizeof(*r));
	fake_worker.app = &fake_app;
	r->arena = a;
	r->worker = &fake_worker;
	r->route = rt;
	r->method = method;
	if (body != NULL)
		CU_ASSERT_EQUAL(civic_urlenc_parse(a, body, strlen(body), &r->form), CIVIC_OK);
}

static const char *const colours[] = { "红", "绿", NULL };
static const struct civic_field form_fields[] = {
	{ "title", CIVIC_V_TEXT, 2, 5, CIVIC_F_REQUIRED, NULL },
	{ "body", CIVIC_V_MULTILINE, 1, 10, 0, NULL },
	{ "colour", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, colours },
	{ "page", CIVIC_V_INT, 1, 9, CIVIC_F_QUERY, NULL },
	{ "mobile", CIVIC_V_MOBILE, 0, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};
static const struct civic_route form_route =
	{ "POST", "/f", "f", dummy, form_fields, CIVIC_R_CSRF, 0, { NULL, 0, 0 }, NULL };

static void
test_form(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_req	 r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	/* Trimmed (ASCII and ideographic spaces), CRLF made LF, all valid. */
	fake_request(&r, a, &form_route, "POST",
	    "title=%E3%80%80%E4%BD%A0%E5%A5%BD+&body=a%0D%0Ab&colour=%E7%BB%BF&page=7");
	CU_ASSERT_EQUAL(civic_urlenc_parse(a, "page=3", 6, &r.query), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_OK);
	CU_ASSERT_EQUAL(r.nerrs, 0);
	CU_ASSERT_STRING_EQUAL(civic_req_value(&r, "title"), "你好");
	CU_ASSERT_STRING_EQUAL(civic_req_value(&r, "body"), "a\nb");
	CU_ASSERT_STRING_EQUAL(civic_req_value(&r, "colour"), "绿");
	/* F_QUERY: from the query string even on a POST. */
	CU_ASSERT_EQUAL(civic_req_int(&r, "page", 0), 3);
	CU_ASSERT_PTR_NULL(civic_req_value(&r, "mobile"));
	civic_arena_reset(a);

	/* Each failing field is reported with its bounds; none has a value. */
	fake_request(&r, a, &form_route, "POST",
	    "title=%E4%BD%A0&colour=%E8%93%9D&mobile=12345&body=+++");
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL_FATAL(r.nerrs, 3);
	CU_ASSERT_STRING_EQUAL(r.errs[0].field, "title");
	CU_ASSERT_EQUAL(r.errs[0].err, CIVIC_VE_SHORT);
	CU_ASSERT_EQUAL(r.errs[0].min, 2);
	CU_ASSERT_EQUAL(r.errs[0].max, 5);
	CU_ASSERT_STRING_EQUAL(r.errs[1].field, "colour");
	CU_ASSERT_EQUAL(r.errs[1].err, CIVIC_VE_CHOICE);
	CU_ASSERT_STRING_EQUAL(r.errs[2].field, "mobile");
	CU_ASSERT_EQUAL(r.errs[2].err, CIVIC_VE_MOBILE);
	CU_ASSERT_PTR_NULL(civic_req_value(&r, "title"));
	/* Blank after trimming is absent: optional body, no error. */
	CU_ASSERT_PTR_NULL(civic_req_value(&r, "body"));
	/* The raw text is kept for refilling the form. */
	CU_ASSERT_STRING_EQUAL(civic_form_raw(&r, &form_fields[0]), "你");
	civic_arena_reset(a);

	/* Required fields missing entirely. */
	fake_request(&r, a, &form_route, "POST", NULL);
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(r.nerrs, 2);
	CU_ASSERT_EQUAL(r.errs[0].err, CIVIC_VE_REQUIRED);
	CU_ASSERT_EQUAL(r.errs[1].err, CIVIC_VE_REQUIRED);
	civic_arena_free(a);
}

static void
test_url_escape(void)
{
	struct civic_arena	*a = civic_arena_new();

	CU_ASSERT_STRING_EQUAL(civic_url_escape(a, "a b/中.pdf"), "a%20b%2F%E4%B8%AD.pdf");
	CU_ASSERT_STRING_EQUAL(civic_url_escape(a, "\"\r\n;"), "%22%0D%0A%3B");
	CU_ASSERT_STRING_EQUAL(civic_url_escape(a, ""), "");
	civic_arena_free(a);
}

static void
test_path_decode(void)
{
	char	 out[16];
	size_t	 n = 0;

	/* In a path "+" is itself; in a form it is a space. */
	CU_ASSERT_EQUAL(civic_urlenc_decode("/a+b%20c", 8, 0, out, sizeof(out), &n), CIVIC_OK);
	CU_ASSERT_EQUAL(n, 6);
	CU_ASSERT_EQUAL(memcmp(out, "/a+b c", 6), 0);
	CU_ASSERT_EQUAL(civic_urlenc_decode("a+b", 3, 1, out, sizeof(out), &n), CIVIC_OK);
	CU_ASSERT_EQUAL(memcmp(out, "a b", 3), 0);
	CU_ASSERT_EQUAL(civic_urlenc_decode("/x%00", 5, 0, out, sizeof(out), &n), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(civic_urlenc_decode("/x%2", 4, 0, out, sizeof(out), &n), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(civic_urlenc_decode("/x%zz", 5, 0, out, sizeof(out), &n), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(civic_urlenc_decode("/abcdef", 7, 0, out, 3, &n), CIVIC_ERR_TOOBIG);
}

static void
test_page_xml(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_config	*cfg = NULL;
	struct civic_req	 r;
	struct civic_rows	 rows;
	const char		*msg, *out = NULL, *names[] = { "id", "title" };
	char			*cells[] = { "1", "<b>&", "2", NULL };
	size_t			 lens[] = { 1, 5, 1, 0 }, len = 0;

	CU_ASSERT_EQUAL_FATAL(civic_config_load(NULL, &cfg, &msg), CIVIC_OK);
	civic_config_set(cfg, "security.secret", "00112233445566778899aabbccddeeff"
	    "00112233445566778899aabbccddeeff");
	fake_worker.cfg = cfg;
	fake_worker.mount = "/demo/";
	memcpy(fake_worker.secret, "0123456789abcdef0123456789abcdef", 32);
	fake_request(&r, a, &routes[0], "GET", NULL);
	CU_ASSERT_EQUAL_FATAL(civic_page_new(&r, "home"), CIVIC_OK);

	/* Rows become elements; SQL NULL leaves the child out. */
	rows.nrows = 2;
	rows.ncols = 2;
	rows.names = names;
	rows.cell = cells;
	rows.len = lens;
	civic_page_rows(&r, civic_page_add(&r, NULL, "notes", NULL), "note", &rows);
	/* Characters XML can't carry are replaced, not passed through. */
	civic_page_add(&r, NULL, "odd", "a\x01" "b");
	/* So are the noncharacters U+FFFE and U+FFFF, in text and attributes (fuzz_page). */
	civic_page_attr(civic_page_add(&r, NULL, "nonchar", "x\xef\xbf\xbfy\xef\xbf\xbe"),
	    "v", "\xef\xbf\xbf\x02");
	civic_page_message(&r, "info", "saved");
	civic_page_pager(&r, "17");
	CU_ASSERT_EQUAL(civic_render_xml(r.doc, "/s/demo.xsl", a, &out, &len), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_EQUAL(strncmp(out, "<?xml", 5), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<?xml-stylesheet type=\"text/xsl\" href=\"/s/demo.xsl\"?>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<note><id>1</id><title>&lt;b&gt;&amp;</title></note>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<note><id>2</id></note>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<odd>a\xef\xbf\xbd" "b</odd>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<nonchar v=\"\xef\xbf\xbd\xef\xbf\xbd\">"
	    "x\xef\xbf\xbdy\xef\xbf\xbd</nonchar>"));
	CU_ASSERT_PTR_NULL(strstr(out, "\xef\xbf\xbf"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<message level=\"info\" key=\"saved\"/>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<pager next=\"17\"/>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<csrf>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<idem>"));
	/* A fresh client gets its CSRF cookie. */
	CU_ASSERT_EQUAL(r.headers.n, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.headers.v[0].val, "HttpOnly; SameSite=Strict"));

	/* Error pages: an incident id for 5xx only. */
	CU_ASSERT_EQUAL(civic_page_error(&r, 503, NULL, 0), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_render_xml(r.doc, NULL, a, &out, &len), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "incident=\""));
	CU_ASSERT_PTR_NULL(strstr(out, "xml-stylesheet"));
	CU_ASSERT_EQUAL(civic_page_error(&r, 405, "GET, HEAD", 0), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_render_xml(r.doc, NULL, a, &out, &len), CIVIC_OK);
	CU_ASSERT_PTR_NULL(strstr(out, "incident=\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "allow=\"GET, HEAD\""));
	civic_arena_free(a);
	civic_config_free(cfg);
	fake_worker.cfg = NULL;
}

static void
test_csrf(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_config	*cfg = NULL;
	struct civic_req	 r;
	const char		*tok, *cookie, *msg;
	char			*hdr, *body;

	CU_ASSERT_EQUAL_FATAL(civic_config_load(NULL, &cfg, &msg), CIVIC_OK);
	fake_worker.cfg = cfg;
	fake_request(&r, a, &routes[0], "GET", NULL);
	tok = civic_csrf_token(&r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tok);
	CU_ASSERT_EQUAL(strlen(tok), 43);
	/* The cookie that came with it makes the token check out on a POST. */
	cookie = r.headers.v[0].val;
	hdr = civic_arena_strndup(a, cookie, strcspn(cookie, ";"));
	body = civic_arena_printf(a, "csrf=%s", tok);
	fake_request(&r, a, &routes[2], "POST", body);
	CU_ASSERT_EQUAL(civic_cookie_parse(a, hdr, strlen(hdr), &r.cookies), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_csrf_check(&r), 0);
	/* Another client's cookie, or none, fails. */
	fake_request(&r, a, &routes[2], "POST", body);
	CU_ASSERT_EQUAL(civic_csrf_check(&r), -1);
	hdr = civic_arena_strdup(a, "civic_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	CU_ASSERT_EQUAL(civic_cookie_parse(a, hdr, strlen(hdr), &r.cookies), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_csrf_check(&r), -1);
	civic_arena_free(a);
	civic_config_free(cfg);
	fake_worker.cfg = NULL;
}

/* A redirect goes to the mount point, and keeps the display mode (?a11y=). */
static void
test_redirect(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_req	 r;

	fake_worker.mount = "/demo/";
	fake_request(&r, a, &routes[0], "POST", NULL);
	CU_ASSERT_EQUAL(civic_req_redirect(&r, "/m/%d", 5), 303);
	CU_ASSERT_STRING_EQUAL(r.location, "/demo/m/5");
	r.a11y = CIVIC_A11Y_CONTRAST;
	CU_ASSERT_EQUAL(civic_req_redirect(&r, "/m/%d", 5), 303);
	CU_ASSERT_STRING_EQUAL(r.location, "/demo/m/5?a11y=contrast");
	r.a11y = CIVIC_A11Y_BOTH;
	CU_ASSERT_EQUAL(civic_req_redirect(&r, "/m/5?tab=%s#reply", "all"), 303);
	CU_ASSERT_STRING_EQUAL(r.location, "/demo/m/5?tab=all&a11y=large-contrast#reply");
	CU_ASSERT_EQUAL(civic_req_redirect(&r, "/#top"), 303);
	CU_ASSERT_STRING_EQUAL(r.location, "/demo/?a11y=large-contrast#top");
	civic_arena_free(a);
}

static void
test_roles_passwords(void)
{
	char	 hash[CIVIC_PASSWORD_HASHLEN];

	CU_ASSERT_EQUAL(civic_session_roles("admin"), CIVIC_ROLE_ADMIN);
	CU_ASSERT_EQUAL(civic_session_roles("office,clerk"), CIVIC_ROLE_OFFICE | CIVIC_ROLE_CLERK);
	CU_ASSERT_EQUAL(civic_session_roles("supervisor,admin,office,clerk"),
	    CIVIC_ROLE_ADMIN | CIVIC_ROLE_OFFICE | CIVIC_ROLE_CLERK | CIVIC_ROLE_SUPERVISOR);
	CU_ASSERT_EQUAL(civic_session_roles("administrator,clerkx,"), 0);
	CU_ASSERT_EQUAL(civic_session_roles(""), 0);
	CU_ASSERT_EQUAL(civic_session_roles(NULL), 0);

	/* Argon2id, salted: the same password hashes differently, and verifies. */
	CU_ASSERT_EQUAL_FATAL(civic_password_hash("县长信箱 correct horse", hash, sizeof(hash)),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(strncmp(hash, "$argon2id$", 10), 0);
	CU_ASSERT_TRUE(civic_password_verify(hash, "县长信箱 correct horse"));
	CU_ASSERT_FALSE(civic_password_verify(hash, "县长信箱 correct hors"));
	CU_ASSERT_FALSE(civic_password_verify(hash, "县长信箱 correct horse "));
	CU_ASSERT_FALSE(civic_password_verify(NULL, "县长信箱 correct horse"));
	CU_ASSERT_EQUAL(civic_password_hash("x", hash, 10), CIVIC_ERR_NOMEM);
}

/* crypto_auth() of msg under key, as the mailbox signed its form times. */
static void
plain_sig(const unsigned char *key, const char *msg, char out[CIVIC_SIGN_LEN + 1])
{
	unsigned char	 mac[crypto_auth_BYTES];

	crypto_auth(mac, (const unsigned char *)msg, strlen(msg), key);
	sodium_bin2base64(out, CIVIC_SIGN_LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void
test_sign(void)
{
	unsigned char	 key[CIVIC_SIGN_KEYLEN];
	char		 sig[CIVIC_SIGN_LEN + 1], want[CIVIC_SIGN_LEN + 1];

	memset(key, 7, sizeof(key));
	/* Byte for byte the mailbox's signature from before the move. */
	civic_sign_time(key, "mailbox.form-time", NULL, 1763900000LL, sig);
	plain_sig(key, "mailbox.form-time:1763900000", want);
	CU_ASSERT_STRING_EQUAL(sig, want);
	civic_sign_time(key, "access.grant", "ZX20261123-0042", 1763900000LL, sig);
	plain_sig(key, "access.grant:ZX20261123-0042:1763900000", want);
	CU_ASSERT_STRING_EQUAL(sig, want);
	CU_ASSERT_EQUAL(strlen(sig), CIVIC_SIGN_LEN);

	CU_ASSERT_TRUE(civic_sign_time_check(key, "access.grant", "ZX20261123-0042",
	    1763900000LL, sig));
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", "ZX20261123-0043",
	    1763900000LL, sig));
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", "ZX20261123-0042",
	    1763900001LL, sig));
	CU_ASSERT_FALSE(civic_sign_time_check(key, "mailbox.form-time", "ZX20261123-0042",
	    1763900000LL, sig));
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", NULL, 1763900000LL, sig));
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", "ZX20261123-0042",
	    1763900000LL, NULL));
	sig[CIVIC_SIGN_LEN - 1] = '\0';
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", "ZX20261123-0042",
	    1763900000LL, sig));
	key[0] = 8;
	CU_ASSERT_FALSE(civic_sign_time_check(key, "access.grant", "ZX20261123-0042",
	    1763900000LL, want));
}

static const struct civic_field formtime_fields[] = {
	CIVIC_FORMTIME_FIELDS,
	{ NULL, 0, 0, 0, 0, NULL }
};
static const struct civic_route formtime_route =
	{ "POST", "/f", "f", dummy, formtime_fields, 0, 0, { NULL, 0, 0 }, NULL };

/* The age civic_formtime_age() gives for a form shown at t, signed for purpose. */
static long long
formtime_age_of(struct civic_arena *a, long long t, const char *purpose)
{
	struct civic_req	 r;
	char			 sig[CIVIC_SIGN_LEN + 1];

	civic_sign_time(fake_worker.secret, purpose, NULL, t, sig);
	fake_request(&r, a, &formtime_route, "POST",
	    civic_arena_printf(a, "issued=%lld&sig=%s", t, sig));
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_OK);
	return civic_formtime_age(&r, "mailbox.form-time");
}

static void
test_formtime(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_req	 r;
	long long		 now = (long long)time(NULL), age;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	memset(fake_worker.secret, 9, sizeof(fake_worker.secret));
	age = formtime_age_of(a, now - 100, "mailbox.form-time");
	CU_ASSERT(age >= 100 && age <= 102);
	CU_ASSERT(formtime_age_of(a, now, "mailbox.form-time") >= 0);
	/* A day old is still in time; older, or from the future, is not. */
	CU_ASSERT(formtime_age_of(a, now - CIVIC_FORMTIME_MAX_AGE + 60,
	    "mailbox.form-time") >= 0);
	CU_ASSERT_EQUAL(formtime_age_of(a, now - CIVIC_FORMTIME_MAX_AGE - 1,
	    "mailbox.form-time"), -1);
	CU_ASSERT_EQUAL(formtime_age_of(a, now + 60, "mailbox.form-time"), -1);
	/* Another form's signature does not stand for this one's. */
	CU_ASSERT_EQUAL(formtime_age_of(a, now - 100, "consult.form-time"), -1);
	/* Missing fields. */
	fake_request(&r, a, &formtime_route, "POST", "issued=12");
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_formtime_age(&r, "mailbox.form-time"), -1);
	fake_request(&r, a, &formtime_route, "POST", NULL);
	CU_ASSERT_EQUAL(civic_form_apply(&r), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_formtime_age(&r, "mailbox.form-time"), -1);
	civic_arena_free(a);
}

/* A request carrying the cookie header hdr. */
static void
cookie_request(struct civic_req *r, struct civic_arena *a, const char *hdr)
{
	fake_request(r, a, &routes[0], "GET", NULL);
	CU_ASSERT_EQUAL(civic_cookie_parse(a, hdr, strlen(hdr), &r->cookies), CIVIC_OK);
}

static void
test_access(void)
{
	static char		 mount[] = "/consult/";
	static const char	 no[] = "ZX20261123-0042";
	struct civic_arena	*a = civic_arena_new();
	struct civic_config	*cfg = NULL;
	struct civic_req	 r;
	unsigned char		 h[CIVIC_TRACKING_HASH_LEN];
	const char		*code, *msg, *set;
	char			 sig[CIVIC_SIGN_LEN + 1], *lower;
	long long		 now = (long long)time(NULL);
	size_t			 i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL_FATAL(civic_config_load(NULL, &cfg, &msg), CIVIC_OK);
	fake_worker.cfg = cfg;
	fake_worker.mount = mount;
	memset(fake_worker.secret, 5, sizeof(fake_worker.secret));

	/* The code against its hash: as typed, in any case; nothing else. */
	code = civic_tracking_code(a, h);
	CU_ASSERT_PTR_NOT_NULL_FATAL(code);
	CU_ASSERT_TRUE(civic_access_code_is(code, (const char *)h, sizeof(h)));
	lower = civic_arena_strdup(a, code);
	for (i = 0; lower[i] != '\0'; i++)
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] - 'A' + 'a');
	CU_ASSERT_TRUE(civic_access_code_is(lower, (const char *)h, sizeof(h)));
	CU_ASSERT_FALSE(civic_access_code_is(code, (const char *)h, sizeof(h) - 1));
	CU_ASSERT_FALSE(civic_access_code_is(code, NULL, 0));
	CU_ASSERT_FALSE(civic_access_code_is(NULL, (const char *)h, sizeof(h)));
	CU_ASSERT_FALSE(civic_access_code_is("not a code", (const char *)h, sizeof(h)));
	lower[0] = lower[0] == 'a' ? 'b' : 'a';
	CU_ASSERT_FALSE(civic_access_code_is(lower, (const char *)h, sizeof(h)));

	/* The code's cookie, set and cleared, Secure over HTTPS. */
	fake_request(&r, a, &routes[0], "GET", NULL);
	CU_ASSERT_EQUAL(civic_access_code_cookie(&r, "civic_zx_code", "sent/", "ABCDE"),
	    CIVIC_OK);
	r.https = 1;
	CU_ASSERT_EQUAL(civic_access_code_cookie(&r, "civic_zx_code", "sent/", NULL),
	    CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(r.headers.n, 2);
	CU_ASSERT_STRING_EQUAL(r.headers.v[0].val, "civic_zx_code=ABCDE; Path=/consult/sent/; "
	    "Max-Age=600; HttpOnly; SameSite=Strict");
	CU_ASSERT_STRING_EQUAL(r.headers.v[1].val, "civic_zx_code=; Path=/consult/sent/; "
	    "Max-Age=0; HttpOnly; SameSite=Strict; Secure");

	/* A grant, and the request that brings it back. */
	fake_request(&r, a, &routes[0], "GET", NULL);
	CU_ASSERT_EQUAL(civic_access_grant(&r, "civic_zx_grant", "q/ZX20261123-0042", no),
	    CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(r.headers.n, 1);
	set = r.headers.v[0].val;
	CU_ASSERT_PTR_NOT_NULL(strstr(set, "; Path=/consult/q/ZX20261123-0042; Max-Age=7776000; "
	    "HttpOnly; SameSite=Strict"));
	CU_ASSERT_PTR_NULL(strstr(set, "Secure"));
	cookie_request(&r, a, civic_arena_strndup(a, set, strcspn(set, ";")));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "civic_zx_grant", no), 1);
	CU_ASSERT_EQUAL(civic_access_granted(&r, "civic_zx_grant", "ZX20261123-0043"), 0);
	CU_ASSERT_EQUAL(civic_access_granted(&r, "civic_other", no), 0);

	/* Just inside the age, and just outside it; never from the future. */
	civic_sign_time(fake_worker.secret, "access.grant", no,
	    now - CIVIC_ACCESS_GRANT_AGE + 60, sig);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%s",
	    now - CIVIC_ACCESS_GRANT_AGE + 60, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 1);
	civic_sign_time(fake_worker.secret, "access.grant", no,
	    now - CIVIC_ACCESS_GRANT_AGE - 1, sig);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%s",
	    now - CIVIC_ACCESS_GRANT_AGE - 1, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	civic_sign_time(fake_worker.secret, "access.grant", no, now + 60, sig);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%s", now + 60, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);

	/* Forged or malformed values. */
	civic_sign_time(fake_worker.secret, "access.grant", no, now, sig);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%s", now - 1, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%.42s", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%sA", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=.%s", sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld%s", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=-%lld.%s", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);
	cookie_request(&r, a, civic_arena_printf(a, "g=0000000%lld.%s", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 0);	/* past twelve digits */
	cookie_request(&r, a, civic_arena_printf(a, "g=%lld.%s", now, sig));
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", no), 1);
	CU_ASSERT_EQUAL(civic_access_granted(&r, "g", NULL), 0);

	civic_arena_free(a);
	civic_config_free(cfg);
	fake_worker.cfg = NULL;
	fake_worker.mount = NULL;
}

/*
 * A version's snapshot is XML parsed again for the history page: what a
 * clerk typed that XML can't carry (U+FFFF passes the form layer) must
 * not make it ill-formed, or that page would fail.
 */
static void
test_snapshot(void)
{
	struct civic_arena	*a = civic_arena_new();
	struct civic_snapshot	 st;
	struct civic_rows	 rows;
	const char		*names[] = { "title", "body" };
	char			*cells[] = { "a\xef\xbf\xbf" "b", "x\x01y" };
	size_t			 lens[] = { 5, 3 };
	xmlDocPtr		 doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	rows.nrows = 1;
	rows.ncols = 2;
	rows.names = names;
	rows.cell = cells;
	rows.len = lens;
	CU_ASSERT_EQUAL_FATAL(civic_snapshot_make(a, "entry", 3, 2, &rows, NULL, 0, &st), CIVIC_OK);
	CU_ASSERT_EQUAL(st.nparts, 2);
	doc = xmlReadMemory(st.xml, (int)strlen(st.xml), NULL, NULL, XML_PARSE_NONET);
	CU_ASSERT_PTR_NOT_NULL(doc);
	xmlFreeDoc(doc);
	CU_ASSERT_PTR_NOT_NULL(strstr(st.xml, "<title>a\xef\xbf\xbd" "b</title>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(st.xml, "<body>x\xef\xbf\xbdy</body>"));
	civic_arena_free(a);
}

int
main(void)
{
	CU_pSuite	 s;
	int		 failures;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	civic_render_init();
	if (civic_valid_init() != CIVIC_OK)
		return 99;
	s = CU_add_suite("core", NULL, NULL);
	CU_add_test(s, "route matching", test_route_match);
	CU_add_test(s, "route refusals, 404 and 405", test_route_refuse);
	CU_add_test(s, "route table checks", test_route_check);
	CU_add_test(s, "configuration file", test_config);
	CU_add_test(s, "form fields applied", test_form);
	CU_add_test(s, "URL escaping", test_url_escape);
	CU_add_test(s, "path decoding", test_path_decode);
	CU_add_test(s, "page building and XML", test_page_xml);
	CU_add_test(s, "CSRF tokens", test_csrf);
	CU_add_test(s, "redirects and the display mode", test_redirect);
	CU_add_test(s, "roles and passwords", test_roles_passwords);
	CU_add_test(s, "signed times", test_sign);
	CU_add_test(s, "signed form times", test_formtime);
	CU_add_test(s, "query codes and grants", test_access);
	CU_add_test(s, "snapshots stay well-formed", test_snapshot);
	failures = cunit_run("test_core");
	civic_valid_exit();
	return failures;
}
