/*
 * entryio.h: STUB, to be written: an entry read from a form or an import
 * row, checked and written with its version (catalogue.h); edit.c and
 * tools/ctl_catalogue.c share it.
 */
#ifndef CAT_ENTRYIO_H
#define CAT_ENTRYIO_H

#include "catalogue.h"

#endif
