/*
 * note.c: handlers of the demonstration note board.
 *
 * Lists page by keyset (WHERE id < the last id shown), never by OFFSET,
 * so that a deep page costs what the first one does.  Only a note's title,
 * category, body and time are public; who wrote it and how to reach them
 * stay in the database.
 */
#include <stdio.h>
#include <string.h>

#include "note.h"
#include "notify.h"

const char *const demo_note_categories[] = { "咨询", "建议", "求助", "其他", NULL };

int
demo_note_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, title, category, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created "
	    "FROM demo_note WHERE id < ? ORDER BY id DESC LIMIT ?";
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	st = civic_page_list(r, "notes", "note", "id", sql, p, 2);
	return st != 0 ? st : 200;
}

int
demo_note_form(struct civic_req *r)
{
	xmlNodePtr	 cats = civic_page_add(r, NULL, "categories", NULL);
	size_t		 i;

	for (i = 0; demo_note_categories[i] != NULL; i++)
		civic_page_add(r, cats, "category", demo_note_categories[i]);
	return 200;
}

struct demo_note_new {
	struct civic_req	*r;
};

static enum civic_err
demo_note_insert(void *arg)
{
	static const char	 sql[] =
	    "INSERT INTO demo_note (title, category, body, name, mobile, email, idcard, "
	    "visit_date, file_name, file_type, file_data) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct demo_note_new	*n = arg;
	struct civic_req	*r = n->r;
	const struct civic_file	*f = civic_req_file(r, "attachment");
	unsigned long long	 id;
	struct civic_param	 p[] = {
		CIVIC_PTEXT(civic_req_value(r, "title")),
		CIVIC_PTEXT(civic_req_value(r, "category")),
		CIVIC_PTEXT(civic_req_value(r, "body")),
		CIVIC_PTEXT(civic_req_value(r, "name")),
		CIVIC_PTEXT(civic_req_value(r, "mobile")),
		CIVIC_PTEXT(civic_req_value(r, "email")),
		CIVIC_PTEXT(civic_req_value(r, "idcard")),
		CIVIC_PTEXT(civic_req_value(r, "visit_date")),
		f != NULL ? CIVIC_PTEXT(f->filename) : CIVIC_PNULL,
		f != NULL ? CIVIC_PTEXT(civic_valid_filetype(f->data, f->len)) : CIVIC_PNULL,
		f != NULL ? CIVIC_PBLOB(f->data, f->len) : CIVIC_PNULL,
	};
	enum civic_err		 err;
	char			 ids[24];

	if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, &id)) != CIVIC_OK)
		return err;
	/* The writer is told by SMS, in the same transaction as the note. */
	snprintf(ids, sizeof(ids), "%llu", id);
	{
		struct civic_notify_param np[] = { { "id", ids },
		    { "title", civic_req_value(r, "title") } };

		if ((err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS,
		    civic_req_value(r, "mobile"), "demo.note.created", r->lang, np, 2)) !=
		    CIVIC_OK)
			return err;
	}
	return civic_req_redirect(r, "/m/%llu", id) == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
}

int
demo_note_create(struct civic_req *r)
{
	struct demo_note_new	 n = { r };
	enum civic_err		 err;

	/* Acknowledged (by the redirect) only once the commit went through. */
	if ((err = civic_req_tx(r, demo_note_insert, &n)) != CIVIC_OK)
		return civic_req_status(err);
	return 303;
}

int
demo_note_show(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, title, category, body, "
	    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created, "
	    "file_name, file_type, LENGTH(file_data) AS file_size "
	    "FROM demo_note WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	xmlNodePtr		 note;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	note = civic_page_add(r, NULL, "note", NULL);
	civic_page_add(r, note, "id", civic_rows_get(&rows, 0, "id"));
	civic_page_add(r, note, "title", civic_rows_get(&rows, 0, "title"));
	civic_page_add(r, note, "category", civic_rows_get(&rows, 0, "category"));
	civic_page_add(r, note, "body", civic_rows_get(&rows, 0, "body"));
	civic_page_add(r, note, "created", civic_rows_get(&rows, 0, "created"));
	if (civic_rows_get(&rows, 0, "file_name") != NULL) {
		xmlNodePtr a = civic_page_add(r, note, "attachment", NULL);

		civic_page_attr(a, "name", civic_rows_get(&rows, 0, "file_name"));
		civic_page_attr(a, "type", civic_rows_get(&rows, 0, "file_type"));
		civic_page_attr(a, "size", civic_rows_get(&rows, 0, "file_size"));
	}
	return 200;
}

int
demo_note_file(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT file_name, file_type, file_data FROM demo_note "
	    "WHERE id = ? AND file_data IS NOT NULL";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	const char		*type, *disp;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	type = rows.cell[1];
	/*
	 * Always a download, never shown inline, and the name sent in its
	 * RFC 5987 form, which keeps Chinese names intact and can't break
	 * out of the header.
	 */
	if ((disp = civic_arena_printf(r->arena, "attachment; filename=\"download\"; "
	    "filename*=UTF-8''%s", civic_url_escape(r->arena, rows.cell[0]))) == NULL)
		return 500;
	if (civic_req_header(r, "Content-Type", type) != CIVIC_OK ||
	    civic_req_header(r, "Content-Disposition", disp) != CIVIC_OK)
		return 500;
	r->body = rows.cell[2];
	r->bodylen = rows.len[2];
	return 200;
}
