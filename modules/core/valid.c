/*
 * valid.c: the validators of valid.h.
 *
 * Every check is bounded: a value's length is tested against what its kind
 * can possibly be before a byte of it is scanned or a pattern runs, so no
 * client can make a validator work in proportion to anything but a short,
 * known length.  Lengths of the free-text kinds are counted in characters
 * (code points); a Chinese character is one character and three bytes.
 *
 * Only the formats that read better as a pattern (mobile and other phone
 * numbers, e-mail addresses, the shapes of ID and tracking numbers) are
 * PCRE2 patterns; integers, dates, tokens and text are simple enough that a
 * loop is both clearer and cheaper.  The patterns are ASCII only and run in
 * byte mode (no PCRE2_UTF): a byte of a multibyte character then simply
 * fails to match, and invalid UTF-8 can neither make pcre2_match() fail
 * with a UTF error nor cost a UTF check.  Each is anchored at both ends by
 * \A and \z as well as by the compile options: "$" would match before a
 * final newline and let "13800138000\n" through.  They are not JIT
 * compiled: they are tiny, the subjects are at most 254 bytes, and JIT
 * needs executable memory that a hardened host may refuse.
 *
 * The compiled patterns, one match data block and one match context live in
 * static storage set once per worker by civic_valid_init().  A worker is a
 * single-threaded process handling one request at a time, so sharing the
 * match data between calls is safe; nothing else is kept between requests.
 *
 * Decisions the interface leaves open:
 *  - Before civic_valid_init() has succeeded (or after civic_valid_exit()),
 *    the kinds that need a pattern (MOBILE, PHONE, EMAIL, IDCARD, TRACKNO)
 *    refuse every value with their own error and log the mistake: an
 *    unchecked value is never accepted.  The other kinds need no pattern
 *    and work at any time.
 *  - min and max are taken as declared.  A TEXT, MULTILINE or TOKEN field
 *    with max 0 (or max below min) is a declaration error; every non-empty
 *    value then fails, so the mistake shows at the first test.  min 0 only
 *    means "no minimum beyond being non-empty".
 *  - TEXT refuses C0 controls (tab included), DEL, C1 controls (U+0080 to
 *    U+009F), the line and paragraph separators U+2028 and U+2029, and the
 *    bidirectional embedding, override and isolate controls (U+202A to
 *    U+202E, U+2066 to U+2069), which can make displayed text lie about
 *    its order.  MULTILINE refuses the same except \n, \r and \t.
 *  - In MULTILINE a CR LF pair counts as one character: browsers send a
 *    textarea's line breaks as CR LF but count them once against its
 *    maxlength, and a user who stayed within the form's limit must not be
 *    refused here.
 *  - INT: an optional '-' and 1 to 18 digits, leading zeros allowed ("007"
 *    is 7) and counted among the 18; "-0" is 0.  No '+', no spaces.  A
 *    string of digits too long to be an 18-digit number is v.range (the
 *    user typed a number, just too big), anything else malformed is v.int.
 *  - DATE and the dates inside ID and tracking numbers: a real Gregorian
 *    date with the year in 1900..2199.  An ID number's birth date is not
 *    compared with today, which would make the validator depend on the
 *    clock; the check digit catches nearly every typing mistake anyway.
 *  - PHONE: a mobile number; a landline 0 + 2 or 3 digit area code (never
 *    starting 0, which is the international prefix), an optional '-', 7 or
 *    8 digits and an optional -extension of 1 to 6 digits; a 400 or 800
 *    service number of 10 digits, written 400-123-4567, 400-1234-567 or
 *    without dashes; a 5-digit hotline starting with 1 (12345, 12315).
 *    No spaces, no +86: the form says which formats are accepted.
 *  - EMAIL: ASCII only, at most 254 bytes, the local part at most 64.  The
 *    grammar is that of HTML's <input type=email>, so browser and server
 *    agree, tightened a little: the local part is a dot-atom (no leading,
 *    trailing or doubled dot), the domain has at least two labels and its
 *    last label starts with a letter (no bare IP addresses).
 *  - IDCARD: 17 digits, the first 1-9, and a check digit or 'X'; 'x' is
 *    accepted as 'X' (phones offer only the lower case on a digit pad).
 *    The value is not rewritten: the caller upper-cases it before storing.
 *  - USCC (统一社会信用代码, GB 32100-2015): 18 characters of the 31 the
 *    standard uses (digits and capitals but I, O, Z, S, V); the 3rd to 8th
 *    are the region's digits; the last is the MOD 31 check of the first
 *    17.  Lower case is accepted as upper case, and upper-cased by the
 *    caller, as for IDCARD.
 *  - DOCNO (文号, GB/T 9704 7.2.4): the issuer's abbreviation (机关代字,
 *    1 to 16 characters, the first a Chinese character, the others
 *    Chinese characters, ASCII letters or digits), the year in the
 *    hexagonal brackets 〔〕 that the standard asks for (not [], （）
 *    or 【】, a common typing mistake the message names), and the
 *    sequence number without leading zeros (不编虚位) followed by 号:
 *    郫府发〔2026〕12号.  The year is 1900..2199 like every date here.
 *  - Files: PDF, PNG and JPEG by their magic numbers.  Word and Excel
 *    (for CIVIC_F_DOCUMENT fields) by their containers, read as their
 *    formats say, not searched for a word anywhere in them: an OLE
 *    compound file (.doc, .xls) by a directory entry (at a multiple of
 *    128 bytes, a stream, the name's length exact) naming its main stream
 *    (WordDocument; Workbook or Book); an Office Open XML zip (.docx,
 *    .xlsx) by its central directory, which must list [Content_Types].xml
 *    and the main part (word/document.xml, xl/workbook.xml) and no macros
 *    (vbaProject.bin) or programs (.exe, .dll, .msi, scripts).  Anything
 *    else in such a container (an installer, an archive, a macro
 *    document) is refused.
 *  - civic_valid_check() on a FILE field refuses with v.filetype: the
 *    client sent a plain field where a file was declared.
 *  - civic_valid_key(CIVIC_VE_OK) is NULL: success has no message.
 */
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "err.h"
#include "log.h"
#include "parse.h"
#include "valid.h"

