/*
 * test_valid.c: unit tests of the validators (modules/core/valid.c).
 *
 * For every kind: values that must pass, values that must not, and the
 * boundaries (min and max exactly, one past them), with text lengths
 * counted in characters using Chinese text, where bytes and characters
 * differ.  The first suite runs before civic_valid_init() to show that
 * the pattern kinds refuse rather than pass when nothing is compiled.
 *
 * Exit status: 0 when all passed, 1 when a test or a suite set-up failed,
 * 99 (automake's hard error) when CUnit itself could not run.
 *
 * <limits.h> is not included: with -I modules/core it would be civic's
 * limits.h; INT64_MIN and INT64_MAX (long long here) come from <stdint.h>.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include "log.h"
#include "valid.h"
#include "cunit_run.h"

/* Checks NUL-terminated s against a field of the given kind and bounds. */
static enum civic_verr
chk(enum civic_vkind kind, long long min, long long max, const char *s)
{
	struct civic_field	 f = { "f", kind, min, max, 0, NULL };

	return civic_valid_check(&f, s, strlen(s));
}

/* The same for a value of len bytes that may hold a NUL. */
static enum civic_verr
chkn(enum civic_vkind kind, long long min, long long max, const char *s,
    size_t len)
{
	struct civic_field	 f = { "f", kind, min, max, 0, NULL };

	return civic_valid_check(&f, s, len);
}

/* Kinds whose bounds do not matter. */
static enum civic_verr
chk1(enum civic_vkind kind, const char *s)
{
	return chk(kind, 0, 0, s);
}

/* Repeats s n times into buf (of size bufsz, always terminated). */
static const char *
rep(char *buf, size_t bufsz, const char *s, size_t n)
{
	size_t	 i, sl = strlen(s);

	buf[0] = '\0';
	for (i = 0; i < n && (i + 1) * sl < bufsz; i++)
		memcpy(buf + i * sl, s, sl + 1);
	return buf;
}

/*
 * Completes 17 digits into an 18-character ID number with the GB 11643
 * check character, written out independently of valid.c's table.
 */
