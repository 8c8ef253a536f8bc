/*
 * parse.h: the parsers for what a client sends: UTF-8 checking, the
 * application/x-www-form-urlencoded syntax (query strings and form bodies),
 * Cookie headers and multipart/form-data bodies.  They are pure functions
 * of their input and an arena, so that unit tests and fuzzers drive them
 * directly, and each is bounded by limits.h.
 *
 * All of them refuse (CIVIC_ERR_BADREQ) invalid UTF-8 in names and values,
 * NUL bytes (raw or %00), and a name given twice.  CIVIC_ERR_TOOBIG means a
 * bound of limits.h was passed.  On error the output lists may hold part of
 * the input; callers discard them with the request.
 */
#ifndef CIVIC_PARSE_H
#define CIVIC_PARSE_H

#include <stddef.h>
#include "kv.h"

/* utf8.c */
/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int		 civic_utf8_valid(const char *s, size_t len);
/* Characters (code points) in well-formed s[0..len). */
size_t		 civic_utf8_chars(const char *s, size_t len);

/* urlenc.c */
/*
 * Parses a=1&b=%E4%B8%AD&c (a name without "=" has the empty value; empty
 * pairs from "&&" are skipped).  "+" is a space, %XX a byte; a malformed
 * escape is CIVIC_ERR_BADREQ.  Names longer than CIVIC_MAX_NAME or values
 * longer than CIVIC_MAX_VALUE after decoding are CIVIC_ERR_TOOBIG, as are
 * more than CIVIC_MAX_FIELDS pairs.
 */
/*
 * Percent-decodes s[0..len) into out, which has room for max bytes, and
 * sets *olen; with plus, "+" is a space (forms), without, itself (paths).
 * CIVIC_ERR_TOOBIG when the result would be longer than max,
 * CIVIC_ERR_BADREQ for a malformed escape or a NUL byte, raw or escaped.
 */
enum civic_err	 civic_urlenc_decode(const char *s, size_t len, int plus, char *out,
		    size_t max, size_t *olen);
enum civic_err	 civic_urlenc_parse(struct civic_arena *, const char *buf, size_t len,
		    struct civic_kvlist *out);

/* cookie.c */
/*
 * Parses a Cookie header: "a=1; b=2".  Values may be quoted (the quotes
 * are removed); they are not percent-decoded.  A cookie name the same as
 * an earlier one is skipped rather than refused, because browsers send the
 * same name for different paths and domains, most specific first (RFC 6265
 * 5.4); we keep the first.  Pairs without "=" are skipped.  Past
 * CIVIC_MAX_COOKIES, cookies other than civic's own ("civic_…",
 * "__Host-civic_…") are skipped, not refused: other applications of the
 * same domain set them, and the visitor can do nothing about them.  Ours
 * are kept up to CIVIC_MAX_OWN_COOKIES more; past that, CIVIC_ERR_TOOBIG.
 */
enum civic_err	 civic_cookie_parse(struct civic_arena *, const char *hdr, size_t len,
		    struct civic_kvlist *out);

/* multipart.c */
/*
 * Parses a multipart/form-data body.  ctype is the request's Content-Type
 * header, from which the boundary is taken (missing, empty or longer than
 * 70 characters: CIVIC_ERR_BADREQ).  Parts without a filename parameter go
 * to fields, as urlenc would put them; parts with one go to files (an empty
 * filename with no data is a file input left empty, and is skipped).  A part
 * without a Content-Disposition "form-data" name, a body not ending with the
 * closing boundary, more than CIVIC_MAX_PARTS parts, more than
 * CIVIC_MAX_FILES files, a file over CIVIC_MAX_FILE or a filename over
 * CIVIC_MAX_FILENAME characters are refused.  File
 * data points into body, which must outlive the lists.
 */
enum civic_err	 civic_multipart_parse(struct civic_arena *, const char *ctype,
		    const char *body, size_t len, struct civic_kvlist *fields,
		    struct civic_filelist *files);

#endif
