#define UNW_LOCAL_ONLY
#include "unwind.h"
#include "spinlock.h"
#include <libunwind.h>

#define UNWIND_MAX 64

/* libunwind's own locks (pthread mutexes it takes with every signal
 * blocked) are not reset in a fork child: a fork while another thread
 * unwound left one held there, and the child's first pthread_create hung
 * in unw_backtrace where not even alarm() could end it (seen in
 * process/fork_stress.c). Unwinding under this lock, which fork takes
 * (interceptors_process.c), no thread is inside libunwind when the child
 * starts. */
static struct spinlock unwind_lock = SPINLOCK_INIT;

NOINLINE stack_handle unwind_stack_handle(uptr self_pc)
{
	void *ips[UNWIND_MAX + 2];
	uptr pcs[UNWIND_MAX];
	u32 n = 0;
	pcs[n++] = self_pc;
	/* From this function's caller's call: skip this function and the
	 * interceptor calling it. */
	spin_lock(&unwind_lock);
	int got = unw_backtrace(ips, UNWIND_MAX + 1);
	spin_unlock(&unwind_lock);
	for (int i = 2; i < got && n < UNWIND_MAX && ips[i]; i++)
		pcs[n++] = (uptr)ips[i];
	return stackdepot_put(pcs, n);
}

void unwind_fork_lock(void)
{
	spin_lock(&unwind_lock);
}

void unwind_fork_unlock(void)
{
	spin_unlock(&unwind_lock);
}
