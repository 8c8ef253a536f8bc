/*
 * ctl_catalogue.c: STUB, to be written: civicctl import-catalogue FILE
 * (CSV or XML; format in doc/civicctl.md), through entryio.h.
 */
#include <stdio.h>

#include "ctl.h"
#include "entryio.h"

int
ctl_import_catalogue(struct ctl *c, int argc, char *argv[])
{
	(void)c;
	(void)argc;
	(void)argv;
	fprintf(stderr, "civicctl import-catalogue: not written yet\n");
	return 1;
}
