/*
 * index.c: the search index of published letters (mailbox.h), which the
 * office writes when it publishes a letter and `civicctl reindex` rebuilds.
 *
 * Letters are indexed by their grams (modules/core/ngram.c): every pair
 * of adjacent CJK characters, every single CJK character, and every ASCII
 * word, one row (gram, letter) each in mailbox_gram, from the public
 * version only, so that a search can never find a letter by a masked name
 * or an unpublished original.  public.c's search cuts a query the same way.
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"

/*
 * Grams of one letter: pairs and words first, up to MAILBOX_INDEX_PAIRS,
 * then its single characters up to MAILBOX_INDEX_MAX rows in all.  A
 * public body of 3000 characters and a reply as long have at most some
 * 6000 pairs, far fewer distinct ones in real Chinese; the bound keeps the
 * transaction that publishes a letter, and the index, from growing with a
 * reply of any length.  Text past it (the end of an unusually long reply)
 * is not found by its later words.
 */
#define MAILBOX_INDEX_PAIRS	3000
#define MAILBOX_INDEX_MAX	4000

/*
 * Rows a multi-row INSERT writes: 32 (gram, letter) pairs are 64
 * parameters, the most one statement may bind (db.c).  The statement text
 * is one literal of exactly this many pairs, so that the worker prepares
 * it once; a shorter last batch repeats its last gram, which INSERT
 * IGNORE drops.
 */
#define MAILBOX_GRAM_BATCH	32
#define GRAM_ROW		"(?, ?)"
#define GRAM_ROWS4		GRAM_ROW ", " GRAM_ROW ", " GRAM_ROW ", " GRAM_ROW
#define GRAM_ROWS16		GRAM_ROWS4 ", " GRAM_ROWS4 ", " GRAM_ROWS4 ", " GRAM_ROWS4

enum civic_err
mailbox_unindex(struct civic_db *db, long long letter)
{
	static const char	 sql[] = "DELETE FROM mailbox_gram WHERE letter_id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(letter) };

	return civic_db_exec(db, sql, p, 1, NULL, NULL);
}

/*
 * The single characters of the CJK pairs among grams[0..n), as a text of
 * characters between spaces: cut into grams, it gives each character once
 * (ngram.c keeps grams distinct).  ASCII words and lone characters, which
 * are grams already, are left out.
 */
static char *
public_singles(struct civic_arena *a, const char **grams, size_t n)
{
	size_t		 i, len = 1, first;
	char		*text, *p;
	unsigned char	 c;

	for (i = 0; i < n; i++)
		len += strlen(grams[i]) + 2;
	if ((p = text = civic_arena_alloc(a, len)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		c = (unsigned char)grams[i][0];
		/* CJK grams begin with a lead byte of three or four. */
		first = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 0;
		if (first == 0 || strlen(grams[i]) <= first)
			continue;
		p += snprintf(p, len - (size_t)(p - text), "%.*s %s ", (int)first, grams[i],
		    grams[i] + first);
	}
	*p = '\0';
	return text;
}

enum civic_err
mailbox_index(struct civic_db *db, struct civic_arena *a, long long letter)
{
	static const char	 get[] =
	    "SELECT CONCAT_WS(' ', public_subject, public_body, public_reply) AS text "
	    "FROM mailbox_letter WHERE id = ?";
	static const char	 put[] =
	    "INSERT IGNORE INTO mailbox_gram (gram, letter_id) VALUES "
	    GRAM_ROWS16 ", " GRAM_ROWS16;
	struct civic_param	 p[2 * MAILBOX_GRAM_BATCH];
	struct civic_rows	 rows;
	const char		**grams, *text, *g;
	char			*singles;
	size_t			 n, m, i, j;
	enum civic_err		 err;

	{
		struct civic_param q[] = { CIVIC_PINT(letter) };

		if ((err = civic_db_query(db, a, get, q, 1, 1, &rows)) != CIVIC_OK)
			goto out;
	}
	if (rows.nrows == 0) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((err = mailbox_unindex(db, letter)) != CIVIC_OK)
		goto out;
	text = rows.cell[0] != NULL ? rows.cell[0] : "";
	if ((grams = civic_arena_alloc(a, MAILBOX_INDEX_MAX * sizeof(*grams))) == NULL ||
	    (n = civic_ngram_split(a, text, grams, MAILBOX_INDEX_PAIRS)) == (size_t)-1 ||
	    (singles = public_singles(a, grams, n)) == NULL ||
	    (m = civic_ngram_split(a, singles, grams + n, MAILBOX_INDEX_MAX - n)) ==
	    (size_t)-1) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	n += m;
	for (i = 0; i < n; i += MAILBOX_GRAM_BATCH) {
		for (j = 0; j < MAILBOX_GRAM_BATCH; j++) {
			g = grams[i + j < n ? i + j : n - 1];
			p[2 * j] = CIVIC_PTEXT(g);
			p[2 * j + 1] = CIVIC_PINT(letter);
		}
		if ((err = civic_db_exec(db, put, p, CIVIC_NITEMS(p), NULL, NULL)) !=
		    CIVIC_OK)
			goto out;
	}
out:
	return err;
}
