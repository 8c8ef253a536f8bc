/*
 * ctl_account.c: civicctl add-user (the first admin, or any staff member
 * from the command line) and audit-verify.
 *
 * The password is read from standard input (one line) or, on a terminal,
 * typed without echo: never from the argument vector, which every user of
 * the machine can read in /proc.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "ctl.h"
#include "audit.h"
#include "parse.h"
#include "session.h"

/* Reads one line of at most CIVIC_PASSWORD_MAX characters into buf. */
static int
read_password(char *buf, size_t size)
{
	struct termios	 old, quiet;
	int		 tty = isatty(STDIN_FILENO), rc = -1;
	size_t		 len;

	if (tty) {
		fprintf(stderr, "password: ");
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else
			tty = 0;
	}
	if (fgets(buf, (int)size, stdin) != NULL) {
		len = strcspn(buf, "\r\n");
		if (buf[len] != '\0' || feof(stdin)) {
			buf[len] = '\0';
			rc = 0;
		}
	}
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	return rc;
}

struct add_user {
	struct ctl	*c;
	const char	*no, *name, *dept_code, *dept_name, *roles, *hash;
	long long	 id;
};

static enum civic_err
add_user_tx(void *arg)
{
	static const char	 dept[] = "SELECT id FROM department WHERE code = ?";
	static const char	 newdept[] = "INSERT INTO department (code, name) VALUES (?, ?)";
	static const char	 ins[] =
	    "INSERT INTO staff (staff_no, name, department_id, roles, password_hash) "
	    "VALUES (?, ?, ?, ?, ?)";
	struct add_user		*u = arg;
	struct civic_rows	 rows;
	unsigned long long	 did, sid;
	enum civic_err		 err;
	char			 ids[24];
	struct civic_param	 d[] = { CIVIC_PTEXT(u->dept_code), CIVIC_PTEXT(u->dept_name) };

	if ((err = civic_db_query(u->c->db, u->c->arena, dept, d, 1, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 1)
		did = strtoull(rows.cell[0], NULL, 10);
	else if (u->dept_name == NULL) {
		fprintf(stderr, "civicctl: no department %s: give --department-name to make it\n",
		    u->dept_code);
		return CIVIC_ERR_NOTFOUND;
	} else if ((err = civic_db_exec(u->c->db, newdept, d, 2, NULL, &did)) != CIVIC_OK)
		return err;
	{
		struct civic_param p[] = { CIVIC_PTEXT(u->no), CIVIC_PTEXT(u->name),
		    CIVIC_PINT(did), CIVIC_PTEXT(u->roles), CIVIC_PTEXT(u->hash) };

		if ((err = civic_db_exec(u->c->db, ins, p, 5, NULL, &sid)) != CIVIC_OK)
			return err;
	}
	u->id = (long long)sid;
	snprintf(ids, sizeof(ids), "%llu", sid);
	{
		struct civic_audit_entry e = { 0, "civicctl", "staff.create", "staff", ids,
		    civic_arena_printf(u->c->arena, "%s %s roles=%s (civicctl add-user)",
		    u->no, u->name, u->roles) };

		return civic_audit_append(u->c->db, u->c->arena, &e);
	}
}

int
ctl_add_user(struct ctl *c, int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "staff-no", required_argument, NULL, 'n' },
		{ "name", required_argument, NULL, 'a' },
		{ "department", required_argument, NULL, 'd' },
		{ "department-name", required_argument, NULL, 'D' },
		{ "roles", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct add_user		 u;
	char			 pw[CIVIC_PASSWORD_MAX * 4 + 2], hash[CIVIC_PASSWORD_HASHLEN];
	size_t			 chars;
	enum civic_err		 err;
	int			 ch;

	memset(&u, 0, sizeof(u));
	u.c = c;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': u.no = optarg; break;
		case 'a': u.name = optarg; break;
		case 'd': u.dept_code = optarg; break;
		case 'D': u.dept_name = optarg; break;
		case 'r': u.roles = optarg; break;
		default:
			printf("usage: civicctl [--config FILE] add-user --staff-no N --name NAME\n"
			    "           --department CODE [--department-name NAME] "
			    "--roles admin[,office,clerk,supervisor]\n"
			    "Adds a staff member; the password (12 to 128 characters) is read "
			    "from standard input.\nThe department is made when it does not "
			    "exist and --department-name is given.\n");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (u.no == NULL || u.name == NULL || u.dept_code == NULL || u.roles == NULL ||
	    strspn(u.no, "0123456789") != strlen(u.no) || strlen(u.no) == 0 ||
	    strlen(u.no) > 16 || civic_session_roles(u.roles) == 0) {
		fprintf(stderr, "civicctl add-user: --staff-no (digits), --name, --department "
		    "and --roles (admin, office, clerk, supervisor) are required\n");
		return 2;
	}
	if (read_password(pw, sizeof(pw)) != 0 || !civic_utf8_valid(pw, strlen(pw)) ||
	    (chars = civic_utf8_chars(pw, strlen(pw))) < CIVIC_PASSWORD_MIN ||
	    chars > CIVIC_PASSWORD_MAX) {
		fprintf(stderr, "civicctl add-user: the password must be one line of %d to %d "
		    "characters\n", CIVIC_PASSWORD_MIN, CIVIC_PASSWORD_MAX);
		sodium_memzero(pw, sizeof(pw));
		return 1;
	}
	err = civic_password_hash(pw, hash, sizeof(hash));
	sodium_memzero(pw, sizeof(pw));
	if (err != CIVIC_OK)
		return 1;
	u.hash = hash;
	if ((err = civic_db_tx(c->db, add_user_tx, &u)) != CIVIC_OK) {
		if (err == CIVIC_ERR_DUPLICATE)
			fprintf(stderr, "civicctl add-user: staff number %s exists already\n", u.no);
		else if (err != CIVIC_ERR_NOTFOUND)
			fprintf(stderr, "civicctl add-user: %s\n", civic_db_error(c->db));
		return 1;
	}
	printf("civicctl: staff member %s (%s) added, id %lld\n", u.no, u.name, u.id);
	return 0;
}

int
ctl_audit_verify(struct ctl *c, int argc, char *argv[])
{
	unsigned long long	 n;
	long long		 bad;
	enum civic_err		 err;

	if (ctl_wants_help(argc, argv) || argc != 1) {
		printf("usage: civicctl [--config FILE] audit-verify\n"
		    "Checks the hash chain of the whole audit log; exit 1 at the first "
		    "broken row.\n");
		return argc != 1 && !ctl_wants_help(argc, argv) ? 2 : 0;
	}
	err = civic_audit_verify(c->db, &n, &bad);
	if (err == CIVIC_ERR_CONFLICT) {
		printf("civicctl: audit log BROKEN at row %lld (after %llu good rows)\n", bad, n);
		return 1;
	}
	if (err != CIVIC_OK) {
		fprintf(stderr, "civicctl audit-verify: %s\n", civic_strerror(err));
		return 1;
	}
	printf("civicctl: audit log intact, %llu rows\n", n);
	return 0;
}