static const char *
idcard(char out[19], const char *first17)
{
	static const int	 w[17] =
	    { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int			 i, sum = 0, r;

	memcpy(out, first17, 17);
	for (i = 0; i < 17; i++)
		sum += (first17[i] - '0') * w[i];
	/* ISO 7064 MOD 11-2: the check value c satisfies sum + c = 1 (mod 11). */
	r = (12 - sum % 11) % 11;
	out[17] = r == 10 ? 'X' : (char)('0' + r);
	out[18] = '\0';
	return out;
}

/*
 * Completes 17 characters into an 18-character unified social credit code
 * with the GB 32100-2015 check character, written out independently of
 * valid.c: the weights are 3^i mod 31, the check value 31 - (sum mod 31),
 * 31 written as 0.
 */
static const char *
uscc(char out[19], const char *first17)
{
	static const char	 a[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	int			 i, w = 1, sum = 0;

	memcpy(out, first17, 17);
	for (i = 0; i < 17; i++) {
		sum += (int)(strchr(a, first17[i]) - a) * w;
		w = w * 3 % 31;
	}
	out[17] = a[(31 - sum % 31) % 31];
	out[18] = '\0';
	return out;
}

/* A media type or "(none)", so that a NULL fails an assertion, not the run. */
static const char *
ftype(const unsigned char *data, size_t len)
{
	const char	*t = civic_valid_filetype(data, len);

	return t != NULL ? t : "(none)";
}

/* --- before civic_valid_init ------------------------------------------- */

static void
test_before_init(void)
{
	/* The pattern kinds refuse a good value rather than pass it unchecked. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@example.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002X"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-0001"), CIVIC_VE_TRACKNO);
	/* The others need no pattern. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, "你好"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 0, 10, "7"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2024-02-29"), CIVIC_VE_OK);
}

static void
test_init_exit(void)
{
	CU_ASSERT_EQUAL_FATAL(civic_valid_init(), CIVIC_OK);
	/* A second call is harmless and keeps the patterns. */
	CU_ASSERT_EQUAL(civic_valid_init(), CIVIC_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000"), CIVIC_VE_OK);
	civic_valid_exit();
	civic_valid_exit();
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL_FATAL(civic_valid_init(), CIVIC_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000"), CIVIC_VE_OK);
	civic_valid_exit();
}

/* --- TEXT and MULTILINE ------------------------------------------------- */

static void
test_text_ok(void)
{
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "Hello, world"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "关于小区停车问题的建议"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "No.1 路（东段）—— ¥ 100"), CIVIC_VE_OK);
	/* No-break space (U+00A0) is not a control. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xc2\xa0" "b"), CIVIC_VE_OK);
	/* Neighbours of the refused U+2028..U+202E and U+2066..U+2069. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x80\xa7"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x80\xaf"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x81\xa5"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x81\xaa"), CIVIC_VE_OK);
	/* Em dash U+2014 shares the lead bytes E2 80. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x80\x94" "b"), CIVIC_VE_OK);
}

static void
test_text_length(void)
{
	char	 buf[512];

	/* 5 Chinese characters are 15 bytes and meet a minimum of 5. */
	CU_ASSERT_EQUAL(strlen("你好世界啊"), 15);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 5, 10, "你好世界啊"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 5, 10, "你好世界"), CIVIC_VE_SHORT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 5, 10, "abcd"), CIVIC_VE_SHORT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 5, 10, "abcde"), CIVIC_VE_OK);

	/* Max exactly, and max + 1. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, rep(buf, sizeof(buf), "中", 10)),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, rep(buf, sizeof(buf), "中", 11)),
	    CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, rep(buf, sizeof(buf), "汉", 100)),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, rep(buf, sizeof(buf), "汉", 101)),
	    CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, rep(buf, sizeof(buf), "a", 10)),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, rep(buf, sizeof(buf), "a", 11)),
	    CIVIC_VE_LONG);

	/* A 4-byte character (U+1F600) is one character: 8 bytes, max 2. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 2, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80"),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 2, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80" "a"),
	    CIVIC_VE_LONG);
	/* Mixed: 2 + 3 + 1 characters. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 6, 6, "ab中文字\xf0\x9f\x98\x80"), CIVIC_VE_OK);

	/* A value too long even at 4 bytes a character is refused unread. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 2, rep(buf, sizeof(buf), "\xff", 12)),
	    CIVIC_VE_LONG);
}

static void
test_text_declared(void)
{
	/* max 0 is a declaration error: every non-empty value fails. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 0, 0, "a"), CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 0, 0, "中"), CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 0, -1, "a"), CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 0, 0, "a"), CIVIC_VE_LONG);
	/* Empty values are the caller's business, but must not crash. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 0, 10, ""), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 10, ""), CIVIC_VE_SHORT);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_TEXT, 0, 10, NULL, 0), CIVIC_VE_OK);
	/* A huge max does not overflow anything. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, INT64_MAX, "abc"), CIVIC_VE_OK);
}

static void
test_text_utf8(void)
{
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xff"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "ab\xfe"), CIVIC_VE_UTF8);
	/* A lead byte without its continuation. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc3\x28"), CIVIC_VE_UTF8);
	/* Truncated at the end: the scan must not read past the value. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "中\xe4\xbd"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc2"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe2"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe2\x80"), CIVIC_VE_UTF8);
	/* A stray continuation byte. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\x80" "b"), CIVIC_VE_UTF8);
	/* Overlong encodings of '/' and NUL. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc0\xaf"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc0\x80"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe0\x80\xaf"), CIVIC_VE_UTF8);
	/* A surrogate, and beyond U+10FFFF. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xed\xa0\x80"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xf4\x90\x80\x80"), CIVIC_VE_UTF8);
	/* GBK bytes of "中文" are not UTF-8. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xd6\xd0\xce\xc4"), CIVIC_VE_UTF8);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\n\xff"), CIVIC_VE_UTF8);
}

static void
test_text_control(void)
{
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\tb"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\nb"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\rb"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\r\nb"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\x01"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\x1b[31m"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\x1f"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\x7f"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_TEXT, 1, 100, "a\0b", 3), CIVIC_VE_CONTROL);
	/* C1: U+0080, U+0085 (NEL), U+009F. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc2\x80"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xc2\x85" "b"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xc2\x9f"), CIVIC_VE_CONTROL);
	/* Line and paragraph separators, bidirectional controls. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x80\xa8" "b"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "a\xe2\x80\xa9" "b"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe2\x80\xaa"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "abc\xe2\x80\xae" "fdp.exe"),
	    CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe2\x81\xa6"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TEXT, 1, 100, "\xe2\x81\xa9"), CIVIC_VE_CONTROL);
	/* The same hold in MULTILINE. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "\xc2\x85"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\n\xe2\x80\xa8"),
	    CIVIC_VE_CONTROL);
}

static void
test_multiline(void)
{
	char	 buf[512];

	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "第一行\n第二行"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "第一行\r\n第二行"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\rb"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "\ta\tb"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\n"), CIVIC_VE_OK);
	/* Other C0 controls, DEL and NUL stay refused. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\x0b" "b"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\x0c" "b"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 100, "a\x7f"), CIVIC_VE_CONTROL);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_MULTILINE, 1, 100, "a\n\0", 3), CIVIC_VE_CONTROL);

	/* CR LF counts as one character, a lone CR or LF as one. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 3, 3, "a\r\nb"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 3, 3, "a\nb"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 3, 3, "a\rb"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 3, "a\n\nb"), CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 3, "a\r\n\r\nb"), CIVIC_VE_LONG);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 2, 2, "\r\r\n"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 2, 2, "\n\r"), CIVIC_VE_OK);
	/* A CR at the very end counts once and is not read past. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 2, 2, "a\r"), CIVIC_VE_OK);

	/* 5 Chinese characters across lines: min 5 met, 4 not. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 5, 10, "你好\r\n世界"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 5, 10, "你好世界"), CIVIC_VE_SHORT);
	/* A 3000-character letter of 100 lines, and one character more. */
	{
		char	 letter[3 * 3000 + 100];
		size_t	 n = 0;
		int	 line, i;

		for (line = 0; line < 100; line++) {
			for (i = 0; i < 29; i++) {
				memcpy(letter + n, "信", 3);
				n += 3;
			}
			memcpy(letter + n, "\r\n", 2);
			n += 2;
		}
		CU_ASSERT_EQUAL(chkn(CIVIC_V_MULTILINE, 1, 3000, letter, n),
		    CIVIC_VE_OK);
		letter[n++] = 'x';
		CU_ASSERT_EQUAL(chkn(CIVIC_V_MULTILINE, 1, 3000, letter, n),
		    CIVIC_VE_LONG);
	}
	CU_ASSERT_EQUAL(chk(CIVIC_V_MULTILINE, 1, 10, rep(buf, sizeof(buf), "中", 11)),
	    CIVIC_VE_LONG);
}

/* --- INT ---------------------------------------------------------------- */

