/*
 * filestore.c: uploaded files in the database, in bounded chunks
 * (filestore.h, sql/011-files.sql).
 *
 * The file's row is written first, then its chunks in order, all in the
 * caller's transaction: a file is there whole or not at all.  Reading
 * takes the chunks in one query, bounded by the number the row says it
 * has (a file is at most CIVIC_MAX_FILE bytes, so at most a few dozen
 * rows), and checks that they add up to its size.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "civic.h"
#include "filestore.h"
#include "limits.h"
#include "log.h"
#include "valid.h"

/* Chunks of the largest file; the query's row bound. */
#define FILESTORE_MAX_CHUNKS	((CIVIC_MAX_FILE + CIVIC_FILE_CHUNK - 1) / CIVIC_FILE_CHUNK)

enum civic_err
civic_filestore_put(struct civic_db *db, const struct civic_file *f, long long *id)
{
	unsigned char		 hash[crypto_hash_sha256_BYTES];
	unsigned long long	 fid = 0;
	const char		*type;
	size_t			 off, n, seq, nchunks;
	enum civic_err		 err = CIVIC_ERR_INVALID;

	if (f == NULL || f->len == 0 || f->len > CIVIC_MAX_FILE ||
	    (type = civic_valid_filetype(f->data, f->len)) == NULL)
		goto out;
	nchunks = (f->len + CIVIC_FILE_CHUNK - 1) / CIVIC_FILE_CHUNK;
	crypto_hash_sha256(hash, f->data, f->len);
	{
		struct civic_param p[] = {
			CIVIC_PTEXT(f->filename != NULL && *f->filename != '\0' ?
			    f->filename : "file"),
			CIVIC_PTEXT(type), CIVIC_PINT(f->len),
			CIVIC_PBLOB(hash, sizeof(hash)), CIVIC_PINT(nchunks)
		};

		if ((err = civic_db_exec(db, "INSERT INTO stored_file (name, type, size, "
		    "sha256, chunks, created_at) VALUES (?, ?, ?, ?, ?, NOW())", p,
		    CIVIC_NITEMS(p), NULL, &fid)) != CIVIC_OK)
			goto out;
	}
	for (seq = 0, off = 0; off < f->len; seq++, off += n) {
		n = f->len - off < CIVIC_FILE_CHUNK ? f->len - off : CIVIC_FILE_CHUNK;
		struct civic_param p[] = {
			CIVIC_PINT(fid), CIVIC_PINT(seq), CIVIC_PBLOB(f->data + off, n)
		};

		if ((err = civic_db_exec(db, "INSERT INTO stored_chunk (file_id, seq, data) "
		    "VALUES (?, ?, ?)", p, CIVIC_NITEMS(p), NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	*id = (long long)fid;
	err = CIVIC_OK;
out:
	return err;
}

int
civic_filestore_send(struct civic_req *r, long long id)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 file, chunks;
	const char		*name, *disp;
	unsigned char		*body;
	size_t			 i, size, off;
	enum civic_err		 err;
	int			 status = 500;

	if ((err = civic_db_query(r->db, r->arena, "SELECT name, type, size FROM stored_file "
	    "WHERE id = ?", p, 1, 1, &file)) != CIVIC_OK) {
		status = civic_req_status(err);
		goto out;
	}
	if (file.nrows == 0) {
		status = 404;
		goto out;
	}
	size = strtoul(file.cell[2], NULL, 10);
	if (size > CIVIC_MAX_FILE)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, "SELECT data FROM stored_chunk "
	    "WHERE file_id = ? ORDER BY seq", p, 1, FILESTORE_MAX_CHUNKS, &chunks)) !=
	    CIVIC_OK) {
		status = civic_req_status(err);
		goto out;
	}
	if ((body = civic_arena_alloc(r->arena, size + 1)) == NULL)
		goto out;
	for (i = 0, off = 0; i < chunks.nrows; i++) {
		if (chunks.len[i] > size - off) {
			off = size + 1;
			break;
		}
		memcpy(body + off, chunks.cell[i], chunks.len[i]);
		off += chunks.len[i];
	}
	if (off != size) {
		civic_log(CIVIC_LOG_ERR, "stored file %lld: chunks hold %zu bytes, "
		    "the file %zu", id, off, size);
		goto out;
	}
	/*
	 * Always a download, never shown inline (the citizen chose the file),
	 * its name in the RFC 5987 form, which keeps Chinese names and can't
	 * break out of the header.  nosniff comes with every answer.
	 */
	if ((name = civic_url_escape(r->arena, file.cell[0])) == NULL ||
	    (disp = civic_arena_printf(r->arena, "attachment; filename=\"download\"; "
	    "filename*=UTF-8''%s", name)) == NULL)
		goto out;
	if (civic_req_header(r, "Content-Type", file.cell[1]) != CIVIC_OK ||
	    civic_req_header(r, "Content-Disposition", disp) != CIVIC_OK)
		goto out;
	r->body = (const char *)body;
	r->bodylen = size;
	status = 200;
out:
	return status;
}

enum civic_err
civic_filestore_delete(struct civic_db *db, long long id)
{
	struct civic_param	 p[] = { CIVIC_PINT(id) };

	/* The chunks go with the row (ON DELETE CASCADE). */
	return civic_db_exec(db, "DELETE FROM stored_file WHERE id = ?", p, 1, NULL, NULL);
}
