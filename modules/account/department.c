/*
 * department.c: departments (admin), and one department's page (any staff
 * member, scoped to their own department by the route table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"

int
account_department_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT d.id, d.code, d.name, d.phone, d.address, p.name AS parent_name "
	    "FROM department d LEFT JOIN department p ON p.id = d.parent_id ORDER BY d.code";
	int	 st;

	st = civic_page_query(r, "departments", "department", sql, NULL, 0);
	return st != 0 ? st : 200;
}

int
account_department_form(struct civic_req *r)
{
	static const char	 parents[] = "SELECT id, name FROM department ORDER BY code";
	static const char	 one[] =
	    "SELECT code, name, phone, address, parent_id AS parent FROM department WHERE id = ?";
	const char		*id = civic_req_seg(r, "id");
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if (id != NULL) {
		struct civic_param p[] = { CIVIC_PTEXT(id) };

		if ((err = civic_db_query(r->db, r->arena, one, p, 1, 1, &rows)) != CIVIC_OK)
			return civic_req_status(err);
		if (rows.nrows == 0)
			return 404;
		civic_page_add(r, NULL, "department-id", id);
		/* A refused form keeps what was typed; a fresh one shows what is stored. */
		if (strcmp(r->method, "POST") != 0)
			civic_page_values(r, &rows);
	}
	st = civic_page_query(r, "parents", "department", parents, NULL, 0);
	return st != 0 ? st : 200;
}

struct department_write {
	struct civic_req	*r;
	long long		 id;	/* 0: a new one */
};

static enum civic_err
department_write(void *arg)
{
	static const char	 ins[] =
	    "INSERT INTO department (code, name, phone, address, parent_id) "
	    "VALUES (?, ?, ?, ?, ?)";
	static const char	 upd[] =
	    "UPDATE department SET code = ?, name = ?, phone = ?, address = ?, parent_id = ? "
	    "WHERE id = ?";
	struct department_write	*w = arg;
	struct civic_req	*r = w->r;
	const char		*parent = civic_req_value(r, "parent");
	unsigned long long	 id = (unsigned long long)w->id, n;
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "code")),
				    CIVIC_PTEXT(civic_req_value(r, "name")),
				    CIVIC_PTEXT(civic_req_value(r, "phone")),
				    CIVIC_PTEXT(civic_req_value(r, "address")),
				    parent != NULL ? CIVIC_PTEXT(parent) : CIVIC_PNULL,
				    CIVIC_PINT(w->id) };
	enum civic_err		 err;
	char			 ids[24];

	if (w->id == 0)
		err = civic_db_exec(r->db, ins, p, 5, NULL, &id);
	else if ((err = civic_db_exec(r->db, upd, p, 6, &n, NULL)) == CIVIC_OK && n == 0) {
		/* No row, or nothing changed: which, the next SELECT would say; either is fine. */
	}
	if (err != CIVIC_OK)
		return err;
	snprintf(ids, sizeof(ids), "%llu", id);
	if ((err = civic_audit(r, w->id == 0 ? "department.create" : "department.update",
	    "department", ids, civic_arena_printf(r->arena, "%s %s",
	    civic_req_value(r, "code"), civic_req_value(r, "name")))) != CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/departments/%llu", id) == 303 ? CIVIC_OK :
	    CIVIC_ERR_NOMEM;
}

static int
department_save(struct civic_req *r, long long id)
{
	struct department_write	 w = { r, id };
	enum civic_err		 err;

	if (id != 0 && civic_req_int(r, "parent", 0) == id)
		return civic_req_refuse(r, "parent", "v.choice");
	err = civic_req_tx(r, department_write, &w);
	if (err == CIVIC_ERR_DUPLICATE)
		return civic_req_refuse(r, "code", "v.taken");
	if (err == CIVIC_ERR_DB && civic_db_errno(r->db) == 1452)
		return civic_req_refuse(r, "parent", "v.choice");	/* no such parent */
	return civic_req_done(r, err, NULL);
}

int
account_department_create(struct civic_req *r)
{
	return department_save(r, 0);
}

int
account_department_update(struct civic_req *r)
{
	int	 st;

	if ((st = civic_req_exists(r, "SELECT id FROM department WHERE id = ?")) != 0)
		return st;
	return department_save(r, civic_req_seg_int(r, "id"));
}

int
account_department_show(struct civic_req *r)
{
	static const char	 one[] =
	    "SELECT id, code, name, phone, address FROM department WHERE id = ?";
	static const char	 members[] =
	    "SELECT staff_no, name FROM staff WHERE department_id = ? AND active = 1 "
	    "ORDER BY staff_no";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	int			 st;

	if ((st = civic_page_one(r, "department", one, p, 1, NULL)) != 0 ||
	    (st = civic_page_query(r, "members", "member", members, p, 1)) != 0)
		return st;
	return 200;
}