static void
test_int(void)
{
	const long long	 lo = INT64_MIN, hi = INT64_MAX;

	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "0"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "42"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "-42"), CIVIC_VE_OK);
	/* Leading zeros are allowed; "-0" is 0. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "007"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 7, 7, "007"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 0, 0, "-0"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 0, 10, "-00"), CIVIC_VE_OK);
	/* 18 digits are the most. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "999999999999999999"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "-999999999999999999"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 999999999999999999LL, hi,
	    "999999999999999999"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "9999999999999999999"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "9223372036854775807"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "-9223372036854775808"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "99999999999999999999999999999"),
	    CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "0000000000000000001"), CIVIC_VE_RANGE);

	/* Not integers. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, ""), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "-"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "--1"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "+1"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, " 1"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "1 "), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "1-"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "1.0"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "1e3"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "0x10"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "1,000"), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "１２"), CIVIC_VE_INT);	/* full-width */
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "\xd9\xa1"), CIVIC_VE_INT); /* U+0661 */
	CU_ASSERT_EQUAL(chkn(CIVIC_V_INT, lo, hi, "1\0", 2), CIVIC_VE_INT);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, lo, hi, "99999999999999999999x"), CIVIC_VE_INT);

	/* Range: min and max exactly, one past each. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 1, 100, "1"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 1, 100, "100"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 1, 100, "0"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 1, 100, "101"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, 1, 100, "-1"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, -10, -5, "-10"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, -10, -5, "-11"), CIVIC_VE_RANGE);
	CU_ASSERT_EQUAL(chk(CIVIC_V_INT, -10, -5, "-4"), CIVIC_VE_RANGE);
}

/* --- DATE --------------------------------------------------------------- */

static void
test_date(void)
{
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2024-02-29"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2023-02-28"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2023-02-29"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2024-02-30"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2000-02-29"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "1900-02-29"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2100-02-29"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-13-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-00-10"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-00"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-31"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-32"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-04-30"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-04-31"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-12-31"), CIVIC_VE_OK);
	/* Years 1900..2199. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "1900-01-01"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "1899-12-31"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2199-12-31"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2200-01-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "0000-01-01"), CIVIC_VE_DATE);
	/* Format. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-1-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-1"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026/01/01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "20260101"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-01 "), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, " 2026-01-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-01\n"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-0a"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "+026-01-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026--1-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "2026-01-01T00:00"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, "２０２６-01-01"), CIVIC_VE_DATE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DATE, ""), CIVIC_VE_DATE);
}

/* --- MOBILE and PHONE --------------------------------------------------- */

static void
test_mobile(void)
{
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "19912345678"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "15000000000"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "12800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "10800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "23800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "1380013800"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "138001380000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "1380013800a"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "13800138000\n"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "1380013800\n"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "+8613800138000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "138-0013-8000"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, "１３８００１３８０００"), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_MOBILE, 0, 0, "1380013800\0", 11), CIVIC_VE_MOBILE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_MOBILE, ""), CIVIC_VE_MOBILE);
}

static void
test_phone(void)
{
	char	 buf[64];

	/* Mobile. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "13800138000"), CIVIC_VE_OK);
	/* Landline, with and without '-', 3- and 4-digit area codes. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-12345678"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "01012345678"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0755-1234567"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0755-12345678"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "075512345678"), CIVIC_VE_OK);
	/* Extensions of 1 to 6 digits; the longest number is 20 bytes. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0755-12345678-1"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "021-1234567-123"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0755-12345678-123456"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(strlen("0755-12345678-123456"), 20);
	/* Service numbers and hotlines. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "400-123-4567"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "400-1234-567"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "4001234567"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "800-123-4567"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "12345"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "12315"), CIVIC_VE_OK);

	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-123456"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-123456789"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0010-12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "00-12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010--12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-12345678-"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-12345678-1234567"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "0755-12345678-1234567"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "(010)12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010 12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "+86-10-12345678"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "500-123-4567"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "400-12-34567"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "400-123-456"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "1234"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "123456"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "02345"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "12345\n"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "13800138000\n"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, "010-1234567８"), CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, rep(buf, sizeof(buf), "1", 40)),
	    CIVIC_VE_PHONE);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_PHONE, ""), CIVIC_VE_PHONE);
}

/* --- EMAIL -------------------------------------------------------------- */

static void
test_email(void)
{
	char	 buf[400], label[80];

	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b.cn"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "zhang.san@example.gov.cn"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "user+tag@mail.example.com"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "O'Brien@example.ie"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "x_1-2@a-b.c-d.org"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@xn--fiqs8s.xn--fiqs8s"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "12345@qq.com"), CIVIC_VE_OK);

	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, ""), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "@b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b."), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b..cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, ".a@b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a.@b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a..b@b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b@c.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a b@c.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "<a@b.cn>"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "\"a\"@b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "张三@example.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@例子.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@-b.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b-.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b.cn-"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b_c.cn"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@192.168.1.1"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@[192.168.1.1]"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b.cn\n"), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, "a@b.cn."), CIVIC_VE_EMAIL);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_EMAIL, 0, 0, "a@b.cn\0x", 8), CIVIC_VE_EMAIL);

	/* Local part: 64 bytes pass, 65 do not. */
	rep(buf, sizeof(buf), "a", 64);
	strncat(buf, "@example.cn", sizeof(buf) - strlen(buf) - 1);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_OK);
	rep(buf, sizeof(buf), "a", 65);
	strncat(buf, "@example.cn", sizeof(buf) - strlen(buf) - 1);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_EMAIL);

	/* A label: 63 bytes pass, 64 do not. */
	rep(label, sizeof(label), "b", 63);
	snprintf(buf, sizeof(buf), "a@%s.cn", label);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_OK);
	rep(label, sizeof(label), "b", 64);
	snprintf(buf, sizeof(buf), "a@%s.cn", label);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_EMAIL);

	/*
	 * The whole address: 254 bytes pass, 255 do not.  "a@" and 125
	 * "b." make 252 bytes, then "cn" or "cnx".  Many short labels are
	 * also the most backtracking a real address asks for: it must stay
	 * under the match limit.
	 */
	{
		char	 addr[300];
		size_t	 n = 0;
		int	 i;

		memcpy(addr, "a@", 2);
		n = 2;
		for (i = 0; i < 125; i++) {
			memcpy(addr + n, "b.", 2);
			n += 2;
		}
		memcpy(addr + n, "cn", 3);
		CU_ASSERT_EQUAL(strlen(addr), 254);
		CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, addr), CIVIC_VE_OK);
		memcpy(addr + n, "cnx", 4);
		CU_ASSERT_EQUAL(strlen(addr), 255);
		CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, addr), CIVIC_VE_EMAIL);
	}
}

