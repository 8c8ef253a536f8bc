/*
 * test_calendar.c: unit tests of the working-day calendar
 * (modules/core/calendar.c), on a calendar made in memory from the State
 * Council's arrangements for 2025 and 2026 (examples/holidays/), so that
 * no database is needed.  The calendar spans 2024-2028: 2024, 2027 and
 * 2028 have no special days, which shows how a year not yet imported
 * behaves, and 2024 and 2028 are leap years.
 *
 * The cases are tables: a start, a limit, the expected due day, with the
 * reason in a comment where it is not obvious.  The expectations were
 * worked out by hand and checked against an independent script.
 *
 * Exit status: 0 when all passed, 1 when a test or a suite set-up failed,
 * 99 (automake's hard error) when CUnit itself could not run.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include "calendar.h"
#include "cunit_run.h"

#define H	CIVIC_CALENDAR_HOLIDAY
#define W	CIVIC_CALENDAR_WORKDAY
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* The special days as text, as an operator would type them. */
static const struct {
	const char			*date;
	enum civic_calendar_kind	 kind;
	const char			*name;
} special[] = {
	{ "2025-01-01", H, "元旦" },
	{ "2025-01-26", W, "春节调休" },
	{ "2025-01-28", H, "春节" }, { "2025-01-29", H, "春节" },
	{ "2025-01-30", H, "春节" }, { "2025-01-31", H, "春节" },
	{ "2025-02-01", H, "春节" }, { "2025-02-02", H, "春节" },
	{ "2025-02-03", H, "春节" }, { "2025-02-04", H, "春节" },
	{ "2025-02-08", W, "春节调休" },
	{ "2025-04-04", H, "清明节" }, { "2025-04-05", H, "清明节" },
	{ "2025-04-06", H, "清明节" },
	{ "2025-04-27", W, "劳动节调休" },
	{ "2025-05-01", H, "劳动节" }, { "2025-05-02", H, "劳动节" },
	{ "2025-05-03", H, "劳动节" }, { "2025-05-04", H, "劳动节" },
	{ "2025-05-05", H, "劳动节" },
	{ "2025-05-31", H, "端午节" }, { "2025-06-01", H, "端午节" },
	{ "2025-06-02", H, "端午节" },
	{ "2025-09-28", W, "国庆节、中秋节调休" },
	{ "2025-10-01", H, "国庆节、中秋节" }, { "2025-10-02", H, "国庆节、中秋节" },
	{ "2025-10-03", H, "国庆节、中秋节" }, { "2025-10-04", H, "国庆节、中秋节" },
	{ "2025-10-05", H, "国庆节、中秋节" }, { "2025-10-06", H, "国庆节、中秋节" },
	{ "2025-10-07", H, "国庆节、中秋节" }, { "2025-10-08", H, "国庆节、中秋节" },
	{ "2025-10-11", W, "国庆节、中秋节调休" },

	{ "2026-01-01", H, "元旦" }, { "2026-01-02", H, "元旦" },
	{ "2026-01-03", H, "元旦" },
	{ "2026-01-04", W, "元旦调休" },
	{ "2026-02-14", W, "春节调休" },
	{ "2026-02-15", H, "春节" }, { "2026-02-16", H, "春节" },
	{ "2026-02-17", H, "春节" }, { "2026-02-18", H, "春节" },
	{ "2026-02-19", H, "春节" }, { "2026-02-20", H, "春节" },
	{ "2026-02-21", H, "春节" }, { "2026-02-22", H, "春节" },
	{ "2026-02-23", H, "春节" },
	{ "2026-02-28", W, "春节调休" },
	{ "2026-04-04", H, "清明节" }, { "2026-04-05", H, "清明节" },
	{ "2026-04-06", H, "清明节" },
	{ "2026-05-01", H, "劳动节" }, { "2026-05-02", H, "劳动节" },
	{ "2026-05-03", H, "劳动节" }, { "2026-05-04", H, "劳动节" },
	{ "2026-05-05", H, "劳动节" },
	{ "2026-05-09", W, "劳动节调休" },
	{ "2026-06-19", H, "端午节" }, { "2026-06-20", H, "端午节" },
	{ "2026-06-21", H, "端午节" },
	{ "2026-09-20", W, "国庆节调休" },
	{ "2026-09-25", H, "中秋节" }, { "2026-09-26", H, "中秋节" },
	{ "2026-09-27", H, "中秋节" },
	{ "2026-10-01", H, "国庆节" }, { "2026-10-02", H, "国庆节" },
	{ "2026-10-03", H, "国庆节" }, { "2026-10-04", H, "国庆节" },
	{ "2026-10-05", H, "国庆节" }, { "2026-10-06", H, "国庆节" },
	{ "2026-10-07", H, "国庆节" },
	{ "2026-10-10", W, "国庆节调休" },
};

static struct civic_calendar_day	 days[NITEMS(special)];
static struct civic_calendar		 cal;

static int
suite_init(void)
{
	size_t	 i;

	for (i = 0; i < NITEMS(special); i++) {
		if (civic_calendar_parse_date(special[i].date, &days[i].day) != CIVIC_OK)
			return 1;
		days[i].kind = special[i].kind;
		days[i].name = special[i].name;
	}
	return civic_calendar_from_days(days, NITEMS(special), 2024, 2028, &cal) != CIVIC_OK;
}

/* The day of "YYYY-MM-DD"; a bad date in a table fails the test. */
static civic_day
D(const char *s)
{
	civic_day	 d = 0;

	CU_ASSERT_EQUAL_FATAL(civic_calendar_parse_date(s, &d), CIVIC_OK);
	return d;
}

/* The time of "YYYY-MM-DD HH:MM:SS". */
static civic_time
T(const char *s)
{
	civic_time	 t = 0;

	CU_ASSERT_EQUAL_FATAL(civic_calendar_parse_time(s, &t), CIVIC_OK);
	return t;
}

/* Compares times as text, so that a failure says which. */
#define CHECK_TIME(t, want) do {					\
	char	 got_[CIVIC_CALENDAR_TIME_LEN];				\
									\
	civic_calendar_format_time((t), got_);				\
	if (strcmp(got_, (want)) != 0)					\
		fprintf(stderr, "\n    %s:%d: got %s, want %s",	\
		    __FILE__, __LINE__, got_, (want));			\
	CU_ASSERT_STRING_EQUAL(got_, (want));				\
} while (0)

