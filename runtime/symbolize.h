/* pc -> function, file:line and data address -> global variable, from the
 * program's DWARF and symbol tables through elfutils' libdwfl. Results are
 * cached for the life of the process. Not thread-safe: callers hold the
 * report lock. */
#ifndef CRACE_SYMBOLIZE_H
#define CRACE_SYMBOLIZE_H

#include "common.h"

struct sym_frame {
	const char *function; /* demangled; NULL when unknown */
	const char *file;     /* absolute path as in DWARF; NULL when unknown */
	int line;	      /* 0 when unknown */
	int column;	      /* 0 when unknown */
	uptr function_offset; /* pc - start of the (outermost) function */
	const char *module;   /* path of the ELF object containing pc */
	uptr module_offset;   /* pc - load bias of that object */
	bool inlined;	      /* this frame was inlined into the next one */
};

/* Fills up to `max` frames for `pc`, innermost inlined frame first, the
 * function that really contains pc last. Returns the number filled (>= 1;
 * an unknown pc gives one frame with function == NULL). `pc` is used as
 * given: callers pass a return address minus one. */
int symbolize_pc(uptr pc, struct sym_frame *out, int max);

/* Global or static variable containing addr. */
struct sym_data {
	const char *name; /* demangled */
	uptr start;
	uptr size;
	const char *module;
};
bool symbolize_data(uptr addr, struct sym_data *out);

/* Forget the module list (after dlopen/dlclose); the next call rescans. */
void symbolize_refresh(void);

#endif
