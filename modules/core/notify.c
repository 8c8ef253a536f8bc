/*
 * notify.c: the notification outbox (sql/004-notify.sql).
 *
 * A row goes pending -> sending -> sent, or back to pending with a later
 * next_attempt_at after a failure, or to failed after the last attempt.
 * Every change of status is one UPDATE conditional on the status it
 * expects (and, once claimed, on the claim's token), whose affected-row
 * count is checked: two workers on two hosts can't both win a row.  Times
 * are the database's NOW(), never a host's clock, because hosts disagree.
 *
 * All SQL on notify_outbox is in this file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"
#include "limits.h"
#include "log.h"
#include "parse.h"

const char *
civic_notify_channel_name(enum civic_notify_channel ch)
{
	return ch == CIVIC_NOTIFY_EMAIL ? "email" : "sms";
}

/* 1 when s is 1 to max bytes of [a-z0-9_] plus the bytes of extra. */
static int
notify_name_valid(const char *s, size_t max, const char *extra)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_' || strchr(extra, s[i]) != NULL))
			return 0;
	return i > 0 && i <= max;
}

/* A template key ("demo.note.created") and a language ("zh-CN"). */
static int
notify_tmpl_valid(const char *tmpl, const char *lang)
{
	size_t	 i, n = strlen(tmpl);

	if (!notify_name_valid(tmpl, 64, ".") || tmpl[0] == '.' || tmpl[n - 1] == '.')
		return 0;
	for (i = 0; lang[i] != '\0'; i++)
		if (!((lang[i] >= 'a' && lang[i] <= 'z') || (lang[i] >= 'A' && lang[i] <= 'Z') ||
		    lang[i] == '-'))
			return 0;
	return i >= 2 && i <= 16;
}

/*
 * A value may hold any UTF-8 text but control characters (tab aside): a
 * line end would break the stored "name=value" lines, and the others have
 * no business in an SMS or a mail body.
 */
static int
notify_value_valid(const char *v)
{
	size_t	 i, n = strlen(v);

	if (n > CIVIC_NOTIFY_MAX_PARAM_VALUE || !civic_utf8_valid(v, n))
		return 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)v[i] < 0x20 && v[i] != '\t') || v[i] == 0x7f)
			return 0;
	return 1;
}

enum civic_err
civic_notify_params_encode(struct civic_arena *a, const struct civic_notify_param *p,
    size_t n, char **out)
{
	size_t	 i, j, len = 0, off = 0, kl, vl;
	char	*buf;

	*out = NULL;
	if (n > CIVIC_NOTIFY_MAX_PARAMS)
		return CIVIC_ERR_INVALID;
	for (i = 0; i < n; i++) {
		if (p[i].name == NULL || p[i].value == NULL ||
		    !notify_name_valid(p[i].name, CIVIC_NOTIFY_MAX_PARAM_NAME, "") ||
		    !notify_value_valid(p[i].value))
			return CIVIC_ERR_INVALID;
		for (j = 0; j < i; j++)
			if (strcmp(p[i].name, p[j].name) == 0)
				return CIVIC_ERR_INVALID;
		len += strlen(p[i].name) + strlen(p[i].value) + 2;
	}
	if ((buf = civic_arena_alloc(a, len + 1)) == NULL)
		return CIVIC_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		kl = strlen(p[i].name);
		vl = strlen(p[i].value);
		memcpy(buf + off, p[i].name, kl);
		buf[off + kl] = '=';
		memcpy(buf + off + kl + 1, p[i].value, vl);
		buf[off + kl + 1 + vl] = '\n';
		off += kl + vl + 2;
	}
	buf[off] = '\0';
	*out = buf;
	return CIVIC_OK;
}

const char *
civic_notify_params_find(const char *params, const char *name, size_t nlen, size_t *vlen)
{
	const char	*line, *eol;

	for (line = params; *line != '\0'; line = eol + 1) {
		if ((eol = strchr(line, '\n')) == NULL)
			eol = line + strlen(line);
		if ((size_t)(eol - line) > nlen && line[nlen] == '=' &&
		    memcmp(line, name, nlen) == 0) {
			*vlen = (size_t)(eol - line) - nlen - 1;
			return line + nlen + 1;
		}
		if (*eol == '\0')
			break;
	}
	return NULL;
}

/*
 * Phone numbers are digits with an optional "+" (the SMS gateway wants
 * nothing else); addresses are the dot-atom form of RFC 5322, which every
 * address a citizen types has, and which can't carry a line end into a
 * header or look like an option to sendmail.
 */
