/*
 * account.h: staff accounts (civic-account.fcgi): signing in and out,
 * one's own password, departments and staff (admin), the audit log.
 */
#ifndef ACCOUNT_H
#define ACCOUNT_H

#include "civic.h"
#include "session.h"

/* signin.c */
int	account_home(struct civic_req *);
int	account_signin_form(struct civic_req *);
int	account_signin(struct civic_req *);
int	account_signout(struct civic_req *);
int	account_password_form(struct civic_req *);
int	account_password(struct civic_req *);

/* department.c */
int	account_department_list(struct civic_req *);
int	account_department_form(struct civic_req *);
int	account_department_create(struct civic_req *);
int	account_department_update(struct civic_req *);
int	account_department_show(struct civic_req *);

/* staff.c */
int	account_staff_list(struct civic_req *);
int	account_staff_form(struct civic_req *);
int	account_staff_create(struct civic_req *);
int	account_staff_update(struct civic_req *);

/* auditlog.c */
int	account_audit_list(struct civic_req *);
int	account_outbox_list(struct civic_req *);

#endif
