/*
 * valid.h: validators for every kind of value a form or path may carry.
 * Patterns are PCRE2, compiled once per worker by civic_valid_init(); each
 * check is bounded (lengths are tested before a pattern runs) and pure.
 * Text lengths are counted in characters, not bytes.
 */
#ifndef CIVIC_VALID_H
#define CIVIC_VALID_H

#include <stddef.h>
#include "err.h"

enum civic_vkind {
	CIVIC_V_TEXT,		/* single line: min..max characters, no control characters */
	CIVIC_V_MULTILINE,	/* like TEXT, also allows \n, \r and \t */
	CIVIC_V_INT,		/* decimal integer in min..max, optional leading '-' */
	CIVIC_V_DATE,		/* YYYY-MM-DD, a real calendar date */
	CIVIC_V_MOBILE,		/* mainland mobile number: 1[3-9] and 9 digits */
	CIVIC_V_PHONE,		/* mobile, or landline 0AA(A)-NNNNNNN(N) with optional -ext */
	CIVIC_V_EMAIL,		/* a plain address, at most 254 bytes */
	CIVIC_V_IDCARD,		/* 18-character resident ID with a valid GB 11643 check digit */
	CIVIC_V_USCC,		/* 18-character unified social credit code, GB 32100 check character */
	CIVIC_V_TRACKNO,	/* tracking number: 2 capital letters, YYYYMMDD, '-', 4 to 6 digits */
	CIVIC_V_DOCNO,		/* 文号 of a document: 郫府发〔2026〕12号 (GB/T 9704) */
	CIVIC_V_ENUM,		/* one of choices */
	CIVIC_V_TOKEN,		/* URL-safe base64, min..max characters (CSRF, idempotency keys) */
	CIVIC_V_FILE,		/* an uploaded file of max bytes whose content is PDF, JPEG or PNG
				   (with CIVIC_F_DOCUMENT also Word or Excel) */
	CIVIC_V__MAX
};

/*
 * Message keys a validator answers with; the stylesheets translate them
 * (xslt/i18n/).  Kept as an enum so a key can't be misspelt in C.
 */
enum civic_verr {
	CIVIC_VE_OK = 0,
	CIVIC_VE_REQUIRED,	/* "v.required" */
	CIVIC_VE_UTF8,		/* "v.utf8": not valid UTF-8 */
	CIVIC_VE_CONTROL,	/* "v.control": a control character where none may be */
	CIVIC_VE_SHORT,		/* "v.short": fewer than min characters */
	CIVIC_VE_LONG,		/* "v.long": more than max characters */
	CIVIC_VE_INT,		/* "v.int": not an integer */
	CIVIC_VE_RANGE,		/* "v.range": integer outside min..max */
	CIVIC_VE_DATE,		/* "v.date" */
	CIVIC_VE_MOBILE,	/* "v.mobile" */
	CIVIC_VE_PHONE,		/* "v.phone" */
	CIVIC_VE_EMAIL,		/* "v.email" */
	CIVIC_VE_IDCARD,	/* "v.idcard" */
	CIVIC_VE_USCC,		/* "v.uscc" */
	CIVIC_VE_TRACKNO,	/* "v.trackno" */
	CIVIC_VE_DOCNO,		/* "v.docno" */
	CIVIC_VE_CHOICE,	/* "v.choice": not one of the choices */
	CIVIC_VE_TOKEN,		/* "v.token" */
	CIVIC_VE_FILETYPE,	/* "v.filetype": content is not PDF, JPEG or PNG */
	CIVIC_VE_FILESIZE,	/* "v.filesize": file larger than max bytes */
	CIVIC_VE_DOCTYPE,	/* "v.doctype": (CIVIC_F_DOCUMENT) not PDF, Word, Excel, JPEG or PNG */
	CIVIC_VE__MAX
};

/* A field of a route: name, kind, bounds, and whether it must be there. */
struct civic_field {
	const char		*name;
	enum civic_vkind	 kind;
	long long		 min;	/* characters (TEXT, MULTILINE, TOKEN) or value (INT) */
	long long		 max;	/* same; bytes for FILE */
	unsigned		 flags;
#define CIVIC_F_REQUIRED	0x01
#define CIVIC_F_QUERY		0x02	/* taken from the query string even on POST */
#define CIVIC_F_SECRET		0x04	/* a password: never trimmed, never sent back in a form */
/*
 * FILE: a published document's attachment, which may also be Word or
 * Excel (.doc, .xls, .docx, .xlsx: the catalogue's).  What citizens send
 * stays PDF and images, which every office can open without risk.
 */
#define CIVIC_F_DOCUMENT	0x08
	const char *const	*choices;	/* ENUM: NULL-terminated */
};

/*
 * Compiles the patterns.  Called once per worker; civic_valid_check() may
 * be called only after it succeeded.  civic_valid_exit() frees them.
 */
enum civic_err	 civic_valid_init(void);
void		 civic_valid_exit(void);

/*
 * Checks val[0..len) against f (f->kind must not be CIVIC_V_FILE; for files
 * see civic_valid_file).  An empty value is the caller's business
 * (required or absent): this checks non-empty values.  TEXT and MULTILINE
 * values are expected already trimmed by the caller.
 */
enum civic_verr	 civic_valid_check(const struct civic_field *f, const char *val, size_t len);

/* Checks an uploaded file's size against f->max and its content type by magic. */
enum civic_verr	 civic_valid_file(const struct civic_field *f, const unsigned char *data,
		    size_t len);

/*
 * The media type the content of data shows ("application/pdf", ...), or
 * NULL; civic_valid_document says whether it is one only CIVIC_F_DOCUMENT
 * fields take (Word, Excel).
 */
const char	*civic_valid_filetype(const unsigned char *data, size_t len);
int		 civic_valid_document(const char *type);

/*
 * The short English text of a validator's message key ("v.long": "too
 * long"), for what has no stylesheet to translate it (civicctl's imports
 * report faults as FILE:LINE: field: text); key itself for any other.
 */
const char	*civic_valid_message(const char *key);

/* The message key of e ("v.short"), for the page's <error key=.../>. */
const char	*civic_valid_key(enum civic_verr e);

#endif
