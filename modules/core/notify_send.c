/*
 * notify_send.c: the transports a rendered message is handed to.
 *
 *	file		appends one record a message to notify.file, in one
 *			write(2) with O_APPEND, so that workers on one host
 *			never interleave records (the demo and the tests)
 *	sendmail	e-mail through the local MTA: notify.sendmail -i --
 *			RECIPIENT, the message on its standard input
 *	command		SMS through the gateway's program, notify.sms_command,
 *			split into words before {phone}, {text} and {id} are
 *			put in, so that no value is ever parsed by a shell
 *
 * Programs run with fork and execv, an empty signal mask, the message (if
 * any) on standard input, their output on our standard error, and at most
 * notify.timeout seconds before SIGKILL.  A zero exit status is success.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "notify.h"

enum send_kind { SEND_NONE, SEND_FILE, SEND_SENDMAIL, SEND_COMMAND };

struct civic_notify_transport {
	struct civic_arena	*arena;		/* everything below */
	enum send_kind		 sms, email;
	const char		*file;
	const char		*sendmail;
	const char		*from;		/* address, or "" */
	const char		*from_name;	/* site.name */
	const char		*domain;	/* of Message-ID */
	char			**words;	/* of notify.sms_command */
	size_t			 nwords;
	unsigned		 timeout;
};

/* Bytes of a record or mail beyond the message itself: headers. */
#define SEND_OVERHEAD	4096

static const char *const send_placeholders[] = { "{phone}", "{text}", "{id}" };
#define SEND_NPH	(sizeof(send_placeholders) / sizeof(send_placeholders[0]))

enum civic_err
civic_notify_argv_split(struct civic_arena *a, const char *tmpl, char ***words, size_t *n,
    char *errbuf, size_t errlen)
{
	const char	*p, *e, *b;
	char		**w;
	size_t		 i, k;

	*words = NULL;
	*n = 0;
	if ((w = civic_arena_zalloc(a, (CIVIC_NOTIFY_MAX_ARGS + 1) * sizeof(*w))) == NULL)
		return CIVIC_ERR_NOMEM;
	for (p = tmpl; ; p = e) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' ' && *e != '\t'; e++)
			;
		if (*n == CIVIC_NOTIFY_MAX_ARGS) {
			snprintf(errbuf, errlen, "more than %d words", CIVIC_NOTIFY_MAX_ARGS);
			return CIVIC_ERR_CONFIG;
		}
		if ((w[*n] = civic_arena_strndup(a, p, (size_t)(e - p))) == NULL)
			return CIVIC_ERR_NOMEM;
		/* Every brace must open a known placeholder: a typo is found at start. */
		for (b = w[*n]; (b = strchr(b, '{')) != NULL; b++) {
			for (k = 0; k < SEND_NPH; k++)
				if (strncmp(b, send_placeholders[k],
				    strlen(send_placeholders[k])) == 0)
					break;
			if (k == SEND_NPH || *n == 0) {
				snprintf(errbuf, errlen, "word %zu: %s: only {phone}, {text} and "
				    "{id} may be used, and not in the program's path", *n + 1,
				    w[*n]);
				return CIVIC_ERR_CONFIG;
			}
		}
		(*n)++;
	}
	if (*n == 0 || w[0][0] != '/') {
		snprintf(errbuf, errlen, "the first word must be the program's absolute path");
		return CIVIC_ERR_CONFIG;
	}
	for (i = 0; i < *n; i++)
		if (strchr(w[i], '}') != NULL && strchr(w[i], '{') == NULL) {
			snprintf(errbuf, errlen, "word %zu: %s: a lone }", i + 1, w[i]);
			return CIVIC_ERR_CONFIG;
		}
	*words = w;
	return CIVIC_OK;
}

