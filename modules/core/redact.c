/*
 * redact.c: masking personal data for the public version of a text
 * (redact.h): a letter's and its reply's in the mailbox, a question's and
 * its answer's in the consultation.
 *
 * A feature publishes such a text only through its public version, which
 * starts as the original with every phone number, ID number, e-mail
 * address and given name replaced by "***"; the staff member who
 * publishes then reads it side by side with the original and may edit it
 * further.  Masking is therefore a first pass that must catch what is
 * plainly personal and leave alone what plainly is not (dates, amounts,
 * tracking numbers), since a masked date makes a reply unreadable and a
 * missed number is caught by the staff's reading only if they read well.
 *
 * The patterns are one table below, one a kind, each run over the whole
 * text in turn (e-mail first, so that an address made of digits,
 * 13800138000@qq.com, goes whole rather than leaving "***@qq.com").  A
 * number is masked only when it stands alone: no ASCII letter or digit
 * may touch it on either side, so that the digits inside a tracking number
 * (MB20261123-0042) or a longer number are never taken for a phone; a
 * Chinese character may touch it, since Chinese puts no space between
 * words ("电话13800138000联系").
 *
 * Names are not patterns but literal strings, searched for anywhere (a
 * Chinese name has no spaces around it), longest first so that "张三丰"
 * goes whole before "张三" could leave "***丰".  ASCII letters compare
 * without regard to case.  A name of fewer than two characters is
 * ignored: a single character would mask every word that holds it.
 *
 * The patterns compile once per process, at the first call, in UTF-8 mode
 * with PCRE2_MATCH_INVALID_UTF (a stray byte simply fails to match, it
 * cannot make a match fail), with a match limit as modules/core/valid.c
 * has.  Like valid.c's, the compiled patterns and one match data block
 * live in static storage: a worker handles one request at a time.  They
 * are never freed; they live as long as the process.
 */
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "err.h"
#include "log.h"
#include "parse.h"
#include "redact.h"

/* What replaces each piece of personal data. */
#define REDACT_MASK		"***"
#define REDACT_MASK_LEN		(sizeof(REDACT_MASK) - 1)

/*
 * Backtracking steps one match may take.  The patterns are nearly linear
 * and a text to publish (a letter, a question) is at most some 3000
 * characters, so a real text needs a few thousand; the limit is a wall
 * should a pattern be changed badly.  A text that reaches it is not
 * published unmasked: civic_redact() fails.
 */
#define REDACT_MATCH_LIMIT	1000000

/* Names shorter than this, in characters, are not masked (see above). */
#define REDACT_NAME_MIN		2

/* Neither an ASCII letter nor a digit before and after a number. */
#define REDACT_B	"(?<![0-9A-Za-z])"
#define REDACT_E	"(?![0-9A-Za-z])"
/* A valid month and day, for the birth date inside an ID number. */
#define REDACT_MD	"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
#define REDACT_LABEL	"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

static const struct {
	const char	*name;		/* for the log; a text is never logged */
	const char	*source;
} redact_patterns[] = {
	/*
	 * An e-mail address: a dot-atom-ish local part, '@', a domain of at
	 * least two labels whose last starts with a letter.  Looser than
	 * valid.c's check on purpose: what looks like an address is masked.
	 */
	{ "email", "[A-Za-z0-9._%+-]+@(?:" REDACT_LABEL "\\.)+[A-Za-z]"
	    "(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?" },
	/*
	 * A resident ID number: 18 characters (six digits of the place, the
	 * birth date 19YYMMDD or 20YYMMDD, three digits, and a check digit or
	 * X/x), or the old 15 digits (YYMMDD).  The date is required so that
	 * an order or account number of that length is left alone; the check
	 * digit is not tested: a mistyped ID is still someone's ID.
	 */
	{ "idcard", REDACT_B "(?:[1-9][0-9]{5}(?:19|20)[0-9]{2}" REDACT_MD "[0-9]{3}[0-9Xx]"
	    "|[1-9][0-9]{5}[0-9]{2}" REDACT_MD "[0-9]{3})" REDACT_E },
	/*
	 * A mainland mobile number, 1[3-9] and nine digits, written whole or
	 * as 3-4-4 groups with spaces or dashes, with an optional +86, 0086 or
	 * 86 before it.
	 */
	{ "mobile", REDACT_B "(?:(?:\\+|00)?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}" REDACT_E },
	/*
	 * A landline: an area code 0AA or 0AAA (never 00, the international
	 * prefix), bare, in ASCII or full-width parentheses, followed by an
	 * optional space or dash; a number of 7 or 8 digits that does not
	 * begin with 0 or 1; an optional extension (-801, 转801, 分机801,
	 * ext 801).
	 */
	{ "landline", REDACT_B "(?:\\(0[1-9][0-9]{1,2}\\)|\xef\xbc\x88" "0[1-9][0-9]{1,2}"
	    "\xef\xbc\x89|0[1-9][0-9]{1,2})[ -]?[2-9][0-9]{6,7}"
	    "(?:(?:-|\xe8\xbd\xac|\xe5\x88\x86\xe6\x9c\xba|\\s?ext\\.?\\s?)[0-9]{1,6})?"
	    REDACT_E },
};

