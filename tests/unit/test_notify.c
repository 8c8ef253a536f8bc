/*
 * test_notify.c: the parts of notifications that need no database: the
 * template file and rendering, the stored parameters, recipients, the
 * SMS command's argument vector, RFC 2047 subjects, the backoff schedule,
 * and the file and command transports run for real.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>
#include <sodium.h>

#include "civic.h"
#include "notify.h"
#include "cunit_run.h"

static const char sample[] =
    "\xef\xbb\xbf# the office's file, saved by a Windows editor\r\n"
    "\r\n"
    "[demo.note.created.zh-CN]\r\n"
    "subject = 您的留言已收到（编号{id}）\r\n"
    "\r\n"
    "您的留言“{title}”已收到，编号{id}。\r\n"
    "# a comment inside a section\r\n"
    "请留存编号{注意}以便查询。{ id}\r\n"
    "\r\n"
    "\r\n"
    "[demo.note.created.en]\n"
    "Your note {title} has number {id}.\n"
    "\n"
    "Thank you.\n"
    "[demo.reply_1.zh-CN]\n"
    "subject=回复\n"
    "  {name}，您好：已答复。\n";

static struct civic_notify_templates *
parse(const char *text, char *err, size_t errlen)
{
	struct civic_notify_templates	*ts = NULL;

	if (civic_notify_templates_parse(text, strlen(text), &ts, err, errlen) != CIVIC_OK)
		return NULL;
	return ts;
}

static void
test_template_parse(void)
{
	struct civic_notify_templates	*ts;
	char				 err[256];
	static const char *const	 bad[] = {
		"stray text\n[a.b.en]\nx\n",			/* before any section */
		"[a.b.en]\nx\n[a.b.en]\ny\n",			/* twice */
		"[nodot]\nx\n",					/* no language */
		"[a b.en]\nx\n",				/* space in the key */
		"[a.b.en]\nsubject = s\n\n",			/* no text */
		"[a.b.en]\nx\xff\n",				/* not UTF-8 */
	};
	size_t				 i;

	ts = parse(sample, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(ts);
	CU_ASSERT_EQUAL(civic_notify_templates_count(ts), 3);
	civic_notify_templates_free(ts);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		ts = parse(bad[i], err, sizeof(err));
		CU_ASSERT_PTR_NULL(ts);
		CU_ASSERT(err[0] != '\0');
		civic_notify_templates_free(ts);
	}
	ts = parse("[a.b.en]\nx\n[a.b.en]\ny\n", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "line 3"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "line 1"));
}