/* Years a date may have: birth dates of the living up to plans far ahead. */
#define VALID_YEAR_MIN		1900
#define VALID_YEAR_MAX		2199

/* Digits of an INT: 18 of them always fit a long long without overflow. */
#define VALID_INT_DIGITS	18

/* RFC 5321: a path is at most 256 bytes with its <>, a local part 64. */
#define VALID_EMAIL_MAX		254
#define VALID_EMAIL_LOCAL_MAX	64

/* Longest landline: 0AAA-NNNNNNNN-EEEEEE; shortest number: a 5-digit hotline. */
#define VALID_PHONE_MIN		5
#define VALID_PHONE_MAX		20

/* Tracking number: AA, YYYYMMDD, '-', 4 to 6 digits. */
#define VALID_TRACKNO_MIN	15
#define VALID_TRACKNO_MAX	17

#define VALID_IDCARD_LEN	18
#define VALID_USCC_LEN		18
#define VALID_MOBILE_LEN	11
#define VALID_DATE_LEN		10

/*
 * 文号: at most 16 characters of abbreviation (3 bytes each), 〔YYYY〕
 * (10 bytes), 6 digits and 号 (3 bytes).
 */
#define VALID_DOCNO_ABBR	16
#define VALID_DOCNO_SEQ		6
#define VALID_DOCNO_MAX		(VALID_DOCNO_ABBR * 3 + 10 + VALID_DOCNO_SEQ + 3)

/*
 * Backtracking steps one match may take.  The subjects are at most 254
 * bytes and the patterns nearly linear, so a real value needs a few
 * hundred; the limit is a second wall should a pattern be changed badly.
 * A value that reaches it is refused.
 */
#define VALID_MATCH_LIMIT	100000

enum valid_pat {
	VALID_PAT_MOBILE,
	VALID_PAT_PHONE,
	VALID_PAT_EMAIL,
	VALID_PAT_IDCARD,
	VALID_PAT_USCC,
	VALID_PAT_TRACKNO,
	VALID_PAT__MAX
};

#define VALID_ATEXT	"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
#define VALID_LABEL	"(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

static const char *const valid_sources[VALID_PAT__MAX] = {
	[VALID_PAT_MOBILE] = "\\A1[3-9][0-9]{9}\\z",
	[VALID_PAT_PHONE] = "\\A(?:"
	    "1[3-9][0-9]{9}"
	    "|0[1-9][0-9]{1,2}-?[0-9]{7,8}(?:-[0-9]{1,6})?"
	    "|[48]00-?(?:[0-9]{3}-?[0-9]{4}|[0-9]{4}-?[0-9]{3})"
	    "|1[0-9]{4}"
	    ")\\z",
	[VALID_PAT_EMAIL] = "\\A" VALID_ATEXT "+(?:\\." VALID_ATEXT "+)*"
	    "@(?:[A-Za-z0-9]" VALID_LABEL "\\.)+[A-Za-z]" VALID_LABEL "\\z",
	[VALID_PAT_IDCARD] = "\\A[1-9][0-9]{16}[0-9Xx]\\z",
	[VALID_PAT_USCC] = "\\A[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}[0-9]{6}"
	    "[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}\\z",
	[VALID_PAT_TRACKNO] = "\\A[A-Z]{2}[0-9]{8}-[0-9]{4,6}\\z",
};

