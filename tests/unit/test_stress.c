/* Threaded stress of the runtime's shared structures: shadow cells (inline
 * and extension records changed by compare-and-swap from several threads),
 * the sync table (create, acquire, release, destroy, drop on free), the
 * stack depot, the heap block index (blocks freed by other threads), the
 * internal allocator, per-slot traces and
 * the thread registry (threads started, finished and joined in rounds, as
 * the pthread interceptors do). The program it simulates is race-free, so
 * no report may appear.
 *
 * make check runs it with small numbers; make stress runs it built with
 * -fsanitize=thread and under valgrind --tool=helgrind, where any report
 * is a data race inside the runtime itself.
 *
 * Usage: test_stress [THREADS [ROUNDS [ITERATIONS]]] */
#include "alloc.h"
#include "heap.h"
#include "options.h"
#include "report.h"
#include "shadow.h"
#include "sync.h"
#include "thread.h"
#include "unit.h"
#include <crace_abi.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 16
#define SHARED	    512

static long iterations;
static u64 read_shared[SHARED]; /* written before the threads start */
static u64 locked_data[SHARED]; /* written under `data_lock` */
static u64 atomic_counter;	/* atomics only */
static u64 private_data[MAX_THREADS][64];
static pthread_mutex_t data_lock = PTHREAD_MUTEX_INITIALIZER;

struct start {
	struct thread_ctx *ctx;
	long id;
};

/* Not inlined: its address is the pc the hooks see. */
static NOINLINE void locked_increment(struct crace_thread *thr, long k)
{
	__crace_func_entry(__builtin_return_address(0));
	pthread_mutex_lock(&data_lock); /* as the interceptor would */
	sync_acquire(thr, (uptr)&data_lock);
	__crace_read8(&locked_data[k], __crace_cell_of(&locked_data[k]));
	__crace_write8(&locked_data[k], __crace_cell_of(&locked_data[k]));
	locked_data[k]++;
	sync_release(thr, (uptr)&data_lock);
	pthread_mutex_unlock(&data_lock);
	__crace_func_exit();
}

/* Heap blocks made by even threads and freed by odd ones, handed over
 * under data_lock: block descriptors pile up in the freeing threads' caches
 * and move back to the allocating ones through the shared pool. */
#define HANDOFF 256
static char *handoff[HANDOFF]; /* under data_lock */
static int nhandoff;

static NOINLINE void hand_over(struct crace_thread *thr, long id, long i)
{
	__crace_func_entry(__builtin_return_address(0));
	char *p = NULL, *mine = NULL;
	size_t size = 16 + (size_t)(i % 200);
	if (id % 2 == 0) {
		mine = malloc(size);
		heap_allocated(thr, mine, size, (uptr)&hand_over,
			       (uptr)__builtin_return_address(0));
		__crace_write_range(mine, size);
	}
	pthread_mutex_lock(&data_lock);
	sync_acquire(thr, (uptr)&data_lock);
	__crace_read8(&nhandoff, __crace_cell_of(&nhandoff));
	if (mine && nhandoff < HANDOFF) {
		__crace_write8(&handoff[nhandoff],
			       __crace_cell_of(&handoff[nhandoff]));
		handoff[nhandoff] = mine;
		__crace_write8(&nhandoff, __crace_cell_of(&nhandoff));
		nhandoff++;
		mine = NULL;
	} else if (!mine && nhandoff > 0) {
		__crace_write8(&nhandoff, __crace_cell_of(&nhandoff));
		nhandoff--;
		__crace_read8(&handoff[nhandoff],
			      __crace_cell_of(&handoff[nhandoff]));
		p = handoff[nhandoff];
	}
	sync_release(thr, (uptr)&data_lock);
	pthread_mutex_unlock(&data_lock);
	if (mine) /* nobody takes them: freed here */
		p = mine;
	if (p) {
		__crace_read_range(p, 16);
		heap_freed(thr, p, (uptr)&hand_over,
			   (uptr)__builtin_return_address(0));
		free(p);
	}
	__crace_func_exit();
}

static void one_iteration(struct crace_thread *thr, long id, long i)
{
	__crace_func_entry(__builtin_return_address(0));
	/* Read-shared data: several readers per granule need extensions. */
	__crace_read8(&read_shared[(i * 7 + id) % SHARED],
		      __crace_cell_of(&read_shared[(i * 7 + id) % SHARED]));
	/* Private data: the fast path and same-thread slow paths. */
	__crace_write8(&private_data[id][i & 63],
		       __crace_cell_of(&private_data[id][i & 63]));
	__crace_read_range(&private_data[id][0], 64);
	/* Atomics on one granule from every thread. */
	__crace_atomic64_fetch_add(&atomic_counter, 1, CRACE_MO_SEQ_CST);
	if (i % 8 == 0)
		__crace_atomic64_load(&atomic_counter, CRACE_MO_ACQUIRE);
	/* Lock-protected shared data: slow paths and sync objects. */
	if (i % 4 == 0)
		locked_increment(thr, (i + id) % SHARED);

	/* A heap block with a lock in it, freed without a destroy. */
	if (i % 16 == 0) {
		size_t size = 64 + (size_t)(i % 1024);
		char *p = malloc(size);
		heap_allocated(thr, p, size, (uptr)&one_iteration,
			       (uptr)__builtin_return_address(0));
		__crace_write_range(p, size);
		sync_release(thr, (uptr)p + 8);
		sync_acquire(thr, (uptr)p + 8);
		heap_freed(thr, p, (uptr)&one_iteration,
			   (uptr)__builtin_return_address(0));
		free(p);
	}
	if (i % 4 == 2)
		hand_over(thr, id, i);
	/* A mutex made and destroyed. */
	if (i % 64 == 0) {
		uptr m = (uptr)&private_data[id][1] + 1;
		sync_release(thr, m);
		sync_destroy(m);
	}
	/* The internal allocator, all size classes and a large block. */
	size_t sz = (size_t)16 << (i % 14);
	void *q = internal_alloc(sz);
	memset(q, (int)i, sz < 256 ? sz : 256);
	internal_free(q, sz);
	/* Distinct stacks into the depot now and then. */
	if (i % 128 == 0) {
		uptr pcs[4] = {(uptr)i, (uptr)id, 1, 2};
		stackdepot_put(pcs, 4);
	}
	__crace_func_exit();
}