static void
test_civil(void)
{
	civic_day	 z;
	int		 y, m, d, py = 1599, pm = 12, pd = 31;

	CU_ASSERT_EQUAL(civic_calendar_from_civil(1970, 1, 1), 0);
	CU_ASSERT_EQUAL(civic_calendar_from_civil(2000, 3, 1), 11017);
	CU_ASSERT_EQUAL(civic_calendar_from_civil(1969, 12, 31), -1);
	CU_ASSERT_EQUAL(civic_calendar_weekday(0), 4);		/* Thursday */
	CU_ASSERT_EQUAL(civic_calendar_weekday(-1), 3);
	CU_ASSERT_EQUAL(civic_calendar_weekday(-5), 6);
	CU_ASSERT_EQUAL(civic_calendar_weekday(D("2026-02-17")), 2);	/* 正月初一, a Tuesday */
	CU_ASSERT_EQUAL(civic_calendar_weekday(D("2025-10-01")), 3);
	CU_ASSERT_EQUAL(civic_calendar_weekday(D("2026-10-01")), 4);

	/* Every day from 1600 to 2400 follows the one before it. */
	for (z = civic_calendar_from_civil(1600, 1, 1);
	    z <= civic_calendar_from_civil(2400, 12, 31); z++) {
		civic_calendar_to_civil(z, &y, &m, &d);
		if (d == pd + 1 && m == pm && y == py)
			;
		else if (d == 1 && ((m == pm + 1 && y == py) ||
		    (m == 1 && pm == 12 && y == py + 1)))
			;
		else {
			CU_FAIL("civil_from_days does not follow on");
			fprintf(stderr, "\n    %ld: %d-%d-%d after %d-%d-%d", z, y, m, d,
			    py, pm, pd);
			break;
		}
		if (civic_calendar_from_civil(y, m, d) != z) {
			CU_FAIL("days_from_civil is not the inverse");
			break;
		}
		py = y;
		pm = m;
		pd = d;
	}
	/* Leap years: the last day of February. */
	civic_calendar_to_civil(D("2024-03-01") - 1, &y, &m, &d);
	CU_ASSERT(y == 2024 && m == 2 && d == 29);
	civic_calendar_to_civil(D("2100-03-01") - 1, &y, &m, &d);
	CU_ASSERT(y == 2100 && m == 2 && d == 28);
	civic_calendar_to_civil(D("2000-03-01") - 1, &y, &m, &d);
	CU_ASSERT(y == 2000 && m == 2 && d == 29);
	CU_ASSERT_EQUAL(D("2025-01-01") - D("2024-01-01"), 366);
	CU_ASSERT_EQUAL(D("2026-01-01") - D("2025-01-01"), 365);
}

static void
test_parse(void)
{
	static const struct {
		const char	*s;
		int		 ok;
	} dates[] = {
		{ "2026-02-17", 1 },
		{ "2024-02-29", 1 },	/* leap year */
		{ "2000-02-29", 1 },	/* divisible by 400 */
		{ "2025-02-29", 0 },
		{ "1900-02-29", 0 },	/* divisible by 100 */
		{ "2026-04-31", 0 },
		{ "2026-12-31", 1 },
		{ "2026-13-01", 0 },
		{ "2026-00-10", 0 },
		{ "2026-01-00", 0 },
		{ "2026-01-32", 0 },
		{ "1000-01-01", 1 },
		{ "9999-12-31", 1 },
		{ "0999-12-31", 0 },
		{ "2026-4-01", 0 },
		{ "2026-04-1", 0 },
		{ "2026-04-01 ", 0 },
		{ " 2026-04-01", 0 },
		{ "20260401", 0 },
		{ "2026/04/01", 0 },
		{ "+026-04-01", 0 },
		{ "2026-0a-01", 0 },
		{ "2026-04-01 00:00:00", 0 },
		{ "", 0 },
	};
	static const struct {
		const char	*s;
		int		 ok;
	} times[] = {
		{ "2026-02-16 09:30:00", 1 },
		{ "2026-02-16 00:00:00", 1 },
		{ "2026-02-16 23:59:59", 1 },
		{ "2026-02-16 24:00:00", 0 },
		{ "2026-02-16 23:60:00", 0 },
		{ "2026-02-16 23:59:60", 0 },	/* no leap seconds */
		{ "2026-02-16T09:30:00", 0 },
		{ "2026-02-16 9:30:00", 0 },
		{ "2026-02-16 09:30", 0 },
		{ "2026-02-16 09:30:00.5", 0 },
		{ "2026-02-30 09:30:00", 0 },
		{ "2026-02-16", 0 },
		{ "", 0 },
	};
	civic_day	 d = 42;
	civic_time	 t = 42;
	char		 buf[CIVIC_CALENDAR_TIME_LEN];
	size_t		 i;

	for (i = 0; i < NITEMS(dates); i++) {
		d = 42;
		if ((civic_calendar_parse_date(dates[i].s, &d) == CIVIC_OK) != dates[i].ok) {
			fprintf(stderr, "\n    date '%s' should %s", dates[i].s,
			    dates[i].ok ? "parse" : "not parse");
			CU_FAIL("parse_date");
		} else if (dates[i].ok) {
			CU_ASSERT_STRING_EQUAL(civic_calendar_format_date(d, buf), dates[i].s);
		} else {
			CU_ASSERT_EQUAL(d, 42);		/* untouched */
		}
	}
	for (i = 0; i < NITEMS(times); i++) {
		t = 42;
		if ((civic_calendar_parse_time(times[i].s, &t) == CIVIC_OK) != times[i].ok) {
			fprintf(stderr, "\n    time '%s' should %s", times[i].s,
			    times[i].ok ? "parse" : "not parse");
			CU_FAIL("parse_time");
		} else if (times[i].ok) {
			CU_ASSERT_STRING_EQUAL(civic_calendar_format_time(t, buf), times[i].s);
		} else {
			CU_ASSERT_EQUAL(t, 42);
		}
	}
	CU_ASSERT_EQUAL(civic_calendar_parse_date(NULL, &d), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_parse_time(NULL, &t), CIVIC_ERR_INVALID);
	/* A date with a NUL inside is shorter than it looks, and refused. */
	CU_ASSERT_EQUAL(civic_calendar_parse_date("2026-02\0-17", &d), CIVIC_ERR_INVALID);

	CU_ASSERT_EQUAL(T("1970-01-01 00:00:00"), 0);
	CU_ASSERT_EQUAL(T("1970-01-02 00:00:01"), 86401);
	CHECK_TIME(-1, "1969-12-31 23:59:59");
	CHECK_TIME(civic_calendar_from_unix(0), "1970-01-01 08:00:00");
	/* 2026-02-16 00:00:00 UTC is 08:00 in Beijing. */
	CHECK_TIME(civic_calendar_from_unix((time_t)D("2026-02-16") * 86400),
	    "2026-02-16 08:00:00");
	CU_ASSERT_EQUAL(civic_calendar_day_of(-1), -1);
	CU_ASSERT_EQUAL(civic_calendar_day_of(-86400), -1);
	CU_ASSERT_EQUAL(civic_calendar_day_of(-86401), -2);
	CU_ASSERT_EQUAL(civic_calendar_day_of(86399), 0);
}

