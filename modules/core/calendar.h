/*
 * calendar.h: the working-day calendar, which turns a time limit into a
 * due time and a due time into a light (doc/calendar.md).
 *
 * Holidays and adjusted working days (调休) are rows of calendar_day,
 * imported each year with `civicctl import-holidays`.  Everything here
 * except civic_calendar_load() is plain arithmetic on a calendar held in
 * memory, so that it is tested without a database.
 *
 * Times are Beijing wall-clock time, which has had no daylight saving
 * since 1991: a civic_day counts days since 1970-01-01 and a civic_time
 * seconds since 1970-01-01 00:00:00, both in UTC+8.  A civic_time is
 * therefore not a Unix time; civic_calendar_from_unix() converts.  The
 * database session runs at '+08:00' (DESIGN.md, "Database"), so a DATETIME
 * read as text parses straight into a civic_time.
 *
 * The rules, in short:
 *  - A working day is Monday to Friday unless the calendar makes it a
 *    holiday, and Saturday or Sunday only when it makes it a workday.
 *  - A limit of n working days is counted from the day after the start:
 *    the case is due at the end (23:59:59) of the n-th working day after
 *    the day it arrived.  A case that arrives on a rest day is therefore
 *    due when one that arrived on the last working day before it is.
 *  - A working day on which the clock was paused at any moment does not
 *    count; an approved extension adds working days to the limit.
 *  - Yellow when no more than the warning share of the limit is left
 *    (20 %, rounded up to whole working days, at least one); red after
 *    the due time.
 */
#ifndef CIVIC_CALENDAR_H
#define CIVIC_CALENDAR_H

#include <stddef.h>
#include <time.h>
#include "arena.h"
#include "err.h"

struct civic_db;
struct civic_config;

/* Days since 1970-01-01, and seconds since its midnight, Beijing time. */
typedef long		civic_day;
typedef long long	civic_time;

#define CIVIC_CALENDAR_DAY_SECS		86400
/* Beijing is UTC+8 all year. */
#define CIVIC_CALENDAR_UTC_OFFSET	(8 * 3600)

/*
 * Years a date may have: MariaDB's DATE range, and four digits exactly,
 * so that "YYYY-MM-DD" is fixed-width.
 */
#define CIVIC_CALENDAR_MIN_YEAR		1000
#define CIVIC_CALENDAR_MAX_YEAR		9999

/*
 * The largest limit, in working days, counting an extension.  The longest
 * administrative limits are a few months (信访 60 days, extended by 30);
 * ten years of working days is far beyond any, and bounds every loop.
 */
#define CIVIC_CALENDAR_MAX_DAYS		2500

/*
 * The largest limit in office hours: a little more than a year of them.
 * A limit in minutes has the same bound, CIVIC_CALENDAR_MAX_HOURS * 60.
 */
#define CIVIC_CALENDAR_MAX_HOURS	2000

/*
 * Periods a day's office hours may have when read from text: a hall open
 * morning and afternoon has two, one with a late evening three; eight is
 * beyond any timetable a person would post.
 */
#define CIVIC_CALENDAR_MAX_PERIODS	8

/*
 * Years one civic_calendar_load() may cover.  A case needs the year it
 * arrived in and the next; ten leaves room for reports over a period.
 */
#define CIVIC_CALENDAR_MAX_YEARS	10

/* The default warning share of a limit, in per cent (DESIGN.md, "Deadlines"). */
#define CIVIC_CALENDAR_WARN_PERCENT	20

/* Buffer sizes of the formatted forms, with their NUL. */
#define CIVIC_CALENDAR_DATE_LEN		sizeof("YYYY-MM-DD")
#define CIVIC_CALENDAR_TIME_LEN		sizeof("YYYY-MM-DD HH:MM:SS")

/* A pause still running: its end is "now". */
#define CIVIC_CALENDAR_OPEN		((civic_time)-1)

enum civic_calendar_kind {
	CIVIC_CALENDAR_HOLIDAY,		/* a day off, weekday or not */
	CIVIC_CALENDAR_WORKDAY		/* a Saturday or Sunday worked (调休) */
};

/* One special day: a row of calendar_day. */
struct civic_calendar_day {
	civic_day			 day;
	enum civic_calendar_kind	 kind;
	const char			*name;	/* "春节", "春节调休"; may be NULL */
};

/*
 * The special days of the years first_year..last_year, sorted by day.
 * The calendar does not own days: they live in the arena of
 * civic_calendar_load() or are the caller's (civic_calendar_from_days()).
 * A computation that needs a day outside those years fails with
 * CIVIC_ERR_NOTFOUND rather than guess.
 */
