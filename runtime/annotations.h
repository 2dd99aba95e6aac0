/* Program annotations (include/crace.h): what the report path asks. */
#ifndef CRACE_ANNOTATIONS_H
#define CRACE_ANNOTATIONS_H

#include "common.h"

/* Whether addr lies in a range registered with AnnotateBenignRaceSized. */
bool benign_race(uptr addr);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void annotations_fork_lock(void);
void annotations_fork_unlock(void);

#endif
