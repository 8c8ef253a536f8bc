/*
 * search.h: Chinese search over a feature's public texts (DESIGN.md,
 * "Chinese search"), one implementation for every feature that has one:
 * the mailbox's published letters, the consultation's published answers,
 * the catalogue's entries.
 *
 * A document is indexed by its grams (ngram.h): one row (gram, document)
 * each in the feature's own gram table, written from the public text only
 * in the transaction that publishes it.  A query is cut the same way and
 * finds the documents that hold all its grams, with the condition
 * CIVIC_SEARCH_IN in the feature's list statement.
 *
 * A feature describes its corpus with three statements, fixed texts so
 * that each worker prepares them once:
 *	text	SELECT one column, the public text, of the document WHERE id = ?
 *		(no row: CIVIC_ERR_NOTFOUND)
 *	del	DELETE its rows: DELETE FROM x_gram WHERE doc_id = ?
 *	put	INSERT IGNORE INTO x_gram (gram, doc_id) VALUES CIVIC_SEARCH_ROWS
 */
#ifndef CIVIC_SEARCH_H
#define CIVIC_SEARCH_H

#include "db.h"
#include "limits.h"
#include "request.h"

/*
 * Grams of a query: the documents found must hold all of them.  Eight
 * cover a query of nine Chinese characters; a longer one is matched on
 * its first eight grams.  CIVIC_SEARCH_IN has exactly eight places, a
 * shorter query repeating its last gram, so that one text serves every
 * query.
 */
#define CIVIC_SEARCH_GRAMS	8
/* Parameters of CIVIC_SEARCH_IN: the grams and their count. */
#define CIVIC_SEARCH_NPARAMS	(CIVIC_SEARCH_GRAMS + 1)

/*
 * "IN (…)" for a WHERE clause: "AND l.id " CIVIC_SEARCH_IN("mailbox_gram",
 * "letter_id").
 */
#define CIVIC_SEARCH_IN(table, col) \
	"IN (SELECT g." col " FROM " table " g " \
	"WHERE g.gram IN (?, ?, ?, ?, ?, ?, ?, ?) GROUP BY g." col " HAVING COUNT(*) = ?)"

/*
 * The keyset search, for a list newest first that stops after a page
 * (the mailbox's): instead of CIVIC_SEARCH_IN, which reads every row of
 * every gram of the query before the keyset applies (its cost grows with
 * the documents holding the commonest gram), the list walks one gram's
 * rows backwards from the keyset and joins each of the other grams by
 * primary key, stopping when the page is full:
 *
 *	FROM mailbox_gram g0 STRAIGHT_JOIN mailbox_letter l ON l.id = g0.letter_id
 *	CIVIC_SEARCH_JOIN("mailbox_gram", "letter_id") …
 *	WHERE g0.gram = ? AND g0.letter_id < ? … ORDER BY g0.letter_id DESC LIMIT ?
 *
 * Its parameters: the grams p[1] to p[7] (CIVIC_SEARCH_JOIN, in text
 * order), then p[0] for g0.gram.  civic_search_rarest() puts the rarest
 * gram first, so that the walk is as short as the query allows: about a
 * page divided by how often the other grams come with it, and never more
 * than the rarest gram's rows.
 */
#define CIVIC_SEARCH_JOIN1_(table, col, i) \
	"STRAIGHT_JOIN " table " g" i " ON g" i ".gram = ? AND g" i "." col " = g0." col " "
#define CIVIC_SEARCH_JOIN(table, col) \
	CIVIC_SEARCH_JOIN1_(table, col, "1") CIVIC_SEARCH_JOIN1_(table, col, "2") \
	CIVIC_SEARCH_JOIN1_(table, col, "3") CIVIC_SEARCH_JOIN1_(table, col, "4") \
	CIVIC_SEARCH_JOIN1_(table, col, "5") CIVIC_SEARCH_JOIN1_(table, col, "6") \
	CIVIC_SEARCH_JOIN1_(table, col, "7")

/*
 * How many rows each gram has below the keyset, each count stopping at a
 * cap (limits.h, CIVIC_SEARCH_PROBE_CAP): one row of eight counts.  Its
 * parameters: each gram, the keyset and the cap, eight times.
 */
