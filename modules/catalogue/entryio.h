/*
 * entryio.h: an entry read, checked and written with its version
 * (entryio.c), and published with its index number; shared by the staff's
 * edit form (edit.c) and `civicctl import-catalogue`
 * (tools/ctl_catalogue.c).  Nothing here takes a request, so that civicctl
 * links it without the FastCGI side.
 *
 * The names of the values are the edit form's field names, and the
 * import's CSV columns and XML elements are the same names
 * (doc/civicctl.md): title, doc_no, body, joint1 .. joint3, written_on,
 * category, theme, genre, keywords, summary, content, disclosure,
 * validity, replaced_by, interprets, related1 .. related4.  The form
 * gives body, jointN, category, theme and genre as ids (its selects); the
 * import as what a person types (a body's organisation code, a category's
 * and a theme's code, a genre's name), which ctl_catalogue.c resolves to
 * ids before cat_entryio_save.  replaced_by, interprets and relatedN are
 * index numbers (索引号) of published entries, on both.  The import also
 * has index_no (the old system's number, kept), published_at and state
 * (draft or published).
 */
#ifndef CAT_ENTRYIO_H
#define CAT_ENTRYIO_H

#include "catalogue.h"

/* Choices of disclosure and validity, NULL-terminated (the schema's ENUMs). */
extern const char *const	cat_entryio_disclosures[];	/* active, request, none */
extern const char *const	cat_entryio_validities[];	/* valid, amended, repealed */

/*
 * The values of an entry as the form's and the import's fields with their
 * validators, NULL-terminated, without the form's own (the version
 * edited, attachments) and the import's own (index_no, published_at,
 * state).
 */
/* 14: title, doc_no, body, written_on, category, theme, genre, keywords,
 * summary, content, disclosure, validity, replaced_by, interprets. */
#define CAT_ENTRYIO_NFIELDS	(14 + (CAT_MAX_BODIES - 1) + CAT_MAX_RELATED)
extern const struct civic_field	cat_entryio_fields[CAT_ENTRYIO_NFIELDS + 1];

/*
 * The declarations of cat_entryio_fields, for a route table that adds its
 * own (edit.c: the version edited, the attachments).  An index number is
 * taken as text of up to 24 characters and its form checked by
 * cat_entryio_check, so that the message says what an index number is.
 */
#define CAT_ENTRYIO_ID		4294967295LL
#define CAT_ENTRYIO_JOINT(n)	{ "joint" #n, CIVIC_V_INT, 1, CAT_ENTRYIO_ID, 0, NULL }
#define CAT_ENTRYIO_LINK(name)	{ name, CIVIC_V_TEXT, 1, 24, 0, NULL }
#define CAT_ENTRYIO_FIELDS_INIT \
	{ "title", CIVIC_V_TEXT, 2, 200, CIVIC_F_REQUIRED, NULL }, \
	{ "doc_no", CIVIC_V_DOCNO, 0, 0, 0, NULL }, \
	{ "body", CIVIC_V_INT, 1, CAT_ENTRYIO_ID, CIVIC_F_REQUIRED, NULL }, \
	CAT_ENTRYIO_JOINT(1), CAT_ENTRYIO_JOINT(2), CAT_ENTRYIO_JOINT(3), \
	{ "written_on", CIVIC_V_DATE, 0, 0, CIVIC_F_REQUIRED, NULL }, \
	{ "category", CIVIC_V_INT, 1, CAT_ENTRYIO_ID, CIVIC_F_REQUIRED, NULL }, \
	{ "theme", CIVIC_V_INT, 1, CAT_ENTRYIO_ID, CIVIC_F_REQUIRED, NULL }, \
	{ "genre", CIVIC_V_INT, 1, CAT_ENTRYIO_ID, CIVIC_F_REQUIRED, NULL }, \
	{ "keywords", CIVIC_V_TEXT, 1, 200, 0, NULL }, \
	{ "summary", CIVIC_V_MULTILINE, 1, 2000, 0, NULL }, \
	{ "content", CIVIC_V_MULTILINE, 1, CAT_MAX_CONTENT, 0, NULL }, \
	{ "disclosure", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, cat_entryio_disclosures }, \
	{ "validity", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, cat_entryio_validities }, \
	CAT_ENTRYIO_LINK("replaced_by"), CAT_ENTRYIO_LINK("interprets"), \
	CAT_ENTRYIO_LINK("related1"), CAT_ENTRYIO_LINK("related2"), \
	CAT_ENTRYIO_LINK("related3"), CAT_ENTRYIO_LINK("related4")

