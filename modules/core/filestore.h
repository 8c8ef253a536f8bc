/*
 * filestore.h: uploaded files kept in the database in chunks of at most
 * CIVIC_FILE_CHUNK bytes (sql/011-files.sql), written in the caller's
 * transaction and served by any worker on any host.  One implementation
 * for every feature that keeps files: pre-review's materials, the
 * catalogue's attachments.
 *
 * A file is only ever sent as a download (Content-Disposition:
 * attachment, its name in the RFC 5987 form) with the type its content
 * was found to be, never the type the client claimed; nosniff comes with
 * every answer.  Who may download it is the caller's business: it looks
 * the file's id up through its own case, which the route's roles and
 * scope, or the citizen's query code, have already admitted.
 */
#ifndef CIVIC_FILESTORE_H
#define CIVIC_FILESTORE_H

#include "db.h"
#include "kv.h"
#include "request.h"

/*
 * Stores f (its data, its name without any path, its type by content:
 * civic_valid_filetype) in as many chunks as it needs, inside the caller's
 * transaction, and sets *id.  CIVIC_ERR_INVALID for an empty file, one
 * over CIVIC_MAX_FILE or of no allowed type; the database's errors as
 * civic_db_exec() gives them.
 */
enum civic_err	 civic_filestore_put(struct civic_db *, const struct civic_file *f,
		    long long *id);

/*
 * Sends file id as the answer's body, read chunk by chunk into the
 * request's arena (its size checked against what was stored: a missing
 * chunk is a 500, not a short file).  Returns 200, 404 when there is no
 * such file, or the status of the database's error.
 */
int		 civic_filestore_send(struct civic_req *, long long id);

/* Deletes file id and its chunks (purge, replaced drafts); no such file is OK. */
enum civic_err	 civic_filestore_delete(struct civic_db *, long long id);

#endif
