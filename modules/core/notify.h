/*
 * notify.h: notifications to citizens and staff, by SMS and e-mail.
 *
 * A feature never sends anything itself.  It calls civic_notify_enqueue()
 * inside the transaction that makes the change the message is about, so
 * that the message exists if and only if the change committed; `civicctl
 * notify` (tools/ctl_notify.c) later claims the row, renders it from the
 * office's template file and hands it to a transport.
 *
 *	notify.c		the outbox table: enqueue, claim, finish
 *	notify_template.c	the template file and rendering
 *	notify_send.c		the transports: file, sendmail, command
 *
 * Delivery is at least once: a worker that dies between handing a message
 * to its transport and recording that it did leaves the row in 'sending',
 * and after notify.reclaim_seconds another worker sends it again.  Two
 * live workers never send the same row: each claim is one conditional
 * UPDATE whose affected-row count says who won.
 */
#ifndef CIVIC_NOTIFY_H
#define CIVIC_NOTIFY_H

#include <stddef.h>
#include "arena.h"
#include "config.h"
#include "db.h"
#include "err.h"

/*
 * Bounds.  Parameters are the few values a message quotes (a tracking
 * number, a name, a date); sixteen of a kilobyte each is far more than
 * any template needs and keeps a row small.  A rendered message is at
 * most 16 KiB: an SMS is 70 characters a part and a notice e-mail a page,
 * and the bound keeps a transport's input within one pipe buffer.
 */
#define CIVIC_NOTIFY_MAX_PARAMS		16
#define CIVIC_NOTIFY_MAX_PARAM_NAME	32
#define CIVIC_NOTIFY_MAX_PARAM_VALUE	1024
#define CIVIC_NOTIFY_MAX_MESSAGE	(16u * 1024u)
/* Bytes of the template file, and templates in it: a county has dozens. */
#define CIVIC_NOTIFY_MAX_TEMPLATES_FILE	(256u * 1024u)
#define CIVIC_NOTIFY_MAX_TEMPLATES	512
/* Words of notify.sms_command. */
#define CIVIC_NOTIFY_MAX_ARGS		32
/* Longest wait before a retry, whatever the attempt: six hours. */
#define CIVIC_NOTIFY_BACKOFF_MAX	(6 * 3600)

enum civic_notify_channel { CIVIC_NOTIFY_SMS, CIVIC_NOTIFY_EMAIL };

struct civic_notify_param {
	const char	*name;		/* [a-z0-9_], 1 to 32 bytes */
	const char	*value;		/* UTF-8, no control characters but tab */
};

/* notify.c */

/*
 * Writes one message to the outbox, to be sent as soon as a worker sees
 * it.  Call it inside the transaction of the change it reports (a
 * civic_db_tx or civic_req_tx function), never on its own: a rolled-back
 * change then leaves no message.  recipient is a phone number for SMS
 * (digits, an optional leading "+") or an address for e-mail; tmpl names
 * a template of the template file ("demo.note.created"), lang its language
 * ("zh-CN", "en").  Whether the template exists and uses only the given
 * parameters is checked when the message is rendered, not here: the
 * office edits the template file while the programs run, and a broken
 * template must not make a citizen's submission fail.  CIVIC_ERR_INVALID
 * for a malformed argument (nothing is written), else what civic_db_exec
 * returns.  The arena holds the encoded parameters.
 */
enum civic_err	 civic_notify_enqueue(struct civic_db *, struct civic_arena *,
		    enum civic_notify_channel, const char *recipient, const char *tmpl,
		    const char *lang, const struct civic_notify_param *, size_t nparams);

/*
 * The parameters' stored form: "name=value\n" for each, in order.
 * CIVIC_ERR_INVALID for a bad name, a name given twice, a value with a
 * control character or invalid UTF-8, or a bound passed.
 */
enum civic_err	 civic_notify_params_encode(struct civic_arena *,
		    const struct civic_notify_param *, size_t n, char **out);

/* The value of name[0..nlen) in encoded params, and its length; NULL if absent. */
const char	*civic_notify_params_find(const char *params, const char *name, size_t nlen,
		    size_t *vlen);

/* 1 when s is an acceptable recipient for the channel. */
int		 civic_notify_recipient_valid(enum civic_notify_channel, const char *s);

/*
 * The same SMS to every phone number the query sql (one column, with
 * its n parameters p) returns, inside the caller's transaction: a
 * department's clerks told of a case.  A number that takes no SMS (a
 * landline; mobiles are eleven digits beginning with 1) is passed over.
 * Errors as civic_db_query() and civic_notify_enqueue().
 */
enum civic_err	 civic_notify_each(struct civic_db *, struct civic_arena *, const char *sql,
		    const struct civic_param *p, size_t n, const char *tmpl, const char *lang,
		    const struct civic_notify_param *, size_t nparams);

/* "sms" or "email". */
const char	*civic_notify_channel_name(enum civic_notify_channel);

/*
 * Seconds to wait before the next try after a failed attempt number
 * attempts (1 for the first): base, 2 base, 4 base, ..., at most
 * CIVIC_NOTIFY_BACKOFF_MAX.  0 when attempts has reached max_attempts:
 * the message has failed for good.
 */
unsigned	 civic_notify_backoff(unsigned base, unsigned attempts, unsigned max_attempts);

/* A claimed message, as the worker sees it (strings in the arena). */
struct civic_notify_msg {
	long long			 id;
	enum civic_notify_channel	 channel;
	const char			*recipient;
	const char			*tmpl;
	const char			*lang;
	const char			*params;	/* encoded */
	unsigned			 attempts;	/* including this one */
};

