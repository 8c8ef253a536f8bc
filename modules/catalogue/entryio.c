/*
 * entryio.c: STUB, to be written (entryio.h).
 */
#include "entryio.h"