/*
 * Values built to make a backtracking matcher work hard; each must be
 * answered, and answered with a refusal.
 */
static void
test_email_hostile(void)
{
	char	 buf[300];
	size_t	 n;
	int	 i;

	/* Long labels of hyphens that never end in a letter or digit. */
	memcpy(buf, "a@", 2);
	for (n = 2, i = 0; n + 4 < 254; i++) {
		memcpy(buf + n, "a---", 4);
		n += 4;
	}
	buf[n] = '\0';
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_EMAIL);

	/* Many labels and no valid last one. */
	memcpy(buf, "a@", 2);
	for (n = 2; n + 2 < 253; n += 2)
		memcpy(buf + n, "a.", 2);
	buf[n++] = '1';
	buf[n] = '\0';
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_EMAIL);

	/* A local part of dots and atext, failing only at the end. */
	rep(buf, sizeof(buf), "a.", 32);
	memcpy(buf + 64, "@", 2);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_EMAIL, buf), CIVIC_VE_EMAIL);
}

/* --- IDCARD ------------------------------------------------------------- */

static void
test_idcard(void)
{
	char	 id[19], mut[19];
	int	 i, d;

	/* The example of GB 11643-1999, with 'X' and 'x'. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002X"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002x"), CIVIC_VE_OK);
	CU_ASSERT_STRING_EQUAL(idcard(id, "11010519491231002"), "11010519491231002X");
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "110105194912310021"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002Y"), CIVIC_VE_IDCARD);

	/* Computed check digits: a leap day, a check digit of 0..9. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030420000229123")),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "31010119900101001")),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "91000019990101000")),
	    CIVIC_VE_OK);
	/* A lower-case x where the check is a digit is wrong. */
	idcard(id, "31010119900101001");
	if (id[17] != 'X') {
		id[17] = 'x';
		CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, id), CIVIC_VE_IDCARD);
	}

	/* Right check digit, wrong birth date or region. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030419000229123")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030420230229123")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030420261301123")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030420260100123")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44052418800101001")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "04030420000229123")),
	    CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, idcard(id, "44030419000101123")),
	    CIVIC_VE_OK);

	/* Every single wrong digit is caught by the check digit. */
	idcard(id, "11010519491231002");
	for (i = 0; i < 17; i++)
		for (d = '0'; d <= '9'; d++) {
			if (d == id[i])
				continue;
			memcpy(mut, id, sizeof(mut));
			mut[i] = (char)d;
			CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, mut), CIVIC_VE_IDCARD);
		}
	/* So is every swap of two different neighbouring digits. */
	for (i = 0; i < 16; i++) {
		if (id[i] == id[i + 1])
			continue;
		memcpy(mut, id, sizeof(mut));
		mut[i] = id[i + 1];
		mut[i + 1] = id[i];
		CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, mut), CIVIC_VE_IDCARD);
	}

	/* Shape. */
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002X0"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "110105491231002"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "1101051949123100X2"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "11010519491231002X\n"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, " 11010519491231002X"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, "1101051949123100２X"), CIVIC_VE_IDCARD);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_IDCARD, ""), CIVIC_VE_IDCARD);
}

/* --- USCC --------------------------------------------------------------- */

/*
 * Unified social credit codes: real check characters, as printed on
 * business licences (the first is from a Fuzhou licence), and as
 * computed here for each kind of registering authority (9: market
 * regulation, 1: government bodies, 5: social organisations, 3: others,
 * Y: other authorities); then each way a code goes wrong.
 */
static void
test_uscc(void)
{
	static const struct {
		const char	*code;
		enum civic_verr	 want;
	} table[] = {
		{ "91350100M000100Y43", CIVIC_VE_OK },
		{ "91110108551385082Q", CIVIC_VE_OK },
		{ "12100000400010398P", CIVIC_VE_OK },
		{ "52510124MJ0000001Y", CIVIC_VE_OK },
		{ "91510124MA6CU7TX0K", CIVIC_VE_OK },
		{ "93510124MA62ABCDE8", CIVIC_VE_OK },
		{ "31510000MD0123456Y", CIVIC_VE_OK },
		{ "91440300708461136T", CIVIC_VE_OK },
		{ "Y1510124000000000H", CIVIC_VE_OK },
		/* A check value of 31 is written 0. */
		{ "915101247000000030", CIVIC_VE_OK },
		/* Typed in lower case: the same code. */
		{ "91350100m000100y43", CIVIC_VE_OK },
		/* A wrong check character, by one and by far. */
		{ "91350100M000100Y44", CIVIC_VE_USCC },
		{ "91350100M000100Y4Y", CIVIC_VE_USCC },
		{ "91110108551385082P", CIVIC_VE_USCC },
		{ "915101247000000031", CIVIC_VE_USCC },
		/* Two neighbours swapped. */
		{ "93150100M000100Y43", CIVIC_VE_USCC },
		/* Letters GB 32100 leaves out (I, O, S, V, Z), anywhere. */
		{ "91350100MI00100Y43", CIVIC_VE_USCC },
		{ "91350100M000100O43", CIVIC_VE_USCC },
		{ "91350100M000100S43", CIVIC_VE_USCC },
		{ "91350100V000100Y43", CIVIC_VE_USCC },
		{ "91350100M000100Y4Z", CIVIC_VE_USCC },
		/* The region code is six digits. */
		{ "9135010AM000100Y43", CIVIC_VE_USCC },
		/* Length, spaces, dashes, full-width characters, nothing. */
		{ "91350100M000100Y4", CIVIC_VE_USCC },
		{ "91350100M000100Y430", CIVIC_VE_USCC },
		{ "91350100M000100Y43 ", CIVIC_VE_USCC },
		{ "913501-00M000100Y43", CIVIC_VE_USCC },
		{ "９1350100M000100Y43", CIVIC_VE_USCC },
		{ "91350100M000100Y4\n", CIVIC_VE_USCC },
		{ "", CIVIC_VE_USCC },
		/* An ID number is not a credit code. */
		{ "11010519491231002X", CIVIC_VE_USCC },
	};
	static const char	 a[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char			 code[19], mut[19];
	size_t			 i, j;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		CU_ASSERT_EQUAL(chk1(CIVIC_V_USCC, table[i].code), table[i].want);
		if (chk1(CIVIC_V_USCC, table[i].code) != table[i].want)
			fprintf(stderr, "USCC %s: wrong answer\n", table[i].code);
	}
	/* The table's valid codes are what the check computed here gives. */
	CU_ASSERT_STRING_EQUAL(uscc(code, "91350100M000100Y4"), "91350100M000100Y43");
	CU_ASSERT_STRING_EQUAL(uscc(code, "915101247000000030"), "915101247000000030");
	/* Every single wrong character of the code's alphabet is caught. */
	uscc(code, "91510124MA6CU7TX0");
	CU_ASSERT_EQUAL(chk1(CIVIC_V_USCC, code), CIVIC_VE_OK);
	for (i = 0; i < 18; i++)
		for (j = 0; a[j] != '\0'; j++) {
			if (a[j] == code[i] || (i >= 2 && i < 8 && (a[j] < '0' || a[j] > '9')))
				continue;
			memcpy(mut, code, sizeof(mut));
			mut[i] = a[j];
			CU_ASSERT_EQUAL(chk1(CIVIC_V_USCC, mut), CIVIC_VE_USCC);
		}
}

