/*
 * test_search.c: unit tests of the pure parts a citizen's search and
 * look-up rest on: the grams of Chinese and mixed text
 * (modules/core/ngram.c), which the features' search indexes are made of,
 * the statement texts of modules/core/search.h, and the hash of a typed
 * query code (modules/core/tracking.c).
 *
 * The gram cases are a table: a text, a bound, and the grams expected in
 * order, written out by hand.
 *
 * Exit status: 0 when all passed, 1 when a test or a suite set-up failed,
 * 99 (automake's hard error) when CUnit itself could not run.
 */
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>
#include <sodium.h>

#include "arena.h"
#include "ngram.h"
#include "search.h"
#include "tracking.h"
#include "cunit_run.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))
/* More than any case expects: a case that gives too many shows it. */
#define MAXG		16

static const struct {
	const char	*why;
	const char	*text;
	size_t		 max;
	const char	*want[MAXG];	/* NULL-terminated */
} cases[] = {
	{ "a four-character word: every adjacent pair", "医疗保障", MAXG,
	    { "医疗", "疗保", "保障", NULL } },
	{ "a two-character word: itself", "路灯", MAXG, { "路灯", NULL } },
	{ "a single character: itself", "医", MAXG, { "医", NULL } },
	{ "single characters between punctuation", "水，电。气", MAXG,
	    { "水", "电", "气", NULL } },
	{ "digits then CJK: the number, then the pairs", "2026年医保", MAXG,
	    { "2026", "年医", "医保", NULL } },
	{ "CJK then letters then CJK", "城区WiFi覆盖", MAXG,
	    { "城区", "wifi", "覆盖", NULL } },
	{ "ASCII letters lowered, words split at punctuation", "Open311, GeoReport-v2!", MAXG,
	    { "open311", "georeport", "v2", NULL } },
	{ "fullwidth digits and letters folded to ASCII", "２０２６ＡＢｃ号", MAXG,
	    { "2026abc", "号", NULL } },
	{ "Chinese punctuation separates runs", "医疗、保障《通知》", MAXG,
	    { "医疗", "保障", "通知", NULL } },
	{ "emoji separate and make no gram", "路灯😀不亮🚧", MAXG,
	    { "路灯", "不亮", NULL } },
	{ "kana and Hangul are not CJK ideographs", "かな한글字", MAXG, { "字", NULL } },
	{ "extension A (U+3400) and compatibility ideographs (U+F900) are CJK",
	    "\xe3\x90\x80\xef\xa4\x80", MAXG, { "\xe3\x90\x80\xef\xa4\x80", NULL } },
	{ "supplementary-plane ideographs (U+20000, U+20001) are CJK",
	    "\xf0\xa0\x80\x80\xf0\xa0\x80\x81", MAXG,
	    { "\xf0\xa0\x80\x80\xf0\xa0\x80\x81", NULL } },
	{ "duplicates given once, in order of first appearance", "路灯 路灯，灯路 ab AB", MAXG,
	    { "路灯", "灯路", "ab", NULL } },
	{ "a repeated character pairs with itself", "哈哈哈", MAXG, { "哈哈", NULL } },
	{ "the bound: no more than max", "医疗保障制度改革", 3,
	    { "医疗", "疗保", "保障", NULL } },
	{ "the bound counts distinct grams", "路灯路灯路灯坏了", 3,
	    { "路灯", "灯路", "灯坏", NULL } },
	{ "max 0: nothing", "医疗", 0, { NULL } },
	{ "empty text: nothing", "", MAXG, { NULL } },
	{ "only punctuation and spaces: nothing", " ，。!? \n\t", MAXG, { NULL } },
	{ "a word longer than a gram is cut to CIVIC_NGRAM_MAX bytes",
	    "abcdefghijklmnopqrstuvwxyz0123456789xyz 路", MAXG,
	    { "abcdefghijklmnopqrstuvwxyz012345", "路", NULL } },
	{ "line breaks separate", "医疗\n保障", MAXG, { "医疗", "保障", NULL } },
};

