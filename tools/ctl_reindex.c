/*
 * ctl_reindex.c: civicctl reindex [NAME], which rebuilds the features'
 * search indexes (modules/core/search.h) from the public versions of
 * their published documents: after documents were loaded by SQL (the
 * demo's letters), after the rules of modules/core/ngram.c changed, or to
 * mend an index a restore left behind.  One transaction a document, so
 * the site stays searchable while it runs and a failure leaves the
 * documents done so far indexed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "catalogue.h"
#include "consult.h"
#include "mailbox.h"
#include "prereview.h"
#include "search.h"

/* Documents listed by one query; each then has a transaction of its own. */
#define REINDEX_BATCH	500

/*
 * The indexes, one line a feature.  ids lists its documents after the
 * first parameter, in id order, at most the second: (id, published) of
 * those published and of those that left grams behind when unpublished,
 * so that a rebuild drops those grams.
 */
static const struct {
	const char			*name;
	const char			*ids;
	const struct civic_search	*search;
} reindex_corpora[] = {
	{ "mailbox", "SELECT id, published FROM mailbox_letter WHERE id > ? "
	    "AND (published = 1 OR id IN (SELECT letter_id FROM mailbox_gram)) "
	    "ORDER BY id LIMIT ?", &mailbox_index },
	{ "consult", "SELECT id, published FROM consult_question WHERE id > ? "
	    "AND (published = 1 OR id IN (SELECT question_id FROM consult_gram)) "
	    "ORDER BY id LIMIT ?", &consult_index },
	/* The guide's items: the active ones are its published documents. */
	{ "prereview", "SELECT id, active FROM pr_item WHERE id > ? "
	    "AND (active = 1 OR id IN (SELECT item_id FROM pr_item_gram)) "
	    "ORDER BY id LIMIT ?", &pr_index },
	/* The catalogue's listed entries (CAT_LISTED): published, not 不予公开. */
	{ "catalogue", "SELECT id, " CAT_LISTED("e") " FROM cat_entry e WHERE id > ? "
	    "AND (" CAT_LISTED("e") " OR id IN (SELECT entry_id FROM cat_entry_gram)) "
	    "ORDER BY id LIMIT ?", &cat_index },
};

#define REINDEX_NCORPORA	(sizeof(reindex_corpora) / sizeof(reindex_corpora[0]))

struct reindex {
	struct civic_db			*db;
	struct civic_arena		*arena;	/* one document's, reset after each */
	const struct civic_search	*search;
	long long			 id;
	int				 published;
};

static enum civic_err
reindex_one(void *arg)
{
	struct reindex	*x = arg;

	return x->published ? civic_search_index(x->db, x->arena, x->search, x->id) :
	    civic_search_unindex(x->db, x->search, x->id);
}

/*
 * Rebuilds index k and says how many documents it went over; 0, or 1
 * after saying on standard error what failed.
 */
static int
reindex_corpus(struct ctl *c, struct reindex *x, size_t k)
{
	struct civic_rows	 rows;
	unsigned long long	 done = 0;
	size_t			 i;
	enum civic_err		 err;
	int			 rc = 1;

	x->search = reindex_corpora[k].search;
	x->id = 0;
	do {
		struct civic_param p[] = { CIVIC_PINT(x->id), CIVIC_PINT(REINDEX_BATCH) };

		/* The list outlives each document's arena: it goes in civicctl's. */
		if ((err = civic_db_query(c->db, c->arena, reindex_corpora[k].ids, p, 2,
		    REINDEX_BATCH, &rows)) != CIVIC_OK)
			goto fail;
		for (i = 0; i < rows.nrows; i++) {
			x->id = strtoll(rows.cell[i * rows.ncols], NULL, 10);
			x->published = rows.cell[i * rows.ncols + 1][0] == '1';
			err = civic_db_tx(c->db, reindex_one, x);
			civic_arena_reset(x->arena);
			if (err != CIVIC_OK)
				goto fail;
			done++;
		}
	} while (rows.nrows == REINDEX_BATCH);
	printf("civicctl reindex: %s: %llu documents\n", reindex_corpora[k].name, done);
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "civicctl reindex: %s: document %lld: %s\n", reindex_corpora[k].name,
	    x->id, civic_strerror(err));
out:
	return rc;
}

/* The index named name, or REINDEX_NCORPORA when there is none. */
static size_t
reindex_find(const char *name)
{
	size_t	 k;

	for (k = 0; k < REINDEX_NCORPORA; k++)
		if (strcmp(reindex_corpora[k].name, name) == 0)
			break;
	return k;
}

int
ctl_reindex(struct ctl *c, int argc, char *argv[])
{
	struct reindex	 x = { c->db, NULL, NULL, 0, 0 };
	size_t		 k;
	int		 rc = 2;

	if (argc > 2 || ctl_wants_help(argc, argv) ||
	    (argc == 2 && reindex_find(argv[1]) == REINDEX_NCORPORA)) {
		printf("usage: civicctl [--config FILE] reindex [NAME]\n"
		    "Rebuilds a feature's search index (every one without NAME) from the\n"
		    "public versions of its published documents, and drops what an\n"
		    "unpublished one left in it.  NAME is one of:");
		for (k = 0; k < REINDEX_NCORPORA; k++)
			printf(" %s", reindex_corpora[k].name);
		printf("\n");
		if (ctl_wants_help(argc, argv))
			rc = 0;
		goto out;
	}
	rc = 1;
	if ((x.arena = civic_arena_new()) == NULL) {
		fprintf(stderr, "civicctl reindex: out of memory\n");
		goto out;
	}
	/* A failing index does not keep the others from being rebuilt. */
	rc = 0;
	for (k = 0; k < REINDEX_NCORPORA; k++)
		if ((argc == 1 || k == reindex_find(argv[1])) && reindex_corpus(c, &x, k) != 0)
			rc = 1;
out:
	if (x.arena != NULL)
		civic_arena_free(x.arena);
	return rc;
}
