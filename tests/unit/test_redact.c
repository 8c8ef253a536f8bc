/*
 * test_redact.c: unit tests of civic_redact() (modules/core/redact.c).
 *
 * One table: the text, the names given (up to three), and the public
 * version expected.  Each kind of personal data in its written forms,
 * mixed text, repeats, numbers touching Chinese characters, and the
 * numbers that must stay (dates, amounts, tracking numbers, times, long
 * order numbers), empty and long text.  A second test checks that a long
 * letter full of numbers comes out with every one masked and nothing else
 * changed.
 *
 * Exit status: 0 when all passed, 1 when a test failed, 99 when CUnit
 * itself could not run (cunit_run.h).
 */
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include "civic.h"
#include "redact.h"
#include "cunit_run.h"

struct redact_case {
	const char	*what;
	const char	*text;
	const char	*names[3];
	const char	*want;
};

static const struct redact_case cases[] = {
	/* Mobile numbers. */
	{ "mobile", "电话13800138000", { NULL }, "电话***" },
	{ "mobile with spaces", "请打 138 0013 8000 找我", { NULL }, "请打 *** 找我" },
	{ "mobile with dashes", "138-0013-8000", { NULL }, "***" },
	{ "mobile +86", "+86 13912345678。", { NULL }, "***。" },
	{ "mobile +86 no space", "号码+8613912345678", { NULL }, "号码***" },
	{ "mobile 0086", "0086-13912345678", { NULL }, "***" },
	{ "mobile between Chinese", "我的手机15912345678请回电", { NULL }, "我的手机***请回电" },
	{ "mobile repeated", "13800138000或13800138000", { NULL }, "***或***" },
	{ "mobile after a full-width colon", "手机：19912345678", { NULL }, "手机：***" },
	/* Landlines. */
	{ "landline 0AA-8", "电话010-88881234。", { NULL }, "电话***。" },
	{ "landline 0AAA-7", "0571-8888123", { NULL }, "***" },
	{ "landline with extension", "0571-88881234-801", { NULL }, "***" },
	{ "landline 转 extension", "0571-88881234转801号", { NULL }, "***号" },
	{ "landline in parentheses", "(0571)88881234", { NULL }, "***" },
	{ "landline in full-width parentheses", "拨打（0571）88881234咨询", { NULL },
	    "拨打***咨询" },
	{ "landline with a space", "028 85551234", { NULL }, "***" },
	/* ID numbers. */
	{ "ID 18 digits", "身份证号110101199003071234", { NULL }, "身份证号***" },
	{ "ID with X", "身份证11010119900307123X。", { NULL }, "身份证***。" },
	{ "ID with x", "11010119900307123x", { NULL }, "***" },
	{ "ID 15 digits (old)", "旧证号110101900307123", { NULL }, "旧证号***" },
	/* E-mail. */
	{ "email", "邮箱zhang.san@example.com谢谢", { NULL }, "邮箱***谢谢" },
	{ "email of digits is one", "13800138000@qq.com", { NULL }, "***" },
	{ "email with plus and subdomain", "a+b@mail.gov.cn.", { NULL }, "***." },
	/* Names. */
	{ "name", "我是张三，住在城关镇。", { "张三" }, "我是***，住在城关镇。" },
	{ "name inside words", "张三丰和张三", { "张三丰", "张三" }, "***和***" },
	{ "longer name first whatever the order", "张三丰来信", { "张三", "张三丰" },
	    "***来信" },
	{ "name repeated", "李四说李四的事", { "李四" }, "***说***的事" },
	{ "ASCII name ignores case", "I am john smith, JOHN SMITH.", { "John Smith" },
	    "I am ***, ***." },
	{ "ASCII name not inside a word", "Li and Lily", { "Li" }, "*** and Lily" },
	{ "one-character name ignored", "王先生", { "王" }, "王先生" },
	{ "no names given", "张三", { NULL }, "张三" },
	/* Must NOT be masked. */
	{ "date", "2026-11-23 来信", { NULL }, "2026-11-23 来信" },
	{ "date compact", "20261123", { NULL }, "20261123" },
	{ "amount", "补贴3000元，共13800元", { NULL }, "补贴3000元，共13800元" },
	{ "tracking number", "编号MB20261123-0042", { NULL }, "编号MB20261123-0042" },
	{ "time", "10:30到17:30", { NULL }, "10:30到17:30" },
	{ "long order number", "订单号138001380001234", { NULL }, "订单号138001380001234" },
	{ "twelve digits starting 1", "编号139123456789", { NULL }, "编号139123456789" },
	{ "area code alone", "区号0571", { NULL }, "区号0571" },
	{ "year range", "2020-2026年", { NULL }, "2020-2026年" },
	{ "ID-length number with no date", "110101123456781234", { NULL },
	    "110101123456781234" },
	{ "at sign without domain", "@张三 你好", { NULL }, "@张三 你好" },
	/* Mixed, empty. */
	{ "mixed", "张三，13800138000，zs@example.cn，0571-88881234，110101199003071234，"
	    "2026-11-23，3000元", { "张三" },
	    "***，***，***，***，***，2026-11-23，3000元" },
	{ "empty", "", { "张三" }, "" },
	{ "nothing to mask", "路灯坏了，请尽快修理。", { "张三" }, "路灯坏了，请尽快修理。" },
};

