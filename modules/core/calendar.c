/*
 * calendar.c: working days, due times and lights (calendar.h,
 * doc/calendar.md).
 *
 * Dates are day numbers, so that "the next day" is d + 1 and no struct tm
 * or time zone database is involved: Beijing time has a fixed offset.
 * The conversions are Howard Hinnant's days_from_civil and
 * civil_from_days (http://howardhinnant.github.io/date_algorithms.html),
 * exact for every proleptic Gregorian date.
 *
 * Every walk from day to day stays inside the calendar's years, which
 * civic_calendar_from_days() bounds to CIVIC_CALENDAR_MAX_YEARS: leaving
 * them is CIVIC_ERR_NOTFOUND, so no loop can run away whatever a limit, a
 * pause or the data say.
 */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "config.h"
#include "db.h"

static const struct civic_office_period calendar_periods[] = {
	{ 9 * 3600, 12 * 3600 },
	{ 13 * 3600 + 30 * 60, 17 * 3600 + 30 * 60 },
};

const struct civic_office_hours civic_calendar_office_hours = {
	calendar_periods, sizeof(calendar_periods) / sizeof(calendar_periods[0])
};

static const char *const calendar_light_names[] = {
	[CIVIC_LIGHT_GREEN] = "green",
	[CIVIC_LIGHT_YELLOW] = "yellow",
	[CIVIC_LIGHT_RED] = "red",
};

