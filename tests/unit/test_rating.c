/*
 * test_rating.c: unit tests of the shared rating's pure parts
 * (modules/evaluate/rating.c): the 95 % Wilson interval (eval_wilson), the
 * indicators each kind asks (eval_indicators), the kinds' names
 * (eval_kind_name), the levels' choices and the counts' SQL.
 *
 * The interval's expected values were worked out by hand from Wilson's
 * formula, with z = 1.96 (more exactly 1.959963985), p = good / n:
 *
 *	centre = (p + z²/2n) / (1 + z²/n)
 *	half   = z √(p(1 − p)/n + z²/4n²) / (1 + z²/n)
 *
 *	27 of 30: p = 0.9, z²/n = 0.128049, 1 + z²/n = 1.128049;
 *		centre = (0.9 + 0.064024) / 1.128049 = 0.854595,
 *		half = 1.96 × √(0.003 + 0.001067) / 1.128049 = 0.110805:
 *		74.4 % to 96.5 %
 *	30 of 30: p = 1; centre = 1.064024 / 1.128049 = 0.943243,
 *		half = 1.96 × √(0.001067) / 1.128049 = 0.056757: 88.6 % to 100 %
 *	0 of 10: p = 0, z²/n = 0.384146; centre = 0.192073 / 1.384146 =
 *		0.138766 = half: 0 % to 27.8 %
 *	1 of 2: p = 0.5, z²/n = 1.920729, 1 + z²/n = 2.920729;
 *		centre = (0.5 + 0.960364) / 2.920729 = 0.5,
 *		half = 1.96 × √(0.125 + 0.240091) / 2.920729 = 0.405469:
 *		9.5 % to 90.5 %
 *	29 of 30: centre 0.913694, half 0.080398: 83.3 % to 99.4 %
 *	0 of 0: no ratings, nothing known: 0 % to 100 %
 *
 * Exit status: 0 when all passed, 1 when a test failed, 99 when CUnit
 * itself could not run (cunit_run.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include "civic.h"
#include "rating.h"
#include "cunit_run.h"

struct wilson_case {
	long long	 good, n;
	double		 lo, hi;
};

static const struct wilson_case wilson_cases[] = {
	{ 27, 30, 74.4, 96.5 },
	{ 0, 0, 0.0, 100.0 },
	{ 30, 30, 88.6, 100.0 },
	{ 0, 10, 0.0, 27.8 },
	{ 1, 2, 9.5, 90.5 },
	{ 29, 30, 83.3, 99.4 },
	{ 1, 1, 20.7, 100.0 },
	{ 50, 100, 40.4, 59.6 },
};

static void
test_wilson_values(void)
{
	double	 lo, hi;
	size_t	 i;

	for (i = 0; i < CIVIC_NITEMS(wilson_cases); i++) {
		lo = hi = -1.0;
		eval_wilson(wilson_cases[i].good, wilson_cases[i].n, &lo, &hi);
		if (fabs(lo - wilson_cases[i].lo) > 0.001 || fabs(hi - wilson_cases[i].hi) > 0.001)
			fprintf(stderr, "wilson(%lld, %lld): %.1f..%.1f, expected %.1f..%.1f\n",
			    wilson_cases[i].good, wilson_cases[i].n, lo, hi,
			    wilson_cases[i].lo, wilson_cases[i].hi);
		CU_ASSERT_DOUBLE_EQUAL(lo, wilson_cases[i].lo, 0.001);
		CU_ASSERT_DOUBLE_EQUAL(hi, wilson_cases[i].hi, 0.001);
	}
}

/* A negative n is no ratings too. */
static void
test_wilson_none(void)
{
	double	 lo = -1.0, hi = -1.0;

	eval_wilson(0, -3, &lo, &hi);
	CU_ASSERT_DOUBLE_EQUAL(lo, 0.0, 0.001);
	CU_ASSERT_DOUBLE_EQUAL(hi, 100.0, 0.001);
}

/*
 * For every n up to 120 and every good: one decimal, within 0..100, the
 * rate (rounded the same way) inside its interval, and the interval
 * narrowing as n grows at a fixed rate.
 */