#define CIVIC_SEARCH_PROBE1_(table, col) \
	"(SELECT COUNT(*) FROM (SELECT 1 FROM " table " WHERE gram = ? AND " col " < ? " \
	"LIMIT ?) p)"
#define CIVIC_SEARCH_PROBE(table, col) \
	"SELECT " CIVIC_SEARCH_PROBE1_(table, col) ", " CIVIC_SEARCH_PROBE1_(table, col) ", " \
	CIVIC_SEARCH_PROBE1_(table, col) ", " CIVIC_SEARCH_PROBE1_(table, col) ", " \
	CIVIC_SEARCH_PROBE1_(table, col) ", " CIVIC_SEARCH_PROBE1_(table, col) ", " \
	CIVIC_SEARCH_PROBE1_(table, col) ", " CIVIC_SEARCH_PROBE1_(table, col)

/*
 * For suggestions ("similar questions"), a derived table of the documents
 * holding at least as many of the query's grams as the last parameter
 * says, with how many (hits) to rank them by: join it as
 * "JOIN " CIVIC_SEARCH_HITS("consult_gram", "question_id") " h ON h.doc = q.id".
 * Its parameters are civic_search_params()'s, with the count replaced by
 * the least number of grams to share.
 */
#define CIVIC_SEARCH_HITS(table, col) \
	"(SELECT g." col " AS doc, COUNT(*) AS hits FROM " table " g " \
	"WHERE g.gram IN (?, ?, ?, ?, ?, ?, ?, ?) GROUP BY g." col " HAVING COUNT(*) >= ?)"

/*
 * Rows one INSERT of the index writes: 32 (gram, document) pairs are 64
 * parameters, the most one statement may bind (db.c).  A shorter last
 * batch repeats its last gram, which INSERT IGNORE drops.
 */
#define CIVIC_SEARCH_BATCH	32
#define CIVIC_SEARCH_ROW_	"(?, ?)"
#define CIVIC_SEARCH_ROWS4_	CIVIC_SEARCH_ROW_ ", " CIVIC_SEARCH_ROW_ ", " \
				CIVIC_SEARCH_ROW_ ", " CIVIC_SEARCH_ROW_
#define CIVIC_SEARCH_ROWS16_	CIVIC_SEARCH_ROWS4_ ", " CIVIC_SEARCH_ROWS4_ ", " \
				CIVIC_SEARCH_ROWS4_ ", " CIVIC_SEARCH_ROWS4_
#define CIVIC_SEARCH_ROWS	CIVIC_SEARCH_ROWS16_ ", " CIVIC_SEARCH_ROWS16_

struct civic_search {
	const char	*text;
	const char	*del;
	const char	*put;
};

/*
 * Writes the grams of document id, replacing any it had; inside the
 * transaction that publishes it.  _unindex removes them.  They take the
 * connection and an arena, not a request, so that civicctl can rebuild an
 * index too.
 */
enum civic_err	 civic_search_index(struct civic_db *, struct civic_arena *,
		    const struct civic_search *, long long id);
enum civic_err	 civic_search_unindex(struct civic_db *, const struct civic_search *,
		    long long id);

/*
 * Cuts the query q into grams for CIVIC_SEARCH_IN, into p[0 ..
 * CIVIC_SEARCH_NPARAMS), and adds <search q="…" grams="n"/> to the page.
 * Returns n, the number of grams (0: nothing searchable, such as only
 * punctuation: the caller shows an empty list), or -1 when memory is
 * short.
 */
int		 civic_search_params(struct civic_req *, const char *q,
		    struct civic_param p[CIVIC_SEARCH_NPARAMS]);

/*
 * Puts the rarest of the query's n grams in p[0] (swapping it with the
 * first), by the statement probe (CIVIC_SEARCH_PROBE of the feature's
 * gram table) on the rows below the keyset below, each counted up to
 * CIVIC_SEARCH_PROBE_CAP, and again with a larger cap up to max while
 * every gram reaches it (limits.h).  A query of one gram asks nothing.
 * Returns CIVIC_OK or the database's error.
 */
enum civic_err	 civic_search_rarest(struct civic_req *, const char *probe, long long below,
		    struct civic_param p[CIVIC_SEARCH_NPARAMS], int n, long long max);

#endif