struct cat_entry_in {
	long long	 id;		/* 0: a new entry */
	long long	 version;	/* the version edited (0: a new entry, or the import's) */
	const char	*title, *doc_no, *written_on, *keywords, *summary, *content;
	const char	*disclosure, *validity;
	long long	 body;				/* the lead issuing body (department id) */
	long long	 joint[CAT_MAX_BODIES - 1];	/* 0: empty slot */
	long long	 category, theme, genre;
	const char	*replaced_by;			/* index number, or NULL */
	const char	*interprets;			/* index number, or NULL */
	const char	*related[CAT_MAX_RELATED];	/* index numbers, NULL: empty */
};

/* What a save or a publication refused, beside the database's errors. */
enum cat_entryio_why {
	CAT_ENTRYIO_OK = 0,
	CAT_ENTRYIO_STALE,	/* the version edited is no longer the entry's */
	CAT_ENTRYIO_REF,	/* a body, category (not a leaf), theme (not of the
				   second level), genre or linked entry that is not there */
	CAT_ENTRYIO_STATE,	/* the entry is not in a state the step is for */
	CAT_ENTRYIO_INDEX	/* an index number in the wrong form, of another
				   body, taken, or a year's sequence used up; or a
				   save changing a numbered entry's lead body */
};

/* Who writes, and when (NULL: the database's clock). */
struct cat_entryio_ctx {
	struct civic_db		*db;
	struct civic_arena	*arena;
	long long		 staff;		/* 0: the import */
	const char		*address;	/* for the audit */
	const char		*now;
};

/*
 * Fills *in from the values get(arg, name) gives for the field names
 * above (NULL: empty), already validated against cat_entryio_fields.
 */
void		 cat_entryio_read(struct cat_entry_in *in,
		    const char *(*get)(void *, const char *), void *arg);

/*
 * The rules between values: a 文号's year not after the document's date's
 * year, replaced_by given exactly when validity is not valid, no body
 * twice, no entry linked twice, links in the index number's form.  NULL when all hold; else the message
 * key, and *field the field it is about.
 */
const char	*cat_entryio_check(struct civic_arena *, const struct cat_entry_in *,
		    const char **field);

/* The English text of a message key of cat_entryio_check's or a validator's, for the import. */
const char	*cat_entryio_message(const char *key);

/*
 * Writes the entry inside the caller's transaction: a new draft (in->id
 * 0) or the next version of in->id when its version is in->version (0
 * for the import: as it is); its joint bodies and links, the history row
 * (action "edit": the changed fields' names and the entry's XML), the
 * search index when it is listed, the audit.  Sets in->id and *version.
 * A refusal is CIVIC_ERR_CONFLICT with *why (and *field, or NULL); else
 * the database's errors.
 */
enum civic_err	 cat_entryio_save(struct cat_entryio_ctx *, struct cat_entry_in *in,
		    long long *version, enum cat_entryio_why *why, const char **field);

/*
 * Publishes entry id (a draft, or a withdrawn entry again) inside the
 * caller's transaction: its index number when it has none
 * (cat_index_no_assign, given: the import's old number or NULL), state
 * published, published_at (at: the import's, or NULL: now) when first
 * published, the search index, the history row (action "publish"), the
 * audit.  index_no gets the number.  A refusal is CIVIC_ERR_CONFLICT with
 * *why; else the database's errors.
 */
enum civic_err	 cat_entryio_publish(struct cat_entryio_ctx *, long long id, const char *given,
		    const char *at, char index_no[CAT_INDEX_NO_SIZE], enum cat_entryio_why *why);

/*
 * Withdraws entry id (published) inside the caller's transaction: state
 * withdrawn, withdrawn_at, the reason, its search grams removed, the
 * history row (action "withdraw"), the audit.  A refusal is
 * CIVIC_ERR_CONFLICT with *why CAT_ENTRYIO_STATE (not published); else
 * the database's errors.
 */
enum civic_err	 cat_entryio_withdraw(struct cat_entryio_ctx *, long long id,
		    const char *reason, enum cat_entryio_why *why);

/*
 * Writes the history row of an edit (id, version) again with the entry as
 * it now is, also added to its summary: the form's attachments, stored
 * after cat_entryio_save in the same transaction.
 */
enum civic_err	 cat_entryio_resnap(struct cat_entryio_ctx *, long long id, long long version,
		    const char *also);

#endif
