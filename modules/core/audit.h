/*
 * audit.h: the audit log.  Every staff action that changes anything is one
 * row: who, when, from which address, what object, what changed.  Rows
 * are only ever appended, and each carries a SHA-256 over its own fields
 * and the previous row's hash, so that a row changed or removed later
 * breaks the chain where it was; `civicctl audit-verify` walks it.
 */
#ifndef CIVIC_AUDIT_H
#define CIVIC_AUDIT_H

#include "db.h"
#include "request.h"

struct civic_audit_entry {
	long long	 staff_id;	/* 0: no one signed in (a failed sign-in) */
	const char	*address;
	const char	*action;	/* "signin", "signin.fail", "staff.create", ... */
	const char	*object_type;	/* "staff", "department", ... or NULL */
	const char	*object_id;	/* or NULL */
	const char	*detail;	/* what changed, short text, or NULL */
};

/*
 * Appends an entry.  Call it inside the transaction that makes the change
 * (civic_db_tx), so that the row exists if and only if the change does; it
 * locks the newest row to chain onto it, which serialises audit writes.
 */
enum civic_err	 civic_audit_append(struct civic_db *, struct civic_arena *,
		    const struct civic_audit_entry *);

/* The same for the request's staff member and address. */
enum civic_err	 civic_audit(struct civic_req *, const char *action, const char *object_type,
		    const char *object_id, const char *detail);

/*
 * Walks the whole chain in order.  Returns CIVIC_OK when every row's hash
 * is right, CIVIC_ERR_CONFLICT at the first that is not (its id in *bad),
 * or a database error.  *count gets the rows checked.
 */
enum civic_err	 civic_audit_verify(struct civic_db *, unsigned long long *count,
		    long long *bad);

#endif
