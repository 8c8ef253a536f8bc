/*
 * letter.c: what the parts of the mailbox share (mailbox.h).
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"
#include "worker.h"

const char *const mailbox_types[] = { "consult", "complaint", "suggest", "help", NULL };
const char *const mailbox_ratings[] = { "5", "4", "3", "2", "1", NULL };

enum civic_err
mailbox_event(struct civic_req *r, long long letter, const char *kind, long long department,
    const char *note, int public)
{
	static const char	 sql[] =
	    "INSERT INTO mailbox_event (letter_id, at, kind, department_id, staff_id, note, "
	    "public) VALUES (?, NOW(), ?, ?, ?, ?, ?)";
	struct civic_param	 p[] = {
		CIVIC_PINT(letter), CIVIC_PTEXT(kind),
		department > 0 ? CIVIC_PINT(department) : CIVIC_PNULL,
		r->staff != NULL ? CIVIC_PINT(r->staff->id) : CIVIC_PNULL,
		CIVIC_PTEXT(note), CIVIC_PINT(public ? 1 : 0)
	};

	return civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, NULL);
}

int
mailbox_limit_days(const struct civic_req *r, const char *type)
{
	char	 key[48];

	snprintf(key, sizeof(key), "mailbox.limit_%s", type);
	return (int)civic_config_int(r->worker->cfg, key);
}

enum civic_err
mailbox_deadline(struct civic_req *r, const char *start, int days, int extension,
    char due[CIVIC_CALENDAR_TIME_LEN], char warn[CIVIC_CALENDAR_TIME_LEN])
{
	struct civic_calendar	 cal;
	struct civic_deadline	 dl;
	struct civic_clock	 clk;
	civic_time		 t;
	int			 y, m, d;
	enum civic_err		 err;

	if ((err = civic_calendar_parse_time(start, &t)) != CIVIC_OK)
		goto out;
	civic_calendar_to_civil(civic_calendar_day_of(t), &y, &m, &d);
	if ((err = civic_calendar_load(r->db, r->arena, y, y + 2, &cal)) != CIVIC_OK)
		goto out;
	memset(&clk, 0, sizeof(clk));
	clk.start = t;
	clk.limit_days = days;
	clk.extension_days = extension;
	if ((err = civic_calendar_clock(&cal, &clk, t, &dl)) != CIVIC_OK)
		goto out;
	civic_calendar_format_time(dl.due, due);
	civic_calendar_format_time(dl.warn, warn);
out:
	return err;
}

static int
letter_page_list(struct civic_req *r, const char *wrapper, const char *elem,
    const char *sql)
{
	struct civic_rows	 rows;
	xmlNodePtr		 list, e;
	size_t			 i;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, NULL, 0, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	list = civic_page_add(r, NULL, wrapper, NULL);
	for (i = 0; i < rows.nrows; i++) {
		e = civic_page_add(r, list, elem, NULL);
		civic_page_attr(e, "id", civic_rows_get(&rows, i, "id"));
		civic_page_attr(e, "name", civic_rows_get(&rows, i, "name"));
	}
	return 0;
}

int
mailbox_page_categories(struct civic_req *r)
{
	return letter_page_list(r, "categories", "category",
	    "SELECT id, name FROM mailbox_category WHERE active = 1 ORDER BY sort, id");
}

int
mailbox_page_departments(struct civic_req *r)
{
	return letter_page_list(r, "departments", "department",
	    "SELECT id, name FROM department ORDER BY code, id");
}