static struct civic_arena *arena;

static void
test_table(void)
{
	size_t	 i, n;
	char	*got;

	for (i = 0; i < CIVIC_NITEMS(cases); i++) {
		for (n = 0; n < 3 && cases[i].names[n] != NULL; n++)
			;
		got = civic_redact(arena, cases[i].text, cases[i].names, n);
		if (got == NULL || strcmp(got, cases[i].want) != 0)
			printf("\n  %s:\n    in   %s\n    want %s\n    got  %s\n", cases[i].what,
			    cases[i].text, cases[i].want, got != NULL ? got : "(NULL)");
		CU_ASSERT_PTR_NOT_NULL(got);
		CU_ASSERT(got != NULL && strcmp(got, cases[i].want) == 0);
	}
}

/* A letter of some 3000 characters: 200 lines, each with a phone, a date and a name. */
static void
test_long(void)
{
	static const char	*names[] = { "王小明" };
	char			 in[64 * 1024], want[64 * 1024];
	size_t			 i, il = 0, wl = 0;
	char			*got;

	for (i = 0; i < 200; i++) {
		il += (size_t)snprintf(in + il, sizeof(in) - il,
		    "%zu王小明于2026-11-%02zu致电139%08zu。\n", i, i % 28 + 1, i);
		wl += (size_t)snprintf(want + wl, sizeof(want) - wl,
		    "%zu***于2026-11-%02zu致电***。\n", i, i % 28 + 1);
	}
	got = civic_redact(arena, in, names, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got, want);
}

/* NULL text is not a crash; NULL names with a count is treated as none. */
static void
test_edges(void)
{
	char	*got;

	CU_ASSERT_PTR_NULL(civic_redact(arena, NULL, NULL, 0));
	got = civic_redact(arena, "张三13800138000", NULL, 3);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got, "张三***");
}

int
main(void)
{
	CU_pSuite	 s;
	int		 rc;

	if ((arena = civic_arena_new()) == NULL)
		return 99;
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if ((s = CU_add_suite("redact", NULL, NULL)) == NULL ||
	    CU_add_test(s, "the table of cases", test_table) == NULL ||
	    CU_add_test(s, "a long letter", test_long) == NULL ||
	    CU_add_test(s, "NULL text and names", test_edges) == NULL) {
		CU_cleanup_registry();
		return 99;
	}
	rc = cunit_run("test_redact");
	civic_arena_free(arena);
	return rc;
}
