/*
 * ctl_reindex.c: civicctl reindex, which rebuilds the mailbox's search
 * index (modules/mailbox/index.c) from the public versions of the
 * published letters: after letters were loaded by SQL (the demo's), after
 * the rules of modules/core/ngram.c changed, or to mend an index a restore
 * left behind.  One transaction a letter, so the site stays searchable
 * while it runs and a failure leaves the letters done so far indexed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctl.h"
#include "mailbox.h"

struct reindex {
	struct civic_db		*db;
	struct civic_arena	*arena;
	long long		 letter;
	int			 published;
};

static enum civic_err
reindex_one(void *arg)
{
	struct reindex	*x = arg;

	return x->published ? mailbox_index(x->db, x->arena, x->letter) :
	    mailbox_unindex(x->db, x->letter);
}

int
ctl_reindex(struct ctl *c, int argc, char *argv[])
{
	static const char	 sql[] =
	    "SELECT id, published FROM mailbox_letter WHERE id > ? "
	    "AND (published = 1 OR id IN (SELECT letter_id FROM mailbox_gram)) "
	    "ORDER BY id LIMIT 500";
	struct reindex		 x = { c->db, NULL, 0, 0 };
	struct civic_rows	 rows;
	unsigned long long	 done = 0;
	long long		 last = 0;
	size_t			 i;
	enum civic_err		 err = CIVIC_OK;
	int			 rc = 1;

	if (argc > 1) {
		printf("usage: civicctl [--config FILE] reindex\n"
		    "Rebuilds the mailbox's search index from the public versions of the\n"
		    "published letters, and drops what an unpublished letter left in it.\n");
		return ctl_wants_help(argc, argv) ? 0 : 2;
	}
	if ((x.arena = civic_arena_new()) == NULL) {
		fprintf(stderr, "civicctl reindex: out of memory\n");
		goto out;
	}
	do {
		struct civic_param p[] = { CIVIC_PINT(last) };

		civic_arena_reset(x.arena);
		if ((err = civic_db_query(c->db, c->arena, sql, p, 1, 500, &rows)) != CIVIC_OK)
			goto fail;
		for (i = 0; i < rows.nrows; i++) {
			x.letter = last = strtoll(rows.cell[i * rows.ncols], NULL, 10);
			x.published = rows.cell[i * rows.ncols + 1][0] == '1';
			if ((err = civic_db_tx(c->db, reindex_one, &x)) != CIVIC_OK)
				goto fail;
			civic_arena_reset(x.arena);
			done++;
		}
	} while (rows.nrows == 500);
	printf("civicctl reindex: %llu letters\n", done);
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "civicctl reindex: letter %lld: %s\n", x.letter, civic_strerror(err));
out:
	if (x.arena != NULL)
		civic_arena_free(x.arena);
	return rc;
}
