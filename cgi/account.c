/*
 * civic-account.fcgi: staff sign-in, departments, staff and the audit log,
 * mounted at /account/.
 */
#include "civic.h"
#include "account.h"

#define ANY_STAFF	(CIVIC_ROLE_ADMIN | CIVIC_ROLE_OFFICE | CIVIC_ROLE_CLERK | \
			    CIVIC_ROLE_SUPERVISOR)

static const char *const yes[] = { "1", NULL };

static const struct civic_field signin_get_fields[] = {
	{ "next", CIVIC_V_TEXT, 1, 500, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* Staff numbers are digits (15240525): anything else is refused before it is looked up. */
static const struct civic_field signin_fields[] = {
	{ "staff_no", CIVIC_V_INT, 0, 9999999999999999LL, CIVIC_F_REQUIRED, NULL },
	{ "password", CIVIC_V_TEXT, 1, CIVIC_PASSWORD_MAX, CIVIC_F_REQUIRED | CIVIC_F_SECRET,
	    NULL },
	{ "next", CIVIC_V_TEXT, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field password_fields[] = {
	{ "current", CIVIC_V_TEXT, 1, CIVIC_PASSWORD_MAX, CIVIC_F_REQUIRED | CIVIC_F_SECRET,
	    NULL },
	{ "new", CIVIC_V_TEXT, CIVIC_PASSWORD_MIN, CIVIC_PASSWORD_MAX,
	    CIVIC_F_REQUIRED | CIVIC_F_SECRET, NULL },
	{ "confirm", CIVIC_V_TEXT, 1, CIVIC_PASSWORD_MAX, CIVIC_F_REQUIRED | CIVIC_F_SECRET,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field department_fields[] = {
	{ "code", CIVIC_V_TOKEN, 1, 32, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 2, 60, CIVIC_F_REQUIRED, NULL },
	{ "phone", CIVIC_V_PHONE, 0, 0, 0, NULL },
	{ "address", CIVIC_V_TEXT, 2, 200, 0, NULL },
	{ "parent", CIVIC_V_INT, 1, 4294967295LL, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field staff_fields[] = {
	{ "staff_no", CIVIC_V_INT, 0, 9999999999999999LL, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 2, 20, CIVIC_F_REQUIRED, NULL },
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_REQUIRED, NULL },
	{ "role_admin", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ "role_office", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ "role_clerk", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ "role_supervisor", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ "phone", CIVIC_V_PHONE, 0, 0, 0, NULL },
	{ "on_duty", CIVIC_V_TEXT, 1, 200, 0, NULL },
	{ "active", CIVIC_V_ENUM, 0, 0, 0, yes },
	/* Required for a new account; on an existing one, set only to change it. */
	{ "password", CIVIC_V_TEXT, CIVIC_PASSWORD_MIN, CIVIC_PASSWORD_MAX, CIVIC_F_SECRET,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field audit_fields[] = {
	{ "staff_no", CIVIC_V_INT, 0, 9999999999999999LL, CIVIC_F_QUERY, NULL },
	{ "action", CIVIC_V_TOKEN, 1, 40, CIVIC_F_QUERY, NULL },
	{ "object", CIVIC_V_TOKEN, 1, 40, CIVIC_F_QUERY, NULL },
	{ "from", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "to", CIVIC_V_DATE, 0, 0, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field page_fields[] = {
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_route routes[] = {
	{ .method = "GET", .pattern = "/", .view = "home", .handler = account_home,
	    .roles = ANY_STAFF },
	{ .method = "GET", .pattern = "/signin", .view = "signin", .handler = account_signin_form,
	    .fields = signin_get_fields },
	{ .method = "POST", .pattern = "/signin", .view = "signin", .handler = account_signin,
	    .fields = signin_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "account.signin", 60, 900 } },
	{ .method = "POST", .pattern = "/signout", .view = "signin", .handler = account_signout,
	    .flags = CIVIC_R_CSRF, .roles = ANY_STAFF },
	{ .method = "GET", .pattern = "/password", .view = "password",
	    .handler = account_password_form, .roles = ANY_STAFF },
	{ .method = "POST", .pattern = "/password", .view = "password",
	    .handler = account_password, .fields = password_fields, .flags = CIVIC_R_CSRF,
	    .roles = ANY_STAFF },

	{ .method = "GET", .pattern = "/departments", .view = "department-list",
	    .handler = account_department_list, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "GET", .pattern = "/departments/new", .view = "department-form",
	    .handler = account_department_form, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "POST", .pattern = "/departments/new", .view = "department-form",
	    .handler = account_department_create, .fields = department_fields,
	    .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "GET", .pattern = "/departments/{id:int}", .view = "department-form",
	    .handler = account_department_form, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "POST", .pattern = "/departments/{id:int}", .view = "department-form",
	    .handler = account_department_update, .fields = department_fields,
	    .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_ADMIN },

	{ .method = "GET", .pattern = "/staff", .view = "staff-list",
	    .handler = account_staff_list, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "GET", .pattern = "/staff/new", .view = "staff-form",
	    .handler = account_staff_form, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "POST", .pattern = "/staff/new", .view = "staff-form",
	    .handler = account_staff_create, .fields = staff_fields, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_ADMIN },
	{ .method = "GET", .pattern = "/staff/{id:int}", .view = "staff-form",
	    .handler = account_staff_form, .roles = CIVIC_ROLE_ADMIN },
	{ .method = "POST", .pattern = "/staff/{id:int}", .view = "staff-form",
	    .handler = account_staff_update, .fields = staff_fields, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_ADMIN },

	{ .method = "GET", .pattern = "/audit", .view = "audit", .handler = account_audit_list,
	    .fields = audit_fields, .roles = CIVIC_ROLE_ADMIN | CIVIC_ROLE_SUPERVISOR },

	{ .method = "GET", .pattern = "/outbox", .view = "outbox",
	    .handler = account_outbox_list, .fields = page_fields, .roles = CIVIC_ROLE_ADMIN },

	/* A clerk's own department, scoped: the proof of department scope. */
	{ .method = "GET", .pattern = "/department/{id:int}", .view = "department",
	    .handler = account_department_show, .roles = ANY_STAFF,
	    .scope = "SELECT id FROM department WHERE id = ?" },
};

static const struct civic_app app = { "account", "account.xsl", routes,
    CIVIC_NITEMS(routes) };

int
main(int argc, char *argv[])
{
	return civic_serve(&app, argc, argv);
}