struct civic_calendar {
	const struct civic_calendar_day	*days;
	size_t				 ndays;
	int				 first_year;
	int				 last_year;
};

/* Office hours: periods of one working day, in seconds after midnight. */
struct civic_office_period {
	long	 open;
	long	 close;
};

struct civic_office_hours {
	const struct civic_office_period	*periods;	/* sorted, not overlapping */
	size_t					 nperiods;
};

/*
 * The office hours of most county service halls, 09:00-12:00 and
 * 13:30-17:30 (seven hours a day); a feature whose office differs passes
 * its own.
 */
extern const struct civic_office_hours civic_calendar_office_hours;

/* The clock of one case. */
struct civic_pause {
	civic_time	 from;
	civic_time	 to;		/* CIVIC_CALENDAR_OPEN while still paused */
};

struct civic_clock {
	civic_time			 start;		/* when the case arrived */
	int				 limit_days;	/* working days, 0: same day (即办) */
	int				 extension_days; /* approved extensions, added up */
	const struct civic_pause	*pauses;	/* awaiting 补正, in any order */
	size_t				 npauses;
	int				 warn_percent;	/* 0: CIVIC_CALENDAR_WARN_PERCENT */
};

enum civic_light {
	CIVIC_LIGHT_GREEN,	/* in time */
	CIVIC_LIGHT_YELLOW,	/* within the warning share of the limit */
	CIVIC_LIGHT_RED		/* overdue */
};

/* Where a clock stands: yellow from warn on, red after due. */
struct civic_deadline {
	civic_time		 due;	/* the last second in time */
	civic_time		 warn;	/* the first yellow second */
	enum civic_light	 light;	/* at the "now" it was computed for */
};

/* Civil dates (Howard Hinnant's algorithms: proleptic Gregorian, any year). */
civic_day	 civic_calendar_from_civil(int y, int m, int d);
void		 civic_calendar_to_civil(civic_day, int *y, int *m, int *d);
/* 0 Sunday .. 6 Saturday, as struct tm's tm_wday. */
int		 civic_calendar_weekday(civic_day);
civic_day	 civic_calendar_day_of(civic_time);
civic_time	 civic_calendar_time(civic_day, int h, int min, int s);

/* Beijing time from Unix time, and now. */
civic_time	 civic_calendar_from_unix(time_t);
civic_time	 civic_calendar_now(void);

/*
 * "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS" (MariaDB's text forms), the
 * whole NUL-terminated string and nothing else: a real date with the year
 * in MIN_YEAR..MAX_YEAR, hours 00-23, no leap second.  CIVIC_ERR_INVALID
 * otherwise, and *out untouched.
 */
enum civic_err	 civic_calendar_parse_date(const char *, civic_day *out);
enum civic_err	 civic_calendar_parse_time(const char *, civic_time *out);
/* Formats into buf of CIVIC_CALENDAR_DATE_LEN or _TIME_LEN bytes; returns buf. */
char		*civic_calendar_format_date(civic_day, char *buf);
char		*civic_calendar_format_time(civic_time, char *buf);

/*
 * Makes a calendar of the caller's days, which must be sorted, each day
 * once, inside first_year..last_year, each kind a known one
 * (CIVIC_ERR_INVALID otherwise).  cal points into days afterwards.
 */
enum civic_err	 civic_calendar_from_days(const struct civic_calendar_day *days, size_t n,
		    int first_year, int last_year, struct civic_calendar *cal);

/*
 * Reads the special days of first_year..last_year (at most
 * CIVIC_CALENDAR_MAX_YEARS) into the arena.  A year with no rows is not
 * an error: it has not been imported, and only weekends are rest days in
 * it; civic_calendar_covers() tells.  The database's errors as
 * civic_db_query() returns them.
 */
enum civic_err	 civic_calendar_load(struct civic_db *, struct civic_arena *,
		    int first_year, int last_year, struct civic_calendar *cal);

/* 1 when the calendar holds any special day of year (it was imported). */
int		 civic_calendar_covers(const struct civic_calendar *, int year);

/* The special day, or NULL for an ordinary one. */
const struct civic_calendar_day *civic_calendar_find(const struct civic_calendar *, civic_day);

/*
 * 1 when day is a working day, 0 when not, -1 when it is outside the
 * calendar's years.
 */
int		 civic_calendar_is_workday(const struct civic_calendar *, civic_day);

