/* Orders the steps of a test's threads in real time WITHOUT creating a
 * happens-before edge: a relaxed atomic counter synchronizes nothing, so two
 * plain accesses ordered with it still race, and the race is reported
 * deterministically (the later access is always the one being checked).
 *   step_wait(n): spin until step n has been reached
 *   step_set(n):  announce step n */
#ifndef CRACE_TEST_ORDER_H
#define CRACE_TEST_ORDER_H

#include <sched.h>

/* Alone in its cache line, so no test variable shares its 8-byte shadow
 * granule: the runtime's record stores are plain (runtime/access.c,
 * store_records), so a record stored at the very instant another thread
 * stores one for the same granule may be lost. A variable beside the step
 * counter, which one thread polls while another writes the variable, made
 * a race go unreported about once in a hundred runs. */
static struct {
	int step;
	char pad[60];
} crace_test_order __attribute__((aligned(64)));

__attribute__((noinline, unused)) static void step_wait(int n)
{
	while (__atomic_load_n(&crace_test_order.step, __ATOMIC_RELAXED) < n)
		sched_yield();
}

__attribute__((noinline, unused)) static void step_set(int n)
{
	__atomic_store_n(&crace_test_order.step, n, __ATOMIC_RELAXED);
}

#endif
