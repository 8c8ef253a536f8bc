/*
 * limits.h: every bound civic puts on what a client may send, in one place,
 * each with the reason for its value.  Web server configurations in
 * examples/ (client_max_body_size, LimitRequestBody) are derived from
 * CIVIC_MAX_BODY; change them together.
 */
#ifndef CIVIC_LIMITS_H
#define CIVIC_LIMITS_H

/*
 * Largest request body read, in bytes.  The largest legitimate body is a
 * letter with three 5 MB attachments plus its text and multipart framing;
 * 16 MiB leaves room for that and nothing much more.  A larger body is
 * answered 413 before a byte of it is parsed, never truncated.
 */
#define CIVIC_MAX_BODY		(16u * 1024u * 1024u)

/* Largest single uploaded file: the mailbox and pre-review allow 5 MB. */
#define CIVIC_MAX_FILE		(5u * 1024u * 1024u)

/*
 * Characters in an uploaded file's name (after its path is dropped): 255,
 * the most any common file system allows, and what the tables store.
 */
#define CIVIC_MAX_FILENAME	255

/* Files in one request: three attachments per letter, a few more for pre-review. */
#define CIVIC_MAX_FILES		10

/*
 * Fields in one query string or form body.  The widest form we plan (a
 * service item with its materials) has about a hundred; a client sending
 * thousands is probing the parser, not filling a form.
 */
#define CIVIC_MAX_FIELDS	200

/* Parts in one multipart body: fields plus files, same reasoning. */
#define CIVIC_MAX_PARTS		(CIVIC_MAX_FIELDS + CIVIC_MAX_FILES)

/* Bytes in a field name: names are ours, short and ASCII. */
#define CIVIC_MAX_NAME		64

/*
 * Bytes in one non-file field value.  The longest text we accept is a
 * 3000-character letter or a catalogue entry's body; 3 bytes a character
 * in UTF-8 plus CRLF expansion stays well under 64 KiB.
 */
#define CIVIC_MAX_VALUE		(64u * 1024u)

/* Bytes in one FastCGI parameter (header) value and in the query string. */
#define CIVIC_MAX_HEADER	(8u * 1024u)

/* Bytes in the request path; routes are short. */
#define CIVIC_MAX_PATH		1024

/* Cookies in one Cookie header: we set three at most; browsers may add a few. */
#define CIVIC_MAX_COOKIES	32

/*
 * Past CIVIC_MAX_COOKIES, civic's own cookies ("civic_…", "__Host-civic_…")
 * are still kept, up to this many more: other sites' cookies on the shared
 * domain must not push out the session.  We set three; eight leaves room.
 */
#define CIVIC_MAX_OWN_COOKIES	8

/* Path segments a route pattern may capture. */
#define CIVIC_MAX_SEGS		8

/* Headers of one multipart part (Content-Disposition, Content-Type). */
#define CIVIC_MAX_PART_HEADERS	8

/*
 * Departments a route's scope may name for one object: a question has its
 * area's and the one it was dispatched to.
 */
#define CIVIC_MAX_SCOPES	4
/*
 * Grams one document is indexed with (search.c): its pairs and words
 * first, up to CIVIC_SEARCH_PAIRS, then its single characters up to
 * CIVIC_SEARCH_MAX rows in all.  A letter's public body of 3000 characters
 * and a reply as long have at most some 6000 pairs, far fewer distinct
 * ones in real Chinese; the bound keeps the transaction that publishes a
 * document, and the index, from growing with a text of any length.  Text
 * past it (the end of an unusually long reply) is not found by its later
 * words.
 */
#define CIVIC_SEARCH_PAIRS	3000
#define CIVIC_SEARCH_MAX	4000

/*
 * Index rows a search counts of each of its grams to find the rarest
 * (search.h, CIVIC_SEARCH_PROBE): the list is walked from that gram's
 * rows, so a rare gram makes a short walk; a count stops at the cap, so
 * that finding it costs eight short index reads whatever the data.
 * Grams with more rows than the cap are all "common" alike, which suits
 * a keyset list (the mailbox's), whose walk stops after a page.  A search
 * that walks every match (the catalogue's, for its counts) asks for a
 * larger cap: when every gram reaches the cap, the counts are taken again
 * with one CIVIC_SEARCH_PROBE_STEP times larger, up to its own.  At
 * 50 000 entries 东街 has 29 782 rows and 街路 2 389: with a cap of 1 000
 * alone the walk started from 东街, twelve times as long.
 */
#define CIVIC_SEARCH_PROBE_CAP		1000
#define CIVIC_SEARCH_PROBE_STEP		8
#define CIVIC_SEARCH_PROBE_WALK_ALL	64000

/* Rows a single list query may fetch into the arena: one page and its peek row. */
#define CIVIC_MAX_ROWS		500

/* Default and largest page size of a paged list. */
#define CIVIC_PAGE_SIZE		20
#define CIVIC_MAX_PAGE_SIZE	100

/*
 * Transaction attempts on a deadlock (1213) or lock wait timeout (1205),
 * and on a lost connection (2006, 2013).  Galera certification failures
 * surface as 1213 too.  Three covers real contention; more only piles load
 * onto a struggling server.
 */
#define CIVIC_TX_ATTEMPTS	3

/* Seconds to wait for the database to accept a connection before answering 503. */
#define CIVIC_DB_CONNECT_TIMEOUT 2

/* Seconds a query may run before the worker gives up (read and write timeouts). */
#define CIVIC_DB_RW_TIMEOUT	10

/* First size of a request's arena; most requests never grow past it. */
#define CIVIC_ARENA_CHUNK	(64u * 1024u)

/* Prepared statements a worker keeps; each program uses a few dozen. */
#define CIVIC_STMT_CACHE	128

/* Workers a program may fork: two cores make more than a few pointless. */
#define CIVIC_MAX_WORKERS	64

/*
 * Bytes of one stored chunk of an uploaded file (filestore.c): files live
 * in the database in rows of at most this, so that no statement moves
 * more than 256 KiB whatever the server's max_allowed_packet (16 MiB by
 * default, 1 MiB on some older installs), and a 5 MB file is twenty rows.
 */
#define CIVIC_FILE_CHUNK	(256u * 1024u)

/*
 * Bytes of all the files of one pre-review application (its materials,
 * each at most CIVIC_MAX_FILE): what a request body can carry with its
 * form fields and multipart framing inside CIVIC_MAX_BODY.  A set over it
 * is refused beside the files (scans of a few pages at 200 dpi are well
 * under a megabyte each); a replacement in a correction round counts
 * alone, against the same bound.
 */
#define CIVIC_MAX_APPLICATION_FILES	(15u * 1024u * 1024u)

/* Bytes of the configuration file. */
#define CIVIC_MAX_CONFIG	(64u * 1024u)

#endif