static void
test_template_render(void)
{
	struct civic_notify_templates	*ts;
	struct civic_arena		*a = civic_arena_new();
	struct civic_notify_param	 p[] = {
		{ "id", "N-20240001" }, { "title", "路灯不亮 {id}" }, { "unused", "x" } };
	char				 err[256], *params, *subject, *body;

	ts = parse(sample, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(ts);
	CU_ASSERT_EQUAL_FATAL(civic_notify_params_encode(a, p, 3, &params), CIVIC_OK);

	/*
	 * Chinese text, CR LF gone, the comment and the blank ends dropped;
	 * braces that make no placeholder stay.
	 */
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.note.created", "zh-CN", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(subject, "您的留言已收到（编号N-20240001）");
	/* A value is put in verbatim: its own "{id}" is not replaced again. */
	CU_ASSERT_STRING_EQUAL(body, "您的留言“路灯不亮 {id}”已收到，编号N-20240001。\n"
	    "请留存编号{注意}以便查询。{ id}");

	/* No subject; blank lines inside the text are kept. */
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.note.created", "en", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(subject, "");
	CU_ASSERT_STRING_EQUAL(body, "Your note 路灯不亮 {id} has number N-20240001.\n\n"
	    "Thank you.");

	/* A missing language falls back; a missing template does not. */
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.note.created", "fr", "en", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(body, "Thank you."));
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.nothing", "en", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_ERR_NOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "demo.nothing"));

	/* A placeholder without its parameter is an error naming it. */
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.reply_1", "zh-CN", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_ERR_NOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "{name}"));
	p[0].name = "name";
	p[0].value = "张三";
	CU_ASSERT_EQUAL_FATAL(civic_notify_params_encode(a, p, 1, &params), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.reply_1", "zh-CN", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(subject, "回复");
	CU_ASSERT_STRING_EQUAL(body, "  张三，您好：已答复。");

	civic_notify_templates_free(ts);
	civic_arena_free(a);
}

/* The shipped file parses and renders the demo's message in both languages. */
static void
test_template_shipped(void)
{
	struct civic_notify_templates	*ts = NULL;
	struct civic_arena		*a = civic_arena_new();
	struct civic_notify_param	 p[] = { { "id", "42" }, { "title", "路灯" } };
	char				 path[1024], err[256], *params, *subject, *body;
	const char			*src = getenv("top_srcdir");

	snprintf(path, sizeof(path), "%s/examples/notify-templates.txt", src != NULL ? src : ".");
	CU_ASSERT_EQUAL_FATAL(civic_notify_templates_load(path, &ts, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(civic_notify_params_encode(a, p, 2, &params), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.note.created", "zh-CN", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(body != NULL ? strstr(body, "您的留言“路灯”已收到，编号42") : NULL);
	CU_ASSERT_EQUAL(civic_notify_render(ts, a, "demo.note.created", "en", "zh-CN", params,
	    &subject, &body, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(subject != NULL ? strstr(subject, "42") : NULL);
	civic_notify_templates_free(ts);
	civic_arena_free(a);
}

static void
test_params(void)
{
	struct civic_arena		*a = civic_arena_new();
	struct civic_notify_param	 p[CIVIC_NOTIFY_MAX_PARAMS + 1];
	char				*enc, big[CIVIC_NOTIFY_MAX_PARAM_VALUE + 2];
	const char			*v;
	size_t				 vlen, i;

	p[0] = (struct civic_notify_param){ "id", "7" };
	p[1] = (struct civic_notify_param){ "name", "李四\t先生" };
	CU_ASSERT_EQUAL_FATAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(enc, "id=7\nname=李四\t先生\n");
	v = civic_notify_params_find(enc, "name", 4, &vlen);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_EQUAL(vlen, strlen("李四\t先生"));
	CU_ASSERT_PTR_NULL(civic_notify_params_find(enc, "i", 1, &vlen));
	CU_ASSERT_PTR_NULL(civic_notify_params_find(enc, "nam", 3, &vlen));
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 0, &enc), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(enc, "");

	/* A line end, another control, bad UTF-8, a bad or repeated name: refused. */
	p[1].value = "a\nb";
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1].value = "a\rb";
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1].value = "a\x1b[0m";
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1].value = "\xe4\xb8";
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1] = (struct civic_notify_param){ "Name", "x" };
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1] = (struct civic_notify_param){ "a=b", "x" };
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	p[1] = (struct civic_notify_param){ "id", "8" };
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	p[1] = (struct civic_notify_param){ "big", big };
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, 2, &enc), CIVIC_ERR_INVALID);
	for (i = 0; i < CIVIC_NOTIFY_MAX_PARAMS + 1; i++)
		p[i] = (struct civic_notify_param){ civic_arena_printf(a, "p%zu", i), "v" };
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, CIVIC_NOTIFY_MAX_PARAMS, &enc),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(civic_notify_params_encode(a, p, CIVIC_NOTIFY_MAX_PARAMS + 1, &enc),
	    CIVIC_ERR_INVALID);
	civic_arena_free(a);
}

static void
test_recipient(void)
{
	CU_ASSERT(civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, "13800138000"));
	CU_ASSERT(civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, "+8613800138000"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, "138 0013 8000"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, "-13800138000"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, "1234"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, ""));
	CU_ASSERT(civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "li.si+gov@example.com.cn"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "-oQ/tmp/x@example.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "a@b.com\nBcc: c@d.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "a b@c.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "a@b@c.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "@c.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "a@"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "a..b@c.com"));
	CU_ASSERT(!civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, "<a@c.com>"));
}