/*
 * The end (23:59:59) of the n-th working day after the day of start; for
 * n = 0, of the day of start when it is a working day, else of the next
 * working day.  CIVIC_ERR_INVALID for n < 0, CIVIC_ERR_TOOBIG past
 * CIVIC_CALENDAR_MAX_DAYS, CIVIC_ERR_NOTFOUND when the count leaves the
 * calendar's years.
 */
enum civic_err	 civic_calendar_add_working_days(const struct civic_calendar *,
		    civic_time start, int n, civic_time *due);

/*
 * The moment the h-th hour of office time after start ends, counting only
 * the office hours of working days; a start outside office hours counts
 * from the next opening.  The time runs to a period's close, not to the
 * next opening (3 hours from 09:00 end at 12:00).  h = 0 is start itself.
 * NULL hours is civic_calendar_office_hours.  Errors as for days, and
 * CIVIC_ERR_INVALID for office hours that are empty, unsorted,
 * overlapping or outside the day.
 */
enum civic_err	 civic_calendar_add_working_hours(const struct civic_calendar *,
		    const struct civic_office_hours *, civic_time start, int h,
		    civic_time *due);

/*
 * The same in minutes (a call answered within 30 minutes of office time),
 * at most CIVIC_CALENDAR_MAX_HOURS * 60 of them; hours are counted by this.
 */
enum civic_err	 civic_calendar_add_working_minutes(const struct civic_calendar *,
		    const struct civic_office_hours *, civic_time start, int min,
		    civic_time *due);

/*
 * 1 when t falls in office hours, inside a period (open <= t < close) of
 * a working day; 0 when it does not; -1 when its day is outside the
 * calendar's years or the office hours are not valid (as above).  NULL
 * hours is civic_calendar_office_hours.
 */
int		 civic_calendar_in_hours(const struct civic_calendar *,
		    const struct civic_office_hours *, civic_time t);

/*
 * The office hours a department wrote as text ("工作日 9:00-12:00，
 * 13:30-17:30"): every time range in it, the rest ignored.  A range is
 * H:MM or HH:MM, a dash, H:MM or HH:MM, with spaces allowed around the
 * dash; the colon may be ":" or the full-width "：", the dash "-", "–",
 * "~", "～", "至" or "到".  A close may be 24:00.  The periods go into the
 * arena, and *out is set only on success.  CIVIC_ERR_NOTFOUND when text
 * holds no range (or is NULL); CIVIC_ERR_INVALID for an impossible time
 * (9:60, 25:00, an opening at 24:00) or periods that are empty, unsorted
 * or overlapping; CIVIC_ERR_TOOBIG past CIVIC_CALENDAR_MAX_PERIODS;
 * CIVIC_ERR_NOMEM.
 */
enum civic_err	 civic_calendar_parse_hours(struct civic_arena *, const char *text,
		    struct civic_office_hours *out);

/*
 * Where the clock stands at now: its due time, when it turns yellow, and
 * its light.  A pause still open ends at now, so a paused case's due time
 * moves on day by day and the pause can't make it red.  Errors as for
 * civic_calendar_add_working_days(), and CIVIC_ERR_INVALID for a negative
 * limit or extension, a pause ending before it begins, or a warning share
 * over 100 %.
 */
enum civic_err	 civic_calendar_clock(const struct civic_calendar *,
		    const struct civic_clock *, civic_time now, struct civic_deadline *out);

/*
 * The due and warning times, as text, of a case started at start (a
 * "YYYY-MM-DD HH:MM:SS" time) with days working days and ext more, on the
 * calendar of the database: what a feature stores as due_at and warn_at.
 * Errors as for civic_calendar_parse_time(), civic_calendar_load() and
 * civic_calendar_clock().
 */
enum civic_err	 civic_calendar_due(struct civic_db *, struct civic_arena *,
		    const char *start, int days, int ext, char due[CIVIC_CALENDAR_TIME_LEN],
		    char warn[CIVIC_CALENDAR_TIME_LEN]);

/*
 * Now as a feature's clock reads it: the time in its configuration key
 * (tests fix the hour that decisions depend on), when set, else the real
 * Beijing time; also formatted into buf.
 */
civic_time	 civic_calendar_now_of(const struct civic_config *, const char *key,
		    char buf[CIVIC_CALENDAR_TIME_LEN]);

/* The light of a deadline at now: red after due, yellow from warn, else green. */
enum civic_light civic_calendar_light(const struct civic_deadline *, civic_time now);

/* "green", "yellow", "red": the names pages and stylesheets use; NULL for no light. */
const char	*civic_calendar_light_name(enum civic_light);

#endif
