/*
 * index.c: the consultation's corpus for Chinese search (modules/core/search.h):
 * a published answer is found by the public version of its question and
 * answer, indexed in consult_gram when the office publishes it (office.c),
 * searched by the published answers and the ask form's suggestions
 * (public.c, citizen.c) and rebuilt by `civicctl reindex`.
 */
#include "consult.h"

const struct civic_search consult_index = {
	.text = "SELECT CONCAT_WS(' ', public_subject, public_body, public_answer) "
	    "FROM consult_question WHERE id = ?",
	.del = "DELETE FROM consult_gram WHERE question_id = ?",
	.put = "INSERT IGNORE INTO consult_gram (gram, question_id) VALUES " CIVIC_SEARCH_ROWS,
};