#define REDACT_NPATTERNS	(sizeof(redact_patterns) / sizeof(redact_patterns[0]))

static pcre2_code		*redact_code[REDACT_NPATTERNS];
static pcre2_match_data		*redact_md;
static pcre2_match_context	*redact_mctx;

/* A growing output buffer in the arena. */
struct redact_buf {
	struct civic_arena	*arena;
	char			*s;
	size_t			 len, cap;
};

/* Compiles the table; after a failure nothing is left and the next call tries again. */
static enum civic_err
redact_init(void)
{
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	enum civic_err	 err = CIVIC_ERR_NOMEM;
	size_t		 i;
	int		 code;

	if (redact_md != NULL)
		return CIVIC_OK;
	if ((redact_mctx = pcre2_match_context_create(NULL)) == NULL ||
	    pcre2_set_match_limit(redact_mctx, REDACT_MATCH_LIMIT) != 0 ||
	    (redact_md = pcre2_match_data_create(1, NULL)) == NULL)
		goto fail;
	for (i = 0; i < REDACT_NPATTERNS; i++) {
		redact_code[i] = pcre2_compile((PCRE2_SPTR)redact_patterns[i].source,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &off,
		    NULL);
		if (redact_code[i] == NULL) {
			if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
				msg[0] = '\0';
			civic_log_err("redact: pattern %s at offset %zu: %s",
			    redact_patterns[i].name, (size_t)off, (const char *)msg);
			if (code != PCRE2_ERROR_HEAP_FAILED)
				err = CIVIC_ERR_CONFIG;
			goto fail;
		}
	}
	return CIVIC_OK;
fail:
	for (i = 0; i < REDACT_NPATTERNS; i++) {
		pcre2_code_free(redact_code[i]);
		redact_code[i] = NULL;
	}
	pcre2_match_data_free(redact_md);
	redact_md = NULL;
	pcre2_match_context_free(redact_mctx);
	redact_mctx = NULL;
	return err;
}