/* --- DOCNO ------------------------------------------------------------- */

/*
 * 文号 as county documents print them, then the mistakes seen when they are
 * typed: the wrong brackets, a padded number, a missing 号, a year that is
 * no year, an abbreviation that is not one.
 */
static void
test_docno(void)
{
	static const struct {
		const char	*no;
		enum civic_verr	 want;
	} table[] = {
		{ "郫府发〔2026〕12号", CIVIC_VE_OK },
		{ "郫府办发〔2025〕1号", CIVIC_VE_OK },
		{ "国办发〔2019〕57号", CIVIC_VE_OK },
		{ "成府函〔2024〕123456号", CIVIC_VE_OK },
		{ "川卫发〔1999〕300号", CIVIC_VE_OK },
		{ "郫教G〔2026〕3号", CIVIC_VE_OK },
		{ "郫发〔2026〕1号", CIVIC_VE_OK },
		{ "令〔2026〕2号", CIVIC_VE_OK },
		/* Sixteen characters of abbreviation, and seventeen. */
		{ "一二三四五六七八九十一二三四五六〔2026〕1号", CIVIC_VE_OK },
		{ "一二三四五六七八九十一二三四五六七〔2026〕1号", CIVIC_VE_DOCNO },
		/* Brackets: [], 【】, （）, () and 〔 without 〕. */
		{ "郫府发[2026]12号", CIVIC_VE_DOCNO },
		{ "郫府发【2026】12号", CIVIC_VE_DOCNO },
		{ "郫府发（2026）12号", CIVIC_VE_DOCNO },
		{ "郫府发(2026)12号", CIVIC_VE_DOCNO },
		{ "郫府发〔2026]12号", CIVIC_VE_DOCNO },
		/* 不编虚位: no leading zero; a number; at most six digits. */
		{ "郫府发〔2026〕012号", CIVIC_VE_DOCNO },
		{ "郫府发〔2026〕0号", CIVIC_VE_DOCNO },
		{ "郫府发〔2026〕号", CIVIC_VE_DOCNO },
		{ "郫府发〔2026〕1234567号", CIVIC_VE_DOCNO },
		/* 号 at the end, and nothing after it. */
		{ "郫府发〔2026〕12", CIVIC_VE_DOCNO },
		{ "郫府发〔2026〕12号 ", CIVIC_VE_DOCNO },
		{ "郫府发〔2026〕12号号", CIVIC_VE_DOCNO },
		/* The year: four digits, 1900..2199. */
		{ "郫府发〔26〕12号", CIVIC_VE_DOCNO },
		{ "郫府发〔20266〕12号", CIVIC_VE_DOCNO },
		{ "郫府发〔1899〕12号", CIVIC_VE_DOCNO },
		{ "郫府发〔２０２６〕12号", CIVIC_VE_DOCNO },
		/* The abbreviation: begins with a Chinese character, has one, no spaces. */
		{ "〔2026〕12号", CIVIC_VE_DOCNO },
		{ "G郫府发〔2026〕12号", CIVIC_VE_DOCNO },
		{ "郫府 发〔2026〕12号", CIVIC_VE_DOCNO },
		{ "郫府发\n〔2026〕12号", CIVIC_VE_DOCNO },
		{ "<b>〔2026〕12号", CIVIC_VE_DOCNO },
		{ "", CIVIC_VE_DOCNO },
		/* Broken UTF-8 inside. */
		{ "郫府\xe5\x8f〔2026〕12号", CIVIC_VE_DOCNO },
	};
	char		 long_no[200];
	size_t		 i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		CU_ASSERT_EQUAL(chk1(CIVIC_V_DOCNO, table[i].no), table[i].want);
		if (chk1(CIVIC_V_DOCNO, table[i].no) != table[i].want)
			fprintf(stderr, "DOCNO %s: wrong answer\n", table[i].no);
	}
	/* A long value is refused before it is scanned. */
	memset(long_no, 'a', sizeof(long_no) - 1);
	long_no[sizeof(long_no) - 1] = '\0';
	CU_ASSERT_EQUAL(chk1(CIVIC_V_DOCNO, long_no), CIVIC_VE_DOCNO);
}

