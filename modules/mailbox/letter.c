/*
 * letter.c: what the parts of the mailbox share (mailbox.h).
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"
#include "worker.h"

const char *const mailbox_types[] = { "consult", "complaint", "suggest", "help", NULL };

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
	return civic_calendar_due(r->db, r->arena, start, days, extension, due, warn);
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

/* The letter's attachments, inside its transaction. */
static enum civic_err
letter_files(struct civic_req *r, const struct mailbox_new *n)
{
	static const char	 sql[] =
	    "INSERT INTO mailbox_attachment (letter_id, name, type, size, data) "
	    "VALUES (?, ?, ?, ?, ?)";
	const struct civic_file	*f;
	size_t			 i;
	enum civic_err		 err = CIVIC_OK;

	for (i = 0; i < CIVIC_NITEMS(n->files) && err == CIVIC_OK; i++) {
		if ((f = n->files[i]) == NULL)
			continue;
		{
			struct civic_param p[] = { CIVIC_PINT(n->id), CIVIC_PTEXT(f->filename),
			    CIVIC_PTEXT(civic_valid_filetype(f->data, f->len)),
			    CIVIC_PINT(f->len), CIVIC_PBLOB(f->data, f->len) };

			err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, NULL);
		}
	}
	return err;
}

enum civic_err
mailbox_letter_create(struct civic_req *r, struct mailbox_new *n)
{
	static const char	 sql[] =
	    "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, "
	    "department_id, subject, body, name, mobile, email, agree_public, address, "
	    "created_at, due_at, warn_at) "
	    "SELECT ?, ?, ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM mailbox_category c "
	    "WHERE c.id = ? AND c.active = 1 "
	    "AND (? IS NULL OR EXISTS (SELECT 1 FROM department d WHERE d.id = ?))";
	unsigned char		 hash[CIVIC_TRACKING_HASH_LEN];
	char			 now[CIVIC_CALENDAR_TIME_LEN], due[CIVIC_CALENDAR_TIME_LEN];
	char			 warn[CIVIC_CALENDAR_TIME_LEN];
	unsigned long long	 id = 0, affected = 0;
	enum civic_err		 err;

	n->id = 0;
	civic_calendar_format_time(civic_calendar_now(), now);
	if ((err = civic_tracking_next(r->db, MAILBOX_PREFIX, n->tracking_no)) != CIVIC_OK)
		goto out;
	if ((n->code = civic_tracking_code(r->arena, hash)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	if ((err = mailbox_deadline(r, now, (int)civic_config_int(r->worker->cfg,
	    "mailbox.accept_days"), 0, due, warn)) != CIVIC_OK)
		goto out;
	{
		struct civic_param	 dept = n->department > 0 ? CIVIC_PINT(n->department) :
					    CIVIC_PNULL;
		struct civic_param	 p[] = {
			CIVIC_PTEXTN(n->tracking_no, strlen(n->tracking_no)),
			CIVIC_PBLOB(hash, sizeof(hash)), CIVIC_PTEXT(n->type), dept,
			CIVIC_PTEXT(n->subject), CIVIC_PTEXT(n->body), CIVIC_PTEXT(n->name),
			CIVIC_PTEXT(n->mobile), CIVIC_PTEXT(n->email),
			CIVIC_PINT(n->agree_public ? 1 : 0), CIVIC_PTEXT(r->remote_addr),
			CIVIC_PTEXTN(now, strlen(now)), CIVIC_PTEXTN(due, strlen(due)),
			CIVIC_PTEXTN(warn, strlen(warn)), CIVIC_PINT(n->category), dept, dept
		};

		if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), &affected, &id)) !=
		    CIVIC_OK)
			goto out;
	}
	/* No such category or department: a form that was tampered with, or stale. */
	if (affected != 1) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	n->id = (long long)id;
	if ((err = letter_files(r, n)) != CIVIC_OK ||
	    (err = mailbox_event(r, n->id, "received", 0, NULL, 1)) != CIVIC_OK)
		goto out;
	{
		struct civic_notify_param np[] = { { "no", n->tracking_no },
		    { "subject", n->subject }, { "code", n->code } };

		if ((err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, n->mobile,
		    "mailbox.received", r->lang, np, CIVIC_NITEMS(np))) != CIVIC_OK)
			goto out;
		if (n->email != NULL && (err = civic_notify_enqueue(r->db, r->arena,
		    CIVIC_NOTIFY_EMAIL, n->email, "mailbox.received", r->lang, np,
		    CIVIC_NITEMS(np))) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}
