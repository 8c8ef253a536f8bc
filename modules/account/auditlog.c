/*
 * auditlog.c: what admins watch: the audit log (newest first, filtered by
 * staff number, action, object type and period) and the notifications
 * that failed; both paged by keyset on the id.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"

int
account_audit_list(struct civic_req *r)
{
	/* Each filter is "? IS NULL OR …": one statement for every combination. */
	static const char	 sql[] =
	    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at, s.staff_no, "
	    "s.name AS staff_name, a.address, a.action, a.object_type, a.object_id, a.detail "
	    "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id "
	    "WHERE a.id < ? AND (? IS NULL OR s.staff_no = ?) AND (? IS NULL OR a.action = ?) "
	    "AND (? IS NULL OR a.object_type = ?) AND (? IS NULL OR a.at >= ?) "
	    "AND (? IS NULL OR a.at < ? + INTERVAL 1 DAY) "
	    "ORDER BY a.id DESC LIMIT ?";
	const char		*no = civic_req_value(r, "staff_no");
	const char		*action = civic_req_value(r, "action");
	const char		*object = civic_req_value(r, "object");
	const char		*from = civic_req_value(r, "from");
	const char		*to = civic_req_value(r, "to");
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PTEXT(no), CIVIC_PTEXT(no),
				    CIVIC_PTEXT(action), CIVIC_PTEXT(action),
				    CIVIC_PTEXT(object), CIVIC_PTEXT(object),
				    CIVIC_PTEXT(from), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to), CIVIC_PTEXT(to),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = civic_page_list(r, "entries", "entry", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	/* The filter form shows the filters in force. */
	civic_page_value(r, "staff_no", no);
	civic_page_value(r, "action", action);
	civic_page_value(r, "object", object);
	civic_page_value(r, "from", from);
	civic_page_value(r, "to", to);
	return 200;
}

/*
 * The notifications that failed for good, newest first, so that an admin
 * can see what citizens were never told.  The recipient is shown in part:
 * enough to recognise a mistyped number, not enough to collect numbers.
 */
int
account_outbox_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created, channel, "
	    "CONCAT(LEFT(recipient, 3), '****', RIGHT(recipient, 2)) AS recipient, template, "
	    "attempts, last_error FROM notify_outbox WHERE status = 'failed' AND id < ? "
	    "ORDER BY id DESC LIMIT ?";
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	st = civic_page_list(r, "messages-failed", "message", "id", sql, p, 2);
	return st != 0 ? st : 200;
}