/* --- TRACKNO ------------------------------------------------------------ */

static void
test_trackno(void)
{
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-0001"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "XF20240229-12345"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "YS20261231-123456"), CIVIC_VE_OK);

	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "gz20240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "Gz20240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "G120240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "G20240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZX20240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20230229-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20241301-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ18991231-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-1234567"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ2024011-00001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115_0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-000a"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-0001\n"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "GZ20240115-0001 "), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, "ＧＺ20240115-0001"), CIVIC_VE_TRACKNO);
	CU_ASSERT_EQUAL(chk1(CIVIC_V_TRACKNO, ""), CIVIC_VE_TRACKNO);
}

/* --- ENUM and TOKEN ----------------------------------------------------- */

static void
test_enum(void)
{
	static const char *const	 choices[] =
	    { "open", "closed", "已办结", NULL };
	struct civic_field		 f =
	    { "state", CIVIC_V_ENUM, 0, 0, 0, choices };

	CU_ASSERT_EQUAL(civic_valid_check(&f, "open", 4), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "closed", 6), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "已办结", strlen("已办结")), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "Open", 4), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "ope", 3), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "openx", 5), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, " open", 5), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "open\0", 5), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, "", 0), CIVIC_VE_CHOICE);
	CU_ASSERT_EQUAL(civic_valid_check(&f, NULL, 0), CIVIC_VE_CHOICE);
	/* A prefix of the value's buffer matching is not a match. */
	CU_ASSERT_EQUAL(civic_valid_check(&f, "closed", 5), CIVIC_VE_CHOICE);

	f.choices = NULL;
	CU_ASSERT_EQUAL(civic_valid_check(&f, "open", 4), CIVIC_VE_CHOICE);
}

static void
test_token(void)
{
	char	 buf[128];

	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 16, 64, "AZaz09_-AZaz09_-"), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 16, 64, rep(buf, sizeof(buf), "x", 16)),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 16, 64, rep(buf, sizeof(buf), "x", 15)),
	    CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 16, 64, rep(buf, sizeof(buf), "x", 64)),
	    CIVIC_VE_OK);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 16, 64, rep(buf, sizeof(buf), "x", 65)),
	    CIVIC_VE_TOKEN);
	/* Standard base64 characters and padding are not in the alphabet. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "abcdefgh+/"), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "abcdefgh=="), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "abc def"), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "abc.def"), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "令牌"), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 1, 64, "abc\n"), CIVIC_VE_TOKEN);
	CU_ASSERT_EQUAL(chkn(CIVIC_V_TOKEN, 1, 64, "abc\0def", 7), CIVIC_VE_TOKEN);
	/* max 0 is a declaration error. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_TOKEN, 0, 0, "a"), CIVIC_VE_TOKEN);
}

/* --- FILE --------------------------------------------------------------- */

static void
test_file(void)
{
	static const unsigned char	 png[] =
	    { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
	static const unsigned char	 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16 };
	static const unsigned char	 gif[] = "GIF89a";
	static const unsigned char	 html[] = "<html><script>";
	static const unsigned char	 elf[] = { 0x7f, 'E', 'L', 'F', 2, 1 };
	unsigned char			 pdf[101];
	struct civic_field		 f = { "att", CIVIC_V_FILE, 0, 100, 0, NULL };

	memset(pdf, ' ', sizeof(pdf));
	memcpy(pdf, "%PDF-1.7\n", 9);

	CU_ASSERT_STRING_EQUAL(ftype(pdf, sizeof(pdf)),
	    "application/pdf");
	CU_ASSERT_STRING_EQUAL(ftype(png, sizeof(png)), "image/png");
	CU_ASSERT_STRING_EQUAL(ftype(jpeg, sizeof(jpeg)), "image/jpeg");
	CU_ASSERT_STRING_EQUAL(ftype(jpeg, 3), "image/jpeg");
	CU_ASSERT_STRING_EQUAL(ftype(pdf, 5), "application/pdf");
	CU_ASSERT_PTR_NULL(civic_valid_filetype(pdf, 4));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(png, 7));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(jpeg, 2));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(gif, sizeof(gif) - 1));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(html, sizeof(html) - 1));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(elf, sizeof(elf)));
	CU_ASSERT_PTR_NULL(civic_valid_filetype((const unsigned char *)"%pdf-", 5));
	CU_ASSERT_PTR_NULL(civic_valid_filetype((const unsigned char *)" %PDF-", 6));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(pdf, 0));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(NULL, 0));

	/* Size: max exactly, and one byte more. */
	CU_ASSERT_EQUAL(civic_valid_file(&f, pdf, 100), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&f, pdf, 101), CIVIC_VE_FILESIZE);
	CU_ASSERT_EQUAL(civic_valid_file(&f, png, sizeof(png)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&f, jpeg, sizeof(jpeg)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&f, gif, sizeof(gif) - 1), CIVIC_VE_FILETYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&f, html, sizeof(html) - 1), CIVIC_VE_FILETYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&f, pdf, 0), CIVIC_VE_FILETYPE);
	f.max = 0;
	CU_ASSERT_EQUAL(civic_valid_file(&f, pdf, 5), CIVIC_VE_FILESIZE);

	/* A plain value checked as a file field is refused. */
	CU_ASSERT_EQUAL(chk(CIVIC_V_FILE, 0, 100, "%PDF-1.7"), CIVIC_VE_FILETYPE);
}

/*
 * A zip of the names given, as an Office program writes one: a local
 * header first, then the central directory, then its end record (the
 * parts this check reads).  Returns its length in out.
 */
