/*
 * open311.c: Open311 GeoReport v2 over the mailbox, at /mailbox/open311/v2/
 * (doc/mailbox-public.md), for the county's hotline and other programs.
 *
 *	GET  services.xml		one service per letter type and category
 *	GET  requests.xml		published letters, newest first
 *	GET  requests/{id}.xml		one published letter by tracking number
 *	POST requests.xml		a new letter, with the configured API key
 *
 * XML only: the answers are GeoReport's own documents, built with libxml2
 * and sent as they are (r->body), not the site's pages.  Errors are
 * GeoReport's <errors><error><code/><description/></error></errors> with
 * the HTTP status in <code>.  Like the public pages, the requests show
 * the public version of published letters and nothing else: no name,
 * phone, e-mail or address is ever selected.
 *
 * A refused POST (a field that failed its validator in the route table)
 * is answered by the core with the page of its GET twin, requests.xml;
 * that handler sees the POST's errors in the page and answers them as
 * GeoReport errors (open311_refused).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>
#include <sodium.h>

#include "mailbox.h"
#include "render.h"
#include "worker.h"

/* The most requests requests.xml returns (GeoReport leaves it to the server). */
#define OPEN311_MAX_REQUESTS	50

/* Characters of the description that make a letter's subject (VARCHAR(40)). */
#define OPEN311_SUBJECT		40
#define OPEN311_SUBJECT_MIN	5
/* Characters of a name (mailbox_letter.name is VARCHAR(20)). */
#define OPEN311_NAME		20

/* Each letter type's word, in the order of mailbox_types. */
static const struct {
	const char	*zh;
	const char	*en;
} open311_words[] = {
	{ "咨询", "Enquiry" }, { "投诉", "Complaint" }, { "建议", "Suggestion" },
	{ "求助", "Request for help" },
};

/*
 * Query parameters are checked by the handler, not the core, so that a
 * wrong one is answered as a GeoReport error; the table bounds them.
 */
