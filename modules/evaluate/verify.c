/*
 * verify.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"
