/* Shared machinery of the interceptor families: finding the real libc
 * function behind ours, and deciding whether the runtime takes part in an
 * intercepted call. */
#ifndef CRACE_INTERCEPTORS_H
#define CRACE_INTERCEPTORS_H

#include "thread.h"

extern bool crace_ready; /* set once start-up is complete */

/* main is about to run: every module loaded with the program has been
 * initialised, so the runtime knows whether any was instrumented (it says
 * so once at verbosity >= 1 when none was). */
void crace_main_starting(void);

void *resolve_real(const char *name);

#define DEFINE_REAL(ret, f, ...) static ret (*real_##f)(__VA_ARGS__)
#define REAL(f)                                                                \
	(likely(real_##f)                                                      \
		 ? real_##f                                                    \
		 : (real_##f = (__typeof__(real_##f))resolve_real(#f)))

/* The thread an intercepted call is attributed to, or NULL when the runtime
 * must stay out of the way: before start-up, or when the runtime itself made
 * the call. */
static inline struct crace_thread *intercept_thread(void)
{
	if (unlikely(!crace_ready))
		return NULL;
	struct crace_thread *thr = cur_thread();
	return thr->in_runtime ? NULL : thr;
}

/* The interceptor's own entry, printed as its name in stacks. */
#define SELF_PC(f) ((uptr)(void *)&f)

#endif
