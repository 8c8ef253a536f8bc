/*
 * catalogue.c: what the catalogue's parts share (catalogue.h): the search
 * index's statements and the index number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"

/*
 * The title and numbers first: the index keeps a document's first
 * CIVIC_SEARCH_PAIRS pairs (limits.h), so a long text can't push them out.
 */
const struct civic_search cat_index = {
	.text = "SELECT CONCAT_WS(' ', e.title, e.doc_no, e.index_no, e.keywords, e.summary, "
	    "IF(" CAT_OPEN("e") ", e.content, NULL)) FROM cat_entry e "
	    "WHERE e.id = ? AND " CAT_LISTED("e"),
	.del = "DELETE FROM cat_entry_gram WHERE entry_id = ?",
	.put = "INSERT IGNORE INTO cat_entry_gram (gram, entry_id) VALUES " CIVIC_SEARCH_ROWS,
};

/*
 * The number's parts: the body's code, the year, the sequence; 0 when s
 * is not of the form [0-9A-Z]{9}/YYYY-NNNNN with NNNNN above 00000.
 */
static int
cat_index_no_parse(const char *s, char code[CAT_ORG_CODE_LEN + 1], int *year, long long *seq)
{
	size_t	 i;

	if (strlen(s) != CAT_INDEX_NO_SIZE - 1)
		return 0;
	for (i = 0; i < CAT_INDEX_NO_SIZE - 1; i++) {
		char	 c = s[i];

		if (i < CAT_ORG_CODE_LEN) {
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
				return 0;
		} else if (i == CAT_ORG_CODE_LEN || i == CAT_ORG_CODE_LEN + 5) {
			if (c != (i == CAT_ORG_CODE_LEN ? '/' : '-'))
				return 0;
		} else if (c < '0' || c > '9')
			return 0;
	}
	memcpy(code, s, CAT_ORG_CODE_LEN);
	code[CAT_ORG_CODE_LEN] = '\0';
	*year = atoi(s + CAT_ORG_CODE_LEN + 1);
	*seq = strtoll(s + CAT_ORG_CODE_LEN + 6, NULL, 10);
	return *seq >= 1 && *year >= 1000;
}

enum civic_err
cat_index_no_assign(struct civic_db *db, long long id, int year, const char *given,
    char out[CAT_INDEX_NO_SIZE])
{
	static const char	 entry[] =
	    "SELECT e.body_id, e.index_no, b.org_code FROM cat_entry e "
	    "JOIN cat_body b ON b.department_id = e.body_id WHERE e.id = ? FOR UPDATE";
	/* Takes the row's lock (or makes the row) and moves it on by one: one statement. */
	static const char	 next[] =
	    "INSERT INTO cat_index_seq (body_id, year, next) VALUES (?, ?, 2) "
	    "ON DUPLICATE KEY UPDATE next = next + 1";
	static const char	 read[] =
	    "SELECT next - 1 FROM cat_index_seq WHERE body_id = ? AND year = ?";
	static const char	 past[] =
	    "INSERT INTO cat_index_seq (body_id, year, next) VALUES (?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE next = GREATEST(next, VALUES(next))";
	static const char	 taken[] = "SELECT id FROM cat_entry WHERE index_no = ? AND id <> ?";
	static const char	 set[] =
	    "UPDATE cat_entry SET index_no = ? WHERE id = ? AND index_no IS NULL";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_arena	*a = NULL;
	struct civic_rows	 rows;
	char			 code[CAT_ORG_CODE_LEN + 1], org[CAT_ORG_CODE_LEN + 1];
	long long		 body, seq;
	enum civic_err		 err;

	out[0] = '\0';
	if ((a = civic_arena_new()) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	if ((err = civic_db_query(db, a, entry, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	/* A number once given is the entry's for ever. */
	if (rows.cell[1] != NULL) {
		snprintf(out, CAT_INDEX_NO_SIZE, "%s", rows.cell[1]);
		goto out;
	}
	body = strtoll(rows.cell[0], NULL, 10);
	snprintf(org, sizeof(org), "%s", rows.cell[2]);
	if (given != NULL) {
		if (!cat_index_no_parse(given, code, &year, &seq) || strcmp(code, org) != 0) {
			err = CIVIC_ERR_INVALID;
			goto out;
		}
		{
			struct civic_param q[] = { CIVIC_PTEXT(given), CIVIC_PINT(id) };

			if ((err = civic_db_query(db, a, taken, q, 2, 1, &rows)) != CIVIC_OK)
				goto out;
			if (rows.nrows > 0) {
				err = CIVIC_ERR_CONFLICT;
				goto out;
			}
		}
		{
			struct civic_param q[] = { CIVIC_PINT(body), CIVIC_PINT(year),
			    CIVIC_PINT(seq + 1) };

			if ((err = civic_db_exec(db, past, q, 3, NULL, NULL)) != CIVIC_OK)
				goto out;
		}
		snprintf(out, CAT_INDEX_NO_SIZE, "%s", given);
	} else {
		struct civic_param q[] = { CIVIC_PINT(body), CIVIC_PINT(year) };

		if (year < 1000 || year > 9999) {
			err = CIVIC_ERR_INVALID;
			goto out;
		}
		if ((err = civic_db_exec(db, next, q, 2, NULL, NULL)) != CIVIC_OK ||
		    (err = civic_db_query(db, a, read, q, 2, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = CIVIC_ERR_DB;
			goto out;
		}
		seq = strtoll(rows.cell[0], NULL, 10);
		if (seq < 1 || seq > CAT_INDEX_SEQ_MAX) {
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		snprintf(out, CAT_INDEX_NO_SIZE, "%s/%04d-%05lld", org, year, seq);
	}
	{
		struct civic_param q[] = { CIVIC_PTEXT(out), CIVIC_PINT(id) };

		if ((err = civic_db_change(db, set, q, 2)) == CIVIC_ERR_DUPLICATE)
			err = CIVIC_ERR_CONFLICT;
	}
out:
	if (err != CIVIC_OK)
		out[0] = '\0';
	civic_arena_free(a);
	return err;
}
