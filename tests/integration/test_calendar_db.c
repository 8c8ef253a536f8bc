/*
 * test_calendar_db.c: civic_calendar_load() against the rows that
 * tests/integration/calendar.sh imported from examples/holidays/ (its
 * configuration comes in CIVIC_CONFIG).
 *
 * What it proves: the DATE and ENUM columns come back as the calendar
 * expects, the names intact; a year with no rows loads as not covered;
 * the arithmetic on a loaded calendar agrees with the one in memory
 * (tests/unit/test_calendar.c); a range of too many years is refused
 * before any query.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "civic.h"
#include "calendar.h"
#include "../unit/cunit_run.h"

static struct civic_config	*cfg;
static struct civic_db		*db;
static struct civic_arena	*arena;

static civic_day
D(const char *s)
{
	civic_day	 d = 0;

	CU_ASSERT_EQUAL_FATAL(civic_calendar_parse_date(s, &d), CIVIC_OK);
	return d;
}

static void
test_load(void)
{
	struct civic_calendar		 cal;
	const struct civic_calendar_day	*sp;
	civic_time			 start = 0, due = 0;
	char				 buf[CIVIC_CALENDAR_TIME_LEN];

	CU_ASSERT_EQUAL_FATAL(civic_calendar_load(db, arena, 2025, 2027, &cal), CIVIC_OK);
	CU_ASSERT_EQUAL(cal.ndays, 72);
	CU_ASSERT_TRUE(civic_calendar_covers(&cal, 2025));
	CU_ASSERT_TRUE(civic_calendar_covers(&cal, 2026));
	CU_ASSERT_FALSE(civic_calendar_covers(&cal, 2027));

	sp = civic_calendar_find(&cal, D("2026-02-14"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(sp);
	CU_ASSERT_EQUAL(sp->kind, CIVIC_CALENDAR_WORKDAY);
	CU_ASSERT_STRING_EQUAL(sp->name, "春节调休");
	sp = civic_calendar_find(&cal, D("2025-10-01"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(sp);
	CU_ASSERT_EQUAL(sp->kind, CIVIC_CALENDAR_HOLIDAY);
	CU_ASSERT_STRING_EQUAL(sp->name, "国庆节、中秋节");
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-02-16")), 0);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-02-28")), 1);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-03-09")), 1);

	/* Friday before the Spring Festival, 2 working days: the 调休 Saturday, then 2-24. */
	CU_ASSERT_EQUAL(civic_calendar_parse_time("2026-02-13 16:00:00", &start), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, start, 2, &due), CIVIC_OK);
	CU_ASSERT_STRING_EQUAL(civic_calendar_format_time(due, buf), "2026-02-24 23:59:59");

	/* One year alone; a year with nothing imported; too many years. */
	CU_ASSERT_EQUAL(civic_calendar_load(db, arena, 2026, 2026, &cal), CIVIC_OK);
	CU_ASSERT_EQUAL(cal.ndays, 39);
	CU_ASSERT_EQUAL(civic_calendar_load(db, arena, 2030, 2030, &cal), CIVIC_OK);
	CU_ASSERT_EQUAL(cal.ndays, 0);
	CU_ASSERT_EQUAL(civic_calendar_load(db, arena, 2020, 2020 + CIVIC_CALENDAR_MAX_YEARS,
	    &cal), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_load(db, arena, 2027, 2026, &cal), CIVIC_ERR_INVALID);
}

int
main(void)
{
	const char	*msg;
	CU_pSuite	 s;
	int		 failures;

	if (getenv("CIVIC_CONFIG") == NULL) {
		fprintf(stderr, "test_calendar_db: run by tests/integration/calendar.sh\n");
		return 99;
	}
	civic_log_init("test-calendar-db", CIVIC_LOG_WARN);
	if (civic_config_load(getenv("CIVIC_CONFIG"), &cfg, &msg) != CIVIC_OK) {
		fprintf(stderr, "test_calendar_db: %s\n", msg);
		return 99;
	}
	if ((arena = civic_arena_new()) == NULL)
		return 99;
	if (civic_db_open(cfg, &db) != CIVIC_OK) {
		fprintf(stderr, "test_calendar_db: cannot connect: %s\n", civic_db_error(db));
		return 99;
	}
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("calendar in the database", NULL, NULL);
	CU_add_test(s, "load, covers, find and count", test_load);
	failures = cunit_run("test_calendar_db");
	civic_db_close(db);
	civic_arena_free(arena);
	civic_config_free(cfg);
	return failures;
}