/* Pattern names for log lines; a value itself is never logged. */
static const char *const valid_names[VALID_PAT__MAX] = {
	[VALID_PAT_MOBILE] = "mobile",
	[VALID_PAT_PHONE] = "phone",
	[VALID_PAT_EMAIL] = "email",
	[VALID_PAT_IDCARD] = "idcard",
	[VALID_PAT_USCC] = "uscc",
	[VALID_PAT_TRACKNO] = "trackno",
};

static const char *const valid_keys[CIVIC_VE__MAX] = {
	[CIVIC_VE_OK] = NULL,
	[CIVIC_VE_REQUIRED] = "v.required",
	[CIVIC_VE_UTF8] = "v.utf8",
	[CIVIC_VE_CONTROL] = "v.control",
	[CIVIC_VE_SHORT] = "v.short",
	[CIVIC_VE_LONG] = "v.long",
	[CIVIC_VE_INT] = "v.int",
	[CIVIC_VE_RANGE] = "v.range",
	[CIVIC_VE_DATE] = "v.date",
	[CIVIC_VE_MOBILE] = "v.mobile",
	[CIVIC_VE_PHONE] = "v.phone",
	[CIVIC_VE_EMAIL] = "v.email",
	[CIVIC_VE_IDCARD] = "v.idcard",
	[CIVIC_VE_USCC] = "v.uscc",
	[CIVIC_VE_TRACKNO] = "v.trackno",
	[CIVIC_VE_DOCNO] = "v.docno",
	[CIVIC_VE_CHOICE] = "v.choice",
	[CIVIC_VE_TOKEN] = "v.token",
	[CIVIC_VE_FILETYPE] = "v.filetype",
	[CIVIC_VE_FILESIZE] = "v.filesize",
	[CIVIC_VE_DOCTYPE] = "v.doctype",
};

static pcre2_code		*valid_code[VALID_PAT__MAX];
static pcre2_match_data		*valid_md;
static pcre2_match_context	*valid_mctx;

static int		 civic_valid_match(enum valid_pat, const char *, size_t);
static int		 civic_valid_num(const char *, size_t, int *);
static int		 civic_valid_ymd(int, int, int);
static int		 civic_valid_date8(const char *);
static enum civic_verr	 civic_valid_text(const struct civic_field *, const char *,
			    size_t, int);
static enum civic_verr	 civic_valid_int(const struct civic_field *, const char *,
			    size_t);
static enum civic_verr	 civic_valid_date(const char *, size_t);
static enum civic_verr	 civic_valid_email(const char *, size_t);
static enum civic_verr	 civic_valid_idcard(const char *, size_t);
static enum civic_verr	 civic_valid_uscc(const char *, size_t);
static enum civic_verr	 civic_valid_trackno(const char *, size_t);
static enum civic_verr	 civic_valid_docno(const char *, size_t);
static enum civic_verr	 civic_valid_enum(const struct civic_field *, const char *,
			    size_t);
static enum civic_verr	 civic_valid_token(const struct civic_field *, const char *,
			    size_t);

/*
 * Calling it again after success does nothing.  On failure nothing is
 * left allocated and the pattern kinds keep refusing every value.
 */
enum civic_err
civic_valid_init(void)
{
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	enum civic_err	 err = CIVIC_ERR_NOMEM;
	int		 i, code;

	if (valid_md != NULL)
		return CIVIC_OK;

	if ((valid_mctx = pcre2_match_context_create(NULL)) == NULL)
		goto fail;
	if (pcre2_set_match_limit(valid_mctx, VALID_MATCH_LIMIT) != 0)
		goto fail;
	/* No pattern captures: one pair of offsets is all a match reports. */
	if ((valid_md = pcre2_match_data_create(1, NULL)) == NULL)
		goto fail;

	for (i = 0; i < VALID_PAT__MAX; i++) {
		valid_code[i] = pcre2_compile((PCRE2_SPTR)valid_sources[i],
		    PCRE2_ZERO_TERMINATED, PCRE2_ANCHORED | PCRE2_ENDANCHORED |
		    PCRE2_NEVER_UTF | PCRE2_NEVER_UCP, &code, &off, NULL);
		if (valid_code[i] == NULL) {
			if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
				msg[0] = '\0';
			civic_log_err("valid: pattern %s at offset %zu: %s",
			    valid_names[i], (size_t)off, (const char *)msg);
			if (code != PCRE2_ERROR_HEAP_FAILED)
				err = CIVIC_ERR_CONFIG;
			goto fail;
		}
	}
	return CIVIC_OK;

fail:
	civic_valid_exit();
	return err;
}

