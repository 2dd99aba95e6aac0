/* Signals: handlers run wrapped so the runtime knows when one is running on
 * a thread (and whether it interrupted the runtime), sending and receiving
 * a signal is a happens-before edge, and a crash still prints the summary. */
#ifndef CRACE_SIGNALS_H
#define CRACE_SIGNALS_H

#include "thread.h"

/* Start-up: finds the runtime's code and installs the crash handlers. */
void signals_init(void);

/* Start-up of the longjmp interceptors (interceptors_setjmp.c). */
void longjmp_init(void);

/* A longjmp from the current stack pointer cur_sp to a frame whose stack
 * pointer is target_sp: leaves the signal handlers it jumps out of and
 * drops the shadow frames it skips. */
void signals_longjmp(struct crace_thread *thr, uptr target_sp, uptr cur_sp);

#endif