static void
test_grams(void)
{
	struct civic_arena	*a = civic_arena_new();
	const char		*got[MAXG + 4];
	size_t			 i, j, n, want;
	int			 ok;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	for (i = 0; i < NITEMS(cases); i++) {
		for (want = 0; cases[i].want[want] != NULL; want++)
			;
		memset(got, 0, sizeof(got));
		n = civic_ngram_split(a, cases[i].text, got, cases[i].max);
		ok = n == want;
		for (j = 0; ok && j < n; j++)
			ok = strcmp(got[j], cases[i].want[j]) == 0;
		if (!ok) {
			fprintf(stderr, "\ncase \"%s\" (%s): got %zu:", cases[i].text,
			    cases[i].why, n);
			for (j = 0; j < n && n != (size_t)-1; j++)
				fprintf(stderr, " [%s]", got[j]);
			fprintf(stderr, "\n");
		}
		CU_ASSERT_TRUE(ok);
		/* Never past the bound, and no gram longer than a gram may be. */
		CU_ASSERT_TRUE(n <= cases[i].max);
		for (j = 0; j < n && n != (size_t)-1; j++)
			CU_ASSERT_TRUE(strlen(got[j]) <= CIVIC_NGRAM_MAX);
	}
	civic_arena_free(a);
}

/*
 * A long letter: grams stay distinct and bounded, and the one-pass set
 * does not lose any (every pair of a text of distinct characters).
 */
static void
test_grams_long(void)
{
	struct civic_arena	*a = civic_arena_new();
	static const char	*grams[4000];
	char			 text[3 * 3000 + 1];
	size_t			 i, n, len = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	/* 3000 distinct ideographs from U+4E00: 2999 distinct pairs. */
	for (i = 0; i < 3000; i++) {
		unsigned c = 0x4E00 + (unsigned)i;

		text[len++] = (char)(0xE0 | (c >> 12));
		text[len++] = (char)(0x80 | ((c >> 6) & 0x3F));
		text[len++] = (char)(0x80 | (c & 0x3F));
	}
	text[len] = '\0';
	n = civic_ngram_split(a, text, grams, NITEMS(grams));
	CU_ASSERT_EQUAL(n, 2999);
	CU_ASSERT_STRING_EQUAL(grams[0], "一丁");
	n = civic_ngram_split(a, text, grams, 2000);
	CU_ASSERT_EQUAL(n, 2000);
	/* The same text twice over gives the same grams, not twice as many. */
	{
		char	*twice = civic_arena_printf(a, "%s。%s", text, text);

		CU_ASSERT_PTR_NOT_NULL_FATAL(twice);
		n = civic_ngram_split(a, twice, grams, NITEMS(grams));
		CU_ASSERT_EQUAL(n, 2999);
	}
	civic_arena_free(a);
}