enum civic_err
civic_notify_argv_build(struct civic_arena *a, char *const *words, size_t n, const char *phone,
    const char *text, long long id, char ***argv)
{
	const char	*vals[SEND_NPH], *p, *v;
	char		**out, *buf, idbuf[24];
	size_t		 i, k, len, off;

	*argv = NULL;
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	vals[0] = phone;
	vals[1] = text;
	vals[2] = idbuf;
	if ((out = civic_arena_zalloc(a, (n + 1) * sizeof(*out))) == NULL)
		return CIVIC_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		/* Measure, then copy: values are put in verbatim, never rescanned. */
		for (len = 0, p = words[i]; *p != '\0'; ) {
			for (k = 0; k < SEND_NPH; k++)
				if (strncmp(p, send_placeholders[k],
				    strlen(send_placeholders[k])) == 0)
					break;
			if (k < SEND_NPH) {
				len += strlen(vals[k]);
				p += strlen(send_placeholders[k]);
			} else {
				len++;
				p++;
			}
		}
		if ((buf = civic_arena_alloc(a, len + 1)) == NULL)
			return CIVIC_ERR_NOMEM;
		for (off = 0, p = words[i]; *p != '\0'; ) {
			for (k = 0; k < SEND_NPH; k++)
				if (strncmp(p, send_placeholders[k],
				    strlen(send_placeholders[k])) == 0)
					break;
			if (k < SEND_NPH) {
				v = vals[k];
				memcpy(buf + off, v, strlen(v));
				off += strlen(v);
				p += strlen(send_placeholders[k]);
			} else
				buf[off++] = *p++;
		}
		buf[off] = '\0';
		out[i] = buf;
	}
	*argv = out;
	return CIVIC_OK;
}

char *
civic_notify_rfc2047(struct civic_arena *a, const char *s)
{
	/*
	 * "=?UTF-8?B?" + 60 base64 characters + "?=" is 72, within the 75 of
	 * RFC 2047 section 2; 60 characters carry 45 bytes.
	 */
	enum { CHUNK = 45 };
	size_t		 n = strlen(s), i, j, cl, off = 0;
	char		*out, b64[sodium_base64_ENCODED_LEN(CHUNK,
			    sodium_base64_VARIANT_ORIGINAL)];

	if ((out = civic_arena_alloc(a, (n / 30 + 1) * 80 + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i = j) {
		/* Take whole characters only: a decoder may not join split ones. */
		for (j = i; j < n; j += cl) {
			cl = ((unsigned char)s[j] & 0x80) == 0 ? 1 :
			    ((unsigned char)s[j] & 0xe0) == 0xc0 ? 2 :
			    ((unsigned char)s[j] & 0xf0) == 0xe0 ? 3 : 4;
			if (j + cl - i > CHUNK)
				break;
		}
		if (j == i)	/* not UTF-8; refused earlier, but never loop */
			j = i + 1;
		if (j > n)
			j = n;
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)s + i, j - i,
		    sodium_base64_VARIANT_ORIGINAL);
		off += (size_t)snprintf(out + off, 80, "%s=?UTF-8?B?%s?=", i > 0 ? "\n " : "",
		    b64);
	}
	out[off] = '\0';
	return out;
}

/* Runs argv with input on its standard input, within timeout seconds. */
static enum civic_err
send_run(char *const argv[], const char *input, size_t inlen, unsigned timeout, char *errbuf,
    size_t errlen)
{
	struct timespec	 now, deadline, nap = { 0, 20 * 1000 * 1000 };
	struct pollfd	 pfd;
	sigset_t	 none;
	ssize_t		 w;
	size_t		 off = 0;
	long		 maxfd, fd;
	pid_t		 pid;
	int		 in[2] = { -1, -1 }, status = 0, killed = 0, ms;
	enum civic_err	 err = CIVIC_ERR_SYSTEM;

	/* Found before fork: the child may call only async-signal-safe functions. */
	if ((maxfd = sysconf(_SC_OPEN_MAX)) < 0 || maxfd > 65536)
		maxfd = 65536;
	sigemptyset(&none);
	if (pipe(in) == -1) {
		snprintf(errbuf, errlen, "pipe: %s", strerror(errno));
		return CIVIC_ERR_SYSTEM;
	}
	if ((pid = fork()) == -1) {
		snprintf(errbuf, errlen, "fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0) {
		/* The worker blocks and ignores signals; the program must not. */
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		if (dup2(in[0], STDIN_FILENO) == -1 || dup2(STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(126);
		/* Nothing of ours, the database connection least of all. */
		for (fd = 3; fd < maxfd; fd++)
			close((int)fd);
		execv(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	in[0] = -1;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout;
	/* Non-blocking, so that a program that reads nothing can't hold us. */
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	while (off < inlen) {
		if ((w = write(in[1], input + off, inlen - off)) > 0) {
			off += (size_t)w;
			continue;
		}
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1 && errno != EAGAIN)
			break;		/* EPIPE: it exited; its status says why */
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (int)((deadline.tv_sec - now.tv_sec) * 1000 +
		    (deadline.tv_nsec - now.tv_nsec) / 1000000);
		if (ms <= 0)
			break;
		pfd.fd = in[1];
		pfd.events = POLLOUT;
		poll(&pfd, 1, ms);
	}
	close(in[1]);
	in[1] = -1;
	for (;;) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec &&
		    now.tv_nsec >= deadline.tv_nsec)) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				;
			killed = 1;
			break;
		}
		nanosleep(&nap, NULL);
	}
	if (killed)
		snprintf(errbuf, errlen, "%s: killed after %u s", argv[0], timeout);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && off == inlen)
		err = CIVIC_OK;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		snprintf(errbuf, errlen, "%s: did not read its input", argv[0]);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(errbuf, errlen, "%s: exit status 127 (not found or not executable?)",
		    argv[0]);
	else if (WIFEXITED(status))
		snprintf(errbuf, errlen, "%s: exit status %d", argv[0], WEXITSTATUS(status));
	else
		snprintf(errbuf, errlen, "%s: killed by signal %d", argv[0],
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
out:
	if (in[0] != -1)
		close(in[0]);
	if (in[1] != -1)
		close(in[1]);
	return err;
}

