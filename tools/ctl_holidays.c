/*
 * ctl_holidays.c: civicctl import-holidays, which loads the State
 * Council's yearly holiday arrangement into calendar_day (format and
 * rules: doc/calendar.md; examples: examples/holidays/).
 *
 * Every line of every file is checked before the database is touched, and
 * every fault is reported as FILE:LINE, so that one run shows them all;
 * one fault and nothing is imported.  Then, in one transaction, the rows
 * of each year the files mention are deleted and the files' days
 * inserted: importing a corrected file replaces its year exactly, a
 * second import of the same file changes nothing, and a failure half-way
 * leaves the old rows.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "calendar.h"

/* Largest file read: a year is about forty lines, a decade a few kilobytes. */
#define HOLIDAYS_MAX_FILE	(1024u * 1024u)

/* Bytes in one line: a date, a kind and a name of 40 characters fit in 200. */
#define HOLIDAYS_MAX_LINE	256

/* Characters of a name: calendar_day.name is VARCHAR(40). */
#define HOLIDAYS_MAX_NAME	40

/*
 * Years a file may name: those of the date validator (valid.c).  The
 * calendar itself takes any four-digit year; a year outside these is a
 * typing mistake here.
 */
#define HOLIDAYS_MIN_YEAR	1900
#define HOLIDAYS_MAX_YEAR	2199

/* Faults reported before giving up on listing more. */
#define HOLIDAYS_MAX_ERRORS	50

struct holidays_day {
	civic_day		 day;
	const char		*kind;	/* "holiday" or "workday", as the column's ENUM */
	const char		*name;
	const char		*file;
	size_t			 argno;	/* its place on the command line */
	size_t			 line;
};

struct holidays {
	struct holidays_day	*days;
	size_t			 ndays;
	size_t			 cap;
	size_t			 nerrors;
	struct civic_db		*db;
	/* Per year, set by the transaction: rows it replaced. */
	unsigned long long	 replaced[HOLIDAYS_MAX_YEAR - HOLIDAYS_MIN_YEAR + 1];
};

static const char *const holidays_wday[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
};

