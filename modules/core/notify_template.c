/*
 * notify_template.c: the message templates, a plain text file the office
 * edits (examples/notify-templates.txt):
 *
 *	# a comment
 *	[demo.note.created.zh-CN]
 *	subject = 留言已收到
 *	您的留言已收到，编号{id}。
 *
 * A section is named by the template's key and its language, split at the
 * last dot.  Its first line may be "subject = ..." (e-mail only; an SMS has
 * none); every other line up to the next section is the body, less the
 * blank lines at either end.  {name} is replaced by the parameter name; a
 * brace not followed by a name and "}" is text.  Lines beginning with "#"
 * are comments everywhere, so a body line can't begin with one.  A
 * Windows editor's byte-order mark and CR LF line ends are accepted.
 *
 * The file is read whole at start (and on SIGHUP) into one block, and
 * each message is rendered from it; rendering checks that every {name} has
 * its parameter, so a template that asks for more than the feature gives
 * fails the message at once, with the reason in last_error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"
#include "parse.h"

struct notify_template {
	const char	*key;
	const char	*lang;
	const char	*subject;	/* "" when none */
	const char	*body;
	size_t		 line;		/* of its section, for messages */
};

struct civic_notify_templates {
	char			*strings;	/* every string of v, one block */
	struct notify_template	*v;
	size_t			 n;
};

static int
template_blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Parses "[key.lang]" (without its brackets) into the block at *w. */
static int
template_header(const char *s, size_t len, struct notify_template *t, char **w)
{
	const char	*dot = NULL;
	size_t		 i;

	for (i = 0; i < len; i++) {
		if (s[i] == '.')
			dot = s + i;
		else if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	}
	if (dot == NULL || dot == s || dot == s + len - 1 || (size_t)(dot - s) > 64 ||
	    s + len - dot - 1 > 16)
		return 0;
	t->key = *w;
	memcpy(*w, s, (size_t)(dot - s));
	*w += dot - s;
	*(*w)++ = '\0';
	t->lang = *w;
	memcpy(*w, dot + 1, (size_t)(s + len - dot - 1));
	*w += s + len - dot - 1;
	*(*w)++ = '\0';
	return 1;
}

/* Ends the body being written at *w: trailing blank lines go. */
static void
template_end(struct notify_template *t, char **w)
{
	char	*e = *w;

	while (e > t->body && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	*w = e + 1;
}

enum civic_err
civic_notify_templates_parse(const char *text, size_t len, struct civic_notify_templates **out,
    char *errbuf, size_t errlen)
{
	struct civic_notify_templates	*ts;
	struct notify_template		*t = NULL;
	const char			*line, *eol, *end, *v;
	char				*w;
	size_t				 ll, lineno = 0, i;
	int				 head = 0;	/* a subject line may come next */
	enum civic_err			 err = CIVIC_ERR_CONFIG;

	*out = NULL;
	snprintf(errbuf, errlen, "out of memory");
	if ((ts = calloc(1, sizeof(*ts))) == NULL)
		return CIVIC_ERR_NOMEM;
	if (len > CIVIC_NOTIFY_MAX_TEMPLATES_FILE) {
		snprintf(errbuf, errlen, "larger than %u bytes", CIVIC_NOTIFY_MAX_TEMPLATES_FILE);
		goto fail;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (memchr(text, '\0', len) != NULL || !civic_utf8_valid(text, len)) {
		snprintf(errbuf, errlen, "not UTF-8 text");
		goto fail;
	}
	/* Nothing written is longer than what it came from, plus its NUL. */
	ts->strings = malloc(len + 2 * CIVIC_NOTIFY_MAX_TEMPLATES + 2);
	ts->v = calloc(CIVIC_NOTIFY_MAX_TEMPLATES, sizeof(*ts->v));
	if (ts->strings == NULL || ts->v == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto fail;
	}
	w = ts->strings;
	end = text + len;
	for (line = text; line < end; line = eol + 1) {
		lineno++;
		if ((eol = memchr(line, '\n', (size_t)(end - line))) == NULL)
			eol = end;
		ll = (size_t)(eol - line);
		if (ll > 0 && line[ll - 1] == '\r')
			ll--;
		if (ll > 0 && line[0] == '#')
			continue;
		if (ll >= 2 && line[0] == '[' && line[ll - 1] == ']') {
			if (t != NULL)
				template_end(t, &w);
			if (ts->n == CIVIC_NOTIFY_MAX_TEMPLATES) {
				snprintf(errbuf, errlen, "line %zu: more than %d templates", lineno,
				    CIVIC_NOTIFY_MAX_TEMPLATES);
				goto fail;
			}
			t = &ts->v[ts->n];
			if (!template_header(line + 1, ll - 2, t, &w)) {
				snprintf(errbuf, errlen, "line %zu: a section is [key.language], "
				    "e.g. [demo.note.created.zh-CN]", lineno);
				goto fail;
			}
			for (i = 0; i < ts->n; i++)
				if (strcmp(ts->v[i].key, t->key) == 0 &&
				    strcmp(ts->v[i].lang, t->lang) == 0) {
					snprintf(errbuf, errlen, "line %zu: [%s.%s] again (first on "
					    "line %zu)", lineno, t->key, t->lang, ts->v[i].line);
					goto fail;
				}
			t->line = lineno;
			t->subject = "";
			t->body = w;
			ts->n++;
			head = 1;
			continue;
		}
		if (t == NULL) {
			if (template_blank(line, ll))
				continue;
			snprintf(errbuf, errlen, "line %zu: text before the first [key.language]",
			    lineno);
			goto fail;
		}
		if (head && template_blank(line, ll))
			continue;
		if (head && ll > 7 && memcmp(line, "subject", 7) == 0 &&
		    (v = memchr(line, '=', ll)) != NULL && template_blank(line + 7,
		    (size_t)(v - line - 7))) {
			head = 0;
			v++;
			while (v < line + ll && (*v == ' ' || *v == '\t'))
				v++;
			t->subject = w;
			memcpy(w, v, (size_t)(line + ll - v));
			w += line + ll - v;
			*w++ = '\0';
			t->body = w;
			continue;
		}
		head = 0;
		/* Leading blank lines of the body go. */
		if (w == t->body && template_blank(line, ll))
			continue;
		memcpy(w, line, ll);
		w += ll;
		*w++ = '\n';
	}
	if (t != NULL)
		template_end(t, &w);
	for (i = 0; i < ts->n; i++)
		if (ts->v[i].body[0] == '\0') {
			snprintf(errbuf, errlen, "line %zu: [%s.%s] has no text", ts->v[i].line,
			    ts->v[i].key, ts->v[i].lang);
			goto fail;
		}
	*out = ts;
	return CIVIC_OK;
fail:
	civic_notify_templates_free(ts);
	return err;
}

enum civic_err
civic_notify_templates_load(const char *path, struct civic_notify_templates **out,
    char *errbuf, size_t errlen)
{
	FILE		*f;
	char		*text = NULL;
	size_t		 n;
	char		 msg[200];
	enum civic_err	 err = CIVIC_ERR_CONFIG;

	*out = NULL;
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return CIVIC_ERR_CONFIG;
	}
	if ((text = malloc(CIVIC_NOTIFY_MAX_TEMPLATES_FILE + 1)) == NULL) {
		snprintf(errbuf, errlen, "%s: out of memory", path);
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	n = fread(text, 1, CIVIC_NOTIFY_MAX_TEMPLATES_FILE + 1, f);
	if (ferror(f)) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	if ((err = civic_notify_templates_parse(text, n, out, msg, sizeof(msg))) != CIVIC_OK)
		snprintf(errbuf, errlen, "%s: %s", path, msg);
out:
	fclose(f);
	free(text);
	return err;
}

void
civic_notify_templates_free(struct civic_notify_templates *ts)
{
	if (ts == NULL)
		return;
	free(ts->strings);
	free(ts->v);
	free(ts);
}

size_t
civic_notify_templates_count(const struct civic_notify_templates *ts)
{
	return ts->n;
}

static const struct notify_template *
template_find(const struct civic_notify_templates *ts, const char *key, const char *lang)
{
	size_t	 i;

	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i].key, key) == 0 && strcmp(ts->v[i].lang, lang) == 0)
			return &ts->v[i];
	return NULL;
}