static const struct civic_field query_fields[] = {
	{ "service_code", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "start_date", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "end_date", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "status", CIVIC_V_TEXT, 1, 10, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field post_fields[] = {
	{ "api_key", CIVIC_V_TEXT, 1, 200, CIVIC_F_SECRET, NULL },
	{ "service_code", CIVIC_V_TEXT, 1, 40, CIVIC_F_REQUIRED, NULL },
	{ "description", CIVIC_V_MULTILINE, 10, 3000, CIVIC_F_REQUIRED, NULL },
	{ "first_name", CIVIC_V_TEXT, 1, OPEN311_NAME, 0, NULL },
	{ "last_name", CIVIC_V_TEXT, 1, OPEN311_NAME, 0, NULL },
	{ "phone", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "email", CIVIC_V_EMAIL, 0, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static int	 open311_services(struct civic_req *);
static int	 open311_requests(struct civic_req *);
static int	 open311_request(struct civic_req *);
static int	 open311_post(struct civic_req *);
static int	 open311_unknown(struct civic_req *);

const struct civic_route mailbox_open311_routes[] = {
	{ .method = "GET", .pattern = "/open311/v2/services.xml", .view = "open311",
	    .handler = open311_services },
	{ .method = "GET", .pattern = "/open311/v2/requests.xml", .view = "open311",
	    .handler = open311_requests, .fields = query_fields },
	{ .method = "POST", .pattern = "/open311/v2/requests.xml", .view = "open311",
	    .handler = open311_post, .fields = post_fields, .flags = CIVIC_R_APIKEY,
	    .rate = { "mailbox.open311", 120, 3600 } },
	{ .method = "GET", .pattern = "/open311/v2/requests/{id:str}", .view = "open311",
	    .handler = open311_request },
	/* Anything else under v2 (services.json, a discovery file): a GeoReport 404. */
	{ .method = "GET", .pattern = "/open311/v2/{doc:str}", .view = "open311",
	    .handler = open311_unknown },
};
const size_t mailbox_open311_nroutes = CIVIC_NITEMS(mailbox_open311_routes);

/* ---------------------------------------------------------------- XML */

static void
open311_doc_free(void *doc)
{
	xmlFreeDoc(doc);
}

/* A new document whose root is named root, freed with the request; NULL when memory is short. */
static xmlNodePtr
open311_begin(struct civic_req *r, const char *root)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	if (civic_arena_cleanup(r->arena, open311_doc_free, doc) != CIVIC_OK) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if ((n = xmlNewDocNode(doc, NULL, BAD_CAST root, NULL)) != NULL)
		xmlDocSetRootElement(doc, n);
	return n;
}

/* Sends the document of root as the answer, with status. */
static int
open311_send(struct civic_req *r, xmlNodePtr root, int status)
{
	if (root == NULL ||
	    civic_render_xml(root->doc, NULL, r->arena, &r->body, &r->bodylen) != CIVIC_OK ||
	    civic_req_header(r, "Content-Type", "application/xml; charset=utf-8") != CIVIC_OK)
		return 500;
	return status;
}

/* Adds one <error> to errors. */
static void
open311_error_add(struct civic_req *r, xmlNodePtr errors, int status, const char *what)
{
	xmlNodePtr	 e = civic_page_add(r, errors, "error", NULL);

	civic_page_addf(r, e, "code", "%d", status);
	civic_page_add(r, e, "description", what);
}

/* A GeoReport error answer of one error. */
static int
open311_error(struct civic_req *r, int status, const char *what)
{
	xmlNodePtr	 errors = open311_begin(r, "errors");

	if (errors == NULL)
		return 500;
	open311_error_add(r, errors, status, what);
	return open311_send(r, errors, status);
}

/* What a validator's message key means, for a program's author. */
static const char *
open311_verr(const char *key)
{
	static const struct {
		const char	*key;
		const char	*text;
	} words[] = {
		{ "v.required", "is required" },
		{ "v.short", "is too short" },
		{ "v.long", "is too long" },
		{ "v.utf8", "is not valid UTF-8" },
		{ "v.control", "holds control characters" },
		{ "v.mobile", "is not a mainland mobile number (11 digits)" },
		{ "v.email", "is not an e-mail address" },
	};
	size_t	 i;

	for (i = 0; key != NULL && i < CIVIC_NITEMS(words); i++)
		if (strcmp(words[i].key, key) == 0)
			return words[i].text;
	return "is not valid";
}

/*
 * The answer to a POST the core refused: its field errors, which the core
 * put in the page (/page/errors/error[@field][@key]), as GeoReport errors.
 */
static int
open311_refused(struct civic_req *r)
{
	xmlNodePtr	 errors = open311_begin(r, "errors"), n, e;
	xmlChar		*field, *key;
	int		 any = 0;

	if (errors == NULL)
		return 500;
	for (n = r->page->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "errors"))
			continue;
		for (e = n->children; e != NULL; e = e->next) {
			if (e->type != XML_ELEMENT_NODE)
				continue;
			field = xmlGetProp(e, BAD_CAST "field");
			key = xmlGetProp(e, BAD_CAST "key");
			open311_error_add(r, errors, 400, civic_arena_printf(r->arena, "%s %s",
			    field != NULL ? (const char *)field : "request",
			    open311_verr((const char *)key)));
			xmlFree(field);
			xmlFree(key);
			any = 1;
		}
	}
	if (!any)
		open311_error_add(r, errors, 400, "the request is not valid");
	return open311_send(r, errors, 400);
}

/* The word of letter type code in the answer's language. */
static const char *
open311_word(const struct civic_req *r, const char *code)
{
	size_t	 i;

	for (i = 0; i < CIVIC_NITEMS(open311_words) && mailbox_types[i] != NULL; i++)
		if (strcmp(mailbox_types[i], code) == 0)
			return r->lang != NULL && strcmp(r->lang, "en") == 0 ?
			    open311_words[i].en : open311_words[i].zh;
	return code;
}

/*
 * Splits a service code, "complaint-3", into its letter type (one of
 * mailbox_types) and category id.  0, or -1 when it is not one.
 */
static int
open311_code(const char *code, const char **type, long long *category)
{
	const char	*dash = strrchr(code, '-');
	size_t		 i, len;
	long long	 c = 0;

	if (dash == NULL || dash[1] == '\0' || strlen(dash + 1) > 8 ||
	    strspn(dash + 1, "0123456789") != strlen(dash + 1))
		return -1;
	len = (size_t)(dash - code);
	for (i = 0; mailbox_types[i] != NULL; i++)
		if (strlen(mailbox_types[i]) == len && strncmp(mailbox_types[i], code, len) == 0)
			break;
	if (mailbox_types[i] == NULL)
		return -1;
	for (dash++; *dash != '\0'; dash++)
		c = c * 10 + (*dash - '0');
	if (c < 1)
		return -1;
	*type = mailbox_types[i];
	*category = c;
	return 0;
}

/* ---------------------------------------------------------------- services */

static int
open311_services(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, name FROM mailbox_category WHERE active = 1 ORDER BY sort, id";
	struct civic_rows	 rows;
	xmlNodePtr		 list, s;
	const char		*word, *cat;
	size_t			 t, i;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, NULL, 0, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		return open311_error(r, civic_req_status(err), "the service list is not "
		    "available now; try again later");
	if ((list = open311_begin(r, "services")) == NULL)
		return 500;
	for (t = 0; mailbox_types[t] != NULL; t++) {
		word = open311_word(r, mailbox_types[t]);
		for (i = 0; i < rows.nrows; i++) {
			cat = civic_rows_get(&rows, i, "name");
			s = civic_page_add(r, list, "service", NULL);
			civic_page_addf(r, s, "service_code", "%s-%s", mailbox_types[t],
			    civic_rows_get(&rows, i, "id"));
			civic_page_addf(r, s, "service_name", "%s: %s", word, cat);
			civic_page_addf(r, s, "description", "%s (%s): %s", word, cat,
			    r->lang != NULL && strcmp(r->lang, "en") == 0 ?
			    "a letter to the County Head's Mailbox" : "写给县长信箱的来信");
			civic_page_add(r, s, "metadata", "false");
			civic_page_add(r, s, "type", "realtime");
			civic_page_addf(r, s, "keywords", "%s,%s", word, cat);
			civic_page_add(r, s, "group", word);
		}
	}
	return open311_send(r, list, 200);
}

/* ---------------------------------------------------------------- requests */

#define REQUEST_SELECT \
	"SELECT l.tracking_no, l.state, l.type, l.category_id, c.name AS category, " \
	"d.name AS department, l.public_body AS body, l.public_reply AS reply, " \
	"DATE_FORMAT(l.created_at, '%Y-%m-%dT%H:%i:%s+08:00') AS requested, " \
	"DATE_FORMAT(COALESCE(l.published_at, l.replied_at, l.created_at), " \
	"'%Y-%m-%dT%H:%i:%s+08:00') AS updated, " \
	"l.state IN (" MAILBOX_OPEN_STATES ") AS open " \
	"FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id " \
	"LEFT JOIN department d ON d.id = l.reply_department_id " \
	"WHERE l.published = 1 "

/*
 * One <request> of row i.  Only public text: the public body as the
 * description, the public reply as the status notes.  GeoReport's place
 * fields stay empty: a letter has no location of its own, and the address
 * stored with it is the writer's network address, which is personal.
 */
static void
open311_request_xml(struct civic_req *r, xmlNodePtr list, const struct civic_rows *rows,
    size_t i)
{
	xmlNodePtr	 q = civic_page_add(r, list, "request", NULL);
	const char	*open = civic_rows_get(rows, i, "open");
	const char	*word = open311_word(r, civic_rows_get(rows, i, "type"));

	civic_page_add(r, q, "service_request_id", civic_rows_get(rows, i, "tracking_no"));
	civic_page_add(r, q, "status", open != NULL && strcmp(open, "1") == 0 ? "open" :
	    "closed");
	civic_page_add(r, q, "status_notes", civic_rows_get(rows, i, "reply"));
	civic_page_addf(r, q, "service_name", "%s: %s", word,
	    civic_rows_get(rows, i, "category"));
	civic_page_addf(r, q, "service_code", "%s-%s", civic_rows_get(rows, i, "type"),
	    civic_rows_get(rows, i, "category_id"));
	civic_page_add(r, q, "description", civic_rows_get(rows, i, "body"));
	civic_page_add(r, q, "agency_responsible", civic_rows_get(rows, i, "department"));
	civic_page_add(r, q, "service_notice", NULL);
	civic_page_add(r, q, "requested_datetime", civic_rows_get(rows, i, "requested"));
	civic_page_add(r, q, "updated_datetime", civic_rows_get(rows, i, "updated"));
	civic_page_add(r, q, "expected_datetime", NULL);
	civic_page_add(r, q, "address", NULL);
	civic_page_add(r, q, "address_id", NULL);
	civic_page_add(r, q, "zipcode", NULL);
	civic_page_add(r, q, "lat", NULL);
	civic_page_add(r, q, "long", NULL);
	civic_page_add(r, q, "media_url", NULL);
}

/*
 * A W3C date-time as GeoReport sends it ("2026-11-01", "2026-11-01T08:00:00Z",
 * "2026-11-01T16:00:00+08:00") in Beijing time, as the database holds
 * times, into out.  A date alone is its first second, or with end its last.
 * 0, or -1 when it is not one.
 */
static int
open311_time(const char *s, int end, char out[CIVIC_CALENDAR_TIME_LEN])
{
	char		 buf[CIVIC_CALENDAR_TIME_LEN];
	const char	*zone;
	civic_time	 t;
	long		 off = CIVIC_CALENDAR_UTC_OFFSET;
	size_t		 len = strlen(s);

	if (len == 10) {
		snprintf(buf, sizeof(buf), "%s %s", s, end ? "23:59:59" : "00:00:00");
		zone = "";
	} else if (len >= 19 && s[10] == 'T') {
		memcpy(buf, s, 19);
		buf[10] = ' ';
		buf[19] = '\0';
		zone = s + 19;
	} else
		return -1;
	if (strcmp(zone, "Z") == 0)
		off = 0;
	else if (strlen(zone) == 6 && (zone[0] == '+' || zone[0] == '-') &&
	    isdigit((unsigned char)zone[1]) && isdigit((unsigned char)zone[2]) &&
	    zone[3] == ':' && isdigit((unsigned char)zone[4]) &&
	    isdigit((unsigned char)zone[5])) {
		off = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 3600L +
		    ((zone[4] - '0') * 10 + (zone[5] - '0')) * 60L;
		if (zone[0] == '-')
			off = -off;
	} else if (zone[0] != '\0')
		return -1;
	if (civic_calendar_parse_time(buf, &t) != CIVIC_OK)
		return -1;
	civic_calendar_format_time(t - off + CIVIC_CALENDAR_UTC_OFFSET, out);
	return 0;
}

static int
open311_requests(struct civic_req *r)
{
	static const char	 sql[] = REQUEST_SELECT
	    "AND (? IS NULL OR (l.type = ? AND l.category_id = ?)) "
	    "AND (? IS NULL OR l.created_at >= ?) AND (? IS NULL OR l.created_at <= ?) "
	    "AND (? IS NULL OR (l.state IN (" MAILBOX_OPEN_STATES ")) = ?) "
	    "ORDER BY l.id DESC LIMIT ?";
	const char		*method = civic_req_param(r, "REQUEST_METHOD");
	const char		*code = civic_req_value(r, "service_code");
	const char		*start = civic_req_value(r, "start_date");
	const char		*end = civic_req_value(r, "end_date");
	const char		*status = civic_req_value(r, "status");
	const char		*type = NULL;
	char			 from[CIVIC_CALENDAR_TIME_LEN] = "";
	char			 to[CIVIC_CALENDAR_TIME_LEN] = "";
	long long		 category = 0;
	struct civic_rows	 rows;
	xmlNodePtr		 list;
	size_t			 i;
	enum civic_err		 err;

	/* The core answers a refused POST requests.xml with this page. */
	if (method != NULL && strcmp(method, "POST") == 0)
		return open311_refused(r);
	if (code != NULL && open311_code(code, &type, &category) != 0)
		return open311_error(r, 400, "service_code must be one of services.xml, "
		    "as complaint-3");
	if ((start != NULL && open311_time(start, 0, from) != 0) ||
	    (end != NULL && open311_time(end, 1, to) != 0))
		return open311_error(r, 400, "start_date and end_date must be W3C date-times, "
		    "as 2026-11-01T00:00:00+08:00");
	if (status != NULL && strcmp(status, "open") != 0 && strcmp(status, "closed") != 0)
		return open311_error(r, 400, "status must be open or closed");
	{
		struct civic_param p[] = {
			CIVIC_PTEXT(type), CIVIC_PTEXT(type), CIVIC_PINT(category),
			start != NULL ? CIVIC_PTEXTN(from, strlen(from)) : CIVIC_PNULL,
			CIVIC_PTEXTN(from, strlen(from)),
			end != NULL ? CIVIC_PTEXTN(to, strlen(to)) : CIVIC_PNULL,
			CIVIC_PTEXTN(to, strlen(to)),
			CIVIC_PTEXT(status),
			CIVIC_PINT(status != NULL && strcmp(status, "open") == 0),
			CIVIC_PINT(OPEN311_MAX_REQUESTS)
		};

		if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p),
		    OPEN311_MAX_REQUESTS, &rows)) != CIVIC_OK)
			return open311_error(r, civic_req_status(err), "the requests are not "
			    "available now; try again later");
	}
	if ((list = open311_begin(r, "service_requests")) == NULL)
		return 500;
	for (i = 0; i < rows.nrows; i++)
		open311_request_xml(r, list, &rows, i);
	return open311_send(r, list, 200);
}