static void	holidays_fault(struct holidays *, const char *file, size_t line,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
holidays_fault(struct holidays *h, const char *file, size_t line, const char *fmt, ...)
{
	va_list	 ap;

	if (++h->nerrors > HOLIDAYS_MAX_ERRORS)
		return;
	if (line > 0)
		fprintf(stderr, "%s:%zu: ", file, line);
	else
		fprintf(stderr, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The whole file, NUL-terminated, in the arena; *len its bytes. */
static char *
holidays_read(struct ctl *c, struct holidays *h, const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;

	if ((f = fopen(path, "r")) == NULL) {
		holidays_fault(h, path, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	if ((buf = civic_arena_alloc(c->arena, HOLIDAYS_MAX_FILE + 1)) == NULL) {
		holidays_fault(h, path, 0, "out of memory");
		goto out;
	}
	*len = fread(buf, 1, HOLIDAYS_MAX_FILE + 1, f);
	if (ferror(f)) {
		holidays_fault(h, path, 0, "cannot read: %s", strerror(errno));
		buf = NULL;
	} else if (*len > HOLIDAYS_MAX_FILE) {
		holidays_fault(h, path, 0, "larger than %u bytes", HOLIDAYS_MAX_FILE);
		buf = NULL;
	} else
		buf[*len] = '\0';
out:
	if (f != NULL)
		fclose(f);
	return buf;
}

static int
holidays_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/*
 * Checks one line (without its line end) and adds its day.  Faults are
 * reported and the line skipped, so that the next lines are checked too.
 */
static void
holidays_line(struct ctl *c, struct holidays *h, const char *file, size_t argno,
    size_t lineno, char *s, size_t len)
{
	struct holidays_day	*d;
	char			*date, *kind, *name, *p;
	size_t			 nlen;
	int			 wd;
	civic_day		 day;
	int			 y, m, dd;

	if (len > HOLIDAYS_MAX_LINE) {
		holidays_fault(h, file, lineno, "line longer than %d bytes", HOLIDAYS_MAX_LINE);
		return;
	}
	if (memchr(s, '\0', len) != NULL) {
		holidays_fault(h, file, lineno, "NUL byte");
		return;
	}
	if (!civic_utf8_valid(s, len)) {
		holidays_fault(h, file, lineno, "not valid UTF-8");
		return;
	}
	/* Files edited on Windows end their lines with CR LF. */
	while (len > 0 && (holidays_blank(s[len - 1]) || s[len - 1] == '\r'))
		s[--len] = '\0';
	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#')
		return;

	date = s;
	s += strcspn(s, " \t");
	if (*s != '\0')
		*s++ = '\0';
	s += strspn(s, " \t");
	kind = s;
	s += strcspn(s, " \t");
	if (*s != '\0')
		*s++ = '\0';
	name = s + strspn(s, " \t");
	if (*kind == '\0' || *name == '\0') {
		holidays_fault(h, file, lineno, "expected DATE KIND NAME, "
		    "e.g. 2026-02-16 holiday 春节");
		return;
	}
	if (civic_calendar_parse_date(date, &day) != CIVIC_OK) {
		holidays_fault(h, file, lineno, "'%s' is not a date (YYYY-MM-DD)", date);
		return;
	}
	civic_calendar_to_civil(day, &y, &m, &dd);
	if (y < HOLIDAYS_MIN_YEAR || y > HOLIDAYS_MAX_YEAR) {
		holidays_fault(h, file, lineno, "year %d outside %d..%d", y,
		    HOLIDAYS_MIN_YEAR, HOLIDAYS_MAX_YEAR);
		return;
	}
	if (strcmp(kind, "holiday") != 0 && strcmp(kind, "workday") != 0) {
		holidays_fault(h, file, lineno, "kind '%s': must be holiday or workday", kind);
		return;
	}
	wd = civic_calendar_weekday(day);
	if (strcmp(kind, "workday") == 0 && wd >= 1 && wd <= 5) {
		holidays_fault(h, file, lineno, "%s is a %s: only a Saturday or Sunday "
		    "can be an adjusted working day", date, holidays_wday[wd]);
		return;
	}
	nlen = strlen(name);
	for (p = name; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			holidays_fault(h, file, lineno, "control character in the name");
			return;
		}
		/* A name is the rest of the line: a '#' would be a comment kept by mistake. */
		if (*p == '#') {
			holidays_fault(h, file, lineno, "'#' in the name: a comment takes "
			    "a line of its own");
			return;
		}
	}
	if (civic_utf8_chars(name, nlen) > HOLIDAYS_MAX_NAME) {
		holidays_fault(h, file, lineno, "name longer than %d characters",
		    HOLIDAYS_MAX_NAME);
		return;
	}
	if (h->ndays == h->cap) {
		/* Can't happen: the capacity is the number of lines. */
		holidays_fault(h, file, lineno, "too many lines");
		return;
	}
	d = &h->days[h->ndays++];
	d->day = day;
	d->kind = kind[0] == 'h' ? "holiday" : "workday";
	d->file = file;
	d->argno = argno;
	d->line = lineno;
	if ((d->name = civic_arena_strndup(c->arena, name, nlen)) == NULL) {
		h->ndays--;
		holidays_fault(h, file, lineno, "out of memory");
	}
}

/* Checks a whole file and adds its days. */
static void
holidays_file(struct ctl *c, struct holidays *h, const char *path, size_t argno)
{
	struct holidays_day	*grown;
	char			*text, *line, *end;
	size_t			 len, lines, lineno = 0, before = h->ndays, errs = h->nerrors;

	if ((text = holidays_read(c, h, path, &len)) == NULL)
		return;
	/* Room for a day a line, since each line holds at most one. */
	lines = 1;
	for (line = text; (line = memchr(line, '\n', len - (size_t)(line - text))) != NULL;
	    line++)
		lines++;
	if ((grown = civic_arena_alloc(c->arena, (h->ndays + lines) * sizeof(*grown))) == NULL) {
		holidays_fault(h, path, 0, "out of memory");
		return;
	}
	if (h->ndays > 0)
		memcpy(grown, h->days, h->ndays * sizeof(*grown));
	h->days = grown;
	h->cap = h->ndays + lines;

	/* A byte-order mark, which Windows editors put first, is not text. */
	line = text;
	if (len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	while (line < text + len) {
		lineno++;
		if ((end = memchr(line, '\n', (size_t)(text + len - line))) == NULL)
			end = text + len;
		*end = '\0';
		holidays_line(c, h, path, argno, lineno, line, (size_t)(end - line));
		line = end + 1;
	}
	if (h->nerrors == errs && h->ndays == before)
		holidays_fault(h, path, 0, "no days in the file");
}

static int
holidays_cmp(const void *a, const void *b)
{
	const struct holidays_day	*x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	/* Ties in command-line and line order: a repeated day names its first place. */
	if (x->argno != y->argno)
		return x->argno < y->argno ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
holidays_year(civic_day day)
{
	int	 y, m, d;

	civic_calendar_to_civil(day, &y, &m, &d);
	return y;
}

/*
 * The transaction: for each year, delete its rows, then insert the
 * files' days.  It keeps nothing between attempts but the counts, which
 * it sets afresh.
 */
static enum civic_err
holidays_tx(void *arg)
{
	struct holidays		*h = arg;
	struct civic_param	 p[3];
	char			 lo[CIVIC_CALENDAR_DATE_LEN], hi[CIVIC_CALENDAR_DATE_LEN];
	char			 date[CIVIC_CALENDAR_DATE_LEN];
	size_t			 i;
	int			 y, prev = 0;
	enum civic_err		 err = CIVIC_OK;

	memset(h->replaced, 0, sizeof(h->replaced));
	for (i = 0; i < h->ndays; i++) {
		if ((y = holidays_year(h->days[i].day)) == prev)
			continue;
		prev = y;
		civic_calendar_format_date(civic_calendar_from_civil(y, 1, 1), lo);
		civic_calendar_format_date(civic_calendar_from_civil(y, 12, 31), hi);
		p[0] = CIVIC_PTEXTN(lo, strlen(lo));
		p[1] = CIVIC_PTEXTN(hi, strlen(hi));
		if ((err = civic_db_exec(h->db, "DELETE FROM calendar_day"
		    " WHERE day BETWEEN ? AND ?", p, 2,
		    &h->replaced[y - HOLIDAYS_MIN_YEAR], NULL)) != CIVIC_OK)
			goto out;
	}
	for (i = 0; i < h->ndays; i++) {
		civic_calendar_format_date(h->days[i].day, date);
		p[0] = CIVIC_PTEXTN(date, strlen(date));
		p[1] = CIVIC_PTEXT(h->days[i].kind);
		p[2] = CIVIC_PTEXT(h->days[i].name);
		if ((err = civic_db_exec(h->db, "INSERT INTO calendar_day (day, kind, name)"
		    " VALUES (?, ?, ?)", p, 3, NULL, NULL)) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}

/* One line a year: what was imported and what it replaced. */
static void
holidays_report(const struct holidays *h)
{
	size_t	 i, j, nh;
	int	 y;

	for (i = 0; i < h->ndays; i = j) {
		y = holidays_year(h->days[i].day);
		nh = 0;
		for (j = i; j < h->ndays && holidays_year(h->days[j].day) == y; j++)
			nh += h->days[j].kind[0] == 'h';
		printf("civicctl: %d: %zu days imported (%zu holidays, %zu workdays), "
		    "%llu replaced\n", y, j - i, nh, j - i - nh,
		    h->replaced[y - HOLIDAYS_MIN_YEAR]);
	}
}

int
ctl_import_holidays(struct ctl *c, int argc, char *argv[])
{
	struct holidays	*h;
	size_t		 i;
	int		 rc = 1;
	enum civic_err	 err;

	if (ctl_wants_help(argc, argv) || argc < 2) {
		printf("usage: civicctl [--config FILE] import-holidays FILE...\n"
		    "Replaces the holidays and adjusted working days of every year the\n"
		    "files name with theirs, in one transaction, after checking every line\n"
		    "(format: doc/calendar.md; examples: examples/holidays/).\n");
		return argc < 2 && !ctl_wants_help(argc, argv) ? 2 : 0;
	}
	if ((h = civic_arena_zalloc(c->arena, sizeof(*h))) == NULL)
		goto out;
	h->db = c->db;
	for (i = 1; i < (size_t)argc; i++)
		holidays_file(c, h, argv[i], i);
	/* The same day twice, in one file or in two, is a fault of the later line. */
	if (h->ndays > 1)
		qsort(h->days, h->ndays, sizeof(h->days[0]), holidays_cmp);
	for (i = 1; i < h->ndays; i++)
		if (h->days[i].day == h->days[i - 1].day)
			holidays_fault(h, h->days[i].file, h->days[i].line,
			    "the same day as %s:%zu", h->days[i - 1].file,
			    h->days[i - 1].line);
	if (h->nerrors > 0) {
		if (h->nerrors > HOLIDAYS_MAX_ERRORS)
			fprintf(stderr, "civicctl: %zu more faults not shown\n",
			    h->nerrors - HOLIDAYS_MAX_ERRORS);
		fprintf(stderr, "civicctl: %zu fault(s): nothing imported\n", h->nerrors);
		goto out;
	}
	if ((err = civic_db_tx(c->db, holidays_tx, h)) != CIVIC_OK) {
		fprintf(stderr, "civicctl: import failed, nothing changed: %s (%s)\n",
		    civic_strerror(err), civic_db_error(c->db));
		goto out;
	}
	holidays_report(h);
	rc = 0;
out:
	return rc;
}
