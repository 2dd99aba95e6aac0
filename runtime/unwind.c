#define UNW_LOCAL_ONLY
#include "unwind.h"
#include <libunwind.h>

#define UNWIND_MAX 64

NOINLINE stack_handle unwind_stack_handle(uptr self_pc)
{
	uptr pcs[UNWIND_MAX];
	u32 n = 0;
	unw_context_t uc;
	unw_cursor_t cur;
	pcs[n++] = self_pc;
	if (unw_getcontext(&uc) || unw_init_local(&cur, &uc))
		return stackdepot_put(pcs, n);
	/* Step out of this function and out of the interceptor calling it. */
	for (int skip = 0; skip < 2; skip++)
		if (unw_step(&cur) <= 0)
			return stackdepot_put(pcs, n);
	do {
		unw_word_t ip;
		if (unw_get_reg(&cur, UNW_REG_IP, &ip) || !ip)
			break;
		pcs[n++] = ip;
	} while (n < UNWIND_MAX && unw_step(&cur) > 0);
	return stackdepot_put(pcs, n);
}
