/*
 * cunit_run.h: the end of every CUnit test program's main(): runs the
 * registered suites verbosely, prints "NAME: N passed, N failed" (the
 * closing line CI reads), frees the registry, and returns the exit status
 * automake reads: 0 when everything passed, 1 when a test, an assertion or
 * a suite's set-up failed, 99 when CUnit itself could not run.
 * CU_basic_run_tests() succeeds even when tests fail, hence the counting.
 */
#ifndef CIVIC_CUNIT_RUN_H
#define CIVIC_CUNIT_RUN_H

#include <stdio.h>

#include <CUnit/Basic.h>

static inline int
cunit_run(const char *name)
{
	unsigned	 run, failed, asserts, suites;
	int		 rc;

	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS) {
		fprintf(stderr, "%s: %s\n", name, CU_get_error_msg());
		CU_cleanup_registry();
		return 99;
	}
	run = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed();
	asserts = CU_get_number_of_failures();
	suites = CU_get_number_of_suites_failed();
	printf("\n%s: %u passed, %u failed\n", name, run - failed, failed + suites);
	rc = failed > 0 || asserts > 0 || suites > 0;
	CU_cleanup_registry();
	return rc;
}

#endif