static void
test_days(void)
{
	struct civic_calendar_day	 bad[2];
	struct civic_calendar		 c;
	const struct civic_calendar_day	*sp;

	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-02-14")), 1);	/* 调休 Saturday */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-02-16")), 0);	/* 春节 Monday */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-02-15")), 0);	/* 春节 Sunday */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-03-07")), 0);	/* plain Saturday */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-03-08")), 0);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2026-03-09")), 1);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2025-09-28")), 1);	/* 调休 Sunday */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2025-10-08")), 0);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2027-01-01")), 1);	/* not imported */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2024-01-01")), 1);
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2023-12-29")), -1);	/* outside */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&cal, D("2029-01-01")), -1);

	CU_ASSERT_FALSE(civic_calendar_covers(&cal, 2024));
	CU_ASSERT_TRUE(civic_calendar_covers(&cal, 2025));
	CU_ASSERT_TRUE(civic_calendar_covers(&cal, 2026));
	CU_ASSERT_FALSE(civic_calendar_covers(&cal, 2027));
	CU_ASSERT_FALSE(civic_calendar_covers(&cal, 2023));
	CU_ASSERT_FALSE(civic_calendar_covers(&cal, 2040));

	sp = civic_calendar_find(&cal, D("2026-02-16"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(sp);
	CU_ASSERT_STRING_EQUAL(sp->name, "春节");
	CU_ASSERT_PTR_NULL(civic_calendar_find(&cal, D("2026-02-24")));
	CU_ASSERT_PTR_NOT_NULL(civic_calendar_find(&cal, D("2025-01-01")));	/* first */
	CU_ASSERT_PTR_NOT_NULL(civic_calendar_find(&cal, D("2026-10-10")));	/* last */

	/* civic_calendar_from_days() checks what it is given. */
	bad[0] = (struct civic_calendar_day){ D("2026-02-16"), H, NULL };
	bad[1] = (struct civic_calendar_day){ D("2026-02-15"), H, NULL };
	CU_ASSERT_EQUAL(civic_calendar_from_days(bad, 2, 2026, 2026, &c), CIVIC_ERR_INVALID);
	bad[1].day = bad[0].day;
	CU_ASSERT_EQUAL(civic_calendar_from_days(bad, 2, 2026, 2026, &c), CIVIC_ERR_INVALID);
	bad[1].day = D("2027-01-01");
	CU_ASSERT_EQUAL(civic_calendar_from_days(bad, 2, 2026, 2026, &c), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_from_days(bad, 2, 2026, 2027, &c), CIVIC_OK);
	bad[1].kind = (enum civic_calendar_kind)7;
	CU_ASSERT_EQUAL(civic_calendar_from_days(bad, 2, 2026, 2027, &c), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_from_days(NULL, 0, 2026, 2035, &c), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_calendar_from_days(NULL, 0, 2026, 2036, &c), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_from_days(NULL, 0, 2027, 2026, &c), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_from_days(NULL, 0, 999, 1000, &c), CIVIC_ERR_INVALID);
	/* An empty calendar: only weekends rest. */
	CU_ASSERT_EQUAL(civic_calendar_is_workday(&c, D("2026-02-16")), 1);
}

static void
test_add_days(void)
{
	static const struct {
		const char	*start;
		int		 n;
		const char	*due;
	} cases[] = {
		/* Ordinary weeks: counting starts on the next working day. */
		{ "2026-03-06 10:00:00", 1, "2026-03-09 23:59:59" },	/* Friday: Monday */
		{ "2026-03-06 23:59:59", 1, "2026-03-09 23:59:59" },
		{ "2026-03-07 10:00:00", 1, "2026-03-09 23:59:59" },	/* Saturday: Monday too */
		{ "2026-03-08 00:00:00", 1, "2026-03-09 23:59:59" },
		{ "2026-03-09 00:00:00", 1, "2026-03-10 23:59:59" },
		{ "2026-03-09 10:00:00", 5, "2026-03-16 23:59:59" },
		/* n = 0: the same working day, or the next one. */
		{ "2026-03-09 10:00:00", 0, "2026-03-09 23:59:59" },
		{ "2026-03-07 10:00:00", 0, "2026-03-09 23:59:59" },
		{ "2026-02-18 10:00:00", 0, "2026-02-24 23:59:59" },	/* 春节 */
		{ "2026-02-14 10:00:00", 0, "2026-02-14 23:59:59" },	/* 调休 Saturday */

		/* Spring Festival 2026: 2-15..2-23 off, Saturdays 2-14 and 2-28 worked. */
		{ "2026-02-13 16:00:00", 1, "2026-02-14 23:59:59" },	/* Friday: the 调休 Saturday */
		{ "2026-02-13 16:00:00", 2, "2026-02-24 23:59:59" },
		{ "2026-02-14 09:00:00", 1, "2026-02-24 23:59:59" },	/* arrived on the 调休 day */
		{ "2026-02-15 09:00:00", 1, "2026-02-24 23:59:59" },	/* arrived on a holiday */
		{ "2026-02-18 09:00:00", 1, "2026-02-24 23:59:59" },
		{ "2026-02-23 17:00:00", 1, "2026-02-24 23:59:59" },	/* last day off */
		{ "2026-02-26 09:00:00", 2, "2026-02-28 23:59:59" },	/* Friday, then 调休 Saturday */
		{ "2026-02-12 09:00:00", 10, "2026-03-04 23:59:59" },
		/* Spring Festival 2025: 1-28..2-4 off, Sunday 1-26 and Saturday 2-8 worked. */
		{ "2025-01-24 09:00:00", 1, "2025-01-26 23:59:59" },
		{ "2025-01-24 09:00:00", 2, "2025-01-27 23:59:59" },
		{ "2025-01-27 09:00:00", 1, "2025-02-05 23:59:59" },
		{ "2025-02-07 09:00:00", 1, "2025-02-08 23:59:59" },

		/* National Day 2025 with 中秋: 10-1..10-8 off, 9-28 (Sun) and 10-11 (Sat) worked. */
		{ "2025-09-26 09:00:00", 1, "2025-09-28 23:59:59" },
		{ "2025-09-26 09:00:00", 2, "2025-09-29 23:59:59" },
		{ "2025-09-26 09:00:00", 4, "2025-10-09 23:59:59" },
		{ "2025-09-30 09:00:00", 1, "2025-10-09 23:59:59" },
		{ "2025-09-30 09:00:00", 3, "2025-10-11 23:59:59" },
		{ "2025-10-03 09:00:00", 1, "2025-10-09 23:59:59" },
		/* National Day 2026: 中秋 9-25..9-27, 10-1..10-7 off, 9-20 (Sun) and 10-10 (Sat) worked. */
		{ "2026-09-18 09:00:00", 1, "2026-09-20 23:59:59" },
		{ "2026-09-24 09:00:00", 1, "2026-09-28 23:59:59" },
		{ "2026-09-30 09:00:00", 1, "2026-10-08 23:59:59" },
		{ "2026-09-30 09:00:00", 3, "2026-10-10 23:59:59" },
		{ "2026-09-30 09:00:00", 4, "2026-10-12 23:59:59" },

		/* Year boundaries. */
		{ "2025-12-31 09:00:00", 1, "2026-01-04 23:59:59" },	/* 元旦 off, Sunday 1-4 worked */
		{ "2025-12-31 09:00:00", 2, "2026-01-05 23:59:59" },
		{ "2024-12-31 09:00:00", 1, "2025-01-02 23:59:59" },
		/* 2027 not imported: New Year's Day 2027 counts as a Friday like any. */
		{ "2026-12-31 09:00:00", 2, "2027-01-04 23:59:59" },

		/* Leap years. */
		{ "2024-02-28 09:00:00", 1, "2024-02-29 23:59:59" },
		{ "2024-02-29 09:00:00", 1, "2024-03-01 23:59:59" },
		{ "2028-02-28 09:00:00", 1, "2028-02-29 23:59:59" },
		{ "2028-02-25 09:00:00", 2, "2028-02-29 23:59:59" },
	};
	civic_time	 due;
	size_t		 i;

	for (i = 0; i < NITEMS(cases); i++) {
		due = 0;
		CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T(cases[i].start),
		    cases[i].n, &due), CIVIC_OK);
		CHECK_TIME(due, cases[i].due);
	}
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T("2026-03-09 10:00:00"),
	    -1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T("2026-03-09 10:00:00"),
	    CIVIC_CALENDAR_MAX_DAYS + 1, &due), CIVIC_ERR_TOOBIG);
	/* Counting past the calendar's last year is refused, not guessed. */
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T("2028-12-29 10:00:00"),
	    1, &due), CIVIC_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T("2023-12-29 10:00:00"),
	    1, &due), CIVIC_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(civic_calendar_add_working_days(&cal, T("2026-03-09 10:00:00"),
	    CIVIC_CALENDAR_MAX_DAYS, &due), CIVIC_ERR_NOTFOUND);
}

