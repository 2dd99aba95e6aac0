/* Program annotations (include/crace.h): what the report path asks. */
#ifndef CRACE_ANNOTATIONS_H
#define CRACE_ANNOTATIONS_H

#include "common.h"

/* Whether addr lies in a range registered with AnnotateBenignRaceSized. */
bool benign_race(uptr addr);

#endif
