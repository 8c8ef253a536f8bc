/*
 * ctl_import.c: what civicctl's imports share (ctl.h): import-items (the
 * pre-review's service items, ctl_items.c) and import-catalogue (the
 * catalogue's entries, ctl_catalogue.c).  The file read whole under a
 * bound, faults reported as FILE:LINE, CSV records (RFC 4180) and the
 * trimming the staff's forms do, so that a file is checked the way the
 * form is.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl.h"
#include "valid.h"

static void
ctl_import_vfault(struct ctl_import *io, size_t line, int always, const char *fmt,
    va_list ap)
{
	if (++io->nerrors <= CTL_IMPORT_MAX_ERRORS || always) {
		if (line > 0)
			fprintf(stderr, "%s:%zu: ", io->file, line);
		else
			fprintf(stderr, "%s: ", io->file);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
}

void
ctl_import_fault(struct ctl_import *io, size_t line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ctl_import_vfault(io, line, 0, fmt, ap);
	va_end(ap);
}

void
ctl_import_fatal(struct ctl_import *io, size_t line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ctl_import_vfault(io, line, 1, fmt, ap);
	va_end(ap);
}

void
ctl_import_refused(const struct ctl_import *io)
{
	if (io->nerrors > CTL_IMPORT_MAX_ERRORS)
		fprintf(stderr, "%s: %zu faults, the first %d listed; nothing imported\n",
		    io->file, io->nerrors, CTL_IMPORT_MAX_ERRORS);
	else
		fprintf(stderr, "%s: %zu fault%s; nothing imported\n", io->file, io->nerrors,
		    io->nerrors == 1 ? "" : "s");
}

char *
ctl_import_load(struct ctl_import *io, size_t max, size_t *len)
{
	FILE		*f = NULL;
	struct stat	 st;
	char		*buf = NULL;

	if (civic_valid_init() != CIVIC_OK) {
		ctl_import_fault(io, 0, "cannot compile the validators");
		goto out;
	}
	if ((f = fopen(io->file, "r")) == NULL) {
		ctl_import_fault(io, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	/* Refused before it is read, whatever its size. */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		ctl_import_fault(io, 0, "larger than %zu bytes: split it", max);
		goto out;
	}
	if ((buf = civic_arena_alloc(io->c->arena, max + 1)) == NULL) {
		ctl_import_fault(io, 0, "out of memory");
		goto out;
	}
	*len = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		ctl_import_fault(io, 0, "cannot read: %s", strerror(errno));
		buf = NULL;
	} else if (*len > max) {
		ctl_import_fault(io, 0, "larger than %zu bytes: split it", max);
		buf = NULL;
	} else if (memchr(buf, '\0', *len) != NULL) {
		ctl_import_fault(io, 0, "a NUL byte: not a text file");
		buf = NULL;
	} else
		buf[*len] = '\0';
out:
	if (f != NULL)
		fclose(f);
	return buf;
}

int
ctl_import_csv(struct ctl_import *io, char **pp, size_t *line, char *fields[], size_t max)
{
	char		*p = *pp, *w = NULL;
	const char	*why = NULL;
	size_t		 n = 0, start = *line;

	while (*p != '\0' && why == NULL) {
		if (n == max) {
			/* Said here, with the count; "" stops the record the same way. */
			ctl_import_fault(io, start, "more than %zu fields", max);
			why = "";
			break;
		}
		fields[n++] = w = p;
		if (*p == '"') {
			for (p++;; p++) {
				if (*p == '\0') {
					why = "a quoted field is not closed";
					break;
				}
				if (*p == '"' && p[1] != '"')
					break;
				else if (*p == '"')
					*w++ = *++p;
				else {
					if (*p == '\n')
						(*line)++;
					*w++ = *p;
				}
			}
			if (why == NULL && *++p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
				why = "text after a quoted field";
		} else
			for (; *p != ',' && *p != '\r' && *p != '\n' && *p != '\0'; p++) {
				if (*p == '"') {
					why = "a quote inside an unquoted field";
					break;
				}
				*w++ = *p;
			}
		/* w may stand where p does: the end is seen before it is cut. */
		if (why != NULL || *p != ',')
			break;
		p++;
		*w = '\0';
	}
	if (why != NULL) {
		if (*why != '\0')
			ctl_import_fault(io, start, "%s", why);
		/* The rest of its line is skipped, to go on checking. */
		while (*p != '\0' && *p != '\n')
			p++;
	} else if (*p == '\r')
		p++;
	if (*p == '\n') {
		p++;
		(*line)++;
	}
	if (w != NULL && why == NULL)
		*w = '\0';
	*pp = p;
	return why != NULL ? -1 : (int)n;
}

char *
ctl_import_trim(char *s)
{
	char	*r, *w;
	size_t	 n;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	for (r = w = s; *r != '\0'; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else
			*w++ = *r;
	}
	*w = '\0';
	n = (size_t)(w - s);
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}