/* src with its {name}s replaced, into the arena; bounded by the message limit. */
static enum civic_err
template_subst(struct civic_arena *a, const struct notify_template *t, const char *src,
    const char *params, char **out, char *errbuf, size_t errlen)
{
	const char	*p, *e, *v;
	char		*buf;
	size_t		 off = 0, n, vlen;

	*out = NULL;
	if ((buf = civic_arena_alloc(a, CIVIC_NOTIFY_MAX_MESSAGE + 1)) == NULL)
		return CIVIC_ERR_NOMEM;
	for (p = src; *p != '\0'; p += n) {
		v = p;
		n = 1;
		vlen = 1;
		if (*p == '{') {
			for (e = p + 1; (*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9') ||
			    *e == '_'; e++)
				;
			if (*e == '}' && e > p + 1 && e - p - 1 <= CIVIC_NOTIFY_MAX_PARAM_NAME) {
				n = (size_t)(e - p) + 1;
				v = civic_notify_params_find(params, p + 1, (size_t)(e - p - 1),
				    &vlen);
				if (v == NULL) {
					snprintf(errbuf, errlen, "template [%s.%s] needs parameter "
					    "{%.*s}, which the message lacks", t->key, t->lang,
					    (int)(e - p - 1), p + 1);
					return CIVIC_ERR_NOTFOUND;
				}
			}
		}
		if (vlen > CIVIC_NOTIFY_MAX_MESSAGE - off) {
			snprintf(errbuf, errlen, "template [%s.%s]: message longer than %u bytes",
			    t->key, t->lang, CIVIC_NOTIFY_MAX_MESSAGE);
			return CIVIC_ERR_TOOBIG;
		}
		memcpy(buf + off, v, vlen);
		off += vlen;
	}
	buf[off] = '\0';
	*out = buf;
	return CIVIC_OK;
}

enum civic_err
civic_notify_render(const struct civic_notify_templates *ts, struct civic_arena *a,
    const char *key, const char *lang, const char *fallback_lang, const char *params,
    char **subject, char **body, char *errbuf, size_t errlen)
{
	const struct notify_template	*t;
	enum civic_err			 err;

	*subject = *body = NULL;
	if ((t = template_find(ts, key, lang)) == NULL && fallback_lang != NULL)
		t = template_find(ts, key, fallback_lang);
	if (t == NULL) {
		snprintf(errbuf, errlen, "no template [%s.%s] in the template file", key, lang);
		return CIVIC_ERR_NOTFOUND;
	}
	if ((err = template_subst(a, t, t->subject, params, subject, errbuf, errlen)) != CIVIC_OK)
		return err;
	return template_subst(a, t, t->body, params, body, errbuf, errlen);
}
