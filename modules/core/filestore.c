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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "civic.h"
#include "filestore.h"
#include "limits.h"
#include "log.h"
#include "valid.h"

/* Chunks of the largest file; the query's row bound. */
#define FILESTORE_MAX_CHUNKS	((CIVIC_MAX_FILE + CIVIC_FILE_CHUNK - 1) / CIVIC_FILE_CHUNK)

/*
 * Each type's extensions, the first the one a name gets when it has none
 * of them: the downloader's system opens a file by its name, so a name
 * that says another kind than the content (update.msi holding a Word
 * document, notice.pdf.exe) is made to say the content's.
 */
static const struct {
	const char	*type;
	const char	*ext[2];
} filestore_exts[] = {
	{ "application/pdf", { ".pdf", NULL } },
	{ "image/png", { ".png", NULL } },
	{ "image/jpeg", { ".jpg", ".jpeg" } },
	{ "application/msword", { ".doc", NULL } },
	{ "application/vnd.ms-excel", { ".xls", NULL } },
	{ "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	    { ".docx", NULL } },
	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    { ".xlsx", NULL } },
};

/* The name stored for given (NULL or empty: "file") and type, in buf. */
static const char *
filestore_name(const char *given, const char *type, char buf[CIVIC_MAX_FILENAME + 1])
{
	const char	*ext = NULL;
	size_t		 i, j, n, k;

	if (given == NULL || *given == '\0')
		given = "file";
	n = strlen(given);
	for (i = 0; i < CIVIC_NITEMS(filestore_exts); i++) {
		if (strcmp(filestore_exts[i].type, type) != 0)
			continue;
		ext = filestore_exts[i].ext[0];
		for (j = 0; j < 2 && filestore_exts[i].ext[j] != NULL; j++) {
			k = strlen(filestore_exts[i].ext[j]);
			if (n > k && strcasecmp(given + n - k, filestore_exts[i].ext[j]) == 0)
				return given;
		}
	}
	if (ext == NULL)
		return given;
	/* Room for the extension: the name cut on a character's boundary. */
	k = strlen(ext);
	if (n + k > CIVIC_MAX_FILENAME) {
		n = CIVIC_MAX_FILENAME - k;
		while (n > 0 && ((unsigned char)given[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, CIVIC_MAX_FILENAME + 1, "%.*s%s", (int)n, given, ext);
	return buf;
}

enum civic_err
civic_filestore_put(struct civic_db *db, const struct civic_file *f, long long *id)
{
	unsigned char		 hash[crypto_hash_sha256_BYTES];
	unsigned long long	 fid = 0;
	const char		*type;
	char			 name[CIVIC_MAX_FILENAME + 1];
	size_t			 off, n, seq, nchunks;
	enum civic_err		 err = CIVIC_ERR_INVALID;

	if (f == NULL || f->len == 0 || f->len > CIVIC_MAX_FILE ||
	    (type = civic_valid_filetype(f->data, f->len)) == NULL)
		goto out;
	nchunks = (f->len + CIVIC_FILE_CHUNK - 1) / CIVIC_FILE_CHUNK;
	crypto_hash_sha256(hash, f->data, f->len);
	{
		struct civic_param p[] = {
			CIVIC_PTEXT(filestore_name(f->filename, type, name)),
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
