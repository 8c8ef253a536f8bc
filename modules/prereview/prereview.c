/*
 * prereview.c: what the pre-review's parts share (prereview.h): its clock,
 * the deadlines of an application's reviews, its events, the guide's
 * search index.
 *
 * Every time the pre-review writes (an application's arrival, a pause's
 * start and end, a decision) is pr_now()'s, passed as a parameter, not the
 * database's NOW(): with prereview.now fixed, a test tells a whole story
 * (arrival, correction, a week's wait, resubmission) on one consistent
 * clock, and the deadlines computed from those times are what a person
 * would count on a calendar.
 */
#include <stdlib.h>
#include <string.h>

#include "prereview.h"
#include "worker.h"

/* Pauses one application may have: one a correction round (review.c stops at the bound). */
#define PR_MAX_PAUSES	PR_MAX_ROUNDS

const struct civic_search pr_index = {
	.text = "SELECT CONCAT_WS(' ', i.code, i.name, i.kind, i.conditions, "
	    "(SELECT GROUP_CONCAT(m.name SEPARATOR ' ') FROM pr_material m "
	    "WHERE m.item_id = i.id)) FROM pr_item i WHERE i.id = ? AND i.active = 1",
	.del = "DELETE FROM pr_item_gram WHERE item_id = ?",
	.put = "INSERT IGNORE INTO pr_item_gram (gram, item_id) VALUES " CIVIC_SEARCH_ROWS,
};

const char *const pr_review_lights[] = { "green", "yellow", "red", "paused", NULL };

const char *
pr_cut(struct civic_arena *a, const char *s, size_t max)
{
	const char	*cut = s;

	if (strlen(s) > max) {
		while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
			max--;
		cut = civic_arena_printf(a, "%.*s…", (int)max, s);
	}
	return cut;
}

int
pr_is_choice(const char *choices, const char *value)
{
	size_t		 len = strlen(value);
	const char	*p = choices, *e;
	int		 found = 0;

	while (!found && p != NULL && *p != '\0') {
		e = strchr(p, '|');
		found = (size_t)(e != NULL ? e - p : (long)strlen(p)) == len &&
		    strncmp(p, value, len) == 0;
		p = e != NULL ? e + 1 : NULL;
	}
	return found;
}

civic_time
pr_now(const struct civic_req *r, char buf[CIVIC_CALENDAR_TIME_LEN])
{
	return civic_calendar_now_of(r->worker->cfg, "prereview.now", buf);
}

