/* CRACE_OPTIONS: parsed once at start-up into crace_opts. */
#ifndef CRACE_OPTIONS_H
#define CRACE_OPTIONS_H

#include "common.h"

struct crace_options {
#define OPT_BOOL(name, def, help)	   bool name;
#define OPT_INT(name, def, lo, hi, help)   int name;
#define OPT_STR(name, def, help)	   const char *name;
#define OPT_ENUM(name, def, choices, help) const char *name;
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM
};

extern struct crace_options crace_opts;

/* Sets defaults, then applies `spec` (the CRACE_OPTIONS text, may be NULL):
 * "key=value" pairs separated by spaces, commas or colons. An unknown key or a
 * bad value is fatal: one line naming the key, exit status 1. */
void options_parse(const char *spec);

#endif
