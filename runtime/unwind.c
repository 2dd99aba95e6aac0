#define UNW_LOCAL_ONLY
#include "unwind.h"
#include <libunwind.h>

#define UNWIND_MAX 64

NOINLINE stack_handle unwind_stack_handle(uptr self_pc)
{
	void *ips[UNWIND_MAX + 2];
	uptr pcs[UNWIND_MAX];
	u32 n = 0;
	pcs[n++] = self_pc;
	/* From this function's caller's call: skip this function and the
	 * interceptor calling it. */
	int got = unw_backtrace(ips, UNWIND_MAX + 1);
	for (int i = 2; i < got && n < UNWIND_MAX && ips[i]; i++)
		pcs[n++] = (uptr)ips[i];
	return stackdepot_put(pcs, n);
}