enum civic_err
pr_clock_store(struct civic_req *r, long long app)
{
	struct civic_param	 p[] = { CIVIC_PINT(app) };
	struct civic_rows	 a, ps, rv;
	struct civic_pause	 pauses[PR_MAX_PAUSES];
	struct civic_calendar	 cal;
	struct civic_clock	 clk;
	struct civic_deadline	 dl;
	char			 nowbuf[CIVIC_CALENDAR_TIME_LEN];
	char			 due[CIVIC_CALENDAR_TIME_LEN], warn[CIVIC_CALENDAR_TIME_LEN];
	civic_time		 now = pr_now(r, nowbuf), start;
	size_t			 i;
	int			 y0, y1, m, d;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, "SELECT " PR_TIME("created_at")
	    " FROM pr_application WHERE id = ?", p, 1, 1, &a)) != CIVIC_OK)
		goto out;
	err = CIVIC_ERR_NOTFOUND;
	if (a.nrows == 0 || civic_calendar_parse_time(a.cell[0], &start) != CIVIC_OK)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, "SELECT " PR_TIME("started_at") ", "
	    PR_TIME("ended_at") " FROM pr_pause WHERE application_id = ? ORDER BY id", p, 1,
	    PR_MAX_PAUSES, &ps)) != CIVIC_OK)
		goto out;
	for (i = 0; i < ps.nrows; i++) {
		err = CIVIC_ERR_INVALID;
		if (civic_calendar_parse_time(ps.cell[i * 2], &pauses[i].from) != CIVIC_OK)
			goto out;
		pauses[i].to = CIVIC_CALENDAR_OPEN;
		if (ps.cell[i * 2 + 1] != NULL &&
		    civic_calendar_parse_time(ps.cell[i * 2 + 1], &pauses[i].to) != CIVIC_OK)
			goto out;
	}
	/*
	 * From the year it arrived to two years past now: the longest limit
	 * with extensions and pauses fits in them.  An application open for
	 * longer than the calendar's span is counted on its last years.
	 */
	civic_calendar_to_civil(civic_calendar_day_of(start), &y0, &m, &d);
	civic_calendar_to_civil(civic_calendar_day_of(now), &y1, &m, &d);
	if (y1 < y0)
		y1 = y0;
	if (y1 + 2 - y0 >= CIVIC_CALENDAR_MAX_YEARS) {
		/* Counted from the first day the calendar holds: long overdue either way. */
		y0 = y1 + 2 - CIVIC_CALENDAR_MAX_YEARS + 1;
		start = civic_calendar_time(civic_calendar_from_civil(y0, 1, 1), 0, 0, 0);
	}
	if ((err = civic_calendar_load(r->db, r->arena, y0, y1 + 2, &cal)) != CIVIC_OK)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, "SELECT id, days, extension_days "
	    "FROM pr_review WHERE application_id = ? AND state IN ('waiting', 'claimed') "
	    "ORDER BY id", p, 1, PR_MAX_REVIEWERS, &rv)) != CIVIC_OK)
		goto out;
	for (i = 0; i < rv.nrows; i++) {
		memset(&clk, 0, sizeof(clk));
		clk.start = start;
		clk.limit_days = atoi(rv.cell[i * 3 + 1]);
		clk.extension_days = atoi(rv.cell[i * 3 + 2]);
		clk.pauses = pauses;
		clk.npauses = ps.nrows;
		if ((err = civic_calendar_clock(&cal, &clk, now, &dl)) != CIVIC_OK)
			goto out;
		civic_calendar_format_time(dl.due, due);
		civic_calendar_format_time(dl.warn, warn);
		{
			struct civic_param q[] = {
				CIVIC_PTEXTN(due, strlen(due)), CIVIC_PTEXTN(warn, strlen(warn)),
				CIVIC_PINT(strtoll(rv.cell[i * 3], NULL, 10))
			};

			if ((err = civic_db_exec(r->db, "UPDATE pr_review SET due_at = ?, "
			    "warn_at = ? WHERE id = ?", q, CIVIC_NITEMS(q), NULL, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
	}
	{
		struct civic_param q[] = { CIVIC_PINT(app), CIVIC_PINT(app), CIVIC_PINT(app) };

		err = civic_db_exec(r->db, "UPDATE pr_application SET "
		    "due_at = (SELECT MAX(due_at) FROM pr_review WHERE application_id = ?), "
		    "warn_at = (SELECT MAX(warn_at) FROM pr_review WHERE application_id = ?) "
		    "WHERE id = ?", q, CIVIC_NITEMS(q), NULL, NULL);
	}
out:
	return err;
}

enum civic_err
pr_event(struct civic_req *r, long long app, const char *kind, long long round,
    long long department, const char *note, int public)
{
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[8];

	pr_now(r, now);
	if (note != NULL && (note = pr_cut(r->arena, note, PR_EVENT_NOTE_MAX)) == NULL)
		return CIVIC_ERR_NOMEM;
	p[0] = CIVIC_PINT(app);
	p[1] = CIVIC_PTEXTN(now, strlen(now));
	p[2] = CIVIC_PTEXT(kind);
	p[3] = CIVIC_PINT(round);
	p[4] = department > 0 ? CIVIC_PINT(department) : CIVIC_PNULL;
	p[5] = r->staff != NULL ? CIVIC_PINT(r->staff->id) : CIVIC_PNULL;
	p[6] = CIVIC_PTEXT(note);
	p[7] = CIVIC_PINT(public != 0);
	return civic_db_exec(r->db, "INSERT INTO pr_event (application_id, at, kind, round, "
	    "department_id, staff_id, note, public) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p,
	    CIVIC_NITEMS(p), NULL, NULL);
}