/* Office time in hours and in minutes: one table, in minutes. */
static void
test_add_hours(void)
{
	static const struct {
		const char	*start;
		int		 min;
		const char	*due;
	} cases[] = {
		{ "2026-03-09 09:00:00", 3 * 60, "2026-03-09 12:00:00" },	/* to the close, not past lunch */
		{ "2026-03-09 09:00:00", 4 * 60, "2026-03-09 14:30:00" },
		{ "2026-03-09 09:00:00", 7 * 60, "2026-03-09 17:30:00" },	/* a whole day */
		{ "2026-03-09 09:00:00", 8 * 60, "2026-03-10 10:00:00" },
		{ "2026-03-09 11:00:00", 2 * 60, "2026-03-09 14:30:00" },
		{ "2026-03-09 12:30:00", 1 * 60, "2026-03-09 14:30:00" },	/* at lunch */
		{ "2026-03-09 07:00:00", 1 * 60, "2026-03-09 10:00:00" },	/* before opening */
		{ "2026-03-09 17:00:00", 1 * 60, "2026-03-10 09:30:00" },
		{ "2026-03-09 18:00:00", 1 * 60, "2026-03-10 10:00:00" },	/* after closing */
		{ "2026-03-06 17:00:00", 2 * 60, "2026-03-09 10:30:00" },	/* over a weekend */
		{ "2026-03-07 10:00:00", 1 * 60, "2026-03-09 10:00:00" },	/* from a Saturday */
		{ "2026-03-09 10:15:00", 0, "2026-03-09 10:15:00" },
		/* Spring Festival: the 调休 Saturday has office hours, the holiday none. */
		{ "2026-02-13 16:30:00", 2 * 60, "2026-02-14 10:00:00" },
		{ "2026-02-13 16:30:00", 9 * 60, "2026-02-24 10:00:00" },
		{ "2026-02-16 10:00:00", 1 * 60, "2026-02-24 10:00:00" },
		/* National Day 2026 and the 调休 Sunday before it. */
		{ "2026-09-18 17:00:00", 1 * 60, "2026-09-20 09:30:00" },
		{ "2026-09-30 17:00:00", 1 * 60, "2026-10-08 09:30:00" },
		/* Minutes. */
		{ "2026-03-09 09:00:00", 30, "2026-03-09 09:30:00" },
		{ "2026-03-09 09:00:00", 181, "2026-03-09 13:31:00" },	/* a minute past the close */
		{ "2026-03-09 11:59:00", 1, "2026-03-09 12:00:00" },
		{ "2026-03-09 11:59:00", 2, "2026-03-09 13:31:00" },
		{ "2026-03-09 11:59:30", 1, "2026-03-09 13:30:30" },	/* seconds carried */
		{ "2026-03-09 12:00:00", 1, "2026-03-09 13:31:00" },	/* at the close */
		{ "2026-03-09 13:30:00", 1, "2026-03-09 13:31:00" },	/* at the opening */
		{ "2026-03-09 17:29:00", 1, "2026-03-09 17:30:00" },
		{ "2026-03-09 17:29:00", 2, "2026-03-10 09:01:00" },
		{ "2026-03-09 17:30:00", 1, "2026-03-10 09:01:00" },
		{ "2026-03-09 09:00:00", 421, "2026-03-10 09:01:00" },
		{ "2026-03-06 17:20:00", 20, "2026-03-09 09:10:00" },	/* over a weekend */
		{ "2026-02-13 17:00:00", 45, "2026-02-14 09:15:00" },	/* to the 调休 Saturday */
		{ "2026-02-14 17:00:00", 45, "2026-02-24 09:15:00" },	/* over 春节 */
		{ "2025-12-31 17:00:00", 40, "2026-01-04 09:10:00" },	/* 元旦, the 调休 Sunday */
	};
	static const struct civic_office_period day_periods[] = { { 8 * 3600, 18 * 3600 } };
	static const struct civic_office_hours day_hours = { day_periods, 1 };
	static const struct civic_office_period overlap_periods[] = {
		{ 9 * 3600, 13 * 3600 }, { 12 * 3600, 17 * 3600 }
	};
	static const struct civic_office_hours overlap = { overlap_periods, 2 };
	static const struct civic_office_period late_periods[] = { { 9 * 3600, 86401 } };
	static const struct civic_office_hours late = { late_periods, 1 };
	static const struct civic_office_hours none = { NULL, 0 };
	civic_time	 due;
	size_t		 i;

	/* Every case in minutes, and those of whole hours in hours too. */
	for (i = 0; i < NITEMS(cases); i++) {
		due = 0;
		CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
		    T(cases[i].start), cases[i].min, &due), CIVIC_OK);
		CHECK_TIME(due, cases[i].due);
		if (cases[i].min % 60 != 0)
			continue;
		due = 0;
		CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL, T(cases[i].start),
		    cases[i].min / 60, &due), CIVIC_OK);
		CHECK_TIME(due, cases[i].due);
	}
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &civic_calendar_office_hours,
	    T("2026-03-09 09:00:00"), 4, &due), CIVIC_OK);
	CHECK_TIME(due, "2026-03-09 14:30:00");
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &day_hours,
	    T("2026-03-09 08:00:00"), 10, &due), CIVIC_OK);
	CHECK_TIME(due, "2026-03-09 18:00:00");
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &day_hours,
	    T("2026-03-09 08:00:00"), 11, &due), CIVIC_OK);
	CHECK_TIME(due, "2026-03-10 09:00:00");
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &overlap,
	    T("2026-03-09 08:00:00"), 1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &late,
	    T("2026-03-09 08:00:00"), 1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, &none,
	    T("2026-03-09 08:00:00"), 1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2026-03-09 08:00:00"), -1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2026-03-09 08:00:00"), CIVIC_CALENDAR_MAX_HOURS + 1, &due), CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2028-12-29 17:00:00"), 1, &due), CIVIC_ERR_NOTFOUND);
}