/* Frees what civic_valid_init() made; safe to call more than once. */
void
civic_valid_exit(void)
{
	int	 i;

	for (i = 0; i < VALID_PAT__MAX; i++) {
		pcre2_code_free(valid_code[i]);
		valid_code[i] = NULL;
	}
	pcre2_match_data_free(valid_md);
	valid_md = NULL;
	pcre2_match_context_free(valid_mctx);
	valid_mctx = NULL;
}

/*
 * 1 when pattern p matches all of val[0..len).  Callers have bounded len.
 * A pattern that is not compiled, or a match that hits the limit, refuses.
 */
static int
civic_valid_match(enum valid_pat p, const char *val, size_t len)
{
	int	 rc;

	if (valid_code[p] == NULL || valid_md == NULL) {
		civic_log_err("valid: %s checked before civic_valid_init",
		    valid_names[p]);
		return 0;
	}
	rc = pcre2_match(valid_code[p], (PCRE2_SPTR)val, len, 0, 0, valid_md,
	    valid_mctx);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		civic_log_warn("valid: pattern %s: match error %d",
		    valid_names[p], rc);
	/* 0 means a match whose offsets did not fit: still a match. */
	return rc >= 0;
}

/* Reads the n (at most 8) ASCII digits at s into *v; 0 if one is not a digit. */
static int
civic_valid_num(const char *s, size_t n, int *v)
{
	size_t	 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* 1 when y-m-d is a real Gregorian date in the years we accept. */
static int
civic_valid_ymd(int y, int m, int d)
{
	static const int	 mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int			 last;

	if (y < VALID_YEAR_MIN || y > VALID_YEAR_MAX || m < 1 || m > 12 || d < 1)
		return 0;
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	return d <= last;
}

/* 1 when the 8 bytes at s are a valid YYYYMMDD. */
static int
civic_valid_date8(const char *s)
{
	int	 y, m, d;

	return civic_valid_num(s, 4, &y) && civic_valid_num(s + 4, 2, &m) &&
	    civic_valid_num(s + 6, 2, &d) && civic_valid_ymd(y, m, d);
}

/*
 * TEXT and MULTILINE.  A character takes at most 4 bytes, so a value of
 * more than 4 * max bytes is too long without looking at it.  The UTF-8
 * is known well formed before the scan, which may therefore read the
 * continuation bytes of a lead byte without testing len.
 */
static enum civic_verr
civic_valid_text(const struct civic_field *f, const char *val, size_t len,
    int multiline)
{
	const unsigned char	*s = (const unsigned char *)val;
	long long		 chars = 0;
	size_t			 i;

	if (f->max < 0 || (unsigned long long)len / 4 > (unsigned long long)f->max)
		return CIVIC_VE_LONG;
	if (!civic_utf8_valid(val, len))
		return CIVIC_VE_UTF8;

	for (i = 0; i < len; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f) {
			if (!multiline ||
			    (s[i] != '\n' && s[i] != '\r' && s[i] != '\t'))
				return CIVIC_VE_CONTROL;
			/* CR LF is one line break: count its LF only. */
			if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
				continue;
		} else if (s[i] == 0xc2 && s[i + 1] < 0xa0) {
			/* U+0080 to U+009F, the C1 controls. */
			return CIVIC_VE_CONTROL;
		} else if (s[i] == 0xe2) {
			/* U+2028 to U+202E and U+2066 to U+2069. */
			if (s[i + 1] == 0x80 && s[i + 2] >= 0xa8 && s[i + 2] <= 0xae)
				return CIVIC_VE_CONTROL;
			if (s[i + 1] == 0x81 && s[i + 2] >= 0xa6 && s[i + 2] <= 0xa9)
				return CIVIC_VE_CONTROL;
		}
		/* Every byte but a continuation byte starts a character. */
		if ((s[i] & 0xc0) != 0x80)
			chars++;
	}

	if (chars < f->min)
		return CIVIC_VE_SHORT;
	if (chars > f->max)
		return CIVIC_VE_LONG;
	return CIVIC_VE_OK;
}

/*
 * INT.  The digits are counted before any is added up, so the sum of at
 * most 18 of them cannot overflow: no strtoll, no errno.
 */
static enum civic_verr
civic_valid_int(const struct civic_field *f, const char *val, size_t len)
{
	long long	 v = 0;
	size_t		 i, start = 0;

	if (len > 0 && val[0] == '-')
		start = 1;
	if (start == len)
		return CIVIC_VE_INT;
	for (i = start; i < len; i++)
		if (val[i] < '0' || val[i] > '9')
			return CIVIC_VE_INT;
	if (len - start > VALID_INT_DIGITS)
		return CIVIC_VE_RANGE;

	for (i = start; i < len; i++)
		v = v * 10 + (val[i] - '0');
	if (start == 1)
		v = -v;
	if (v < f->min || v > f->max)
		return CIVIC_VE_RANGE;
	return CIVIC_VE_OK;
}

