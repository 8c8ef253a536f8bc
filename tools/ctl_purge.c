/*
 * ctl_purge.c: civicctl purge, the retention run.
 *
 * Personal data (names, phone numbers, e-mail addresses, ID numbers,
 * attachments) of citizens is removed from what is older than
 * [retention] personal_days, keeping the rest of each row so that the
 * anonymous statistics stay right; and what only ever served a moment
 * (expired sessions, used idempotency keys, delivered notifications, which
 * hold phone numbers) goes after a day or the same period.
 *
 * Each feature adds its rules to the table below when it lands: one
 * statement each, with the number of days as its only parameter.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"

struct purge_rule {
	const char	*what;
	int		 personal;	/* 1: the parameter is personal_days; 0: one day */
	const char	*sql;
};

static const struct purge_rule purge_rules[] = {
	{ "expired staff sessions", 0,
	    "DELETE FROM staff_session WHERE expires_at < NOW() - INTERVAL ? DAY" },
	{ "used idempotency keys", 0,
	    "DELETE FROM idempotency WHERE created_at < NOW() - INTERVAL ? DAY" },
	{ "delivered or failed notifications", 1,
	    "DELETE FROM notify_outbox WHERE status IN ('sent', 'failed') "
	    "AND created_at < NOW() - INTERVAL ? DAY" },
	{ "personal data of demo notes", 1,
	    "UPDATE demo_note SET name = '', mobile = '', email = NULL, idcard = NULL, "
	    "file_name = NULL, file_type = NULL, file_data = NULL "
	    "WHERE created_at < NOW() - INTERVAL ? DAY AND (name <> '' OR mobile <> '' "
	    "OR email IS NOT NULL OR idcard IS NOT NULL OR file_data IS NOT NULL)" },
	/*
	 * Finished letters only: the office may still need to call the
	 * writer of an open one.  The original text may hold what the writer
	 * typed about themselves, so it gives way to the public version the
	 * office reviewed (or to nothing when there is none).
	 */
	{ "personal data of mailbox letters", 1,
	    "UPDATE mailbox_letter SET name = '', mobile = '', email = NULL, address = '', "
	    "body = COALESCE(public_body, '') "
	    "WHERE created_at < NOW() - INTERVAL ? DAY "
	    "AND state IN ('replied', 'closed', 'rejected', 'merged') "
	    "AND (name <> '' OR mobile <> '' OR email IS NOT NULL OR address <> '')" },
	{ "attachments of mailbox letters", 1,
	    "DELETE a FROM mailbox_attachment a JOIN mailbox_letter l ON l.id = a.letter_id "
	    "WHERE l.created_at < NOW() - INTERVAL ? DAY "
	    "AND l.state IN ('replied', 'closed', 'rejected', 'merged')" },
	/*
	 * Questions no longer open: the callback phone and the name go, and
	 * the thread's texts, which may hold what the asker typed about
	 * themselves, give way to the public version (or to nothing).
	 */
	{ "personal data of consultation questions", 1,
	    "UPDATE consult_question SET name = NULL, phone = '', address = '', "
	    "body = COALESCE(public_body, '') "
	    "WHERE asked_at < NOW() - INTERVAL ? DAY AND state IN ('answered', 'closed') "
	    "AND (name IS NOT NULL OR phone <> '' OR address <> '')" },
	{ "texts of consultation threads", 1,
	    "UPDATE consult_message m JOIN consult_question q ON q.id = m.question_id "
	    "SET m.body = NULL WHERE q.asked_at < NOW() - INTERVAL ? DAY "
	    "AND q.state IN ('answered', 'closed') AND m.kind IN ('question', 'followup') "
	    "AND m.body IS NOT NULL" },
	/*
	 * A rater's phone is kept to tell them the outcome of their 差评:
	 * it goes once the rectification case is closed (rectified, or the
	 * rating excluded), or at once for a rating that opened none; the
	 * address (kept against abuse) with it.  The levels stay, for the
	 * figures.
	 */
	{ "phone numbers and addresses of ratings", 1,
	    "UPDATE eval_rating e LEFT JOIN eval_case c ON c.rating_id = e.id "
	    "SET e.phone = NULL, e.address = '' "
	    "WHERE e.rated_at < NOW() - INTERVAL ? DAY "
	    "AND (c.id IS NULL OR c.closed_at IS NOT NULL) "
	    "AND (e.phone IS NOT NULL OR e.address <> '')" },
	/*
	 * Finished pre-review applications (completed or rejected): the
	 * applicant's name, ID number or credit code, agent, phone and e-mail,
	 * the answers to the item's fields, and the files, which are copies of
	 * identity papers and licences.  The rows stay, with their item,
	 * states, rounds and times, for the figures; purged_at says why the
	 * uploads have no file.  The files go with their stored_file rows: the
	 * chunks by cascade, pr_upload.file_id set NULL by its foreign key.
	 */
	{ "personal data of pre-review applications", 1,
	    "UPDATE pr_application SET name = '', id_number = '', contact = NULL, phone = '', "
	    "email = NULL, purged_at = NOW() WHERE created_at < NOW() - INTERVAL ? DAY "
	    "AND state IN ('completed', 'rejected') AND purged_at IS NULL" },
	{ "field values of pre-review applications", 1,
	    "DELETE v FROM pr_value v JOIN pr_application a ON a.id = v.application_id "
	    "WHERE a.created_at < NOW() - INTERVAL ? DAY AND a.state IN ('completed', 'rejected')" },
	{ "files of pre-review applications", 1,
	    "DELETE FROM stored_file WHERE id IN (SELECT file_id FROM (SELECT u.file_id "
	    "FROM pr_upload u JOIN pr_application a ON a.id = u.application_id "
	    "WHERE a.created_at < NOW() - INTERVAL ? DAY AND a.state IN ('completed', 'rejected') "
	    "AND u.file_id IS NOT NULL) AS finished)" },
	/* SMS codes serve minutes; a day later they prove nothing. */
	{ "expired SMS codes of ratings", 0,
	    "DELETE FROM eval_verify WHERE expires_at < NOW() - INTERVAL ? DAY" },
	{ NULL, 0, NULL }
};

int
ctl_purge(struct ctl *c, int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct purge_rule	*rule;
	unsigned long long	 n;
	long long		 days = 0;
	char			*end;
	int			 ch, rc = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'd') {
			days = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || days < 1 || days > 36500) {
				fprintf(stderr, "civicctl purge: --days must be 1 to 36500\n");
				return 2;
			}
			continue;
		}
		printf("usage: civicctl [--config FILE] purge [--days N]\n"
		    "Removes citizens' personal data older than N days (default: [retention]\n"
		    "personal_days) and what served only a moment (expired sessions, used\n"
		    "form keys).\n");
		return ch == 'h' ? 0 : 2;
	}
	if (days == 0)
		days = civic_config_int(c->cfg, "retention.personal_days");
	if (optind != argc) {
		fprintf(stderr, "civicctl purge: unexpected argument %s\n", argv[optind]);
		return 2;
	}
	for (rule = purge_rules; rule->what != NULL; rule++) {
		struct civic_param p[] = { CIVIC_PINT(rule->personal ? days : 1) };

		if (civic_db_exec(c->db, rule->sql, p, 1, &n, NULL) != CIVIC_OK) {
			fprintf(stderr, "civicctl purge: %s: %s\n", rule->what,
			    civic_db_error(c->db));
			rc = 1;
			continue;
		}
		printf("civicctl: %s: %llu row(s)\n", rule->what, n);
	}
	return rc;
}