static void
test_add_minutes(void)
{
	civic_time	 due, due2;
	int		 h;

	/* Hours are minutes by sixty, up to the bound itself. */
	for (h = 0; h <= CIVIC_CALENDAR_MAX_HOURS; h += h < 20 ? 1 : 199) {
		CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
		    T("2026-03-06 16:45:00"), h * 60, &due), CIVIC_OK);
		CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
		    T("2026-03-06 16:45:00"), h, &due2), CIVIC_OK);
		CU_ASSERT_EQUAL(due, due2);
	}
	CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
	    T("2026-03-09 08:00:00"), CIVIC_CALENDAR_MAX_HOURS * 60, &due), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
	    T("2026-03-09 08:00:00"), CIVIC_CALENDAR_MAX_HOURS * 60 + 1, &due),
	    CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
	    T("2026-03-09 08:00:00"), -1, &due), CIVIC_ERR_INVALID);
	CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, NULL,
	    T("2028-12-29 17:29:00"), 2, &due), CIVIC_ERR_NOTFOUND);
	/* Hours far past the bound don't overflow into a valid count of minutes. */
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2026-03-09 08:00:00"), INT_MAX, &due), CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2026-03-09 08:00:00"), INT_MAX / 60 + 1, &due), CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(civic_calendar_add_working_hours(&cal, NULL,
	    T("2026-03-09 08:00:00"), INT_MIN, &due), CIVIC_ERR_INVALID);
}

static void
test_in_hours(void)
{
	static const struct {
		const char	*t;
		int		 in;
	} cases[] = {
		{ "2026-03-09 08:59:59", 0 },	/* Monday: before the opening */
		{ "2026-03-09 09:00:00", 1 },	/* the opening is in */
		{ "2026-03-09 11:59:59", 1 },
		{ "2026-03-09 12:00:00", 0 },	/* the close is out */
		{ "2026-03-09 13:29:59", 0 },
		{ "2026-03-09 13:30:00", 1 },
		{ "2026-03-09 17:29:59", 1 },
		{ "2026-03-09 17:30:00", 0 },
		{ "2026-03-09 00:00:00", 0 },
		{ "2026-03-09 23:59:59", 0 },
		{ "2026-03-07 10:00:00", 0 },	/* a plain Saturday */
		{ "2026-02-14 10:00:00", 1 },	/* the 调休 Saturday */
		{ "2026-02-16 10:00:00", 0 },	/* 春节, a Monday */
		{ "2025-09-28 10:00:00", 1 },	/* the 调休 Sunday */
		{ "2027-01-01 10:00:00", 1 },	/* 2027 not imported: a Friday like any */
		{ "2024-01-01 09:00:00", 1 },	/* the calendar's first day */
		{ "2028-12-29 17:29:59", 1 },	/* its last Friday */
		{ "2023-12-31 23:59:59", -1 },	/* just before it */
		{ "2029-01-01 09:00:00", -1 },	/* just after it */
	};
	static const struct civic_office_period all_periods[] = { { 0, 86400 } };
	static const struct civic_office_hours all_day = { all_periods, 1 };
	static const struct civic_office_period overlap_periods[] = {
		{ 9 * 3600, 13 * 3600 }, { 12 * 3600, 17 * 3600 }
	};
	static const struct civic_office_hours overlap = { overlap_periods, 2 };
	static const struct civic_office_hours none = { NULL, 0 };
	size_t	 i;
	int	 in;

	for (i = 0; i < NITEMS(cases); i++) {
		in = civic_calendar_in_hours(&cal, NULL, T(cases[i].t));
		if (in != cases[i].in)
			fprintf(stderr, "\n    %s: %d, want %d", cases[i].t, in, cases[i].in);
		CU_ASSERT_EQUAL(in, cases[i].in);
	}
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &civic_calendar_office_hours,
	    T("2026-03-09 09:00:00")), 1);
	/* Open all day: midnight and the last second are in, on working days only. */
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &all_day, T("2026-03-09 00:00:00")), 1);
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &all_day, T("2026-03-09 23:59:59")), 1);
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &all_day, T("2026-03-08 23:59:59")), 0);
	/* Hours that are not valid can't say. */
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &overlap, T("2026-03-09 10:00:00")), -1);
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &none, T("2026-03-09 10:00:00")), -1);
}