static void
test_argv(void)
{
	struct civic_arena	*a = civic_arena_new();
	static const char	 nasty[] = "您好 a b; rm -rf / `id` $(id) 'q' \"z\" | & > < * {phone}\n2";
	char			**w, **argv, err[160];
	size_t			 n, i;
	static const char *const bad[] = {
		"", "   ", "sms-send {phone}", "/bin/{phone} x", "/bin/x {name}", "/bin/x {phone",
		"/bin/x phone}", "/bin/x 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 "
		"23 24 25 26 27 28 29 30 31 32",
	};

	CU_ASSERT_EQUAL_FATAL(civic_notify_argv_split(a,
	    "  /usr/local/bin/sms-send\t--to={phone}  --id {id} {text}  ", &w, &n, err,
	    sizeof(err)), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(n, 5);
	CU_ASSERT_STRING_EQUAL(w[0], "/usr/local/bin/sms-send");
	CU_ASSERT_STRING_EQUAL(w[1], "--to={phone}");
	CU_ASSERT_STRING_EQUAL(w[4], "{text}");
	CU_ASSERT_EQUAL_FATAL(civic_notify_argv_build(a, w, n, "13800138000", nasty, 42, &argv),
	    CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(argv[0], "/usr/local/bin/sms-send");
	CU_ASSERT_STRING_EQUAL(argv[1], "--to=13800138000");
	CU_ASSERT_STRING_EQUAL(argv[2], "--id");
	CU_ASSERT_STRING_EQUAL(argv[3], "42");
	/* One argument, byte for byte, its own "{phone}" left alone. */
	CU_ASSERT_STRING_EQUAL(argv[4], nasty);
	CU_ASSERT_PTR_NULL(argv[5]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CU_ASSERT_EQUAL(civic_notify_argv_split(a, bad[i], &w, &n, err, sizeof(err)),
		    CIVIC_ERR_CONFIG);
	civic_arena_free(a);
}

static void
test_backoff(void)
{
	unsigned	 i, want = 60;

	for (i = 1; i < 8; i++, want *= 2)
		CU_ASSERT_EQUAL(civic_notify_backoff(60, i, 8), want);
	CU_ASSERT_EQUAL(civic_notify_backoff(60, 8, 8), 0);
	CU_ASSERT_EQUAL(civic_notify_backoff(60, 9, 8), 0);
	CU_ASSERT_EQUAL(civic_notify_backoff(1, 1, 3), 1);
	CU_ASSERT_EQUAL(civic_notify_backoff(1, 2, 3), 2);
	CU_ASSERT_EQUAL(civic_notify_backoff(1, 3, 3), 0);
	CU_ASSERT_EQUAL(civic_notify_backoff(1, 1, 1), 0);
	/* Capped, and no overflow however many attempts are allowed. */
	CU_ASSERT_EQUAL(civic_notify_backoff(60, 20, 100), CIVIC_NOTIFY_BACKOFF_MAX);
	CU_ASSERT_EQUAL(civic_notify_backoff(86400, 1, 100), CIVIC_NOTIFY_BACKOFF_MAX);
	CU_ASSERT_EQUAL(civic_notify_backoff(60, 33, 100), CIVIC_NOTIFY_BACKOFF_MAX);
	CU_ASSERT_EQUAL(civic_notify_backoff(60, 99, 100), CIVIC_NOTIFY_BACKOFF_MAX);
}

/* Decodes a folded run of encoded-words back to its text, checking each word's length. */
static int
rfc2047_decode(const char *h, char *out, size_t max)
{
	const char	*p = h, *e;
	size_t		 off = 0, n;

	while (*p != '\0') {
		if (strncmp(p, "=?UTF-8?B?", 10) != 0 || (e = strstr(p + 10, "?=")) == NULL ||
		    e + 2 - p > 75)
			return -1;
		if (sodium_base642bin((unsigned char *)out + off, max - off, p + 10,
		    (size_t)(e - p - 10), NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
			return -1;
		off += n;
		p = e + 2;
		if (strncmp(p, "\n ", 2) == 0)
			p += 2;
		else if (*p != '\0')
			return -1;
	}
	out[off] = '\0';
	return 0;
}

static void
test_rfc2047(void)
{
	struct civic_arena	*a = civic_arena_new();
	const char		*s;
	char			 dec[1024], *h;

	CU_ASSERT_STRING_EQUAL(civic_notify_rfc2047(a, "Hello"), "=?UTF-8?B?SGVsbG8=?=");
	CU_ASSERT_STRING_EQUAL(civic_notify_rfc2047(a, ""), "");
	s = "示范县人民政府：您的留言已收到（编号N-20240001），我们将尽快办理，请留存编号以便查询。";
	h = civic_notify_rfc2047(a, s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "\n "));
	CU_ASSERT_EQUAL(rfc2047_decode(h, dec, sizeof(dec)), 0);
	CU_ASSERT_STRING_EQUAL(dec, s);
	civic_arena_free(a);
}

static struct civic_config *
transport_config(const char *sms, const char *email, const char *file, const char *cmd)
{
	struct civic_config	*cfg;
	const char		*msg;

	if (civic_config_load(NULL, &cfg, &msg) != CIVIC_OK)
		return NULL;
	civic_config_set(cfg, "notify.transport_sms", sms);
	civic_config_set(cfg, "notify.transport_email", email);
	civic_config_set(cfg, "notify.file", file);
	civic_config_set(cfg, "notify.sms_command", cmd);
	civic_config_set(cfg, "notify.timeout", "1");
	return cfg;
}

static char *
slurp(const char *path)
{
	static char	 buf[8192];
	FILE		*f;
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The file and command transports, with real files and programs. */
static void
test_transports(void)
{
	struct civic_arena		*a = civic_arena_new();
	struct civic_config		*cfg;
	struct civic_notify_transport	*t = NULL;
	struct civic_notify_msg		 m = { 7, CIVIC_NOTIFY_SMS, "13800138000",
					    "demo.note.created", "zh-CN", "", 1 };
	char				 dir[] = "/tmp/test_notify.XXXXXX", file[128], cmd[256];
	char				 err[256], *got;
	struct stat			 st;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/out.txt", dir);

	/* Configuration errors are found at start. */
	cfg = transport_config("smoke", "none", file, "");
	CU_ASSERT_EQUAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_ERR_CONFIG);
	civic_config_free(cfg);
	cfg = transport_config("command", "none", file, "/bin/x {phone} {body}");
	CU_ASSERT_EQUAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_ERR_CONFIG);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "{body}"));
	civic_config_free(cfg);
	cfg = transport_config("file", "none", "relative.txt", "");
	CU_ASSERT_EQUAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_ERR_CONFIG);
	civic_config_free(cfg);

	/* file: one record a message, body lines marked. */
	cfg = transport_config("file", "file", file, "");
	CU_ASSERT_EQUAL_FATAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_notify_transport_channels(t),
	    CIVIC_NOTIFY_WANT_SMS | CIVIC_NOTIFY_WANT_EMAIL);
	CU_ASSERT_EQUAL(civic_notify_send(t, a, &m, "", "您好\n=== id=99", err, sizeof(err)),
	    CIVIC_OK);
	m.channel = CIVIC_NOTIFY_EMAIL;
	m.recipient = "li@example.com";
	CU_ASSERT_EQUAL(civic_notify_send(t, a, &m, "", "x", err, sizeof(err)),
	    CIVIC_ERR_INVALID);	/* e-mail needs a subject */
	CU_ASSERT_EQUAL(civic_notify_send(t, a, &m, "主题", "正文", err, sizeof(err)), CIVIC_OK);
	got = slurp(file);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got,
	    "=== id=7 channel=sms to=13800138000 template=demo.note.created lang=zh-CN attempt=1\n"
	    "| 您好\n| === id=99\n"
	    "=== id=7 channel=email to=li@example.com template=demo.note.created lang=zh-CN "
	    "attempt=1\nsubject: 主题\n| 正文\n");
	civic_notify_transport_free(t);
	civic_config_free(cfg);

	/* command: the text is one argument, verbatim, whatever it holds. */
	m.channel = CIVIC_NOTIFY_SMS;
	m.recipient = "13800138000";
	snprintf(cmd, sizeof(cmd), "/usr/bin/touch %s/{phone}-{text}", dir);
	cfg = transport_config("command", "none", "", cmd);
	CU_ASSERT_EQUAL_FATAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_notify_transport_channels(t), CIVIC_NOTIFY_WANT_SMS);
	CU_ASSERT_EQUAL(civic_notify_send(t, a, &m, "", "a b;$(id)`id`|&>x", err, sizeof(err)),
	    CIVIC_OK);
	snprintf(file, sizeof(file), "%s/13800138000-a b;$(id)`id`|&>x", dir);
	CU_ASSERT_EQUAL(stat(file, &st), 0);
	unlink(file);
	civic_notify_transport_free(t);
	civic_config_free(cfg);

	/* A failing program, a missing one, one that outlives the timeout. */
	cfg = transport_config("command", "none", "", "/bin/false {text}");
	CU_ASSERT_EQUAL_FATAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_NOT_EQUAL(civic_notify_send(t, a, &m, "", "x", err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "exit status 1"));
	civic_notify_transport_free(t);
	civic_config_free(cfg);
	cfg = transport_config("command", "none", "", "/nonexistent/sms {text}");
	CU_ASSERT_EQUAL_FATAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_NOT_EQUAL(civic_notify_send(t, a, &m, "", "x", err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "127"));
	civic_notify_transport_free(t);
	civic_config_free(cfg);
	cfg = transport_config("command", "none", "", "/bin/sleep 10");
	CU_ASSERT_EQUAL_FATAL(civic_notify_transport_new(cfg, &t, err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_NOT_EQUAL(civic_notify_send(t, a, &m, "", "x", err, sizeof(err)), CIVIC_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "killed after 1 s"));
	civic_notify_transport_free(t);
	civic_config_free(cfg);

	snprintf(file, sizeof(file), "%s/out.txt", dir);
	unlink(file);
	rmdir(dir);
	civic_arena_free(a);
}

int
main(void)
{
	CU_pSuite	 s;
	int		 failures;

	if (sodium_init() < 0 || CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("notify", NULL, NULL);
	CU_add_test(s, "template file parsing", test_template_parse);
	CU_add_test(s, "template rendering", test_template_render);
	CU_add_test(s, "the shipped template file", test_template_shipped);
	CU_add_test(s, "stored parameters", test_params);
	CU_add_test(s, "recipients", test_recipient);
	CU_add_test(s, "SMS command argument vector", test_argv);
	CU_add_test(s, "backoff schedule", test_backoff);
	CU_add_test(s, "RFC 2047 subjects", test_rfc2047);
	CU_add_test(s, "file and command transports", test_transports);
	failures = cunit_run("test_notify");
	return failures;
}
