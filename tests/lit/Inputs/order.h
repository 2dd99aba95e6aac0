/* Orders the steps of a test's threads in real time WITHOUT creating a
 * happens-before edge: a relaxed atomic counter synchronizes nothing, so two
 * plain accesses ordered with it still race, and the race is reported
 * deterministically (the later access is always the one being checked).
 *   step_wait(n): spin until step n has been reached
 *   step_set(n):  announce step n */
#ifndef CRACE_TEST_ORDER_H
#define CRACE_TEST_ORDER_H

#include <sched.h>

static int crace_test_step;

__attribute__((noinline, unused)) static void step_wait(int n)
{
	while (__atomic_load_n(&crace_test_step, __ATOMIC_RELAXED) < n)
		sched_yield();
}

__attribute__((noinline, unused)) static void step_set(int n)
{
	__atomic_store_n(&crace_test_step, n, __ATOMIC_RELAXED);
}

#endif
