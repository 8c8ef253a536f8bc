/*
 * search.c: Chinese search over a feature's public texts (search.h): the
 * index a feature writes when it publishes a document, and the grams of a
 * query that its list looks up.
 *
 * A document is indexed by its grams (ngram.c): every pair of adjacent
 * CJK characters, every single CJK character, and every ASCII word, one
 * row (gram, document) each in the feature's gram table, from the text
 * its corpus's statement selects: the public version only, so that a
 * search can never find a document by a masked name or an unpublished
 * original.  A query is cut into grams the same way, except that it gives
 * no single characters for its pairs: a document holding the pair holds
 * them anyway.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "limits.h"
#include "ngram.h"
#include "page.h"
#include "search.h"

enum civic_err
civic_search_unindex(struct civic_db *db, const struct civic_search *s, long long id)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };

	return civic_db_exec(db, s->del, p, 1, NULL, NULL);
}

/*
 * The single characters of the CJK pairs among grams[0..n), as a text of
 * characters between spaces: cut into grams, it gives each character once
 * (ngram.c keeps grams distinct).  ASCII words and lone characters, which
 * are grams already, are left out.
 */
static char *
search_singles(struct civic_arena *a, const char **grams, size_t n)
{
	size_t		 i, len = 1, first;
	char		*text, *p;
	unsigned char	 c;

	for (i = 0; i < n; i++)
		len += strlen(grams[i]) + 2;
	if ((p = text = civic_arena_alloc(a, len)) == NULL)
		goto out;
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
out:
	return text;
}

/*
 * The rows go CIVIC_SEARCH_BATCH to a statement, so that one text,
 * prepared once, writes them all; the last batch repeats its last gram to
 * fill the statement's places.
 */
enum civic_err
civic_search_index(struct civic_db *db, struct civic_arena *a, const struct civic_search *s,
    long long id)
{
	struct civic_param	 p[2 * CIVIC_SEARCH_BATCH];
	struct civic_rows	 rows;
	const char		**grams, *text, *g;
	char			*singles;
	size_t			 n, m, i, j;
	enum civic_err		 err;

	p[0] = CIVIC_PINT(id);
	if ((err = civic_db_query(db, a, s->text, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows == 0) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((err = civic_search_unindex(db, s, id)) != CIVIC_OK)
		goto out;
	text = rows.cell[0] != NULL ? rows.cell[0] : "";
	if ((grams = civic_arena_alloc(a, CIVIC_SEARCH_MAX * sizeof(*grams))) == NULL ||
	    (n = civic_ngram_split(a, text, grams, CIVIC_SEARCH_PAIRS)) == (size_t)-1 ||
	    (singles = search_singles(a, grams, n)) == NULL ||
	    (m = civic_ngram_split(a, singles, grams + n, CIVIC_SEARCH_MAX - n)) ==
	    (size_t)-1) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	n += m;
	for (i = 0; i < n; i += CIVIC_SEARCH_BATCH) {
		for (j = 0; j < CIVIC_SEARCH_BATCH; j++) {
			g = grams[i + j < n ? i + j : n - 1];
			p[2 * j] = CIVIC_PTEXT(g);
			p[2 * j + 1] = CIVIC_PINT(id);
		}
		if ((err = civic_db_exec(db, s->put, p, 2 * CIVIC_SEARCH_BATCH, NULL, NULL)) !=
		    CIVIC_OK)
			goto out;
	}
out:
	return err;
}

int
civic_search_params(struct civic_req *r, const char *q,
    struct civic_param p[CIVIC_SEARCH_NPARAMS])
{
	const char	*grams[CIVIC_SEARCH_GRAMS];
	xmlNodePtr	 s;
	size_t		 n, i;
	int		 rc = -1;

	if ((n = civic_ngram_split(r->arena, q, grams, CIVIC_SEARCH_GRAMS)) == (size_t)-1)
		goto out;
	s = civic_page_add(r, NULL, "search", NULL);
	civic_page_attr(s, "q", q);
	civic_page_attr(s, "grams", civic_arena_printf(r->arena, "%zu", n));
	for (i = 0; n > 0 && i < CIVIC_SEARCH_GRAMS; i++)
		p[i] = CIVIC_PTEXT(grams[i < n ? i : n - 1]);
	p[CIVIC_SEARCH_GRAMS] = CIVIC_PINT(n);
	rc = (int)n;
out:
	return rc;
}

enum civic_err
civic_search_rarest(struct civic_req *r, const char *probe, long long below,
    struct civic_param p[CIVIC_SEARCH_NPARAMS], int n, long long max)
{
	struct civic_param	 q[3 * CIVIC_SEARCH_GRAMS], t;
	struct civic_rows	 rows;
	long long		 c, least, cap;
	size_t			 i, rarest = 0;
	enum civic_err		 err = CIVIC_OK;

	if (n < 2)
		goto out;
	for (cap = CIVIC_SEARCH_PROBE_CAP;; cap *= CIVIC_SEARCH_PROBE_STEP) {
		for (i = 0; i < CIVIC_SEARCH_GRAMS; i++) {
			q[3 * i] = p[i];
			q[3 * i + 1] = CIVIC_PINT(below);
			q[3 * i + 2] = CIVIC_PINT(cap);
		}
		if ((err = civic_db_query(r->db, r->arena, probe, q, 3 * CIVIC_SEARCH_GRAMS, 1,
		    &rows)) != CIVIC_OK)
			goto out;
		/* The first of the least counts: ties keep the query's order. */
		for (least = -1, i = 0; i < CIVIC_SEARCH_GRAMS && i < rows.ncols &&
		    rows.nrows == 1; i++) {
			c = rows.cell[i] != NULL ? strtoll(rows.cell[i], NULL, 10) : 0;
			if (least < 0 || c < least) {
				least = c;
				rarest = i;
			}
		}
		/* Every gram at the cap: all alike, unless a larger cap tells them apart. */
		if (least < cap || cap * CIVIC_SEARCH_PROBE_STEP > max)
			break;
	}
	t = p[0];
	p[0] = p[rarest];
	p[rarest] = t;
out:
	return err;
}
