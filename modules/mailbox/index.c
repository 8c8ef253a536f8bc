/*
 * index.c: the mailbox's corpus for Chinese search (modules/core/search.h):
 * a published letter is found by its public subject, body and reply,
 * indexed in mailbox_gram when the office publishes the letter (office.c),
 * searched by the public list (public.c) and rebuilt by `civicctl
 * reindex`.  The public version only, never the original: a search must
 * not find a letter by what its public version masks.
 */
#include "mailbox.h"

const struct civic_search mailbox_index = {
	.text = "SELECT CONCAT_WS(' ', public_subject, public_body, public_reply) "
	    "FROM mailbox_letter WHERE id = ?",
	.del = "DELETE FROM mailbox_gram WHERE letter_id = ?",
	.put = "INSERT IGNORE INTO mailbox_gram (gram, letter_id) VALUES " CIVIC_SEARCH_ROWS,
};
