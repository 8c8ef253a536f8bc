/*
 * itemio.h: a service item read, checked and written with its version
 * (itemio.c), shared by the staff's edit form (items.c) and `civicctl
 * import-items` (tools/ctl_items.c).  Nothing here takes a request, so
 * that civicctl links it without the FastCGI side.
 *
 * The names of the values are the edit form's field names, and the
 * import's CSV columns are the same names (doc/civicctl.md): code, parent,
 * name, kind, department, audience, theme, legal_basis, conditions,
 * process, legal_days, promised_days, fees, place, hours, phone, visits,
 * online, pickup_window, licence, active; d1_department, d1_days .. d4_*
 * (reviewing departments); f1_label, f1_kind, f1_choices, f1_required,
 * f1_max_len .. f8_* (extra fields); m1_name, m1_form, m1_copies, m1_need,
 * m1_cond, m1_cond_field, m1_cond_value, m1_note .. m10_* (materials), and
 * on the form only m1_file .. m10_file (blank forms).
 */
#ifndef PR_ITEMIO_H
#define PR_ITEMIO_H

#include "prereview.h"

/*
 * An item code: 12 digits of the region, '-', 2 capitals of the kind
 * (XK 许可, QR 确认, QT 其他 …), '-', 4 digits: 510124000000-XK-0001.
 */
#define PR_ITEM_CODE_LEN	20

/* Working days a limit may have: the longest statutory limits are some months. */
#define PR_ITEM_MAX_DAYS	365

/*
 * The values every item has, as the form's and the CSV's fields with
 * their validators, NULL-terminated; then the reviewers', extra fields'
 * and materials' numbered ones (without the files).  PR_ITEMIO_FIELDS
 * counts them all.
 */
#define PR_ITEMIO_NFIELDS	(21 + 2 * PR_MAX_REVIEWERS + 5 * PR_MAX_FIELDS + \
				 8 * PR_MAX_MATERIALS)
extern const struct civic_field	pr_itemio_fields[PR_ITEMIO_NFIELDS + 1];

extern const char *const	pr_itemio_audiences[];	/* person, enterprise, both */
extern const char *const	pr_itemio_kinds[];	/* an extra field's kinds */
extern const char *const	pr_itemio_forms[];	/* original, copy, both */
extern const char *const	pr_itemio_needs[];	/* required, conditional, optional */

/*
 * The field declarations of pr_itemio_fields, for a route table that adds
 * its own (items.c: the version edited, the blank forms).  The numbered
 * lists are written out for PR_MAX_REVIEWERS 4, PR_MAX_FIELDS 8 and
 * PR_MAX_MATERIALS 10 (itemio.c checks so at compile time).
 */
