/*
 * staff.c: staff members (admin): list, create, edit.  Roles come as one
 * checkbox a role (role_admin=1 …), since a form may not repeat a name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"

static const char *const staff_roles[] = { "admin", "office", "clerk", "supervisor", NULL };

int
account_staff_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT s.id, s.staff_no, s.name, d.name AS department, s.roles, s.active "
	    "FROM staff s JOIN department d ON d.id = s.department_id ORDER BY s.staff_no";
	int	 st;

	st = civic_page_query(r, "members", "member", sql, NULL, 0);
	return st != 0 ? st : 200;
}

int
account_staff_form(struct civic_req *r)
{
	static const char	 depts[] = "SELECT id, name FROM department ORDER BY code";
	static const char	 one[] =
	    "SELECT staff_no, name, department_id AS department, phone, on_duty, roles, active "
	    "FROM staff WHERE id = ?";
	const char		*id = civic_req_seg(r, "id"), *roles;
	struct civic_rows	 rows;
	enum civic_err		 err;
	size_t			 i;
	int			 st;
	char			 name[24];

	if (id != NULL) {
		struct civic_param p[] = { CIVIC_PTEXT(id) };

		if ((err = civic_db_query(r->db, r->arena, one, p, 1, 1, &rows)) != CIVIC_OK)
			return civic_req_status(err);
		if (rows.nrows == 0)
			return 404;
		civic_page_add(r, NULL, "member-id", id);
		if (strcmp(r->method, "POST") != 0) {
			civic_page_values(r, &rows);
			roles = civic_rows_get(&rows, 0, "roles");
			for (i = 0; staff_roles[i] != NULL; i++) {
				snprintf(name, sizeof(name), "role_%s", staff_roles[i]);
				if (civic_session_roles(roles) & civic_session_roles(staff_roles[i]))
					civic_page_value(r, name, "1");
			}
		}
	} else if (strcmp(r->method, "POST") != 0)
		civic_page_value(r, "active", "1");
	st = civic_page_query(r, "departments", "department", depts, NULL, 0);
	return st != 0 ? st : 200;
}

/* The SET column's text for the checked roles ("office,clerk"), or NULL for none. */
static const char *
staff_roleset(struct civic_req *r)
{
	char		 set[64] = "", name[24];
	size_t		 i;

	for (i = 0; staff_roles[i] != NULL; i++) {
		snprintf(name, sizeof(name), "role_%s", staff_roles[i]);
		if (civic_req_value(r, name) != NULL)
			snprintf(set + strlen(set), sizeof(set) - strlen(set), "%s%s",
			    set[0] ? "," : "", staff_roles[i]);
	}
	return set[0] ? civic_arena_strdup(r->arena, set) : NULL;
}

struct staff_write {
	struct civic_req	*r;
	long long		 id;	/* 0: a new one */
	const char		*roles;
	const char		*hash;	/* NULL: keep the password */
};

static enum civic_err
staff_write(void *arg)
{
	static const char	 ins[] =
	    "INSERT INTO staff (staff_no, name, department_id, roles, phone, on_duty, active, "
	    "password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	static const char	 upd[] =
	    "UPDATE staff SET staff_no = ?, name = ?, department_id = ?, roles = ?, phone = ?, "
	    "on_duty = ?, active = ? WHERE id = ?";
	static const char	 pw[] =
	    "UPDATE staff SET password_hash = ?, password_changed_at = NOW() WHERE id = ?";
	/* A member stopped or given a new password is signed out everywhere. */
	static const char	 out[] = "DELETE FROM staff_session WHERE staff_id = ?";
	struct staff_write	*w = arg;
	struct civic_req	*r = w->r;
	unsigned long long	 id = (unsigned long long)w->id;
	int			 active = civic_req_value(r, "active") != NULL;
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "staff_no")),
				    CIVIC_PTEXT(civic_req_value(r, "name")),
				    CIVIC_PINT(civic_req_int(r, "department", 0)),
				    CIVIC_PTEXT(w->roles),
				    CIVIC_PTEXT(civic_req_value(r, "phone")),
				    CIVIC_PTEXT(civic_req_value(r, "on_duty")),
				    CIVIC_PINT(active),
				    w->id == 0 ? CIVIC_PTEXT(w->hash) : CIVIC_PINT(w->id) };
	enum civic_err		 err;
	char			 ids[24];

	if ((err = civic_db_exec(r->db, w->id == 0 ? ins : upd, p, 8, NULL, &id)) != CIVIC_OK)
		return err;
	if (w->id != 0) {
		struct civic_param q[] = { CIVIC_PTEXT(w->hash), CIVIC_PINT(w->id) };
		struct civic_param o[] = { CIVIC_PINT(w->id) };

		id = (unsigned long long)w->id;
		if (w->hash != NULL && (err = civic_db_exec(r->db, pw, q, 2, NULL, NULL)) !=
		    CIVIC_OK)
			return err;
		if ((w->hash != NULL || !active) &&
		    (err = civic_db_exec(r->db, out, o, 1, NULL, NULL)) != CIVIC_OK)
			return err;
	}
	snprintf(ids, sizeof(ids), "%llu", id);
	if ((err = civic_audit(r, w->id == 0 ? "staff.create" : "staff.update", "staff", ids,
	    civic_arena_printf(r->arena, "%s %s roles=%s dept=%s active=%d%s",
	    civic_req_value(r, "staff_no"), civic_req_value(r, "name"), w->roles,
	    civic_req_value(r, "department"), active, w->hash != NULL && w->id != 0 ?
	    " password reset" : ""))) != CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/staff/%llu", id) == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
}

static int
staff_save(struct civic_req *r, long long id)
{
	struct staff_write	 w = { r, id, staff_roleset(r), NULL };
	const char		*pw = civic_req_value(r, "password");
	char			 hash[CIVIC_PASSWORD_HASHLEN];
	enum civic_err		 err;

	/* The validator allows leading zeros past the column's 16 characters. */
	if (strlen(civic_req_value(r, "staff_no")) > 16)
		return civic_req_refuse(r, "staff_no", "account.staff.no_long");
	if (w.roles == NULL)
		return civic_req_refuse(r, "roles", "v.roles");
	if (id == 0 && pw == NULL)
		return civic_req_refuse(r, "password", "v.required");
	if (pw != NULL) {
		if (civic_password_hash(pw, hash, sizeof(hash)) != CIVIC_OK)
			return 500;
		w.hash = hash;
	}
	err = civic_req_tx(r, staff_write, &w);
	if (err == CIVIC_ERR_DUPLICATE)
		return civic_req_refuse(r, "staff_no", "v.taken");
	if (err == CIVIC_ERR_DB && civic_db_errno(r->db) == 1452)
		return civic_req_refuse(r, "department", "v.choice");
	return civic_req_done(r, err, NULL);
}

int
account_staff_create(struct civic_req *r)
{
	return staff_save(r, 0);
}

int
account_staff_update(struct civic_req *r)
{
	int	 st;

	if ((st = civic_req_exists(r, "SELECT id FROM staff WHERE id = ?")) != 0)
		return st;
	return staff_save(r, civic_req_seg_int(r, "id"));
}
