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
	{ .method = "GET", .pattern = "/", .view = "note-list", .handler = demo_note_list,
	    .fields = list_fields },
	{ .method = "GET", .pattern = "/new", .view = "note-form", .handler = demo_note_form },
	{ .method = "POST", .pattern = "/new", .view = "note-form", .handler = demo_note_create,
	    .fields = note_fields, .flags = CIVIC_R_STATE, .rate = { "demo.note", 30, 60 } },
	{ .method = "GET", .pattern = "/m/{id:int}", .view = "note", .handler = demo_note_show },
	{ .method = "GET", .pattern = "/m/{id:int}/file", .view = "note",
	    .handler = demo_note_file },
};

static const struct civic_app app = { "demo", "demo.xsl", routes, CIVIC_NITEMS(routes) };

int
main(int argc, char *argv[])
{
	return civic_serve(&app, argc, argv);
}