civic_day
civic_calendar_from_civil(int y, int m, int d)
{
	long	 yy, era, yoe, doy, doe;

	yy = (long)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civic_calendar_to_civil(civic_day z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
civic_calendar_weekday(civic_day z)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

civic_day
civic_calendar_day_of(civic_time t)
{
	/* Floor, not truncation, so that times before 1970 fall on their day. */
	return (civic_day)(t >= 0 ? t / CIVIC_CALENDAR_DAY_SECS :
	    (t - (CIVIC_CALENDAR_DAY_SECS - 1)) / CIVIC_CALENDAR_DAY_SECS);
}

civic_time
civic_calendar_time(civic_day day, int h, int min, int s)
{
	return (civic_time)day * CIVIC_CALENDAR_DAY_SECS + h * 3600 + min * 60 + s;
}

civic_time
civic_calendar_from_unix(time_t t)
{
	return (civic_time)t + CIVIC_CALENDAR_UTC_OFFSET;
}

civic_time
civic_calendar_now(void)
{
	return civic_calendar_from_unix(time(NULL));
}

/* The last second of day. */
static civic_time
calendar_end(civic_day day)
{
	return civic_calendar_time(day, 23, 59, 59);
}

static int
calendar_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
calendar_month_days(int y, int m)
{
	static const int	 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && calendar_leap(y) ? 29 : days[m - 1];
}

/* n ASCII digits at s as a number, or -1. */
static int
calendar_digits(const char *s, size_t n)
{
	size_t	 i;
	int	 v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The date in the first 10 bytes of s, whatever follows them. */
static enum civic_err
calendar_parse_date10(const char *s, civic_day *out)
{
	int	 y, m, d;

	if (s[4] != '-' || s[7] != '-')
		return CIVIC_ERR_INVALID;
	y = calendar_digits(s, 4);
	m = calendar_digits(s + 5, 2);
	d = calendar_digits(s + 8, 2);
	if (y < CIVIC_CALENDAR_MIN_YEAR || y > CIVIC_CALENDAR_MAX_YEAR ||
	    m < 1 || m > 12 || d < 1 || d > calendar_month_days(y, m))
		return CIVIC_ERR_INVALID;
	*out = civic_calendar_from_civil(y, m, d);
	return CIVIC_OK;
}

enum civic_err
civic_calendar_parse_date(const char *s, civic_day *out)
{
	if (s == NULL || strlen(s) != 10)
		return CIVIC_ERR_INVALID;
	return calendar_parse_date10(s, out);
}

enum civic_err
civic_calendar_parse_time(const char *s, civic_time *out)
{
	civic_day	 day;
	int		 h, m, sec;

	if (s == NULL || strlen(s) != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return CIVIC_ERR_INVALID;
	h = calendar_digits(s + 11, 2);
	m = calendar_digits(s + 14, 2);
	sec = calendar_digits(s + 17, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 ||
	    calendar_parse_date10(s, &day) != CIVIC_OK)
		return CIVIC_ERR_INVALID;
	*out = civic_calendar_time(day, h, m, sec);
	return CIVIC_OK;
}

char *
civic_calendar_format_date(civic_day day, char *buf)
{
	int	 y, m, d;

	civic_calendar_to_civil(day, &y, &m, &d);
	snprintf(buf, CIVIC_CALENDAR_DATE_LEN, "%04d-%02d-%02d", y, m, d);
	return buf;
}

char *
civic_calendar_format_time(civic_time t, char *buf)
{
	civic_day	 day = civic_calendar_day_of(t);
	unsigned	 s = (unsigned)(t - (civic_time)day * CIVIC_CALENDAR_DAY_SECS);
	int		 y, m, d;

	civic_calendar_to_civil(day, &y, &m, &d);
	/* The reductions tell the compiler the widths; s is below a day anyway. */
	snprintf(buf, CIVIC_CALENDAR_TIME_LEN, "%04d-%02d-%02d %02u:%02u:%02u",
	    y, m, d, s / 3600 % 24, s / 60 % 60, s % 60);
	return buf;
}

enum civic_err
civic_calendar_from_days(const struct civic_calendar_day *days, size_t n,
    int first_year, int last_year, struct civic_calendar *cal)
{
	civic_day	 lo, hi;
	size_t		 i;

	if (first_year < CIVIC_CALENDAR_MIN_YEAR || last_year > CIVIC_CALENDAR_MAX_YEAR ||
	    first_year > last_year || last_year - first_year >= CIVIC_CALENDAR_MAX_YEARS ||
	    (n > 0 && days == NULL))
		return CIVIC_ERR_INVALID;
	lo = civic_calendar_from_civil(first_year, 1, 1);
	hi = civic_calendar_from_civil(last_year, 12, 31);
	for (i = 0; i < n; i++) {
		if (days[i].day < lo || days[i].day > hi ||
		    (i > 0 && days[i].day <= days[i - 1].day) ||
		    (days[i].kind != CIVIC_CALENDAR_HOLIDAY &&
		    days[i].kind != CIVIC_CALENDAR_WORKDAY))
			return CIVIC_ERR_INVALID;
	}
	cal->days = days;
	cal->ndays = n;
	cal->first_year = first_year;
	cal->last_year = last_year;
	return CIVIC_OK;
}

enum civic_err
civic_calendar_load(struct civic_db *db, struct civic_arena *a, int first_year,
    int last_year, struct civic_calendar *cal)
{
	static const char	 sql[] = "SELECT day, kind, name FROM calendar_day"
				    " WHERE day BETWEEN ? AND ? ORDER BY day";
	struct civic_calendar_day *days = NULL;
	struct civic_param	 p[2];
	struct civic_rows	 rows;
	char			 lo[CIVIC_CALENDAR_DATE_LEN], hi[CIVIC_CALENDAR_DATE_LEN];
	const char		*kind;
	size_t			 i;
	enum civic_err		 err = CIVIC_ERR_INVALID;

	if (first_year < CIVIC_CALENDAR_MIN_YEAR || last_year > CIVIC_CALENDAR_MAX_YEAR ||
	    first_year > last_year || last_year - first_year >= CIVIC_CALENDAR_MAX_YEARS)
		goto out;
	civic_calendar_format_date(civic_calendar_from_civil(first_year, 1, 1), lo);
	civic_calendar_format_date(civic_calendar_from_civil(last_year, 12, 31), hi);
	p[0] = CIVIC_PTEXTN(lo, strlen(lo));
	p[1] = CIVIC_PTEXTN(hi, strlen(hi));
	/* No year has more than 366 days, so more rows than that is corruption. */
	if ((err = civic_db_query(db, a, sql, p, 2,
	    (size_t)(last_year - first_year + 1) * 366, &rows)) != CIVIC_OK)
		goto out;
	err = CIVIC_ERR_NOMEM;
	if (rows.nrows > 0 &&
	    (days = civic_arena_alloc(a, rows.nrows * sizeof(*days))) == NULL)
		goto out;
	err = CIVIC_ERR_DB;
	for (i = 0; i < rows.nrows; i++) {
		kind = civic_rows_get(&rows, i, "kind");
		if (civic_calendar_parse_date(civic_rows_get(&rows, i, "day"),
		    &days[i].day) != CIVIC_OK || kind == NULL)
			goto out;
		if (strcmp(kind, "holiday") == 0)
			days[i].kind = CIVIC_CALENDAR_HOLIDAY;
		else if (strcmp(kind, "workday") == 0)
			days[i].kind = CIVIC_CALENDAR_WORKDAY;
		else
			goto out;
		days[i].name = civic_rows_get(&rows, i, "name");
	}
	err = civic_calendar_from_days(days, rows.nrows, first_year, last_year, cal);
	if (err != CIVIC_OK)
		err = CIVIC_ERR_DB;
out:
	return err;
}

/* The index of the first special day on or after day (ndays if none). */
static size_t
calendar_lower(const struct civic_calendar *cal, civic_day day)
{
	size_t	 lo = 0, hi = cal->ndays, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
civic_calendar_covers(const struct civic_calendar *cal, int year)
{
	size_t	 i;

	if (year < cal->first_year || year > cal->last_year)
		return 0;
	i = calendar_lower(cal, civic_calendar_from_civil(year, 1, 1));
	return i < cal->ndays && cal->days[i].day < civic_calendar_from_civil(year + 1, 1, 1);
}

const struct civic_calendar_day *
civic_calendar_find(const struct civic_calendar *cal, civic_day day)
{
	size_t	 i = calendar_lower(cal, day);

	return i < cal->ndays && cal->days[i].day == day ? &cal->days[i] : NULL;
}

int
civic_calendar_is_workday(const struct civic_calendar *cal, civic_day day)
{
	const struct civic_calendar_day	*sp;
	int				 wd;

	if (day < civic_calendar_from_civil(cal->first_year, 1, 1) ||
	    day > civic_calendar_from_civil(cal->last_year, 12, 31))
		return -1;
	if ((sp = civic_calendar_find(cal, day)) != NULL)
		return sp->kind == CIVIC_CALENDAR_WORKDAY;
	wd = civic_calendar_weekday(day);
	return wd >= 1 && wd <= 5;
}

/*
 * 1 when the clock stood still at some moment of day.  A pause covers the
 * days from the one it began on to the one it ended on, both included: a
 * pause of an hour takes the whole day, as the office can't be asked to
 * finish in what was left of it, and the day of the resumption is like
 * the day a case arrives, which never counts either.
 */
static int
calendar_paused(const struct civic_pause *p, size_t np, civic_time now, civic_day day)
{
	civic_time	 to;
	size_t		 i;

	for (i = 0; i < np; i++) {
		to = p[i].to == CIVIC_CALENDAR_OPEN ? (now > p[i].from ? now : p[i].from) :
		    p[i].to;
		if (civic_calendar_day_of(p[i].from) <= day && day <= civic_calendar_day_of(to))
			return 1;
	}
	return 0;
}

/*
 * The n-th counted day after from (a counted day: a working day on which
 * the clock ran), or for n = 0 the first counted day on or after from.
 */
static enum civic_err
calendar_count(const struct civic_calendar *cal, civic_day from, int n,
    const struct civic_pause *p, size_t np, civic_time now, civic_day *out)
{
	civic_day	 day = n > 0 ? from + 1 : from;
	int		 w, counted = 0;
	enum civic_err	 err = CIVIC_ERR_NOTFOUND;

	for (;; day++) {
		if ((w = civic_calendar_is_workday(cal, day)) < 0)
			goto out;
		if (w && !calendar_paused(p, np, now, day) && ++counted >= n)
			break;
	}
	*out = day;
	err = CIVIC_OK;
out:
	return err;
}

enum civic_err
civic_calendar_add_working_days(const struct civic_calendar *cal, civic_time start,
    int n, civic_time *due)
{
	civic_day	 day;
	enum civic_err	 err = CIVIC_ERR_INVALID;

	if (n < 0)
		goto out;
	err = CIVIC_ERR_TOOBIG;
	if (n > CIVIC_CALENDAR_MAX_DAYS)
		goto out;
	if ((err = calendar_count(cal, civic_calendar_day_of(start), n, NULL, 0, 0,
	    &day)) != CIVIC_OK)
		goto out;
	*due = calendar_end(day);
out:
	return err;
}

static int
calendar_hours_valid(const struct civic_office_hours *oh)
{
	size_t	 i;

	if (oh->nperiods == 0 || oh->periods == NULL)
		return 0;
	for (i = 0; i < oh->nperiods; i++) {
		if (oh->periods[i].open < 0 ||
		    oh->periods[i].open >= oh->periods[i].close ||
		    oh->periods[i].close > CIVIC_CALENDAR_DAY_SECS ||
		    (i > 0 && oh->periods[i].open < oh->periods[i - 1].close))
			return 0;
	}
	return 1;
}

enum civic_err
civic_calendar_add_working_minutes(const struct civic_calendar *cal,
    const struct civic_office_hours *oh, civic_time start, int min, civic_time *due)
{
	civic_day	 day;
	long long	 left, from, avail;
	size_t		 i;
	int		 w;
	enum civic_err	 err = CIVIC_ERR_INVALID;

	if (oh == NULL)
		oh = &civic_calendar_office_hours;
	if (min < 0 || !calendar_hours_valid(oh))
		goto out;
	err = CIVIC_ERR_TOOBIG;
	if (min > CIVIC_CALENDAR_MAX_HOURS * 60)
		goto out;
	err = CIVIC_OK;
	if (min == 0) {
		*due = start;
		goto out;
	}
	left = (long long)min * 60;
	day = civic_calendar_day_of(start);
	from = start - (civic_time)day * CIVIC_CALENDAR_DAY_SECS;
	for (;; day++, from = 0) {
		if ((w = civic_calendar_is_workday(cal, day)) < 0) {
			err = CIVIC_ERR_NOTFOUND;
			goto out;
		}
		for (i = 0; w && i < oh->nperiods; i++) {
			if (from < oh->periods[i].open)
				from = oh->periods[i].open;
			if (from >= oh->periods[i].close)
				continue;
			avail = oh->periods[i].close - from;
			if (left <= avail) {
				*due = (civic_time)day * CIVIC_CALENDAR_DAY_SECS + from + left;
				goto out;
			}
			left -= avail;
			from = oh->periods[i].close;
		}
	}
out:
	return err;
}

enum civic_err
civic_calendar_add_working_hours(const struct civic_calendar *cal,
    const struct civic_office_hours *oh, civic_time start, int h, civic_time *due)
{
	/*
	 * h * 60 could overflow an int: a count beyond the bound goes on as
	 * one minute past it, a negative one as -1, which the minutes refuse
	 * as they would have refused the hours.
	 */
	if (h > CIVIC_CALENDAR_MAX_HOURS)
		h = CIVIC_CALENDAR_MAX_HOURS * 60 + 1;
	else if (h < 0)
		h = -1;
	else
		h *= 60;
	return civic_calendar_add_working_minutes(cal, oh, start, h, due);
}

int
civic_calendar_in_hours(const struct civic_calendar *cal,
    const struct civic_office_hours *oh, civic_time t)
{
	civic_day	 day = civic_calendar_day_of(t);
	long		 s = (long)(t - (civic_time)day * CIVIC_CALENDAR_DAY_SECS);
	size_t		 i;
	int		 in = -1;

	if (oh == NULL)
		oh = &civic_calendar_office_hours;
	if (!calendar_hours_valid(oh) || (in = civic_calendar_is_workday(cal, day)) <= 0)
		goto out;
	in = 0;
	for (i = 0; i < oh->nperiods && !in; i++)
		in = oh->periods[i].open <= s && s < oh->periods[i].close;
out:
	return in;
}

/*
 * Reading office hours from text.  Each helper gives the bytes the thing
 * it looks for takes at s, or 0 when s does not begin with it; they read
 * no further than a mismatch, so never past the NUL.
 */

/* One of the strings in list (NULL-terminated) at s. */
static size_t
calendar_one_of(const char *s, const char *const *list)
{
	size_t	 i, n = 0;

	for (i = 0; list[i] != NULL && n == 0; i++)
		if (strncmp(s, list[i], strlen(list[i])) == 0)
			n = strlen(list[i]);
	return n;
}

/*
 * H:MM or HH:MM at s, not followed by a digit, as *h and *m whatever
 * their values: an impossible time is the caller's to refuse, not text to
 * pass over.
 */
static size_t
calendar_clock(const char *s, int *h, int *m)
{
	static const char *const colons[] = { ":", "：", NULL };
	size_t	 nh, nc, n = 0;

	for (nh = 0; nh < 2 && s[nh] >= '0' && s[nh] <= '9'; nh++)
		;
	if (nh == 0 || (nc = calendar_one_of(s + nh, colons)) == 0 ||
	    (*h = calendar_digits(s, nh)) < 0 ||
	    (*m = calendar_digits(s + nh + nc, 2)) < 0 ||
	    (s[nh + nc + 2] >= '0' && s[nh + nc + 2] <= '9'))
		goto out;
	n = nh + nc + 2;
out:
	return n;
}

/* A range "OPEN DASH CLOSE" at s, into hm[0..3] (open h, m, close h, m). */
static size_t
calendar_range(const char *s, int hm[4])
{
	static const char *const dashes[] = { "-", "–", "~", "～", "至", "到", NULL };
	/* Spaces around the dash: ASCII, a tab, the ideographic space (invisible). */
	static const char *const spaces[] = { " ", "\t", "\u3000", NULL };
	size_t	 n, k;

	if ((n = calendar_clock(s, &hm[0], &hm[1])) == 0)
		goto out;
	while ((k = calendar_one_of(s + n, spaces)) > 0)
		n += k;
	if ((k = calendar_one_of(s + n, dashes)) == 0) {
		n = 0;
		goto out;
	}
	n += k;
	while ((k = calendar_one_of(s + n, spaces)) > 0)
		n += k;
	if ((k = calendar_clock(s + n, &hm[2], &hm[3])) == 0) {
		n = 0;
		goto out;
	}
	n += k;
out:
	return n;
}

enum civic_err
civic_calendar_parse_hours(struct civic_arena *a, const char *text,
    struct civic_office_hours *out)
{
	struct civic_office_period	 p[CIVIC_CALENDAR_MAX_PERIODS], *copy;
	struct civic_office_hours	 oh = { p, 0 };
	const char			*s;
	size_t				 n;
	int				 hm[4];
	enum civic_err			 err = CIVIC_ERR_NOTFOUND;

	for (s = text; s != NULL && *s != '\0'; s += n > 0 ? n : 1) {
		/* A range begins at a number's first digit: "123:00-..." holds none. */
		n = s > text && s[-1] >= '0' && s[-1] <= '9' ? 0 : calendar_range(s, hm);
		if (n == 0)
			continue;
		if (oh.nperiods == CIVIC_CALENDAR_MAX_PERIODS) {
			err = CIVIC_ERR_TOOBIG;
			goto out;
		}
		/* Minutes to 59, hours to 23; a close, and only a close, may be 24:00. */
		if (hm[0] > 23 || hm[1] > 59 || hm[3] > 59 ||
		    hm[2] > 24 || (hm[2] == 24 && hm[3] != 0)) {
			err = CIVIC_ERR_INVALID;
			goto out;
		}
		p[oh.nperiods].open = hm[0] * 3600L + hm[1] * 60L;
		p[oh.nperiods].close = hm[2] * 3600L + hm[3] * 60L;
		oh.nperiods++;
	}
	if (oh.nperiods == 0)
		goto out;
	err = CIVIC_ERR_INVALID;
	if (!calendar_hours_valid(&oh))
		goto out;
	err = CIVIC_ERR_NOMEM;
	if ((copy = civic_arena_alloc(a, oh.nperiods * sizeof(*copy))) == NULL)
		goto out;
	memcpy(copy, p, oh.nperiods * sizeof(*copy));
	out->periods = copy;
	out->nperiods = oh.nperiods;
	err = CIVIC_OK;
out:
	return err;
}

enum civic_err
civic_calendar_clock(const struct civic_calendar *cal, const struct civic_clock *clk,
    civic_time now, struct civic_deadline *out)
{
	civic_day	 start, day;
	size_t		 i;
	int		 total, pct, warn_days;
	enum civic_err	 err = CIVIC_ERR_INVALID;

	pct = clk->warn_percent != 0 ? clk->warn_percent : CIVIC_CALENDAR_WARN_PERCENT;
	if (clk->limit_days < 0 || clk->extension_days < 0 || pct < 0 || pct > 100 ||
	    (clk->npauses > 0 && clk->pauses == NULL))
		goto out;
	for (i = 0; i < clk->npauses; i++)
		if (clk->pauses[i].to != CIVIC_CALENDAR_OPEN &&
		    clk->pauses[i].to < clk->pauses[i].from)
			goto out;
	err = CIVIC_ERR_TOOBIG;
	if (clk->limit_days > CIVIC_CALENDAR_MAX_DAYS ||
	    clk->extension_days > CIVIC_CALENDAR_MAX_DAYS - clk->limit_days)
		goto out;
	total = clk->limit_days + clk->extension_days;
	start = civic_calendar_day_of(clk->start);
	if ((err = calendar_count(cal, start, total, clk->pauses, clk->npauses, now,
	    &day)) != CIVIC_OK)
		goto out;
	out->due = calendar_end(day);

	/*
	 * The warning share in whole working days, rounded up so that it is
	 * never less than the share, and at least one.  Yellow starts when
	 * no more than that many counted days are left: just after the end
	 * of the (total - warn_days)-th, or from the start when the share is
	 * the whole limit (the day of arrival never counts).
	 */
	warn_days = (total * pct + 99) / 100;
	if (warn_days < 1)
		warn_days = 1;
	if (total - warn_days <= 0)
		out->warn = clk->start;
	else {
		if ((err = calendar_count(cal, start, total - warn_days, clk->pauses,
		    clk->npauses, now, &day)) != CIVIC_OK)
			goto out;
		out->warn = calendar_end(day) + 1;
	}
	out->light = civic_calendar_light(out, now);
out:
	return err;
}

enum civic_light
civic_calendar_light(const struct civic_deadline *dl, civic_time now)
{
	if (now > dl->due)
		return CIVIC_LIGHT_RED;
	if (now >= dl->warn)
		return CIVIC_LIGHT_YELLOW;
	return CIVIC_LIGHT_GREEN;
}

const char *
civic_calendar_light_name(enum civic_light l)
{
	if ((unsigned)l >= sizeof(calendar_light_names) / sizeof(calendar_light_names[0]))
		return NULL;
	return calendar_light_names[l];
}

enum civic_err
civic_calendar_due(struct civic_db *db, struct civic_arena *a, const char *start, int days,
    int ext, char due[CIVIC_CALENDAR_TIME_LEN], char warn[CIVIC_CALENDAR_TIME_LEN])
{
	struct civic_calendar	 cal;
	struct civic_deadline	 dl;
	struct civic_clock	 clk;
	civic_time		 t;
	int			 y, m, d;
	enum civic_err		 err;

	if ((err = civic_calendar_parse_time(start, &t)) != CIVIC_OK)
		goto out;
	/* Two years ahead: the longest limit with extensions fits in them. */
	civic_calendar_to_civil(civic_calendar_day_of(t), &y, &m, &d);
	if ((err = civic_calendar_load(db, a, y, y + 2, &cal)) != CIVIC_OK)
		goto out;
	memset(&clk, 0, sizeof(clk));
	clk.start = t;
	clk.limit_days = days;
	clk.extension_days = ext;
	if ((err = civic_calendar_clock(&cal, &clk, t, &dl)) != CIVIC_OK)
		goto out;
	civic_calendar_format_time(dl.due, due);
	civic_calendar_format_time(dl.warn, warn);
out:
	return err;
}

civic_time
civic_calendar_now_of(const struct civic_config *cfg, const char *key,
    char buf[CIVIC_CALENDAR_TIME_LEN])
{
	const char	*fixed = civic_config_get(cfg, key);
	civic_time	 t;

	if (fixed == NULL || fixed[0] == '\0' || civic_calendar_parse_time(fixed, &t) != CIVIC_OK)
		t = civic_calendar_now();
	civic_calendar_format_time(t, buf);
	return t;
}