/* Appends a record to notify.file; see the file's head. */
static enum civic_err
send_file(const struct civic_notify_transport *t, struct civic_arena *a,
    const struct civic_notify_msg *m, const char *subject, const char *body, char *errbuf,
    size_t errlen)
{
	const char	*p, *eol;
	char		*rec;
	size_t		 max = strlen(body) * 2 + strlen(subject) + SEND_OVERHEAD, off;
	ssize_t		 w;
	int		 fd = -1, n;
	enum civic_err	 err = CIVIC_ERR_SYSTEM;

	if ((rec = civic_arena_alloc(a, max)) == NULL)
		return CIVIC_ERR_NOMEM;
	/*
	 * "=== id=.. channel=.. to=.. template=.. lang=.. attempt=..", then
	 * "subject: ..." for e-mail, then each body line after "| ", so that
	 * no body line can look like a record's first line.
	 */
	n = snprintf(rec, max, "=== id=%lld channel=%s to=%s template=%s lang=%s attempt=%u\n",
	    m->id, civic_notify_channel_name(m->channel), m->recipient, m->tmpl, m->lang,
	    m->attempts);
	off = (size_t)n;
	if (m->channel == CIVIC_NOTIFY_EMAIL)
		off += (size_t)snprintf(rec + off, max - off, "subject: %s\n", subject);
	for (p = body; ; p = eol + 1) {
		if ((eol = strchr(p, '\n')) == NULL)
			eol = p + strlen(p);
		off += (size_t)snprintf(rec + off, max - off, "| %.*s\n", (int)(eol - p), p);
		if (*eol == '\0')
			break;
	}
	if ((fd = open(t->file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640)) == -1) {
		snprintf(errbuf, errlen, "%s: %s", t->file, strerror(errno));
		goto out;
	}
	if ((w = write(fd, rec, off)) != (ssize_t)off) {
		snprintf(errbuf, errlen, "%s: %s", t->file, w == -1 ? strerror(errno) :
		    "short write");
		goto out;
	}
	err = CIVIC_OK;
out:
	if (fd != -1 && close(fd) == -1 && err == CIVIC_OK) {
		snprintf(errbuf, errlen, "%s: %s", t->file, strerror(errno));
		err = CIVIC_ERR_SYSTEM;
	}
	return err;
}