static int
open311_request(struct civic_req *r)
{
	static const char	 sql[] = REQUEST_SELECT "AND l.tracking_no = ?";
	const char		*seg = civic_req_seg(r, "id");
	size_t			 len = strlen(seg);
	struct civic_rows	 rows;
	xmlNodePtr		 list;
	char			*no;
	enum civic_err		 err;

	if (len <= 4 || strcmp(seg + len - 4, ".xml") != 0)
		return open311_error(r, 404, "no such request (this endpoint answers .xml only)");
	if ((no = civic_arena_strndup(r->arena, seg, len - 4)) == NULL)
		return 500;
	{
		struct civic_param p[] = { CIVIC_PTEXT(no) };

		if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
			return open311_error(r, civic_req_status(err), "the request is not "
			    "available now; try again later");
	}
	/* Unknown, and not published (yet, or any more), are one answer. */
	if (rows.nrows == 0)
		return open311_error(r, 404, "no such request");
	if ((list = open311_begin(r, "service_requests")) == NULL)
		return 500;
	open311_request_xml(r, list, &rows, 0);
	return open311_send(r, list, 200);
}

static int
open311_unknown(struct civic_req *r)
{
	return open311_error(r, 404, "no such resource: this endpoint has services.xml, "
	    "requests.xml and requests/{id}.xml (XML only)");
}