/* Appends s[0..n) to b; 0 when memory is short. */
static int
redact_put(struct redact_buf *b, const char *s, size_t n)
{
	char	*ns;
	size_t	 cap;

	if (n > b->cap - b->len) {
		cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n + 64;
		if ((ns = civic_arena_alloc(b->arena, cap + 1)) == NULL)
			return 0;
		memcpy(ns, b->s, b->len);
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 1;
}

static int
redact_start(struct redact_buf *b, struct civic_arena *a, size_t len)
{
	b->arena = a;
	b->len = 0;
	b->cap = len + 64;
	if ((b->s = civic_arena_alloc(a, b->cap + 1)) == NULL)
		return 0;
	b->s[0] = '\0';
	return 1;
}

/* text with every match of pattern i masked, or NULL. */
static char *
redact_pattern(struct civic_arena *a, const char *text, size_t i)
{
	struct redact_buf	 b;
	PCRE2_SIZE		*ov;
	size_t			 len = strlen(text), at = 0;
	int			 rc;

	if (!redact_start(&b, a, len))
		return NULL;
	ov = pcre2_get_ovector_pointer(redact_md);
	while (at <= len) {
		rc = pcre2_match(redact_code[i], (PCRE2_SPTR)text, len, at, 0, redact_md,
		    redact_mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			civic_log_warn("redact: pattern %s: match error %d",
			    redact_patterns[i].name, rc);
			return NULL;
		}
		/* No pattern matches the empty string; step on should one. */
		if (ov[1] == ov[0]) {
			if (!redact_put(&b, text + at, ov[0] + 1 - at))
				return NULL;
			at = ov[0] + 1;
			continue;
		}
		if (!redact_put(&b, text + at, ov[0] - at) ||
		    !redact_put(&b, REDACT_MASK, REDACT_MASK_LEN))
			return NULL;
		at = ov[1];
	}
	if (at < len && !redact_put(&b, text + at, len - at))
		return NULL;
	return b.s;
}

static int
redact_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * 1 when name[0..n) is at text + i, ASCII letters compared without case.
 * A name that begins or ends with an ASCII letter or digit must not touch
 * another there ("Li" is not masked inside "Lily"); a Chinese one may.
 */
static int
redact_name_at(const char *text, size_t len, size_t i, const char *name, size_t n)
{
	const char	*s = text + i;
	size_t		 k;
	int		 c, d;

	if (redact_alnum((unsigned char)name[0]) && i > 0 &&
	    redact_alnum((unsigned char)text[i - 1]))
		return 0;
	if (redact_alnum((unsigned char)name[n - 1]) && i + n < len &&
	    redact_alnum((unsigned char)text[i + n]))
		return 0;
	for (k = 0; k < n; k++) {
		c = (unsigned char)s[k];
		d = (unsigned char)name[k];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (d >= 'A' && d <= 'Z')
			d += 'a' - 'A';
		if (c != d)
			return 0;
	}
	return 1;
}

/*
 * text with every occurrence of name masked, or NULL.  name is valid
 * UTF-8 (a form field), so a match starts and ends on character bounds
 * when text is valid UTF-8 too.
 */
static char *
redact_name(struct civic_arena *a, const char *text, const char *name)
{
	struct redact_buf	 b;
	size_t			 len = strlen(text), n = strlen(name), at = 0, i;

	if (!redact_start(&b, a, len))
		return NULL;
	for (i = 0; i + n <= len; ) {
		if (redact_name_at(text, len, i, name, n)) {
			if (!redact_put(&b, text + at, i - at) ||
			    !redact_put(&b, REDACT_MASK, REDACT_MASK_LEN))
				return NULL;
			i += n;
			at = i;
		} else
			i++;
	}
	if (at < len && !redact_put(&b, text + at, len - at))
		return NULL;
	return b.s;
}

/*
 * The names worth masking, longest first: at most nnames pointers into
 * names, in the arena; *n gets how many.
 */
static const char **
redact_names_sorted(struct civic_arena *a, const char *const *names, size_t nnames,
    size_t *n)
{
	const char	**v, *t;
	size_t		 i, j;

	*n = 0;
	if ((v = civic_arena_alloc(a, (nnames + 1) * sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < nnames; i++) {
		if (names[i] == NULL ||
		    civic_utf8_chars(names[i], strlen(names[i])) < REDACT_NAME_MIN)
			continue;
		v[(*n)++] = names[i];
	}
	/* A handful of names: insertion sort by length, longest first. */
	for (i = 1; i < *n; i++)
		for (j = i; j > 0 && strlen(v[j]) > strlen(v[j - 1]); j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v;
}

char *
civic_redact(struct civic_arena *a, const char *text, const char *const *names,
    size_t nnames)
{
	const char	**sorted;
	char		 *out = NULL;
	size_t		  i, n;

	if (text == NULL || redact_init() != CIVIC_OK)
		goto done;
	if ((out = civic_arena_strdup(a, text)) == NULL)
		goto done;
	for (i = 0; i < REDACT_NPATTERNS && out != NULL; i++)
		out = redact_pattern(a, out, i);
	if (out == NULL ||
	    (sorted = redact_names_sorted(a, names, names != NULL ? nnames : 0, &n)) == NULL) {
		out = NULL;
		goto done;
	}
	for (i = 0; i < n && out != NULL; i++)
		out = redact_name(a, out, sorted[i]);
done:
	return out;
}