/* "HH:MM" of seconds after midnight, for the periods' messages. */
static const char *
hm(long secs, char buf[8])
{
	snprintf(buf, 8, "%02ld:%02ld", secs / 3600 % 100, secs / 60 % 60);
	return buf;
}

static void
test_parse_hours(void)
{
	static const struct {
		const char	*text;
		enum civic_err	 err;
		const char	*want;	/* the periods as "HH:MM-HH:MM", comma-separated */
	} cases[] = {
		{ "工作日 9:00-12:00，13:30-17:30", CIVIC_OK, "09:00-12:00,13:30-17:30" },
		{ "周一至周五 8:30-12:00", CIVIC_OK, "08:30-12:00" },
		{ "09:00-12:00", CIVIC_OK, "09:00-12:00" },
		{ "9：00～12：00", CIVIC_OK, "09:00-12:00" },	/* full-width colon, tilde */
		/* Afternoon hours on a twelve-hour clock come before the morning's. */
		{ "上午9:00至12:00，下午1:30到5:30", CIVIC_ERR_INVALID, NULL },
		{ "上午9:00至12:00，下午13:30到17:30", CIVIC_OK, "09:00-12:00,13:30-17:30" },
		{ "9:00 – 17:00", CIVIC_OK, "09:00-17:00" },		/* en dash */
		{ "9:00~17:00", CIVIC_OK, "09:00-17:00" },
		{ "9:00\u3000-\u300017:00", CIVIC_OK, "09:00-17:00" },	/* ideographic spaces */
		{ "9:00\t-  17:00", CIVIC_OK, "09:00-17:00" },
		{ "0:00-24:00", CIVIC_OK, "00:00-24:00" },		/* round the clock */
		{ "23:59-24:00", CIVIC_OK, "23:59-24:00" },
		{ "0:00-0:01", CIVIC_OK, "00:00-00:01" },
		{ "9:00-12:00、12:00-17:00", CIVIC_OK, "09:00-12:00,12:00-17:00" },	/* touching */
		{ "电话 0571-12345678，9:00-17:00", CIVIC_OK, "09:00-17:00" },
		{ "2026-03-09 9:00-17:00", CIVIC_OK, "09:00-17:00" },
		{ "9:00-12:00-13:00", CIVIC_OK, "09:00-12:00" },	/* the rest is no range */
		/* No range at all. */
		{ NULL, CIVIC_ERR_NOTFOUND, NULL },
		{ "", CIVIC_ERR_NOTFOUND, NULL },
		{ "全天", CIVIC_ERR_NOTFOUND, NULL },
		{ "9:00", CIVIC_ERR_NOTFOUND, NULL },
		{ "9:00 12:00", CIVIC_ERR_NOTFOUND, NULL },		/* no dash */
		{ "9点-12点", CIVIC_ERR_NOTFOUND, NULL },
		{ "9:0-12:00", CIVIC_ERR_NOTFOUND, NULL },		/* one digit of minutes */
		{ "9:00-12:000", CIVIC_ERR_NOTFOUND, NULL },
		{ "123:00-12:00", CIVIC_ERR_NOTFOUND, NULL },		/* no hour of three digits */
		{ "9:00—12:00", CIVIC_ERR_NOTFOUND, NULL },		/* an em dash is no dash here */
		{ "9:00 -", CIVIC_ERR_NOTFOUND, NULL },
		/* Impossible times. */
		{ "9:60-12:00", CIVIC_ERR_INVALID, NULL },
		{ "9:00-12:60", CIVIC_ERR_INVALID, NULL },
		{ "24:00-24:00", CIVIC_ERR_INVALID, NULL },		/* an opening at 24:00 */
		{ "9:00-24:01", CIVIC_ERR_INVALID, NULL },
		{ "9:00-25:00", CIVIC_ERR_INVALID, NULL },
		{ "9:00-99:00", CIVIC_ERR_INVALID, NULL },
		{ "9:00-12:00，13:30-17:61", CIVIC_ERR_INVALID, NULL },	/* the second */
		/* Empty, unsorted, overlapping. */
		{ "9:00-9:00", CIVIC_ERR_INVALID, NULL },
		{ "12:00-9:00", CIVIC_ERR_INVALID, NULL },
		{ "13:30-17:30，9:00-12:00", CIVIC_ERR_INVALID, NULL },
		{ "9:00-13:00，12:00-17:00", CIVIC_ERR_INVALID, NULL },
		/* Eight periods at most. */
		{ "0:00-1:00 2:00-3:00 4:00-5:00 6:00-7:00 8:00-9:00 10:00-11:00 "
		  "12:00-13:00 14:00-15:00", CIVIC_OK,
		  "00:00-01:00,02:00-03:00,04:00-05:00,06:00-07:00,08:00-09:00,"
		  "10:00-11:00,12:00-13:00,14:00-15:00" },
		{ "0:00-1:00 2:00-3:00 4:00-5:00 6:00-7:00 8:00-9:00 10:00-11:00 "
		  "12:00-13:00 14:00-15:00 16:00-17:00", CIVIC_ERR_TOOBIG, NULL },
	};
	struct civic_arena		*a = civic_arena_new();
	struct civic_office_hours	 oh;
	enum civic_err			 err;
	civic_time			 due = 0;
	char				 got[256], b1[8], b2[8];
	size_t				 i, j, len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	for (i = 0; i < NITEMS(cases); i++) {
		oh.periods = NULL;
		oh.nperiods = 42;
		err = civic_calendar_parse_hours(a, cases[i].text, &oh);
		if (err != cases[i].err)
			fprintf(stderr, "\n    '%s': %s, want %s", cases[i].text != NULL ?
			    cases[i].text : "(null)", civic_strerror(err),
			    civic_strerror(cases[i].err));
		CU_ASSERT_EQUAL(err, cases[i].err);
		if (err != CIVIC_OK || cases[i].err != CIVIC_OK) {
			CU_ASSERT_EQUAL(oh.nperiods, 42);	/* untouched */
			continue;
		}
		got[0] = '\0';
		for (j = 0, len = 0; j < oh.nperiods; j++)
			len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s-%s",
			    j > 0 ? "," : "", hm(oh.periods[j].open, b1),
			    hm(oh.periods[j].close, b2));
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "\n    '%s': %s, want %s", cases[i].text, got,
			    cases[i].want);
		CU_ASSERT_STRING_EQUAL(got, cases[i].want);
	}
	/* What it reads serves the computations. */
	CU_ASSERT_EQUAL_FATAL(civic_calendar_parse_hours(a, "8:30-12:00，14:00-18:00", &oh),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &oh, T("2026-03-09 08:30:00")), 1);
	CU_ASSERT_EQUAL(civic_calendar_in_hours(&cal, &oh, T("2026-03-09 13:59:59")), 0);
	CU_ASSERT_EQUAL(civic_calendar_add_working_minutes(&cal, &oh,
	    T("2026-03-09 11:30:00"), 60, &due), CIVIC_OK);
	CHECK_TIME(due, "2026-03-09 14:30:00");
	civic_arena_free(a);
}