/* ---------------------------------------------------------------- POST */

/* The letter to store, in civic_req_tx. */
struct open311_new {
	struct civic_req	*r;
	struct mailbox_new	 letter;
};

static enum civic_err
open311_insert(void *arg)
{
	struct open311_new	*n = arg;

	return mailbox_letter_create(n->r, &n->letter);
}

/* Characters (not bytes) of UTF-8 s. */
static size_t
open311_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/*
 * The first OPEN311_SUBJECT characters of the description on one line:
 * GeoReport has no subject.  NULL when memory is short.
 */
static char *
open311_subject(struct civic_arena *a, const char *desc, size_t *chars)
{
	char	*s, *p;
	size_t	 i, n = 0;

	if ((s = civic_arena_strdup(a, desc)) == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == OPEN311_SUBJECT)
			break;
		if (s[i] == '\n' || s[i] == '\t')
			s[i] = ' ';
	}
	s[i] = '\0';
	/* No space left at the end, where the cut may have made one. */
	for (p = s + strlen(s); p > s && p[-1] == ' '; p--)
		;
	*p = '\0';
	*chars = open311_chars(s);
	return s;
}

/* The writer's name from GeoReport's two: 张 + 三, or John Smith. */
static const char *
open311_name(struct civic_arena *a, const char *first, const char *last)
{
	if (first == NULL || last == NULL)
		return first != NULL ? first : last;
	/* Chinese names have the family name first and no space. */
	if ((unsigned char)last[0] >= 0x80)
		return civic_arena_printf(a, "%s%s", last, first);
	return civic_arena_printf(a, "%s %s", first, last);
}

