/*
 * catalogue.h: the public-information disclosure catalogue (政务信息公开目录),
 * civic-catalogue.fcgi at /catalogue/ (doc/catalogue.md).
 *
 * One file a part, each with its own route table, which cgi/catalogue.c
 * puts together:
 *	browse.c	the public catalogue: the trees (catalogue, issuing
 *			body, theme, year) with counts on each node (facets),
 *			lists with their filters, the search
 *	entry.c		an entry's public page (banners of withdrawn, amended
 *			and repealed entries, related entries, attachments),
 *			the Atom feeds (all, per category, per body), the
 *			sitemap, the annual report's counts (page and CSV)
 *	edit.c		staff: an office member (all) or a department's clerk
 *			(its own body's entries) creates and edits entries,
 *			with their history, attachments and links; publishes
 *			(the index number is given then), withdraws, marks an
 *			entry amended or repealed
 *	entryio.c	an entry read from a form or an import row, checked
 *			and written with its version (edit.c and `civicctl
 *			import-catalogue` share it; no routes)
 *	admin.c		the office keeps the catalogue tree, the themes and
 *			the issuing bodies' organisation codes
 *	catalogue.c	what they share (below): the search index, the index
 *			number
 *
 * The schema is sql/013-catalogue.sql; its comments give the states.
 */
#ifndef CATALOGUE_H
#define CATALOGUE_H

#include "civic.h"
#include "audit.h"
#include "filestore.h"
#include "search.h"

extern const struct civic_route	cat_browse_routes[];
extern const size_t		cat_browse_nroutes;
extern const struct civic_route	cat_entry_routes[];
extern const size_t		cat_entry_nroutes;
extern const struct civic_route	cat_edit_routes[];
extern const size_t		cat_edit_nroutes;
extern const struct civic_route	cat_admin_routes[];
extern const size_t		cat_admin_nroutes;

/*
 * What the public may see, in one place, as SQL conditions on an entry
 * aliased e; every public statement (pages, feeds, sitemap, search,
 * counts shown on public pages) uses them, and nothing else decides it.
 *	CAT_LISTED	in lists, facets' counts, feeds, the sitemap and the
 *			search: published, and not 不予公开
 *	CAT_REACHABLE	its page answers: also a withdrawn entry (with its
 *			banner); never a draft, never 不予公开
 *	CAT_OPEN	its text and attachments are shown: 主动公开 only (an
 *			依申请公开 entry shows its title and numbers, and how
 *			to ask for it)
 * The annual report counts every published entry by disclosure type,
 * 不予公开 included: a count, never a title.
 */
#define CAT_LISTED(e)	"(" e ".state = 'published' AND " e ".disclosure <> 'none')"
#define CAT_REACHABLE(e) \
	"(" e ".state IN ('published', 'withdrawn') AND " e ".disclosure <> 'none')"
#define CAT_OPEN(e)	"(" e ".disclosure = 'active')"

/*
 * A catalogue node aliased c, or a theme aliased t, in use: active, and
 * under no node that is not, so that deactivating a node takes its whole
 * subtree out of use at once (the public tree and facets, the staff's
 * choices, a save; its entries stay where they are, doc/catalogue.md).
 * CAT_CATEGORY_LEAF: a node without children, where entries sit.
 */
#define CAT_CATEGORY_IN_USE(c) \
	"(" c ".active = 1 AND NOT EXISTS (SELECT 1 FROM cat_category_path u_p " \
	"JOIN cat_category u_a ON u_a.id = u_p.ancestor_id " \
	"WHERE u_p.descendant_id = " c ".id AND u_a.active = 0))"
#define CAT_CATEGORY_LEAF(c) \
	"NOT EXISTS (SELECT 1 FROM cat_category u_k WHERE u_k.parent_id = " c ".id)"
#define CAT_THEME_IN_USE(t) \
	"(" t ".active = 1 AND (" t ".parent_id IS NULL OR EXISTS (SELECT 1 " \
	"FROM cat_theme u_t WHERE u_t.id = " t ".parent_id AND u_t.active = 1)))"

/*
 * Levels of the catalogue tree: a county's catalogue has three at most
 * (财政信息 > 预决算 > 部门预算); the theme tree has two (主题分类).
 */
#define CAT_MAX_DEPTH		3
#define CAT_THEME_DEPTH		2

/*
 * The index number: the issuing body's nine-character organisation code,
 * "/", the year, "-", five digits ("008213401/2026-00042"); 20 characters
 * and the NUL.  Five digits are 99999 entries a body a year, far above
 * the few hundred a county department publishes; the 100000th
 * publication of a year is refused, not given a sixth digit.
 */
#define CAT_ORG_CODE_LEN	9
#define CAT_INDEX_NO_SIZE	21
#define CAT_INDEX_SEQ_MAX	99999

/*
 * An entry's text (正文), in characters.  A form field's value is at most
 * CIVIC_MAX_VALUE (64 KiB) bytes, and Chinese takes three bytes a
 * character: 20000 characters is the longest text that fits, and longer
 * than nearly any county document; a longer one is published as an
 * attachment with a summary.
 */
#define CAT_MAX_CONTENT		20000

/*
 * Attachments of one entry; issuing bodies of a joint document, the lead
 * one counted (a county's joint documents name two or three); entries one
 * entry links to as related (相关文件) besides the policy it interprets.
 */
#define CAT_MAX_ATTACHMENTS	CIVIC_MAX_FILES
#define CAT_MAX_BODIES		4
#define CAT_MAX_RELATED		4

/* Entries in one feed, and URLs in one sitemap file (the protocol's limit is 50000). */
#define CAT_FEED_ENTRIES	50
#define CAT_SITEMAP_URLS	10000

/*
 * The catalogue's search index (search.h): the public text of a listed
 * entry (its title, 文号, index number, keywords, summary, and the text
 * when CAT_OPEN); no row (CIVIC_ERR_NOTFOUND) for an entry that is not
 * listed, so that nothing not public is ever indexed.
 */
extern const struct civic_search cat_index;

/*
 * Gives entry id its index number, inside the caller's transaction, when
 * it has none: the next of its issuing body's sequence for year
 * (cat_index_seq, whose row lock makes parallel publishers of one body
 * wait for each other), or, when given is not NULL (an import keeping the
 * old system's number), that number after checking its form, its body's
 * code and that no other entry has it, the sequence moved past it.  The
 * number is written to out.  CIVIC_ERR_INVALID for a given number in the
 * wrong form or of another body, CIVIC_ERR_CONFLICT for one taken or a
 * year's sequence used up; the database's errors.
 */
enum civic_err	 cat_index_no_assign(struct civic_db *, long long id, int year,
		    const char *given, char out[CAT_INDEX_NO_SIZE]);

#endif