/* One clock case: the clock, a moment, and what it should say then. */
struct clock_case {
	const char		*start;
	int			 limit;
	int			 ext;
	const char		*pause_from;	/* NULL: no pause */
	const char		*pause_to;	/* NULL with pause_from: still paused */
	const char		*now;
	const char		*due;
	const char		*warn;
	enum civic_light	 light;
};

static void
test_clock(void)
{
	static const struct clock_case cases[] = {
		/*
		 * 15 days from Monday 2026-03-02: counted 3-3 .. 3-23.  The
		 * warning share is 3 days (20 %), so yellow once 3-18 (the
		 * 12th) has ended.  Each threshold on both sides.
		 */
		{ "2026-03-02 10:00:00", 15, 0, NULL, NULL, "2026-03-02 10:00:00",
		    "2026-03-23 23:59:59", "2026-03-19 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-03-02 10:00:00", 15, 0, NULL, NULL, "2026-03-18 23:59:59",
		    "2026-03-23 23:59:59", "2026-03-19 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-03-02 10:00:00", 15, 0, NULL, NULL, "2026-03-19 00:00:00",
		    "2026-03-23 23:59:59", "2026-03-19 00:00:00", CIVIC_LIGHT_YELLOW },
		{ "2026-03-02 10:00:00", 15, 0, NULL, NULL, "2026-03-23 23:59:59",
		    "2026-03-23 23:59:59", "2026-03-19 00:00:00", CIVIC_LIGHT_YELLOW },
		{ "2026-03-02 10:00:00", 15, 0, NULL, NULL, "2026-03-24 00:00:00",
		    "2026-03-23 23:59:59", "2026-03-19 00:00:00", CIVIC_LIGHT_RED },
		/* Extended by 5: counted to 3-30, warning share 4 days. */
		{ "2026-03-02 10:00:00", 15, 5, NULL, NULL, "2026-03-24 00:00:00",
		    "2026-03-30 23:59:59", "2026-03-25 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-03-02 10:00:00", 15, 5, NULL, NULL, "2026-03-25 00:00:00",
		    "2026-03-30 23:59:59", "2026-03-25 00:00:00", CIVIC_LIGHT_YELLOW },
		/* Over the Spring Festival: 5 days (share 1) and 7 days (share 2). */
		{ "2026-02-11 10:00:00", 5, 0, NULL, NULL, "2026-02-24 23:59:59",
		    "2026-02-25 23:59:59", "2026-02-25 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-02-11 10:00:00", 7, 0, NULL, NULL, "2026-02-26 00:00:00",
		    "2026-02-27 23:59:59", "2026-02-26 00:00:00", CIVIC_LIGHT_YELLOW },
		/*
		 * Yellow runs over the days off before the last working day:
		 * 2 days from Thursday 2026-03-05 are Friday and Monday; with
		 * one day left, the weekend is yellow.
		 */
		{ "2026-03-05 10:00:00", 2, 0, NULL, NULL, "2026-03-06 23:59:59",
		    "2026-03-09 23:59:59", "2026-03-07 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-03-05 10:00:00", 2, 0, NULL, NULL, "2026-03-07 12:00:00",
		    "2026-03-09 23:59:59", "2026-03-07 00:00:00", CIVIC_LIGHT_YELLOW },
		/* The 调休 Sunday 2026-09-20 is a counted day like any. */
		{ "2026-09-18 10:00:00", 2, 0, NULL, NULL, "2026-09-20 23:59:59",
		    "2026-09-21 23:59:59", "2026-09-21 00:00:00", CIVIC_LIGHT_GREEN },
		/* One day: the share is the whole limit, yellow from the start. */
		{ "2026-03-06 10:00:00", 1, 0, NULL, NULL, "2026-03-06 10:00:00",
		    "2026-03-09 23:59:59", "2026-03-06 10:00:00", CIVIC_LIGHT_YELLOW },
		{ "2026-03-06 10:00:00", 1, 0, NULL, NULL, "2026-03-06 09:59:59",
		    "2026-03-09 23:59:59", "2026-03-06 10:00:00", CIVIC_LIGHT_GREEN },
		/* Same day (即办). */
		{ "2026-03-09 10:00:00", 0, 0, NULL, NULL, "2026-03-09 23:59:59",
		    "2026-03-09 23:59:59", "2026-03-09 10:00:00", CIVIC_LIGHT_YELLOW },
		{ "2026-03-09 10:00:00", 0, 0, NULL, NULL, "2026-03-10 00:00:00",
		    "2026-03-09 23:59:59", "2026-03-09 10:00:00", CIVIC_LIGHT_RED },

		/*
		 * A pause spanning the Spring Festival: 5 days from Monday
		 * 2026-02-09 would end on the 调休 Saturday 2-14.  Paused from
		 * 2-12 to 2-25, those days don't count, both ends included;
		 * 2-10 and 2-11 did, then 2-26, 2-27 and the 调休 2-28.
		 */
		{ "2026-02-09 10:00:00", 5, 0, NULL, NULL, "2026-02-09 10:00:00",
		    "2026-02-14 23:59:59", "2026-02-14 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2026-02-09 10:00:00", 5, 0, "2026-02-12 15:00:00", "2026-02-25 09:00:00",
		    "2026-02-27 12:00:00", "2026-02-28 23:59:59", "2026-02-28 00:00:00",
		    CIVIC_LIGHT_GREEN },
		{ "2026-02-09 10:00:00", 5, 0, "2026-02-12 15:00:00", "2026-02-25 09:00:00",
		    "2026-03-01 00:00:00", "2026-02-28 23:59:59", "2026-02-28 00:00:00",
		    CIVIC_LIGHT_RED },
		/* An hour's pause takes its whole day. */
		{ "2026-03-02 10:00:00", 15, 0, "2026-03-05 10:00:00", "2026-03-05 11:00:00",
		    "2026-03-05 12:00:00", "2026-03-24 23:59:59", "2026-03-20 00:00:00",
		    CIVIC_LIGHT_GREEN },
		/* A pause on the day of arrival: as if it arrived on resumption. */
		{ "2026-03-02 10:00:00", 1, 0, "2026-03-02 11:00:00", "2026-03-04 16:00:00",
		    "2026-03-04 16:00:00", "2026-03-05 23:59:59", "2026-03-02 10:00:00",
		    CIVIC_LIGHT_YELLOW },
		/* Still paused since 3-05, seen on 3-10: those days are out, so far. */
		{ "2026-03-02 10:00:00", 15, 0, "2026-03-05 10:00:00", NULL,
		    "2026-03-10 12:00:00", "2026-03-27 23:59:59", "2026-03-25 00:00:00",
		    CIVIC_LIGHT_GREEN },
		/* Paused past the first due time: not red while paused. */
		{ "2026-03-02 10:00:00", 3, 0, "2026-03-04 09:00:00", NULL,
		    "2026-03-20 12:00:00", "2026-03-24 23:59:59", "2026-03-24 00:00:00",
		    CIVIC_LIGHT_GREEN },
		/* Paused only after it was overdue: still overdue. */
		{ "2026-03-02 10:00:00", 3, 0, "2026-03-10 09:00:00", "2026-03-12 09:00:00",
		    "2026-03-11 12:00:00", "2026-03-05 23:59:59", "2026-03-05 00:00:00",
		    CIVIC_LIGHT_RED },
		/*
		 * National Day 2025, 3 days extended by 2 from Monday 9-29:
		 * 9-30, 10-9, 10-10, the 调休 Saturday 10-11, then 10-13.
		 */
		{ "2025-09-29 10:00:00", 3, 2, NULL, NULL, "2025-10-08 12:00:00",
		    "2025-10-13 23:59:59", "2025-10-12 00:00:00", CIVIC_LIGHT_GREEN },
		{ "2025-09-29 10:00:00", 3, 0, NULL, NULL, "2025-10-08 12:00:00",
		    "2025-10-10 23:59:59", "2025-10-10 00:00:00", CIVIC_LIGHT_GREEN },
	};
	struct civic_deadline	 dl;
	struct civic_pause	 p;
	struct civic_clock	 clk;
	size_t			 i;

	for (i = 0; i < NITEMS(cases); i++) {
		memset(&clk, 0, sizeof(clk));
		clk.start = T(cases[i].start);
		clk.limit_days = cases[i].limit;
		clk.extension_days = cases[i].ext;
		if (cases[i].pause_from != NULL) {
			p.from = T(cases[i].pause_from);
			p.to = cases[i].pause_to != NULL ? T(cases[i].pause_to) :
			    CIVIC_CALENDAR_OPEN;
			clk.pauses = &p;
			clk.npauses = 1;
		}
		memset(&dl, 0, sizeof(dl));
		CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, T(cases[i].now), &dl), CIVIC_OK);
		CHECK_TIME(dl.due, cases[i].due);
		CHECK_TIME(dl.warn, cases[i].warn);
		if (dl.light != cases[i].light)
			fprintf(stderr, "\n    case %zu: light %s, want %s", i,
			    civic_calendar_light_name(dl.light),
			    civic_calendar_light_name(cases[i].light));
		CU_ASSERT_EQUAL(dl.light, cases[i].light);
	}
}

