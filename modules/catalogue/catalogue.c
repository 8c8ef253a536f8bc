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

/* STUB, to be written (catalogue.h). */
enum civic_err
cat_index_no_assign(struct civic_db *db, long long id, int year, const char *given,
    char out[CAT_INDEX_NO_SIZE])
{
	(void)db;
	(void)id;
	(void)year;
	(void)given;
	out[0] = '\0';
	return CIVIC_ERR_DB;
}