static enum civic_verr
civic_valid_date(const char *val, size_t len)
{
	int	 y, m, d;

	if (len != VALID_DATE_LEN || val[4] != '-' || val[7] != '-')
		return CIVIC_VE_DATE;
	if (!civic_valid_num(val, 4, &y) || !civic_valid_num(val + 5, 2, &m) ||
	    !civic_valid_num(val + 8, 2, &d) || !civic_valid_ymd(y, m, d))
		return CIVIC_VE_DATE;
	return CIVIC_VE_OK;
}

/* The pattern admits no '@' in the local part, so the first '@' splits. */
static enum civic_verr
civic_valid_email(const char *val, size_t len)
{
	const char	*at;

	if (len > VALID_EMAIL_MAX)
		return CIVIC_VE_EMAIL;
	if ((at = memchr(val, '@', len)) == NULL ||
	    (size_t)(at - val) > VALID_EMAIL_LOCAL_MAX)
		return CIVIC_VE_EMAIL;
	if (!civic_valid_match(VALID_PAT_EMAIL, val, len))
		return CIVIC_VE_EMAIL;
	return CIVIC_VE_OK;
}

/*
 * GB 11643-1999: digits 7 to 14 are the birth date; the last is the
 * ISO 7064 MOD 11-2 check of the first 17, 10 written as 'X'.
 */