static void *worker(void *arg)
{
	struct start *s = arg;
	thread_start(s->ctx, (uptr)__builtin_frame_address(0));
	struct crace_thread *thr = crace_cur;
	for (long i = 0; i < iterations; i++)
		one_iteration(thr, s->id, i);
	thread_finish(thr);
	return NULL;
}

int main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 4;
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	iterations = argc > 3 ? atol(argv[3]) : 5000;
	if (nthreads < 1 || nthreads > MAX_THREADS || rounds < 1 ||
	    iterations < 1) {
		fprintf(stderr,
			"usage: test_stress [THREADS (1..%d) [ROUNDS "
			"[ITERATIONS]]]\n",
			MAX_THREADS);
		return 2;
	}
	options_parse(NULL);
	shadow_init();
	sync_init();
	thread_init_main();
	struct crace_thread *main_thr = crace_cur;
	for (int k = 0; k < SHARED; k++) {
		__crace_write8(&read_shared[k],
			       __crace_cell_of(&read_shared[k]));
		read_shared[k] = (u64)k;
	}
	for (int r = 0; r < rounds; r++) {
		pthread_t th[MAX_THREADS];
		struct start st[MAX_THREADS];
		for (int t = 0; t < nthreads; t++) {
			/* What the pthread_create interceptor does. */
			st[t].id = t;
			st[t].ctx = thread_prepare_child(main_thr, 0, false);
			CHECK(pthread_create(&th[t], NULL, worker, &st[t]) ==
			      0);
			thread_created(st[t].ctx, th[t]);
		}
		for (int t = 0; t < nthreads; t++) {
			CHECK(pthread_join(th[t], NULL) == 0);
			thread_joined(main_thr, st[t].ctx);
		}
		/* Everything the workers did is ordered before this. */
		for (int t = 0; t < nthreads; t++)
			__crace_read_range(private_data[t],
					   sizeof(private_data[t]));
		for (int k = 0; k < SHARED; k++)
			__crace_write8(&locked_data[k],
				       __crace_cell_of(&locked_data[k]));
	}
	/* Blocks still handed over: found from any byte, forgotten when
	 * freed (by the main thread, ordered after every worker). */
	for (int k = 0; k < nhandoff; k++) {
		struct heap_block_info hb;
		uptr b = (uptr)handoff[k];
		CHECK(heap_find(b + 15, &hb) && hb.start == b && hb.size >= 16);
		CHECK(heap_freed(main_thr, handoff[k], (uptr)&main, 0) ==
		      hb.size);
		CHECK(!heap_find(b + 15, &hb));
		free(handoff[k]);
	}
	/* Dropping sync objects: one address, a small range, a range larger
	 * than the table (every stripe visited); neighbours survive. */
	enum { AREA = 1 << 16 };
	static char area[AREA + 64]; /* the range, then its neighbour */
	uptr a = (uptr)area;
	u64 live = sync_live_objects();
	uptr probes[] = {a + 8, a + 100, a + 4096, a + (1 << 15) + 3};
	for (unsigned k = 0; k < ARRAY_SIZE(probes); k++)
		sync_release(main_thr, probes[k]);
	sync_release(main_thr, a + AREA);
	sync_destroy(a + 8);
	CHECK(sync_lock(a + 8, false) == NULL);
	sync_reset_range(a + 96, 8);
	CHECK(sync_lock(a + 100, false) == NULL);
	struct sync_obj *o = sync_lock(a + 4096, false);
	CHECK(o != NULL);
	if (o)
		spin_unlock(&o->lock);
	sync_reset_range(a, AREA);
	CHECK(sync_lock(a + 4096, false) == NULL);
	CHECK(sync_lock(a + (1 << 15) + 3, false) == NULL);
	o = sync_lock(a + AREA, false);
	CHECK(o != NULL);
	if (o)
		spin_unlock(&o->lock);
	sync_destroy(a + AREA);
	CHECK(sync_live_objects() == live);

	u64 locked = 0;
	for (int k = 0; k < SHARED; k++)
		locked += locked_data[k];
	CHECK(atomic_counter == (u64)nthreads * rounds * iterations);
	CHECK(locked == (u64)nthreads * rounds * ((iterations + 3) / 4));
	CHECK(report_count() == 0);
	return unit_done("stress");
}