#define PR_ITEMIO_ID	4294967295LL
#define PR_ITEMIO_REV(n) \
	{ "d" #n "_department", CIVIC_V_INT, 1, PR_ITEMIO_ID, 0, NULL }, \
	{ "d" #n "_days", CIVIC_V_INT, 1, PR_ITEM_MAX_DAYS, 0, NULL }
#define PR_ITEMIO_FLD(n) \
	{ "f" #n "_label", CIVIC_V_TEXT, 1, 50, 0, NULL }, \
	{ "f" #n "_kind", CIVIC_V_ENUM, 0, 0, 0, pr_itemio_kinds }, \
	{ "f" #n "_choices", CIVIC_V_TEXT, 1, 500, 0, NULL }, \
	{ "f" #n "_required", CIVIC_V_INT, 0, 1, 0, NULL }, \
	{ "f" #n "_max_len", CIVIC_V_INT, 1, 2000, 0, NULL }
#define PR_ITEMIO_MAT(n) \
	{ "m" #n "_name", CIVIC_V_TEXT, 1, 100, 0, NULL }, \
	{ "m" #n "_form", CIVIC_V_ENUM, 0, 0, 0, pr_itemio_forms }, \
	{ "m" #n "_copies", CIVIC_V_INT, 1, 99, 0, NULL }, \
	{ "m" #n "_need", CIVIC_V_ENUM, 0, 0, 0, pr_itemio_needs }, \
	{ "m" #n "_cond", CIVIC_V_TEXT, 1, 200, 0, NULL }, \
	{ "m" #n "_cond_field", CIVIC_V_INT, 1, PR_MAX_FIELDS, 0, NULL }, \
	{ "m" #n "_cond_value", CIVIC_V_TEXT, 1, 50, 0, NULL }, \
	{ "m" #n "_note", CIVIC_V_TEXT, 1, 500, 0, NULL }
#define PR_ITEMIO_FIELDS_INIT \
	{ "code", CIVIC_V_TEXT, PR_ITEM_CODE_LEN, PR_ITEM_CODE_LEN, CIVIC_F_REQUIRED, NULL }, \
	{ "parent", CIVIC_V_INT, 1, PR_ITEMIO_ID, 0, NULL }, \
	{ "name", CIVIC_V_TEXT, 2, 100, CIVIC_F_REQUIRED, NULL }, \
	{ "kind", CIVIC_V_TEXT, 1, 20, CIVIC_F_REQUIRED, NULL }, \
	{ "department", CIVIC_V_INT, 1, PR_ITEMIO_ID, CIVIC_F_REQUIRED, NULL }, \
	{ "audience", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, pr_itemio_audiences }, \
	{ "theme", CIVIC_V_INT, 1, PR_ITEMIO_ID, 0, NULL }, \
	{ "legal_basis", CIVIC_V_MULTILINE, 1, 5000, 0, NULL }, \
	{ "conditions", CIVIC_V_MULTILINE, 1, 5000, 0, NULL }, \
	{ "process", CIVIC_V_MULTILINE, 1, 5000, 0, NULL }, \
	{ "legal_days", CIVIC_V_INT, 1, PR_ITEM_MAX_DAYS, CIVIC_F_REQUIRED, NULL }, \
	{ "promised_days", CIVIC_V_INT, 1, PR_ITEM_MAX_DAYS, CIVIC_F_REQUIRED, NULL }, \
	{ "fees", CIVIC_V_TEXT, 1, 500, 0, NULL }, \
	{ "place", CIVIC_V_TEXT, 1, 200, 0, NULL }, \
	{ "hours", CIVIC_V_TEXT, 1, 200, 0, NULL }, \
	{ "phone", CIVIC_V_PHONE, 0, 0, 0, NULL }, \
	{ "visits", CIVIC_V_INT, 0, 9, CIVIC_F_REQUIRED, NULL }, \
	{ "online", CIVIC_V_INT, 0, 1, 0, NULL }, \
	{ "pickup_window", CIVIC_V_TEXT, 1, 100, 0, NULL }, \
	{ "licence", CIVIC_V_TEXT, 1, 60, 0, NULL }, \
	{ "active", CIVIC_V_INT, 0, 1, 0, NULL }, \
	PR_ITEMIO_REV(1), PR_ITEMIO_REV(2), PR_ITEMIO_REV(3), PR_ITEMIO_REV(4), \
	PR_ITEMIO_FLD(1), PR_ITEMIO_FLD(2), PR_ITEMIO_FLD(3), PR_ITEMIO_FLD(4), \
	PR_ITEMIO_FLD(5), PR_ITEMIO_FLD(6), PR_ITEMIO_FLD(7), PR_ITEMIO_FLD(8), \
	PR_ITEMIO_MAT(1), PR_ITEMIO_MAT(2), PR_ITEMIO_MAT(3), PR_ITEMIO_MAT(4), \
	PR_ITEMIO_MAT(5), PR_ITEMIO_MAT(6), PR_ITEMIO_MAT(7), PR_ITEMIO_MAT(8), \
	PR_ITEMIO_MAT(9), PR_ITEMIO_MAT(10)

struct pr_item_reviewer {
	long long	 department;
	long long	 days;
};

/* An extra field; label NULL: the slot is empty. */
struct pr_item_field {
	const char	*label, *kind, *choices;
	long long	 required, max_len;
};

/* A material; name NULL: the slot is empty.  file: a new blank form, or NULL. */
struct pr_item_material {
	const char		*name, *form, *need, *cond, *cond_value, *note;
	long long		 copies, cond_field;
	const struct civic_file	*file;
};

struct pr_item_in {
	long long		 id;		/* 0: a new item */
	long long		 version;	/* the version edited (0: a new item, or the import's latest) */
	const char		*code, *name, *kind, *audience, *legal_basis, *conditions;
	const char		*process, *fees, *place, *hours, *phone, *pickup_window, *licence;
	const char		*parent_code;	/* the import's parent, resolved when saved */
	long long		 parent, department, theme;	/* 0: none */
	long long		 legal_days, promised_days, visits, online, active;
	struct pr_item_reviewer	 rev[PR_MAX_REVIEWERS];
	size_t			 nrev;
	struct pr_item_field	 fld[PR_MAX_FIELDS];		/* by seq - 1 */
	struct pr_item_material	 mat[PR_MAX_MATERIALS];		/* by seq - 1 */
};

/* What a save refused, beside the database's errors. */
enum pr_itemio_why {
	PR_ITEMIO_OK = 0,
	PR_ITEMIO_STALE,	/* the version edited is no longer the item's */
	PR_ITEMIO_CODE,		/* another item has the code */
	PR_ITEMIO_USED,		/* a field or material to remove has applications' values */
	PR_ITEMIO_REF		/* a department, theme or parent that is not there */
};

/* Who saves, and when (pr_now's text). */
struct pr_itemio_ctx {
	struct civic_db		*db;
	struct civic_arena	*arena;
	long long		 staff;		/* 0: the import */
	const char		*address;	/* for the audit */
	const char		*now;
};

/* 1 when code is an item code (PR_ITEM_CODE_LEN, above). */
int		 pr_itemio_code_ok(const char *code);

/*
 * Fills *in from the values get(arg, name) gives for the field names
 * above (NULL: empty), already validated against pr_itemio_fields.
 */
void		 pr_itemio_read(struct pr_item_in *in, const char *(*get)(void *, const char *),
		    void *arg);

/*
 * The rules between values: the code's pattern, promised ≤ legal days,
 * the item's own department among the reviewers and none twice, a
 * conditional material naming a choice field of the item and one of its
 * choices, a choice field with choices.  NULL when all hold; else the
 * message key, and *field the field it is about.
 */
const char	*pr_itemio_check(struct civic_arena *, const struct pr_item_in *,
		    const char **field);

/* The English text of a message key of pr_itemio_check's or a validator's, for the import. */
const char	*pr_itemio_message(const char *key);

/*
 * Writes the item inside the caller's transaction: a new item (in->id 0)
 * or the next version of in->id when its version is in->version (for the
 * import, in->version 0 takes the item as it is); its reviewers, fields
 * and materials (updated in place by seq, so that applications keep
 * theirs), the version row with the changed fields' names and the item's
 * XML, the search index, the audit.  Sets in->id and *version.  A refusal
 * is CIVIC_ERR_CONFLICT with *why (and *field, the field it is about, or
 * NULL); else the database's errors.
 */
enum civic_err	 pr_itemio_save(struct pr_itemio_ctx *, struct pr_item_in *in,
		    long long *version, enum pr_itemio_why *why, const char **field);

#endif
