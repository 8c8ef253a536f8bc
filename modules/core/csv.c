/*
 * csv.c: CSV downloads (csv.h).
 */
#include <string.h>

#include "arena.h"
#include "csv.h"

/* Bytes a field may take written out: every byte a doubled quote, two quotes, a ', CR LF. */
#define CSV_FIELD(n)	(2 * (n) + 5)

/*
 * Writes s at p as a field and a separator (',' or CRLF at the end of the
 * record); returns the end.  A field holding a comma, quote or line break
 * is quoted with its quotes doubled.
 */
static char *
csv_field(char *p, const char *s, int last)
{
	const char	*c;
	int		 quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		*p++ = '"';
	if (s[0] != '\0' && strchr("=+-@", s[0]) != NULL)
		*p++ = '\'';
	for (c = s; *c != '\0'; c++) {
		if (*c == '"')
			*p++ = '"';
		*p++ = *c;
	}
	if (quote)
		*p++ = '"';
	if (last) {
		*p++ = '\r';
		*p++ = '\n';
	} else
		*p++ = ',';
	return p;
}

/* The value of a cell: the label in its place when there is one. */
static const char *
csv_cell(const struct civic_rows *rows, size_t i, const struct civic_csv_col *col,
    const char *label)
{
	return label != NULL ? label : civic_rows_get(rows, i, col->col);
}

int
civic_csv(struct civic_req *r, const char *filename, const struct civic_csv_col *cols,
    size_t ncols, const struct civic_rows *const *sets, const char *const *labels,
    size_t nsets)
{
	static const char	 bom[] = "\xef\xbb\xbf";
	const int		 en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	const char		*v;
	char			*buf, *p;
	size_t			 size, i, j, k;
	int			 st = 500;

	/* The bound first, then one buffer: the BOM, the headings, the rows. */
	size = sizeof(bom);
	for (j = 0; j < ncols; j++)
		size += CSV_FIELD(strlen(en ? cols[j].en : cols[j].zh));
	for (k = 0; k < nsets; k++)
		for (i = 0; i < sets[k]->nrows; i++)
			for (j = 0; j < ncols; j++)
				size += CSV_FIELD((v = csv_cell(sets[k], i, &cols[j],
				    labels != NULL && j == 0 ? labels[k] : NULL)) != NULL ?
				    strlen(v) : 0);
	if ((buf = civic_arena_alloc(r->arena, size)) == NULL)
		goto out;
	memcpy(buf, bom, sizeof(bom) - 1);
	p = buf + sizeof(bom) - 1;
	for (j = 0; j < ncols; j++)
		p = csv_field(p, en ? cols[j].en : cols[j].zh, j + 1 == ncols);
	for (k = 0; k < nsets; k++)
		for (i = 0; i < sets[k]->nrows; i++)
			for (j = 0; j < ncols; j++) {
				v = csv_cell(sets[k], i, &cols[j], labels != NULL && j == 0 ?
				    labels[k] : NULL);
				p = csv_field(p, v != NULL ? v : "", j + 1 == ncols);
			}
	if (civic_req_header(r, "Content-Type", "text/csv; charset=utf-8") != CIVIC_OK ||
	    civic_req_header(r, "Content-Disposition", civic_arena_printf(r->arena,
	    "attachment; filename=\"%s\"", filename)) != CIVIC_OK)
		goto out;
	r->body = buf;
	r->bodylen = (size_t)(p - buf);
	st = 200;
out:
	return st;
}