static void
test_clock_errors(void)
{
	struct civic_deadline	 dl;
	struct civic_pause	 p;
	struct civic_clock	 clk;
	civic_time		 now = T("2026-03-09 10:00:00");

	memset(&clk, 0, sizeof(clk));
	clk.start = T("2026-03-02 10:00:00");
	clk.limit_days = 10;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_OK);

	clk.warn_percent = 50;		/* 5 days: yellow after the 5th, 3-09 */
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_OK);
	CHECK_TIME(dl.warn, "2026-03-10 00:00:00");
	clk.warn_percent = 100;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_OK);
	CHECK_TIME(dl.warn, "2026-03-02 10:00:00");
	clk.warn_percent = 101;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);
	clk.warn_percent = -1;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);
	clk.warn_percent = 0;

	clk.limit_days = -1;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);
	clk.limit_days = 10;
	clk.extension_days = -1;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);
	clk.extension_days = CIVIC_CALENDAR_MAX_DAYS;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_TOOBIG);
	clk.extension_days = 0;

	p.from = T("2026-03-05 10:00:00");
	p.to = T("2026-03-05 09:00:00");
	clk.pauses = &p;
	clk.npauses = 1;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);
	clk.pauses = NULL;
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_INVALID);

	clk.npauses = 0;
	clk.start = T("2028-12-20 10:00:00");
	CU_ASSERT_EQUAL(civic_calendar_clock(&cal, &clk, now, &dl), CIVIC_ERR_NOTFOUND);
}

static void
test_light(void)
{
	struct civic_deadline	 dl = { 1000, 500, CIVIC_LIGHT_GREEN };

	CU_ASSERT_EQUAL(civic_calendar_light(&dl, 499), CIVIC_LIGHT_GREEN);
	CU_ASSERT_EQUAL(civic_calendar_light(&dl, 500), CIVIC_LIGHT_YELLOW);
	CU_ASSERT_EQUAL(civic_calendar_light(&dl, 1000), CIVIC_LIGHT_YELLOW);
	CU_ASSERT_EQUAL(civic_calendar_light(&dl, 1001), CIVIC_LIGHT_RED);
	CU_ASSERT_STRING_EQUAL(civic_calendar_light_name(CIVIC_LIGHT_GREEN), "green");
	CU_ASSERT_STRING_EQUAL(civic_calendar_light_name(CIVIC_LIGHT_YELLOW), "yellow");
	CU_ASSERT_STRING_EQUAL(civic_calendar_light_name(CIVIC_LIGHT_RED), "red");
	CU_ASSERT_PTR_NULL(civic_calendar_light_name((enum civic_light)3));
}

static CU_TestInfo	 tests[] = {
	{ "civil dates and weekdays", test_civil },
	{ "parsing and formatting", test_parse },
	{ "special days", test_days },
	{ "adding working days", test_add_days },
	{ "adding office hours and minutes", test_add_hours },
	{ "office minutes: bounds", test_add_minutes },
	{ "in office hours", test_in_hours },
	{ "office hours from text", test_parse_hours },
	{ "clock: due, warning, light", test_clock },
	{ "clock: refused input", test_clock_errors },
	{ "light thresholds", test_light },
	CU_TEST_INFO_NULL
};

static CU_SuiteInfo	 suites[] = {
	{ "calendar", suite_init, NULL, NULL, NULL, tests },
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
	return cunit_run("test_calendar");
}