static size_t
zip_of(unsigned char *out, const char *const *names)
{
	size_t	 n = 0, cd, k, i, count = 0;

	memcpy(out, "PK\3\4", 4);
	memset(out + 4, 0, 26);
	n = 30;
	cd = n;
	for (i = 0; names[i] != NULL; i++, count++) {
		k = strlen(names[i]);
		memset(out + n, 0, 46);
		memcpy(out + n, "PK\1\2", 4);
		out[n + 28] = (unsigned char)k;
		memcpy(out + n + 46, names[i], k);
		n += 46 + k;
	}
	memset(out + n, 0, 22);
	memcpy(out + n, "PK\5\6", 4);
	out[n + 10] = (unsigned char)count;
	out[n + 12] = (unsigned char)((n - cd) & 0xff);
	out[n + 13] = (unsigned char)((n - cd) >> 8);
	out[n + 16] = (unsigned char)cd;
	return n + 22;
}

/* A compound file with one directory entry at 512: name (UTF-16LE, n bytes), its type. */
static void
cfb_of(unsigned char out[1024], const unsigned char *name, size_t n, unsigned char type)
{
	static const unsigned char	 cfb[] =
	    { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

	memset(out, 0, 1024);
	memcpy(out, cfb, sizeof(cfb));
	memcpy(out + 512, name, n);
	out[512 + 64] = (unsigned char)(n + 2);
	out[512 + 66] = type;
}

/*
 * Word and Excel, old and new, by their containers read as their formats
 * say, taken only by a field that says CIVIC_F_DOCUMENT; a compound file
 * or a zip that is neither (an installer, an archive that merely holds a
 * document or names one, a macro document) is no document.
 */
static void
test_file_document(void)
{
	static const unsigned char	 wd[] = { 'W', 0, 'o', 0, 'r', 0, 'd', 0, 'D', 0,
	    'o', 0, 'c', 0, 'u', 0, 'm', 0, 'e', 0, 'n', 0, 't', 0 };
	static const unsigned char	 wb[] = { 'W', 0, 'o', 0, 'r', 0, 'k', 0, 'b', 0,
	    'o', 0, 'o', 0, 'k', 0 };
	static const unsigned char	 b5[] = { 'B', 0, 'o', 0, 'o', 0, 'k', 0 };
	static const unsigned char	 ab[] = { 'A', 0, 'd', 0, 'd', 0, 'r', 0, 'e', 0,
	    's', 0, 's', 0, 'B', 0, 'o', 0, 'o', 0, 'k', 0 };
	static const char *const	 docx_names[] = { "[Content_Types].xml", "_rels/.rels",
	    "word/document.xml", NULL };
	static const char *const	 xlsx_names[] = { "[Content_Types].xml", "xl/workbook.xml",
	    "xl/worksheets/sheet1.xml", NULL };
	static const char *const	 docm_names[] = { "[Content_Types].xml", "word/document.xml",
	    "word/vbaProject.bin", NULL };
	static const char *const	 bundle_names[] = { "setup.exe", "readme.docx", NULL };
	static const char *const	 mention_names[] = { "notes/word/document.xml.txt", NULL };
	static const char *const	 bare_names[] = { "word/document.xml", NULL };
	unsigned char			 doc[1024], xls[1024], xls5[1024], msi[1024], book_in[1024];
	unsigned char			 wordstorage[1024];
	unsigned char			 docx[600], xlsx[600], docm[600], bundle[600], mention[600];
	unsigned char			 bare[600], png[16];
	size_t				 ndocx, nxlsx, ndocm, nbundle, nmention, nbare;
	struct civic_field		 citizen = { "m1", CIVIC_V_FILE, 0, 1100, 0, NULL };
	struct civic_field		 att = { "a1", CIVIC_V_FILE, 0, 1100, CIVIC_F_DOCUMENT,
					    NULL };

	cfb_of(doc, wd, sizeof(wd), 2);
	cfb_of(xls, wb, sizeof(wb), 2);
	cfb_of(xls5, b5, sizeof(b5), 2);
	cfb_of(msi, (const unsigned char *)"S\0u\0m\0m\0a\0r\0y\0", 14, 2);
	/* "Book" only inside another name, and WordDocument as a storage, not a stream. */
	cfb_of(book_in, ab, sizeof(ab), 2);
	cfb_of(wordstorage, wd, sizeof(wd), 1);
	ndocx = zip_of(docx, docx_names);
	nxlsx = zip_of(xlsx, xlsx_names);
	ndocm = zip_of(docm, docm_names);
	nbundle = zip_of(bundle, bundle_names);
	nmention = zip_of(mention, mention_names);
	nbare = zip_of(bare, bare_names);
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);

	CU_ASSERT_STRING_EQUAL(ftype(doc, sizeof(doc)), "application/msword");
	CU_ASSERT_STRING_EQUAL(ftype(xls, sizeof(xls)), "application/vnd.ms-excel");
	CU_ASSERT_STRING_EQUAL(ftype(xls5, sizeof(xls5)), "application/vnd.ms-excel");
	CU_ASSERT_STRING_EQUAL(ftype(docx, ndocx),
	    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	CU_ASSERT_STRING_EQUAL(ftype(xlsx, nxlsx),
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	CU_ASSERT_PTR_NULL(civic_valid_filetype(msi, sizeof(msi)));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(book_in, sizeof(book_in)));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(wordstorage, sizeof(wordstorage)));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(docm, ndocm));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(bundle, nbundle));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(mention, nmention));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(bare, nbare));
	/* A zip cut short loses its directory; a compound file its entries. */
	CU_ASSERT_PTR_NULL(civic_valid_filetype(docx, ndocx - 1));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(docx, 40));
	CU_ASSERT_PTR_NULL(civic_valid_filetype(doc, 600));

	CU_ASSERT_TRUE(civic_valid_document("application/msword"));
	CU_ASSERT_FALSE(civic_valid_document("application/pdf"));
	CU_ASSERT_FALSE(civic_valid_document("image/png"));
	CU_ASSERT_FALSE(civic_valid_document(NULL));

	/* What a citizen sends: no Word or Excel; an attachment: all five kinds. */
	CU_ASSERT_EQUAL(civic_valid_file(&citizen, doc, sizeof(doc)), CIVIC_VE_FILETYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&citizen, xlsx, nxlsx), CIVIC_VE_FILETYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&citizen, png, sizeof(png)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, doc, sizeof(doc)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, xls, sizeof(xls)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, docx, ndocx), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, xlsx, nxlsx), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, png, sizeof(png)), CIVIC_VE_OK);
	CU_ASSERT_EQUAL(civic_valid_file(&att, msi, sizeof(msi)), CIVIC_VE_DOCTYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&att, docm, ndocm), CIVIC_VE_DOCTYPE);
	CU_ASSERT_EQUAL(civic_valid_file(&att, bundle, nbundle), CIVIC_VE_DOCTYPE);
	att.max = 100;
	CU_ASSERT_EQUAL(civic_valid_file(&att, doc, sizeof(doc)), CIVIC_VE_FILESIZE);
}