static void
test_wilson_bounds(void)
{
	double		 lo, hi, rate, prev = 101.0;
	long long	 n, g;
	int		 bad = 0;

	for (n = 1; n <= 120; n++)
		for (g = 0; g <= n; g++) {
			eval_wilson(g, n, &lo, &hi);
			rate = round((double)g * 1000.0 / (double)n) / 10.0;
			if (lo < 0.0 || hi > 100.0 || lo > rate || rate > hi ||
			    fabs(lo * 10.0 - round(lo * 10.0)) > 1e-9 ||
			    fabs(hi * 10.0 - round(hi * 10.0)) > 1e-9) {
				if (bad++ < 5)
					fprintf(stderr, "wilson(%lld, %lld) = %f..%f, rate %f\n",
					    g, n, lo, hi, rate);
			}
		}
	CU_ASSERT_EQUAL(bad, 0);
	/* 90 % of 10, 20, …, 100: each interval narrower than the last. */
	for (n = 10; n <= 100; n += 10) {
		eval_wilson(n * 9 / 10, n, &lo, &hi);
		CU_ASSERT(hi - lo < prev);
		prev = hi - lo;
	}
}

static void
test_indicators(void)
{
	CU_ASSERT_EQUAL(eval_indicators(EVAL_LETTER), EVAL_I_EFFICIENCY | EVAL_I_CONVENIENCE);
	CU_ASSERT_EQUAL(eval_indicators(EVAL_QUESTION),
	    EVAL_I_EFFICIENCY | EVAL_I_ACCURACY | EVAL_I_CONVENIENCE);
	CU_ASSERT_EQUAL(eval_indicators(EVAL_APPLICATION),
	    EVAL_I_EFFICIENCY | EVAL_I_ACCURACY | EVAL_I_CONVENIENCE);
	CU_ASSERT_EQUAL(eval_indicators(EVAL_ITEM),
	    EVAL_I_EFFICIENCY | EVAL_I_ACCURACY | EVAL_I_CONVENIENCE);
	CU_ASSERT_EQUAL(eval_indicators(EVAL_CLERK), EVAL_I_ATTITUDE | EVAL_I_PROFESSIONALISM);
	/* A campaign asks its own questions, no indicator. */
	CU_ASSERT_EQUAL(eval_indicators(EVAL_CAMPAIGN), 0u);
	/* No kind asks a clerk's indicators of a service, or the reverse. */
	CU_ASSERT_EQUAL(eval_indicators(EVAL_CLERK) &
	    (EVAL_I_EFFICIENCY | EVAL_I_ACCURACY | EVAL_I_CONVENIENCE), 0u);
	CU_ASSERT_EQUAL(eval_indicators(EVAL_QUESTION) &
	    (EVAL_I_ATTITUDE | EVAL_I_PROFESSIONALISM), 0u);
}

static void
test_kind_name(void)
{
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_LETTER), "letter");
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_QUESTION), "question");
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_APPLICATION), "application");
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_CLERK), "clerk");
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_ITEM), "item");
	CU_ASSERT_STRING_EQUAL(eval_kind_name(EVAL_CAMPAIGN), "campaign");
	/* Out of range: the first kind, never a wild read. */
	CU_ASSERT_STRING_EQUAL(eval_kind_name((enum eval_kind)42), "letter");
}

static void
test_levels_and_counts(void)
{
	static const char	 counts[] = EVAL_COUNTS_SQL("x");
	size_t			 i;

	for (i = 0; i < 5; i++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(eval_levels[i]);
		CU_ASSERT_EQUAL(eval_levels[i][0], '5' - (int)i);
		CU_ASSERT_EQUAL(eval_levels[i][1], '\0');
	}
	CU_ASSERT_PTR_NULL(eval_levels[5]);
	/* 好评 is 3 to 5 and 差评 1 and 2, as the national scale counts them. */
	CU_ASSERT_EQUAL(EVAL_BAD_LEVEL, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(counts, "SUM(x.level >= 3), 0) AS good"));
	CU_ASSERT_PTR_NOT_NULL(strstr(counts, "SUM(x.level <= 2), 0) AS bad"));
	CU_ASSERT_PTR_NOT_NULL(strstr(counts, "COUNT(x.id) AS n"));
}

int
main(void)
{
	CU_pSuite	 s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if ((s = CU_add_suite("rating", NULL, NULL)) == NULL ||
	    CU_add_test(s, "Wilson interval, hand-computed values", test_wilson_values) == NULL ||
	    CU_add_test(s, "Wilson interval, no ratings", test_wilson_none) == NULL ||
	    CU_add_test(s, "Wilson interval, bounds for every n to 120", test_wilson_bounds) ==
	    NULL ||
	    CU_add_test(s, "indicators per kind", test_indicators) == NULL ||
	    CU_add_test(s, "kind names", test_kind_name) == NULL ||
	    CU_add_test(s, "levels and the counts' SQL", test_levels_and_counts) == NULL) {
		CU_cleanup_registry();
		return 99;
	}
	return cunit_run("test_rating");
}
