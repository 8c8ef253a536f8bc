/*
 * civic-demo.fcgi: the demonstration program, mounted at /demo/.
 */
#include "civic.h"
#include "note.h"

static const struct civic_field list_fields[] = {
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field note_fields[] = {
	{ "title", CIVIC_V_TEXT, 5, 40, CIVIC_F_REQUIRED, NULL },
	{ "category", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, demo_note_categories },
	{ "body", CIVIC_V_MULTILINE, 10, 3000, CIVIC_F_REQUIRED, NULL },
	{ "name", CIVIC_V_TEXT, 2, 20, CIVIC_F_REQUIRED, NULL },
	{ "mobile", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "email", CIVIC_V_EMAIL, 0, 0, 0, NULL },
	{ "idcard", CIVIC_V_IDCARD, 0, 0, 0, NULL },
	{ "visit_date", CIVIC_V_DATE, 0, 0, 0, NULL },
	{ "attachment", CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_route routes[] = {
	{ "GET", "/", "note-list", demo_note_list, list_fields, 0, 0, { NULL, 0, 0 } },
	{ "GET", "/new", "note-form", demo_note_form, NULL, 0, 0, { NULL, 0, 0 } },
	{ "POST", "/new", "note-form", demo_note_create, note_fields, CIVIC_R_STATE, 0,
	    { "demo.note", 30, 60 } },
	{ "GET", "/m/{id:int}", "note", demo_note_show, NULL, 0, 0, { NULL, 0, 0 } },
	{ "GET", "/m/{id:int}/file", "note", demo_note_file, NULL, 0, 0, { NULL, 0, 0 } },
};

static const struct civic_app app = { "demo", "demo.xsl", routes, CIVIC_NITEMS(routes) };

int
main(int argc, char *argv[])
{
	return civic_serve(&app, argc, argv);
}
