/*
 * rating.h: the one implementation of a rating (好差评), which every
 * feature uses: the mailbox and the consultation (their case pages show
 * the link and the rating), and civic-evaluate.fcgi (which takes every
 * rating).  sql/010-evaluate.sql holds the table and its rules;
 * doc/evaluate.md the why.
 *
 * A handled case is rated once, at /evaluate/case/{no}/{token}: the token
 * is the case's number signed with the site's secret (sign.h, purpose
 * "rate"), so the case's page and its notification can carry the same
 * link without storing it, and a link can't be made for another number.
 * "Once" is the UNIQUE once_key of the rating's row: the token is spent
 * when a rating with the case's key exists.
 */
#ifndef EVAL_RATING_H
#define EVAL_RATING_H

#include <libxml/tree.h>
#include "civic.h"
#include "sign.h"

/* What is rated: the enum of eval_rating.kind, in its order. */
enum eval_kind {
	EVAL_LETTER,		/* a mailbox letter, replied */
	EVAL_QUESTION,		/* a consultation question, answered */
	EVAL_APPLICATION,	/* a pre-review application, decided */
	EVAL_CLERK,		/* a window clerk, by staff number */
	EVAL_ITEM,		/* a service item */
	EVAL_CAMPAIGN		/* a department, in a campaign */
};

/* "letter", "question", …: the column's value and the pages' code. */
const char	*eval_kind_name(enum eval_kind);

/* The levels as field choices, "5" (非常满意) down to "1" (非常不满意). */
extern const char *const eval_levels[];

/* Levels at or below this are 差评: a reason and a comment are required, and a case opens. */
#define EVAL_BAD_LEVEL		2

/*
 * The indicators a kind asks beside the overall level (the national
 * 好差评's: for online services efficiency, accuracy of the guidance and
 * convenience; for a clerk attitude and professionalism), as a bit set.
 */
#define EVAL_I_EFFICIENCY	0x01
#define EVAL_I_ACCURACY		0x02
#define EVAL_I_CONVENIENCE	0x04
#define EVAL_I_ATTITUDE		0x08
#define EVAL_I_PROFESSIONALISM	0x10
unsigned	 eval_indicators(enum eval_kind);

/* A rating, as the form gives it and the caller knows it. */
struct eval_new {
	enum eval_kind		 kind;
	const char		*once;		/* the once_key: eval_once_case() or the caller's */
	long long		 case_id;	/* 0: none */
	const char		*case_no;	/* NULL: none */
	const char		*stage;		/* NULL: "handled" */
	long long		 department;	/* 0: none (a 差评 then opens no case) */
	long long		 staff;		/* 0: none */
	const char		*item;		/* NULL: none */
	long long		 campaign;	/* 0: none */
	int			 level;		/* 1..5 */
	int			 efficiency;	/* 1..5, 0: not asked (and so on) */
	int			 accuracy;
	int			 convenience;
	int			 attitude;
	int			 professionalism;
	long long		 reason;	/* eval_reason.id, 0: none */
	const char		*comment;	/* NULL: none */
	const char		*phone;		/* the rater's, to tell them the outcome; NULL */
	/* Set by eval_rating_record(). */
	long long		 id;
	long long		 case_opened;	/* the rectification case, 0: none */
};

/* "letter:42:handled": the once_key of a case's stage, in the arena. */
const char	*eval_once_case(struct civic_req *, enum eval_kind, long long case_id,
		    const char *stage);

/*
 * Fills the levels of n (level and the indicators its kind asks, the
 * reason and the comment) from the request's validated fields "level",
 * "efficiency", "accuracy", "convenience", "attitude", "professionalism",
 * "reason" and "comment".  A 差评 without a reason or a comment is refused
 * beside the missing field: returns civic_req_refuse()'s status, else 0.
 */
int		 eval_form_read(struct civic_req *, struct eval_new *n);

/*
 * Stores the rating inside the caller's transaction, and for a 差评 with a
 * department its rectification case, due evaluate.visit_days working days
 * later, with an SMS to the department's clerks.  CIVIC_ERR_DUPLICATE when
 * a rating with the same once_key exists (rated already); else what the
 * database said.
 */
enum civic_err	 eval_rating_record(struct civic_req *, struct eval_new *);

/*
 * The page's <rating-form kind=""> for a form rating kind: an <indicator>
 * for each indicator the kind asks (efficiency, accuracy, …), and
 * <reasons> with an <option value="id"> for each active reason of a 差评
 * (xslt/rating.xsl's "rating-fields" draws them).  0, or the status to
 * return.
 */
int		 eval_page_form(struct civic_req *, enum eval_kind);

/* The token of case no, into out. */
void		 eval_token(const struct civic_req *, const char *no,
		    char out[CIVIC_SIGN_LEN + 1]);

/* 1 when token is case no's, compared in constant time; else 0. */
int		 eval_token_check(const struct civic_req *, const char *no, const char *token);

/*
 * A case page's <evaluation kind="" no="">, under parent (NULL: the
 * page): when the case is handled and not yet rated, with href, the
 * rating's path (/evaluate/case/{no}/{token}); once rated, the rating's
 * levels, reason, comment and time as children (the rater's own page
 * only: never call it on a public page).  0, or the status to return.
 */
int		 eval_page_case(struct civic_req *, xmlNodePtr parent, enum eval_kind,
		    long long case_id, const char *no, int handled);

/*
 * The path of case no's rating form, "/evaluate/case/{no}/{token}", and
 * the address a notification carries (site.public_url, then the path), in
 * the arena; NULL when memory is short.
 */
const char	*eval_case_path(struct civic_req *, const char *no);
const char	*eval_case_url(struct civic_req *, const char *no);

/*
 * The figures' SQL over eval_rating aliased e, excluded ratings left out
 * by the caller's WHERE (e.excluded = 0): how many, per level, 好评 (3 to
 * 5) and 差评 (1 and 2).  The satisfaction rate is 好评 / n, as the
 * national 好差评 counts it.
 */
#define EVAL_COUNTS_SQL(e) \
	"COUNT(" e ".id) AS n, COALESCE(SUM(" e ".level = 5), 0) AS r5, " \
	"COALESCE(SUM(" e ".level = 4), 0) AS r4, COALESCE(SUM(" e ".level = 3), 0) AS r3, " \
	"COALESCE(SUM(" e ".level = 2), 0) AS r2, COALESCE(SUM(" e ".level = 1), 0) AS r1, " \
	"COALESCE(SUM(" e ".level >= 3), 0) AS good, COALESCE(SUM(" e ".level <= 2), 0) AS bad"

/*
 * The 95 % Wilson score interval of good successes in n, in per cent with
 * one decimal, into lo and hi; n 0 gives 0 and 100.  Wilson's, not the
 * normal approximation: it stays within 0..100 and is honest for small n
 * and for rates near 100 %, which satisfaction rates are.
 */
void		 eval_wilson(long long good, long long n, double *lo, double *hi);

#endif
