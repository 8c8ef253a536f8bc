/*
 * note.h: the demonstration feature, a public note board (便民留言).  It
 * exists to prove the request path end to end and to show, in a few
 * dozen lines, how a feature is written: routes declare, handlers query
 * and fill the page, the stylesheet renders.
 */
#ifndef DEMO_NOTE_H
#define DEMO_NOTE_H

#include "civic.h"

int	demo_note_list(struct civic_req *);
int	demo_note_form(struct civic_req *);
int	demo_note_create(struct civic_req *);
int	demo_note_show(struct civic_req *);
int	demo_note_file(struct civic_req *);

/* The categories a note may have, NULL-terminated. */
extern const char *const demo_note_categories[];

#endif