/* Occurrences of needle in s. */
static size_t
count(const char *s, const char *needle)
{
	size_t	 n = 0;

	for (; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		n++;
	return n;
}

/*
 * The texts search.h builds hold as many places as the code binds: a
 * statement prepared with one place too few or too many fails at every
 * search or every publication, not at start-up.
 */
static void
test_search_texts(void)
{
	CU_ASSERT_EQUAL(count(CIVIC_SEARCH_IN("t_gram", "doc_id"), "?"), CIVIC_SEARCH_NPARAMS);
	CU_ASSERT_EQUAL(count(CIVIC_SEARCH_ROWS, "(?, ?)"), CIVIC_SEARCH_BATCH);
	CU_ASSERT_EQUAL(count(CIVIC_SEARCH_ROWS, "?"), 2 * CIVIC_SEARCH_BATCH);
}

/* The hash of a code as typed: the one civic_tracking_code() gave, or -1. */
static void
test_tracking_hash(void)
{
	struct civic_arena	*a = civic_arena_new();
	unsigned char		 made[CIVIC_TRACKING_HASH_LEN], typed[CIVIC_TRACKING_HASH_LEN];
	unsigned char		 other[CIVIC_TRACKING_HASH_LEN];
	const char		*code;
	char			 buf[64], *p;
	size_t			 i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(code = civic_tracking_code(a, made));
	CU_ASSERT_EQUAL(strlen(code), CIVIC_TRACKING_CODE_LEN);

	/* As shown. */
	CU_ASSERT_EQUAL(civic_tracking_hash(code, typed), 0);
	CU_ASSERT_EQUAL(memcmp(made, typed, sizeof(made)), 0);

	/* In lower case. */
	snprintf(buf, sizeof(buf), "%s", code);
	for (p = buf; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	CU_ASSERT_EQUAL(civic_tracking_hash(buf, typed), 0);
	CU_ASSERT_EQUAL(memcmp(made, typed, sizeof(made)), 0);

	/* With spaces and dashes, as people copy it in groups. */
	snprintf(buf, sizeof(buf), " %.3s-%.3s %.4s ", code, code + 3, code + 6);
	CU_ASSERT_EQUAL(civic_tracking_hash(buf, typed), 0);
	CU_ASSERT_EQUAL(memcmp(made, typed, sizeof(made)), 0);
	snprintf(buf, sizeof(buf), "%.5s--%.5s", code, code + 5);
	CU_ASSERT_EQUAL(civic_tracking_hash(buf, typed), 0);
	CU_ASSERT_EQUAL(memcmp(made, typed, sizeof(made)), 0);

	/* Too short, too long, empty, only separators. */
	snprintf(buf, sizeof(buf), "%.9s", code);
	CU_ASSERT_EQUAL(civic_tracking_hash(buf, typed), -1);
	snprintf(buf, sizeof(buf), "%s2", code);
	CU_ASSERT_EQUAL(civic_tracking_hash(buf, typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash(" - - ", typed), -1);

	/* Characters outside the alphabet: look-alikes 0 O 1 I L, others. */
	CU_ASSERT_EQUAL(civic_tracking_hash("0ABCDEFGHJ", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("OABCDEFGHJ", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("1ABCDEFGHJ", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("IABCDEFGHJ", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("LABCDEFGHJ", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("2ABCDEFGH_", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("2ABCDEFGH码", typed), -1);
	CU_ASSERT_EQUAL(civic_tracking_hash("2ABC\tDEFGH", typed), -1);

	/* Every character of the alphabet is accepted; another code hashes otherwise. */
	CU_ASSERT_EQUAL(civic_tracking_hash("23456789AB", typed), 0);
	CU_ASSERT_EQUAL(civic_tracking_hash("CDEFGHJKMN", typed), 0);
	CU_ASSERT_EQUAL(civic_tracking_hash("PQRSTUVWXY", other), 0);
	CU_ASSERT_EQUAL(civic_tracking_hash("ZZZZZZZZZZ", other), 0);
	CU_ASSERT_NOT_EQUAL(memcmp(typed, other, sizeof(typed)), 0);

	/* Two codes made one after the other differ (random, not a counter). */
	for (i = 0; i < 4; i++) {
		const char *again = civic_tracking_code(a, other);

		CU_ASSERT_PTR_NOT_NULL_FATAL(again);
		CU_ASSERT_STRING_NOT_EQUAL(again, code);
		CU_ASSERT_NOT_EQUAL(memcmp(made, other, sizeof(made)), 0);
	}
	civic_arena_free(a);
}

int
main(void)
{
	CU_pSuite	 s;

	if (sodium_init() < 0 || CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if ((s = CU_add_suite("search", NULL, NULL)) == NULL ||
	    CU_add_test(s, "grams of Chinese and mixed text", test_grams) == NULL ||
	    CU_add_test(s, "grams of a long text: distinct, bounded", test_grams_long) == NULL ||
	    CU_add_test(s, "search statement texts: places", test_search_texts) == NULL ||
	    CU_add_test(s, "query code hashes", test_tracking_hash) == NULL) {
		CU_cleanup_registry();
		return 99;
	}
	return cunit_run("test_search");
}
