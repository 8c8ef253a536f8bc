/*
 * csv.h: a page's figures as a CSV download (RFC 4180), for spreadsheets:
 * UTF-8 with a byte-order mark (which Excel needs to read Chinese), CRLF
 * line ends, headings in the page's language.  A field that begins like a
 * formula (= + - @) is prefixed with ' so that a spreadsheet shows it as
 * text and does not run it.
 */
#ifndef CIVIC_CSV_H
#define CIVIC_CSV_H

#include "db.h"
#include "request.h"

/* A column: the result column it shows, and its heading in each language. */
struct civic_csv_col {
	const char	*col;
	const char	*zh;
	const char	*en;
};

/*
 * Answers with a heading line and then the rows of each of sets[0 ..
 * nsets) (NULL cells as empty fields), as the attachment filename.  A set
 * whose label (labels may be NULL) is not NULL has it in its first
 * column: a total's line, "合计".  Returns 200, or 500 when memory is
 * short.
 */
int	 civic_csv(struct civic_req *, const char *filename, const struct civic_csv_col *,
	    size_t ncols, const struct civic_rows *const *sets, const char *const *labels,
	    size_t nsets);

#endif