static int
open311_post(struct civic_req *r)
{
	const char		*key = civic_config_get(r->worker->cfg, "mailbox.open311_key");
	const char		*given = civic_req_value(r, "api_key");
	const char		*code = civic_req_value(r, "service_code");
	unsigned char		 want[crypto_generichash_BYTES], got[crypto_generichash_BYTES];
	struct open311_new	 n;
	xmlNodePtr		 list, q;
	size_t			 chars;
	enum civic_err		 err;

	if (key[0] == '\0')
		return open311_error(r, 403, "posting requests is not enabled on this server");
	/*
	 * Compared as hashes of equal length in constant time, so that
	 * neither the time taken nor a length tells how much of a guess was
	 * right.
	 */
	crypto_generichash(want, sizeof(want), (const unsigned char *)key, strlen(key), NULL, 0);
	crypto_generichash(got, sizeof(got), (const unsigned char *)(given != NULL ? given : ""),
	    given != NULL ? strlen(given) : 0, NULL, 0);
	if (given == NULL || sodium_memcmp(want, got, sizeof(want)) != 0)
		return open311_error(r, 403, "api_key missing or not valid");

	memset(&n, 0, sizeof(n));
	n.r = r;
	if (open311_code(code, &n.letter.type, &n.letter.category) != 0)
		return open311_error(r, 400, "service_code must be one of services.xml, "
		    "as complaint-3");
	n.letter.body = civic_req_value(r, "description");
	if ((n.letter.subject = open311_subject(r->arena, n.letter.body, &chars)) == NULL)
		return 500;
	if (chars < OPEN311_SUBJECT_MIN)
		return open311_error(r, 400, "description must have at least 5 "
		    "characters that are not spaces among its first 40");
	n.letter.name = open311_name(r->arena, civic_req_value(r, "first_name"),
	    civic_req_value(r, "last_name"));
	if (n.letter.name == NULL)
		return open311_error(r, 400, "first_name or last_name is required");
	if (open311_chars(n.letter.name) > OPEN311_NAME)
		return open311_error(r, 400, "first_name and last_name together are too long "
		    "(20 characters at most)");
	n.letter.mobile = civic_req_value(r, "phone");
	n.letter.email = civic_req_value(r, "email");
	/* GeoReport asks nothing about publication: a letter so sent is not published. */
	n.letter.agree_public = 0;

	if ((err = civic_req_tx(r, open311_insert, &n)) == CIVIC_ERR_INVALID)
		return open311_error(r, 400, "service_code names no active service");
	if (err != CIVIC_OK)
		return open311_error(r, civic_req_status(err), "the request could not be "
		    "stored now; try again later");
	if ((list = open311_begin(r, "service_requests")) == NULL)
		return 500;
	q = civic_page_add(r, list, "request", NULL);
	civic_page_add(r, q, "service_request_id", n.letter.tracking_no);
	civic_page_add(r, q, "service_notice", r->lang != NULL && strcmp(r->lang, "en") == 0 ?
	    "Received. The tracking number and the query code have been sent to the "
	    "writer's mobile phone." : "来信已收到，跟踪号和查询码已通过短信发送给来信人。");
	civic_page_add(r, q, "account_id", NULL);
	return open311_send(r, list, 200);
}