static enum civic_verr
civic_valid_idcard(const char *val, size_t len)
{
	static const int	 weight[17] =
	    { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char	 check[] = "10X98765432";
	char			 last;
	int			 i, sum = 0;

	if (len != VALID_IDCARD_LEN || !civic_valid_match(VALID_PAT_IDCARD, val, len))
		return CIVIC_VE_IDCARD;
	if (!civic_valid_date8(val + 6))
		return CIVIC_VE_IDCARD;
	for (i = 0; i < 17; i++)
		sum += (val[i] - '0') * weight[i];
	last = val[17] == 'x' ? 'X' : val[17];
	if (check[sum % 11] != last)
		return CIVIC_VE_IDCARD;
	return CIVIC_VE_OK;
}

/*
 * GB 32100-2015: each character's value is its place in the alphabet
 * below; the check character's value is 31 - (weighted sum mod 31), 31
 * written as 0.
 */
static enum civic_verr
civic_valid_uscc(const char *val, size_t len)
{
	static const char	 alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int	 weight[17] =
	    { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	const char		*at;
	char			 c;
	int			 i, sum = 0, v[VALID_USCC_LEN];

	if (len != VALID_USCC_LEN || !civic_valid_match(VALID_PAT_USCC, val, len))
		return CIVIC_VE_USCC;
	for (i = 0; i < VALID_USCC_LEN; i++) {
		c = val[i] >= 'a' && val[i] <= 'z' ? (char)(val[i] - 'a' + 'A') : val[i];
		if ((at = strchr(alphabet, c)) == NULL)
			return CIVIC_VE_USCC;
		v[i] = (int)(at - alphabet);
	}
	for (i = 0; i < 17; i++)
		sum += v[i] * weight[i];
	if ((31 - sum % 31) % 31 != v[17])
		return CIVIC_VE_USCC;
	return CIVIC_VE_OK;
}

static enum civic_verr
civic_valid_trackno(const char *val, size_t len)
{
	if (len < VALID_TRACKNO_MIN || len > VALID_TRACKNO_MAX)
		return CIVIC_VE_TRACKNO;
	if (!civic_valid_match(VALID_PAT_TRACKNO, val, len) ||
	    !civic_valid_date8(val + 2))
		return CIVIC_VE_TRACKNO;
	return CIVIC_VE_OK;
}

/*
 * The code point at s[*i] of well-formed UTF-8 (the caller checked), *i
 * moved past it.
 */
static unsigned
valid_utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	unsigned	 c = s[*i], n, k;

	n = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
	c = n == 0 ? c : n == 1 ? c & 0x1f : n == 2 ? c & 0x0f : c & 0x07;
	for (k = 0, (*i)++; k < n && *i < len; k++, (*i)++)
		c = (c << 6) | (s[*i] & 0x3f);
	return c;
}

/* A CJK unified ideograph of the basic block or extension A. */
static int
valid_han(unsigned c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

static enum civic_verr
civic_valid_docno(const char *val, size_t len)
{
	const unsigned char	*s = (const unsigned char *)val;
	size_t			 i = 0, n;
	unsigned		 c = 0, year = 0;

	if (len > VALID_DOCNO_MAX || !civic_utf8_valid(val, len))
		return CIVIC_VE_DOCNO;
	/* 机关代字: a Chinese character first, then up to 15 more or ASCII letters and digits. */
	for (n = 0; i < len; n++) {
		c = valid_utf8_next(s, len, &i);
		if (c == 0x3014)
			break;
		if (n == VALID_DOCNO_ABBR || !(valid_han(c) ||
		    (n > 0 && c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10))))
			return CIVIC_VE_DOCNO;
	}
	if (c != 0x3014 || n == 0)
		return CIVIC_VE_DOCNO;
	/* 〔YYYY〕 */
	for (n = 0; n < 4; n++, i++) {
		if (i >= len || s[i] - (unsigned)'0' >= 10)
			return CIVIC_VE_DOCNO;
		year = year * 10 + (s[i] - '0');
	}
	if (year < VALID_YEAR_MIN || year > VALID_YEAR_MAX || i >= len ||
	    valid_utf8_next(s, len, &i) != 0x3015)
		return CIVIC_VE_DOCNO;
	/* The sequence number, no leading zero, then 号 and nothing after. */
	if (i >= len || s[i] == '0')
		return CIVIC_VE_DOCNO;
	for (n = 0; i < len && s[i] - (unsigned)'0' < 10; n++, i++)
		if (n == VALID_DOCNO_SEQ)
			return CIVIC_VE_DOCNO;
	if (n == 0 || i >= len || valid_utf8_next(s, len, &i) != 0x53f7 || i != len)
		return CIVIC_VE_DOCNO;
	return CIVIC_VE_OK;
}

/* Exact bytes: a choice is ours and holds no NUL, so the lengths must agree. */
static enum civic_verr
civic_valid_enum(const struct civic_field *f, const char *val, size_t len)
{
	const char *const	*c;

	if (f->choices == NULL)
		return CIVIC_VE_CHOICE;
	for (c = f->choices; *c != NULL; c++)
		if (strlen(*c) == len && memcmp(*c, val, len) == 0)
			return CIVIC_VE_OK;
	return CIVIC_VE_CHOICE;
}

/* URL-safe base64 alphabet; the value is ASCII, so bytes are characters. */
static enum civic_verr
civic_valid_token(const struct civic_field *f, const char *val, size_t len)
{
	size_t	 i;
	char	 c;

	if (f->min > 0 && (unsigned long long)len < (unsigned long long)f->min)
		return CIVIC_VE_TOKEN;
	if (f->max < 0 || (unsigned long long)len > (unsigned long long)f->max)
		return CIVIC_VE_TOKEN;
	for (i = 0; i < len; i++) {
		c = val[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return CIVIC_VE_TOKEN;
	}
	return CIVIC_VE_OK;
}

enum civic_verr
civic_valid_check(const struct civic_field *f, const char *val, size_t len)
{
	/* memchr and memcmp must not see NULL, even for no bytes. */
	if (val == NULL)
		val = "";

	switch (f->kind) {
	case CIVIC_V_TEXT:
		return civic_valid_text(f, val, len, 0);
	case CIVIC_V_MULTILINE:
		return civic_valid_text(f, val, len, 1);
	case CIVIC_V_INT:
		return civic_valid_int(f, val, len);
	case CIVIC_V_DATE:
		return civic_valid_date(val, len);
	case CIVIC_V_MOBILE:
		if (len != VALID_MOBILE_LEN ||
		    !civic_valid_match(VALID_PAT_MOBILE, val, len))
			return CIVIC_VE_MOBILE;
		return CIVIC_VE_OK;
	case CIVIC_V_PHONE:
		if (len < VALID_PHONE_MIN || len > VALID_PHONE_MAX ||
		    !civic_valid_match(VALID_PAT_PHONE, val, len))
			return CIVIC_VE_PHONE;
		return CIVIC_VE_OK;
	case CIVIC_V_EMAIL:
		return civic_valid_email(val, len);
	case CIVIC_V_IDCARD:
		return civic_valid_idcard(val, len);
	case CIVIC_V_USCC:
		return civic_valid_uscc(val, len);
	case CIVIC_V_TRACKNO:
		return civic_valid_trackno(val, len);
	case CIVIC_V_DOCNO:
		return civic_valid_docno(val, len);
	case CIVIC_V_ENUM:
		return civic_valid_enum(f, val, len);
	case CIVIC_V_TOKEN:
		return civic_valid_token(f, val, len);
	case CIVIC_V_FILE:
		/* A plain field where the route declared a file. */
		return CIVIC_VE_FILETYPE;
	default:
		break;
	}
	/* A kind this file does not know is a declaration error: refuse. */
	civic_log_err("valid: field %s: unknown kind %d",
	    f->name != NULL ? f->name : "?", (int)f->kind);
	return CIVIC_VE_CHOICE;
}

enum civic_verr
civic_valid_file(const struct civic_field *f, const unsigned char *data,
    size_t len)
{
	const char	*type;

	/* The size first: the type is read from the content, bounded by it. */
	if (f->max < 0 || (unsigned long long)len > (unsigned long long)f->max)
		return CIVIC_VE_FILESIZE;
	type = civic_valid_filetype(data, len);
	if (f->flags & CIVIC_F_DOCUMENT)
		return type == NULL ? CIVIC_VE_DOCTYPE : CIVIC_VE_OK;
	if (type == NULL || civic_valid_document(type))
		return CIVIC_VE_FILETYPE;
	return CIVIC_VE_OK;
}

/* Little-endian integers of a container's structures. */
static unsigned
valid_le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static unsigned long
valid_le32(const unsigned char *p)
{
	return (unsigned long)valid_le16(p) | (unsigned long)valid_le16(p + 2) << 16;
}

/*
 * 1 when the compound file data holds a stream named name (UTF-16LE, its
 * n bytes without the terminator) in a directory entry: entries are 128
 * bytes, in sectors of 512 or 4096 bytes after a header of the sector's
 * size, so each begins at a multiple of 128; its name's length (with the
 * terminator) is at 64 and its type (2: a stream) at 66.
 */
static int
valid_cfb_stream(const unsigned char *data, size_t len, const unsigned char *name, size_t n)
{
	size_t	 off;

	for (off = 512; off + 128 <= len; off += 128)
		if (valid_le16(data + off + 64) == n + 2 && data[off + 66] == 2 &&
		    memcmp(data + off, name, n) == 0)
			return 1;
	return 0;
}

/* The zip's central directory's names: what an Office Open XML file must and must not hold. */
#define VALID_ZIP_TYPES		0x01	/* [Content_Types].xml */
#define VALID_ZIP_WORD		0x02	/* word/document.xml */
#define VALID_ZIP_EXCEL		0x04	/* xl/workbook.xml */
#define VALID_ZIP_BAD		0x08	/* macros, programs, or a directory that doesn't add up */

/* 1 when the n bytes of name end with suffix, ASCII case folded. */
static int
valid_ends(const unsigned char *name, size_t n, const char *suffix)
{
	size_t	 k = strlen(suffix);

	return n >= k && strncasecmp((const char *)name + n - k, suffix, k) == 0;
}

/*
 * The VALID_ZIP_ flags of zip data, from its end of central directory
 * record (the last 22 bytes and a comment of up to 65535) and the entries
 * it points at, each bounds-checked.
 */
static unsigned
valid_zip(const unsigned char *data, size_t len)
{
	static const char *const bad[] = { "vbaproject.bin", ".exe", ".dll", ".msi", ".com",
	    ".scr", ".bat", ".cmd", ".js", ".vbs", ".ps1", ".jar", NULL };
	const unsigned char	*e = NULL, *p, *name;
	unsigned long		 off, size;
	unsigned		 flags = 0, count, i, n;
	size_t			 at, k;

	for (at = len >= 22 ? len - 22 : 0; len >= 22; at--) {
		if (memcmp(data + at, "PK\5\6", 4) == 0) {
			e = data + at;
			break;
		}
		if (at == 0 || len - at > 22 + 65535)
			break;
	}
	if (e == NULL)
		return VALID_ZIP_BAD;
	count = valid_le16(e + 10);
	size = valid_le32(e + 12);
	off = valid_le32(e + 16);
	if (off > at || size > at - off)
		return VALID_ZIP_BAD;
	for (p = data + off, i = 0; i < count; i++) {
		if ((size_t)(p - data) + 46 > off + size || memcmp(p, "PK\1\2", 4) != 0)
			return VALID_ZIP_BAD;
		n = valid_le16(p + 28);
		k = 46 + (size_t)n + valid_le16(p + 30) + valid_le16(p + 32);
		if ((size_t)(p - data) + k > off + size)
			return VALID_ZIP_BAD;
		name = p + 46;
		if (n == 19 && memcmp(name, "[Content_Types].xml", 19) == 0)
			flags |= VALID_ZIP_TYPES;
		else if (n == 17 && memcmp(name, "word/document.xml", 17) == 0)
			flags |= VALID_ZIP_WORD;
		else if (n == 15 && memcmp(name, "xl/workbook.xml", 15) == 0)
			flags |= VALID_ZIP_EXCEL;
		for (k = 0; bad[k] != NULL; k++)
			if (valid_ends(name, n, bad[k]))
				flags |= VALID_ZIP_BAD;
		p += 46 + (size_t)n + valid_le16(p + 30) + valid_le16(p + 32);
	}
	return flags;
}

/*
 * The magic numbers only say how the content begins; that is enough to
 * keep an executable or an HTML page from being stored as a "PDF".
 */
const char *
civic_valid_filetype(const unsigned char *data, size_t len)
{
	static const unsigned char	 pdf[] = { '%', 'P', 'D', 'F', '-' };
	static const unsigned char	 png[] =
	    { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	static const unsigned char	 jpeg[] = { 0xff, 0xd8, 0xff };
	static const unsigned char	 cfb[] =
	    { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	static const unsigned char	 zip[] = { 'P', 'K', 0x03, 0x04 };
	/* Stream names of a compound file's directory are UTF-16LE. */
	static const unsigned char	 word[] = { 'W', 0, 'o', 0, 'r', 0, 'd', 0, 'D', 0,
	    'o', 0, 'c', 0, 'u', 0, 'm', 0, 'e', 0, 'n', 0, 't', 0 };
	static const unsigned char	 workbook[] = { 'W', 0, 'o', 0, 'r', 0, 'k', 0, 'b', 0,
	    'o', 0, 'o', 0, 'k', 0 };
	static const unsigned char	 book[] = { 'B', 0, 'o', 0, 'o', 0, 'k', 0 };
	unsigned			 zf;

	if (data == NULL)
		return NULL;
	if (len >= sizeof(pdf) && memcmp(data, pdf, sizeof(pdf)) == 0)
		return "application/pdf";
	if (len >= sizeof(png) && memcmp(data, png, sizeof(png)) == 0)
		return "image/png";
	if (len >= sizeof(jpeg) && memcmp(data, jpeg, sizeof(jpeg)) == 0)
		return "image/jpeg";
	if (len >= sizeof(cfb) && memcmp(data, cfb, sizeof(cfb)) == 0) {
		if (valid_cfb_stream(data, len, word, sizeof(word)))
			return "application/msword";
		if (valid_cfb_stream(data, len, workbook, sizeof(workbook)) ||
		    valid_cfb_stream(data, len, book, sizeof(book)))
			return "application/vnd.ms-excel";
		return NULL;
	}
	if (len >= sizeof(zip) && memcmp(data, zip, sizeof(zip)) == 0) {
		zf = valid_zip(data, len);
		if ((zf & (VALID_ZIP_BAD | VALID_ZIP_TYPES)) != VALID_ZIP_TYPES)
			return NULL;
		if ((zf & (VALID_ZIP_WORD | VALID_ZIP_EXCEL)) == VALID_ZIP_WORD)
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		if ((zf & (VALID_ZIP_WORD | VALID_ZIP_EXCEL)) == VALID_ZIP_EXCEL)
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		return NULL;
	}
	return NULL;
}

/* Every type but the citizens' three is a document's. */
int
civic_valid_document(const char *type)
{
	return type != NULL && strcmp(type, "application/pdf") != 0 &&
	    strncmp(type, "image/", 6) != 0;
}

/* By enum civic_verr, as valid_keys; "v.nomem" is the callers' own. */
static const char *const valid_messages[CIVIC_VE__MAX] = {
	[CIVIC_VE_REQUIRED] = "required",
	[CIVIC_VE_UTF8] = "not valid UTF-8",
	[CIVIC_VE_CONTROL] = "control characters",
	[CIVIC_VE_SHORT] = "too short",
	[CIVIC_VE_LONG] = "too long",
	[CIVIC_VE_INT] = "not a whole number",
	[CIVIC_VE_RANGE] = "out of range",
	[CIVIC_VE_DATE] = "not a date (YYYY-MM-DD)",
	[CIVIC_VE_MOBILE] = "not a mobile number",
	[CIVIC_VE_PHONE] = "not a phone number",
	[CIVIC_VE_EMAIL] = "not an e-mail address",
	[CIVIC_VE_IDCARD] = "not a resident ID number (check digit)",
	[CIVIC_VE_USCC] = "not a unified social credit code (check character)",
	[CIVIC_VE_TRACKNO] = "not a tracking number like XX20260131-0001",
	[CIVIC_VE_DOCNO] = "not a 文号 like 郫府发〔2026〕12号",
	[CIVIC_VE_CHOICE] = "not one of the allowed values",
	[CIVIC_VE_TOKEN] = "not a token",
	[CIVIC_VE_FILETYPE] = "not a PDF, JPEG or PNG file",
	[CIVIC_VE_FILESIZE] = "too large a file",
	[CIVIC_VE_DOCTYPE] = "not a PDF, Word, Excel, JPEG or PNG file",
};

const char *
civic_valid_message(const char *key)
{
	size_t	 e;

	for (e = 1; key != NULL && e < CIVIC_VE__MAX; e++)
		if (valid_keys[e] != NULL && strcmp(valid_keys[e], key) == 0)
			return valid_messages[e] != NULL ? valid_messages[e] : key;
	return key;
}

/* NULL for CIVIC_VE_OK, which has no message, and for no error at all. */
const char *
civic_valid_key(enum civic_verr e)
{
	if ((unsigned)e >= CIVIC_VE__MAX)
		return NULL;
	return valid_keys[e];
}