/* An RFC 5322 message: UTF-8 text, base64 in lines of 76, LF line ends for sendmail. */
static enum civic_err
send_sendmail(const struct civic_notify_transport *t, struct civic_arena *a,
    const struct civic_notify_msg *m, const char *subject, const char *body, char *errbuf,
    size_t errlen)
{
	char		*argv[7], *crlf, *b64, *msg, *subj, *name = NULL, date[64];
	size_t		 blen = strlen(body), clen = 0, b64len, max, off, i, argc = 0;
	time_t		 now = time(NULL);
	struct tm	 tm;

	/* Canonical text for MIME is CR LF line ends, encoded as such. */
	if ((crlf = civic_arena_alloc(a, blen * 2 + 3)) == NULL)
		return CIVIC_ERR_NOMEM;
	for (i = 0; i < blen; i++) {
		if (body[i] == '\n')
			crlf[clen++] = '\r';
		crlf[clen++] = body[i];
	}
	crlf[clen++] = '\r';
	crlf[clen++] = '\n';
	b64len = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	if ((b64 = civic_arena_alloc(a, b64len)) == NULL ||
	    (subj = civic_notify_rfc2047(a, subject)) == NULL ||
	    (t->from[0] != '\0' && (name = civic_notify_rfc2047(a, t->from_name)) == NULL))
		return CIVIC_ERR_NOMEM;
	sodium_bin2base64(b64, b64len, (const unsigned char *)crlf, clen,
	    sodium_base64_VARIANT_ORIGINAL);
	localtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", &tm);
	max = strlen(b64) + strlen(b64) / 76 + strlen(subj) + strlen(m->recipient) +
	    (name != NULL ? strlen(name) : 0) + strlen(t->from) + strlen(t->domain) + SEND_OVERHEAD;
	if ((msg = civic_arena_alloc(a, max)) == NULL)
		return CIVIC_ERR_NOMEM;
	off = (size_t)snprintf(msg, max, "To: %s\n", m->recipient);
	if (t->from[0] != '\0')
		off += (size_t)snprintf(msg + off, max - off, "From: %s%s<%s>\n", name,
		    name[0] != '\0' ? " " : "", t->from);
	/*
	 * The Message-ID is the row's: should a message go out twice (a
	 * worker died before recording it), mail readers show it once.
	 */
	off += (size_t)snprintf(msg + off, max - off, "Subject: %s\nDate: %s\n"
	    "Message-ID: <notify.%lld@%s>\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n",
	    subj, date, m->id, t->domain);
	for (i = 0, blen = strlen(b64); i < blen; i += 76)
		off += (size_t)snprintf(msg + off, max - off, "%.76s\n", b64 + i);
	argv[argc++] = (char *)t->sendmail;
	argv[argc++] = (char *)"-i";
	if (t->from[0] != '\0') {
		argv[argc++] = (char *)"-f";
		argv[argc++] = (char *)t->from;
	}
	argv[argc++] = (char *)"--";
	argv[argc++] = (char *)m->recipient;
	argv[argc] = NULL;
	return send_run(argv, msg, off, t->timeout, errbuf, errlen);
}

static enum civic_err
send_command(const struct civic_notify_transport *t, struct civic_arena *a,
    const struct civic_notify_msg *m, const char *body, char *errbuf, size_t errlen)
{
	char		**argv;
	enum civic_err	 err;

	if ((err = civic_notify_argv_build(a, t->words, t->nwords, m->recipient, body, m->id,
	    &argv)) != CIVIC_OK)
		return err;
	return send_run(argv, "", 0, t->timeout, errbuf, errlen);
}

enum civic_err
civic_notify_send(const struct civic_notify_transport *t, struct civic_arena *a,
    const struct civic_notify_msg *m, const char *subject, const char *body, char *errbuf,
    size_t errlen)
{
	enum send_kind	 k = m->channel == CIVIC_NOTIFY_EMAIL ? t->email : t->sms;

	/* The row may have been edited by hand: what reaches argv is checked again. */
	if (!civic_notify_recipient_valid(m->channel, m->recipient)) {
		snprintf(errbuf, errlen, "malformed recipient");
		return CIVIC_ERR_INVALID;
	}
	if (m->channel == CIVIC_NOTIFY_EMAIL && subject[0] == '\0') {
		snprintf(errbuf, errlen, "template [%s.%s] has no subject, which e-mail needs",
		    m->tmpl, m->lang);
		return CIVIC_ERR_INVALID;
	}
	switch (k) {
	case SEND_FILE:
		return send_file(t, a, m, subject, body, errbuf, errlen);
	case SEND_SENDMAIL:
		return send_sendmail(t, a, m, subject, body, errbuf, errlen);
	case SEND_COMMAND:
		return send_command(t, a, m, body, errbuf, errlen);
	case SEND_NONE:
		break;
	}
	snprintf(errbuf, errlen, "no transport for %s", civic_notify_channel_name(m->channel));
	return CIVIC_ERR_CONFIG;
}