/* Which channels a worker has transports for. */
#define CIVIC_NOTIFY_WANT_SMS	0x01
#define CIVIC_NOTIFY_WANT_EMAIL	0x02

/*
 * The ids of at most max messages of the wanted channels that are due:
 * pending with next_attempt_at passed, or left in 'sending' for more than
 * reclaim seconds by a worker that died, with attempts to spare.  Only a
 * hint: civic_notify_claim() decides.
 */
enum civic_err	 civic_notify_due(struct civic_db *, struct civic_arena *, unsigned want,
		    unsigned reclaim, unsigned max_attempts, long long *ids, size_t max,
		    size_t *n);

/*
 * Claims message id for token (unique to this claim) with one conditional
 * UPDATE, counting the attempt, and reads it into *msg.  CIVIC_ERR_CONFLICT
 * when another worker claimed it first or it is no longer due.
 */
enum civic_err	 civic_notify_claim(struct civic_db *, struct civic_arena *, long long id,
		    const char *token, unsigned reclaim, unsigned max_attempts,
		    struct civic_notify_msg *msg);

/*
 * Records the outcome of a claimed message: sent; or failed with error,
 * to be tried again in delay seconds, or never again when delay is 0.
 * CIVIC_ERR_CONFLICT when the claim was no longer ours (another worker
 * took the row over after reclaim seconds).
 */
enum civic_err	 civic_notify_sent(struct civic_db *, long long id, const char *token);
enum civic_err	 civic_notify_failed(struct civic_db *, long long id, const char *token,
		    const char *error, unsigned delay);

/*
 * Marks failed the messages left in 'sending' for more than reclaim
 * seconds after their last allowed attempt; *n gets how many.
 */
enum civic_err	 civic_notify_expire(struct civic_db *, unsigned reclaim,
		    unsigned max_attempts, unsigned long long *n);

/* notify_template.c */

struct civic_notify_templates;

/*
 * Reads the template file (format: examples/notify-templates.txt).  On
 * error errbuf says which line and why.  Free with
 * civic_notify_templates_free().
 */
enum civic_err	 civic_notify_templates_load(const char *path,
		    struct civic_notify_templates **, char *errbuf, size_t errlen);
/* The same from text in memory (len bytes, need not be terminated). */
enum civic_err	 civic_notify_templates_parse(const char *text, size_t len,
		    struct civic_notify_templates **, char *errbuf, size_t errlen);
void		 civic_notify_templates_free(struct civic_notify_templates *);
/* Templates in the set. */
size_t		 civic_notify_templates_count(const struct civic_notify_templates *);

/*
 * Renders template tmpl in lang, or in fallback_lang when the file has no
 * such language, with the encoded params.  Every {name} of the template
 * must have a parameter, else CIVIC_ERR_NOTFOUND and errbuf names it (as
 * for a missing template).  *subject is "" when the template has none.
 * Results are in the arena.
 */
enum civic_err	 civic_notify_render(const struct civic_notify_templates *,
		    struct civic_arena *, const char *tmpl, const char *lang,
		    const char *fallback_lang, const char *params, char **subject,
		    char **body, char *errbuf, size_t errlen);

/* notify_send.c */

struct civic_notify_transport;

/*
 * The transports of the notify.* configuration.  CIVIC_ERR_CONFIG, with
 * errbuf saying why, for a transport that can't work (an unknown name, a
 * relative program path, an unknown {placeholder}).  Free with
 * civic_notify_transport_free().
 */
enum civic_err	 civic_notify_transport_new(const struct civic_config *,
		    struct civic_notify_transport **, char *errbuf, size_t errlen);
void		 civic_notify_transport_free(struct civic_notify_transport *);
/* CIVIC_NOTIFY_WANT_* bits of the channels that have a transport. */
unsigned	 civic_notify_transport_channels(const struct civic_notify_transport *);

/*
 * Sends a rendered message.  CIVIC_OK when the transport took it;
 * otherwise errbuf says why, for last_error and the log.
 */
enum civic_err	 civic_notify_send(const struct civic_notify_transport *,
		    struct civic_arena *, const struct civic_notify_msg *, const char *subject,
		    const char *body, char *errbuf, size_t errlen);

/*
 * Splits a command template at spaces and tabs into at most
 * CIVIC_NOTIFY_MAX_ARGS words (no quoting: a word can't contain a space,
 * but a substituted value can).  The first word must be an absolute path
 * without placeholders; the others may hold {phone}, {text} and {id}
 * anywhere.  CIVIC_ERR_CONFIG with errbuf for anything else.
 */
enum civic_err	 civic_notify_argv_split(struct civic_arena *, const char *tmpl,
		    char ***words, size_t *n, char *errbuf, size_t errlen);
/*
 * The argument vector (NULL-terminated) for one message: each word with
 * its placeholders replaced by the values, verbatim, each word staying
 * one argument whatever the values hold.
 */
enum civic_err	 civic_notify_argv_build(struct civic_arena *, char *const *words, size_t n,
		    const char *phone, const char *text, long long id, char ***argv);

/*
 * s as the value of a Subject header: RFC 2047 "B" encoded-words of UTF-8,
 * each at most 75 characters and never splitting a character, folded onto
 * continuation lines ("\n ").
 */
char		*civic_notify_rfc2047(struct civic_arena *, const char *s);

#endif