/* --- keys and declaration errors ---------------------------------------- */

static void
test_keys(void)
{
	const char	*k, *seen[CIVIC_VE__MAX];
	int		 e, j;

	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_REQUIRED), "v.required");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_UTF8), "v.utf8");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_CONTROL), "v.control");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_SHORT), "v.short");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_LONG), "v.long");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_INT), "v.int");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_RANGE), "v.range");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_DATE), "v.date");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_MOBILE), "v.mobile");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_PHONE), "v.phone");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_EMAIL), "v.email");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_IDCARD), "v.idcard");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_TRACKNO), "v.trackno");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_DOCNO), "v.docno");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_DOCTYPE), "v.doctype");
	/* Each key's English text for civicctl, and any other key as it is. */
	for (e = CIVIC_VE_OK + 1; e < CIVIC_VE__MAX; e++)
		CU_ASSERT_STRING_NOT_EQUAL(civic_valid_message(civic_valid_key(e)),
		    civic_valid_key(e));
	CU_ASSERT_STRING_EQUAL(civic_valid_message("v.long"), "too long");
	CU_ASSERT_STRING_EQUAL(civic_valid_message("catalogue.x"), "catalogue.x");
	CU_ASSERT_PTR_NULL(civic_valid_message(NULL));
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_CHOICE), "v.choice");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_TOKEN), "v.token");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_FILETYPE), "v.filetype");
	CU_ASSERT_STRING_EQUAL(civic_valid_key(CIVIC_VE_FILESIZE), "v.filesize");
	CU_ASSERT_PTR_NULL(civic_valid_key(CIVIC_VE_OK));
	CU_ASSERT_PTR_NULL(civic_valid_key(CIVIC_VE__MAX));
	CU_ASSERT_PTR_NULL(civic_valid_key((enum civic_verr)-1));

	/* Every error has a key of its own, so a new one can't be forgotten. */
	for (e = 1; e < CIVIC_VE__MAX; e++) {
		k = civic_valid_key((enum civic_verr)e);
		seen[e] = k;
		CU_ASSERT_PTR_NOT_NULL_FATAL(k);
		CU_ASSERT_NSTRING_EQUAL(k, "v.", 2);
		for (j = 1; j < e; j++)
			CU_ASSERT_STRING_NOT_EQUAL(k, seen[j]);
	}
}

static void
test_unknown_kind(void)
{
	CU_ASSERT_NOT_EQUAL(chk((enum civic_vkind)CIVIC_V__MAX, 0, 100, "a"),
	    CIVIC_VE_OK);
	CU_ASSERT_NOT_EQUAL(chk((enum civic_vkind)99, 0, 100, "a"), CIVIC_VE_OK);
}

/* --- the suites --------------------------------------------------------- */

static int
suite_init(void)
{
	return civic_valid_init() == CIVIC_OK ? 0 : -1;
}

static int
suite_exit(void)
{
	civic_valid_exit();
	return 0;
}

static CU_TestInfo	 tests_before[] = {
	{ "pattern kinds refuse before init", test_before_init },
	{ "init and exit, twice", test_init_exit },
	CU_TEST_INFO_NULL
};

static CU_TestInfo	 tests_valid[] = {
	{ "TEXT accepts", test_text_ok },
	{ "TEXT length in characters", test_text_length },
	{ "TEXT declaration errors, empty", test_text_declared },
	{ "TEXT bad UTF-8", test_text_utf8 },
	{ "TEXT control characters", test_text_control },
	{ "MULTILINE", test_multiline },
	{ "INT", test_int },
	{ "DATE", test_date },
	{ "MOBILE", test_mobile },
	{ "PHONE", test_phone },
	{ "EMAIL", test_email },
	{ "EMAIL hostile", test_email_hostile },
	{ "IDCARD", test_idcard },
	{ "USCC", test_uscc },
	{ "TRACKNO", test_trackno },
	{ "DOCNO", test_docno },
	{ "ENUM", test_enum },
	{ "TOKEN", test_token },
	{ "FILE", test_file },
	{ "FILE documents", test_file_document },
	{ "message keys", test_keys },
	{ "unknown kind", test_unknown_kind },
	CU_TEST_INFO_NULL
};

static CU_SuiteInfo	 suites[] = {
	{ "valid before init", NULL, NULL, NULL, NULL,
	    tests_before },
	{ "valid", suite_init, suite_exit, NULL, NULL,
	    tests_valid },
	CU_SUITE_INFO_NULL
};

int
main(void)
{
	/* Refusals of misuse are logged; keep only those lines. */
	civic_log_init("test_valid", CIVIC_LOG_ERR);

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 99;
	}
	return cunit_run("test_valid");
}