enum civic_err
civic_notify_transport_new(const struct civic_config *cfg, struct civic_notify_transport **out,
    char *errbuf, size_t errlen)
{
	struct civic_notify_transport	*t;
	const char			*sms, *email, *at;
	char				 host[256], addr[260], msg[160];
	long long			 timeout;
	enum civic_err			 err = CIVIC_ERR_CONFIG;

	*out = NULL;
	snprintf(errbuf, errlen, "out of memory");
	if ((t = calloc(1, sizeof(*t))) == NULL || (t->arena = civic_arena_new()) == NULL) {
		free(t);
		return CIVIC_ERR_NOMEM;
	}
	sms = civic_config_get(cfg, "notify.transport_sms");
	email = civic_config_get(cfg, "notify.transport_email");
	t->sms = strcmp(sms, "file") == 0 ? SEND_FILE : strcmp(sms, "command") == 0 ?
	    SEND_COMMAND : SEND_NONE;
	t->email = strcmp(email, "file") == 0 ? SEND_FILE : strcmp(email, "sendmail") == 0 ?
	    SEND_SENDMAIL : SEND_NONE;
	if (t->sms == SEND_NONE && strcmp(sms, "none") != 0) {
		snprintf(errbuf, errlen, "notify.transport_sms: %s is not file, command or none",
		    sms);
		goto fail;
	}
	if (t->email == SEND_NONE && strcmp(email, "none") != 0) {
		snprintf(errbuf, errlen, "notify.transport_email: %s is not file, sendmail or "
		    "none", email);
		goto fail;
	}
	t->file = civic_arena_strdup(t->arena, civic_config_get(cfg, "notify.file"));
	t->sendmail = civic_arena_strdup(t->arena, civic_config_get(cfg, "notify.sendmail"));
	t->from = civic_arena_strdup(t->arena, civic_config_get(cfg, "notify.email_from"));
	t->from_name = civic_arena_strdup(t->arena, civic_config_get(cfg, "site.name"));
	if (t->file == NULL || t->sendmail == NULL || t->from == NULL || t->from_name == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto fail;
	}
	if ((t->sms == SEND_FILE || t->email == SEND_FILE) && t->file[0] != '/') {
		snprintf(errbuf, errlen, "notify.file: an absolute path is needed");
		goto fail;
	}
	if (t->email == SEND_SENDMAIL && t->sendmail[0] != '/') {
		snprintf(errbuf, errlen, "notify.sendmail: an absolute path is needed");
		goto fail;
	}
	if (t->from[0] != '\0' && !civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, t->from)) {
		snprintf(errbuf, errlen, "notify.email_from: %s is not a plain address",
		    t->from);
		goto fail;
	}
	if (t->sms == SEND_COMMAND && (err = civic_notify_argv_split(t->arena,
	    civic_config_get(cfg, "notify.sms_command"), &t->words, &t->nwords, msg,
	    sizeof(msg))) != CIVIC_OK) {
		snprintf(errbuf, errlen, "notify.sms_command: %s", msg);
		goto fail;
	}
	err = CIVIC_ERR_CONFIG;
	timeout = civic_config_int(cfg, "notify.timeout");
	if (timeout < 1 || timeout > 3600) {
		snprintf(errbuf, errlen, "notify.timeout: 1 to 3600 seconds");
		goto fail;
	}
	t->timeout = (unsigned)timeout;
	/* Message-IDs in the sender's domain, else this host's name. */
	if ((at = strchr(t->from, '@')) != NULL)
		t->domain = at + 1;
	else if (gethostname(host, sizeof(host)) == 0) {
		host[sizeof(host) - 1] = '\0';
		snprintf(addr, sizeof(addr), "x@%s", host);
		if (civic_notify_recipient_valid(CIVIC_NOTIFY_EMAIL, addr))
			t->domain = civic_arena_strdup(t->arena, host);
	}
	if (t->domain == NULL)
		t->domain = "localhost";
	*out = t;
	return CIVIC_OK;
fail:
	civic_notify_transport_free(t);
	return err;
}

void
civic_notify_transport_free(struct civic_notify_transport *t)
{
	if (t == NULL)
		return;
	civic_arena_free(t->arena);
	free(t);
}

unsigned
civic_notify_transport_channels(const struct civic_notify_transport *t)
{
	return (t->sms != SEND_NONE ? CIVIC_NOTIFY_WANT_SMS : 0) |
	    (t->email != SEND_NONE ? CIVIC_NOTIFY_WANT_EMAIL : 0);
}