int
civic_notify_recipient_valid(enum civic_notify_channel ch, const char *s)
{
	static const char	 atext[] = "!#$%&'*+/=?^_`{|}~-.";
	const char		*at, *p;
	size_t			 n = strlen(s);

	if (ch == CIVIC_NOTIFY_SMS) {
		p = s[0] == '+' ? s + 1 : s;
		if (strlen(p) < 5 || strlen(p) > 20)
			return 0;
		for (; *p != '\0'; p++)
			if (*p < '0' || *p > '9')
				return 0;
		return 1;
	}
	if (n > 254 || (at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL ||
	    at == s || at - s > 64 || at[1] == '\0' || s[0] == '.' || s[0] == '-' ||
	    at[-1] == '.' || at[1] == '.' || at[1] == '-' || s[n - 1] == '.' ||
	    strstr(s, "..") != NULL)
		return 0;
	for (p = s; p < at; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(atext, *p) != NULL))
			return 0;
	for (p = at + 1; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			return 0;
	return 1;
}

unsigned
civic_notify_backoff(unsigned base, unsigned attempts, unsigned max_attempts)
{
	unsigned long long	 d;

	if (attempts >= max_attempts)
		return 0;
	if (base == 0)
		base = 1;
	/* Past 2^32 the cap has long been reached; the shift must not overflow. */
	if (attempts > 32)
		return CIVIC_NOTIFY_BACKOFF_MAX;
	d = (unsigned long long)base << (attempts > 0 ? attempts - 1 : 0);
	return d > CIVIC_NOTIFY_BACKOFF_MAX ? CIVIC_NOTIFY_BACKOFF_MAX : (unsigned)d;
}

enum civic_err
civic_notify_enqueue(struct civic_db *db, struct civic_arena *a, enum civic_notify_channel ch,
    const char *recipient, const char *tmpl, const char *lang,
    const struct civic_notify_param *p, size_t n)
{
	struct civic_param	 q[5];
	char			*params;
	enum civic_err		 err;

	if (recipient == NULL || tmpl == NULL || lang == NULL ||
	    !civic_notify_recipient_valid(ch, recipient) || !notify_tmpl_valid(tmpl, lang)) {
		civic_log_err("notify: refused a message for template %.64s: malformed argument",
		    tmpl != NULL ? tmpl : "(null)");
		return CIVIC_ERR_INVALID;
	}
	if ((err = civic_notify_params_encode(a, p, n, &params)) != CIVIC_OK) {
		civic_log_err("notify: refused a message for template %s: bad parameters",
		    tmpl);
		return err;
	}
	q[0] = CIVIC_PTEXT(civic_notify_channel_name(ch));
	q[1] = CIVIC_PTEXT(recipient);
	q[2] = CIVIC_PTEXT(tmpl);
	q[3] = CIVIC_PTEXT(lang);
	q[4] = CIVIC_PTEXT(params);
	return civic_db_exec(db, "INSERT INTO notify_outbox (channel, recipient, template, lang, "
	    "params) VALUES (?, ?, ?, ?, ?)", q, 5, NULL, NULL);
}

enum civic_err
civic_notify_due(struct civic_db *db, struct civic_arena *a, unsigned want, unsigned reclaim,
    unsigned max_attempts, long long *ids, size_t max, size_t *n)
{
	struct civic_param	 q[5];
	struct civic_rows	 rows;
	enum civic_err		 err;
	size_t			 i;

	*n = 0;
	/* A NULL in the IN list matches nothing: a channel without transport. */
	q[0] = (want & CIVIC_NOTIFY_WANT_SMS) ? CIVIC_PTEXT("sms") : CIVIC_PNULL;
	q[1] = (want & CIVIC_NOTIFY_WANT_EMAIL) ? CIVIC_PTEXT("email") : CIVIC_PNULL;
	q[2] = CIVIC_PINT(reclaim);
	q[3] = CIVIC_PINT(max_attempts);
	q[4] = CIVIC_PINT(max);
	err = civic_db_query(db, a, "SELECT id FROM notify_outbox WHERE channel IN (?, ?) AND "
	    "((status = 'pending' AND next_attempt_at <= NOW()) OR (status = 'sending' AND "
	    "claimed_at < NOW() - INTERVAL ? SECOND AND attempts < ?)) "
	    "ORDER BY next_attempt_at, id LIMIT ?", q, 5, max, &rows);
	if (err != CIVIC_OK)
		return err;
	for (i = 0; i < rows.nrows; i++)
		ids[i] = strtoll(rows.cell[i], NULL, 10);
	*n = rows.nrows;
	return CIVIC_OK;
}

enum civic_err
civic_notify_claim(struct civic_db *db, struct civic_arena *a, long long id, const char *token,
    unsigned reclaim, unsigned max_attempts, struct civic_notify_msg *msg)
{
	struct civic_param	 q[4];
	struct civic_rows	 rows;
	unsigned long long	 affected = 0;
	const char		*ch;
	enum civic_err		 err;

	memset(msg, 0, sizeof(*msg));
	q[0] = CIVIC_PTEXT(token);
	q[1] = CIVIC_PINT(id);
	q[2] = CIVIC_PINT(reclaim);
	q[3] = CIVIC_PINT(max_attempts);
	err = civic_db_exec(db, "UPDATE notify_outbox SET status = 'sending', claimed_by = ?, "
	    "claimed_at = NOW(), attempts = attempts + 1 WHERE id = ? AND "
	    "((status = 'pending' AND next_attempt_at <= NOW()) OR (status = 'sending' AND "
	    "claimed_at < NOW() - INTERVAL ? SECOND AND attempts < ?))", q, 4, &affected, NULL);
	if (err != CIVIC_OK)
		goto out;
	if (affected != 1) {
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	q[0] = CIVIC_PINT(id);
	q[1] = CIVIC_PTEXT(token);
	err = civic_db_query(db, a, "SELECT channel, recipient, template, lang, params, attempts "
	    "FROM notify_outbox WHERE id = ? AND claimed_by = ?", q, 2, 1, &rows);
	if (err != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	ch = civic_rows_get(&rows, 0, "channel");
	msg->id = id;
	msg->channel = strcmp(ch, "email") == 0 ? CIVIC_NOTIFY_EMAIL : CIVIC_NOTIFY_SMS;
	msg->recipient = civic_rows_get(&rows, 0, "recipient");
	msg->tmpl = civic_rows_get(&rows, 0, "template");
	msg->lang = civic_rows_get(&rows, 0, "lang");
	msg->params = civic_rows_get(&rows, 0, "params");
	msg->attempts = (unsigned)strtoul(civic_rows_get(&rows, 0, "attempts"), NULL, 10);
out:
	return err;
}

enum civic_err
civic_notify_sent(struct civic_db *db, long long id, const char *token)
{
	struct civic_param	 q[] = { CIVIC_PINT(id), CIVIC_PTEXT(token) };
	unsigned long long	 affected = 0;
	enum civic_err		 err;

	err = civic_db_exec(db, "UPDATE notify_outbox SET status = 'sent', sent_at = NOW(), "
	    "last_error = NULL WHERE id = ? AND claimed_by = ? AND status = 'sending'", q, 2,
	    &affected, NULL);
	if (err == CIVIC_OK && affected != 1)
		err = CIVIC_ERR_CONFLICT;
	return err;
}

enum civic_err
civic_notify_failed(struct civic_db *db, long long id, const char *token, const char *error,
    unsigned delay)
{
	struct civic_param	 q[4];
	unsigned long long	 affected = 0;
	char			 msg[256];
	size_t			 i;
	enum civic_err		 err;

	/*
	 * last_error is VARCHAR(255) under strict mode, where a value too
	 * long or not UTF-8 is an error: keep printable ASCII, cut short.
	 */
	snprintf(msg, sizeof(msg), "%s", error != NULL ? error : "");
	for (i = 0; msg[i] != '\0'; i++)
		if ((unsigned char)msg[i] < 0x20 || (unsigned char)msg[i] > 0x7e)
			msg[i] = '?';
	q[0] = CIVIC_PTEXTN(msg, strlen(msg));
	if (delay > 0) {
		q[1] = CIVIC_PINT(delay);
		q[2] = CIVIC_PINT(id);
		q[3] = CIVIC_PTEXT(token);
		err = civic_db_exec(db, "UPDATE notify_outbox SET status = 'pending', "
		    "last_error = ?, next_attempt_at = NOW() + INTERVAL ? SECOND WHERE id = ? AND "
		    "claimed_by = ? AND status = 'sending'", q, 4, &affected, NULL);
	} else {
		q[1] = CIVIC_PINT(id);
		q[2] = CIVIC_PTEXT(token);
		err = civic_db_exec(db, "UPDATE notify_outbox SET status = 'failed', "
		    "last_error = ? WHERE id = ? AND claimed_by = ? AND status = 'sending'", q, 3,
		    &affected, NULL);
	}
	if (err == CIVIC_OK && affected != 1)
		err = CIVIC_ERR_CONFLICT;
	return err;
}

enum civic_err
civic_notify_expire(struct civic_db *db, unsigned reclaim, unsigned max_attempts,
    unsigned long long *n)
{
	struct civic_param	 q[] = { CIVIC_PINT(reclaim), CIVIC_PINT(max_attempts) };

	*n = 0;
	return civic_db_exec(db, "UPDATE notify_outbox SET status = 'failed', "
	    "last_error = 'abandoned while sending its last attempt' WHERE status = 'sending' "
	    "AND claimed_at < NOW() - INTERVAL ? SECOND AND attempts >= ?", q, 2, n, NULL);
}

enum civic_err
civic_notify_each(struct civic_db *db, struct civic_arena *a, const char *sql,
    const struct civic_param *p, size_t n, const char *tmpl, const char *lang,
    const struct civic_notify_param *np, size_t nparams)
{
	struct civic_rows	 rows;
	const char		*phone;
	enum civic_err		 err;
	size_t			 i;

	if ((err = civic_db_query(db, a, sql, p, n, CIVIC_MAX_ROWS, &rows)) != CIVIC_OK)
		goto out;
	for (i = 0; i < rows.nrows; i++) {
		if ((phone = rows.cell[i * rows.ncols]) == NULL || strlen(phone) != 11 ||
		    phone[0] != '1' || !civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, phone))
			continue;
		if ((err = civic_notify_enqueue(db, a, CIVIC_NOTIFY_SMS, phone, tmpl, lang, np,
		    nparams)) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}
