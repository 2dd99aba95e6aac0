/* The lock-order graph on its own: cycles of two and three locks are found
 * once, edges are not added twice, two readers do not close a cycle while a
 * writer does, and a destroyed lock's edges no longer count. Reports go to
 * stderr (shown only when the test fails); the test counts them. */
#include "deadlock.h"
#include "held_locks.h"
#include "options.h"
#include "report_locks.h"
#include "shadow.h"
#include "unit.h"

static struct crace_thread *thr;
static struct lock_set *ls;
static char locks[8][64]; /* stand-ins for the locks' memory */

static struct lock_node *node(int i)
{
	return mutex_node((uptr)&locks[i], LOCK_RWLOCK);
}

static void hold(int i, bool write)
{
	struct held_lock *h = held_push(thr, ls, 0, 0);
	h->addr = (uptr)&locks[i];
	h->node = node(i);
	h->gen = node(i)->gen;
	h->count = 1;
	h->write = write;
}

/* The thread, holding `held` (in that mode), acquires `then`. */
static u64 take(int held, bool held_write, int then, bool write)
{
	ls->n = 0;
	hold(held, held_write);
	deadlock_before_lock(thr, ls, node(then), node(then)->gen, write, 0, 0);
	ls->n = 0;
	return report_locks_count();
}

int main(void)
{
	options_parse(NULL);
	shadow_init();
	thread_init_main();
	thr = cur_thread();
	ls = lock_set_create();

	/* 0 -> 1, then 1 -> 0 closes a cycle: one report, once. */
	CHECK(take(0, true, 1, true) == 0);
	CHECK(take(0, true, 1, true) == 0);
	CHECK(take(1, true, 0, true) == 1);
	CHECK(take(1, true, 0, true) == 1);
	CHECK(node(0)->nout == 1 && node(1)->nout == 1);

	/* Three locks: 2 -> 3 -> 4 -> 2. */
	CHECK(take(2, true, 3, true) == 1);
	CHECK(take(3, true, 4, true) == 1);
	CHECK(take(4, true, 2, true) == 2);

	/* Readers on both sides of both edges: no wait, no cycle. Nor when
	 * the second thread waits for 5 as a writer: the first one, holding 5
	 * for reading, gets 6 for reading alongside the second. It would wait
	 * if the second held 6 for writing. */
	CHECK(take(5, false, 6, false) == 2);
	CHECK(take(6, false, 5, false) == 2);
	CHECK(take(6, false, 5, true) == 2);
	CHECK(take(6, true, 5, true) == 3);

	/* A destroyed lock's edges are gone: 7 -> 0 then 0 -> 7 would be a
	 * cycle, but 7 was destroyed (and made anew) in between. */
	CHECK(take(7, true, 0, true) == 3);
	mutex_node_reset(node(7), false);
	CHECK(node(7)->nout == 0);
	CHECK(take(0, true, 7, true) == 3);
	/* The new 7 can still be part of a cycle of its own. */
	CHECK(take(7, true, 0, true) == 4);

	lock_set_free(ls);
	return unit_done("deadlock");
}
