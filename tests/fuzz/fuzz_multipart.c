/*
 * fuzz_multipart.c: libFuzzer target for civic_multipart_parse().
 *
 * Input format: an input that begins with "--" is all body, under the
 * fixed Content-Type "multipart/form-data; boundary=BOUNDARY".  Any other
 * input's first line, up to the first LF (a CR before it is dropped), is
 * the request's Content-Type, and the rest is the body; an input without
 * LF is a Content-Type with an empty body.  So the fuzzer explores the
 * Content-Type parser as well as the body, and the seeds in
 * corpus/multipart/ read like a request.  The body handed to the parser
 * ends exactly where libFuzzer's buffer ends, so AddressSanitizer sees
 * any read past it.
 */
#include "fuzz.h"

#define FUZZ_CTYPE	"multipart/form-data; boundary=BOUNDARY"

static void
check_files(const struct civic_filelist *fl, const struct civic_kvlist *fields,
    const char *body, size_t len)
{
	const struct civic_file	*f;
	const unsigned char	*p;
	size_t			 i, j, n;

	if (fl->n > CIVIC_MAX_FILES || fl->n > fl->cap)
		abort();
	for (i = 0; i < fl->n; i++) {
		f = &fl->v[i];
		n = strlen(f->field);
		if (n == 0 || n > CIVIC_MAX_NAME ||
		    !civic_utf8_valid(f->field, n) ||
		    civic_kv_find(fields, f->field) != NULL)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(f->field, fl->v[j].field) == 0)
				abort();
		if (f->ctype == NULL || f->len > CIVIC_MAX_FILE ||
		    (const char *)f->data < body ||
		    (size_t)((const char *)f->data - body) > len ||
		    f->len > len - (size_t)((const char *)f->data - body))
			abort();

		/* A filename is one harmless path component. */
		n = strlen(f->filename);
		if (n == 0 || !civic_utf8_valid(f->filename, n) ||
		    strcmp(f->filename, ".") == 0 ||
		    strcmp(f->filename, "..") == 0)
			abort();
		for (p = (const unsigned char *)f->filename; *p != '\0'; p++)
			if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\')
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct civic_arena	*a = fuzz_arena();
	struct civic_kvlist	 fields;
	struct civic_filelist	 files;
	const uint8_t		*lf;
	const char		*ctype = FUZZ_CTYPE, *body;
	size_t			 clen, len;
	enum civic_err		 err;

	body = (const char *)data;
	len = size;
	if (size < 2 || data[0] != '-' || data[1] != '-') {
		lf = memchr(data, '\n', size);
		clen = lf == NULL ? size : (size_t)(lf - data);
		body = lf == NULL ? (const char *)data + size : (const char *)lf + 1;
		len = size - (size_t)(body - (const char *)data);
		if (clen > 0 && data[clen - 1] == '\r')
			clen--;
		if ((ctype = civic_arena_strndup(a, (const char *)data,
		    clen)) == NULL)
			abort();
	}

	memset(&fields, 0, sizeof(fields));
	memset(&files, 0, sizeof(files));
	err = civic_multipart_parse(a, ctype, body, len, &fields, &files);
	fuzz_check_err(err);
	if (err == CIVIC_OK) {
		fuzz_check_list(&fields, CIVIC_MAX_FIELDS, CIVIC_MAX_NAME,
		    CIVIC_MAX_VALUE);
		check_files(&files, &fields, body, len);
	}
	civic_arena_reset(a);
	return 0;
}
