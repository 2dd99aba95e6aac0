/* The trace: what a writer logs is restored exactly, also while another
 * thread replays the ring as the writer laps it.
 *
 * A writer (a hand-made thread state, as the hooks would fill it) logs
 * epochs of accesses whose pc, kind and caller follow from (clock, index):
 * one-word events, full ones (pcs far apart), atomics, function entry and
 * exit around each epoch. A reader restores random accesses of recent and
 * overwritten epochs meanwhile: whatever it finds must be that access. Then,
 * quiescent, every access of the last epochs must be found, none after the
 * ring is dropped, and a new occupant's accesses again.
 *
 * Usage: test_trace [EPOCHS] */
#include "options.h"
#include "trace.h"
#include "unit.h"
#include <pthread.h>
#include <stdlib.h>

#define PER_EPOCH   48
#define CALLER_BASE 0x300000ull

static u64 cells[PER_EPOCH];
static u64 done_clock; /* the writer's last finished epoch */
static bool writer_done;
static struct trace *trace;

static uptr access_addr(unsigned i)
{
	return (uptr)&cells[i];
}

/* Mostly within EV_DELTA_BIAS of each other (one-word events); every
 * seventh epoch far apart (full events). */
static uptr access_pc(u64 clock, unsigned i)
{
	if (clock % 7 == 0)
		return 0x400000 + clock % 64 * 0x10000 + i * 0x1000;
	return 0x400000 + clock % 64 * 0x10000 + i * 4;
}

static bool access_write(u64 clock, unsigned i)
{
	return (clock + i) % 2;
}

static bool access_atomic(u64 clock, unsigned i)
{
	return (clock + i) % 5 == 0;
}

static uptr caller_pc(u64 clock)
{
	return CALLER_BASE + clock % 1000 * 8;
}

static void log_epoch(struct crace_thread *thr, u64 clock)
{
	thr->clock = clock;
	trace_put(thr, (EV_EPOCH << EV_KIND_SHIFT) | clock);
	trace_put(thr, (EV_ENTRY << EV_KIND_SHIFT) | caller_pc(clock));
	thr->stack[thr->depth++] = caller_pc(clock);
	for (unsigned i = 0; i < PER_EPOCH; i++) {
		uptr pc = access_pc(clock, i);
		if (access_atomic(clock, i))
			trace_access_atomic(thr, pc, access_addr(i), 8,
					    access_write(clock, i));
		else
			trace_access_sized(thr, pc, access_addr(i), 8,
					   access_write(clock, i));
	}
	trace_put(thr, EV_EXIT << EV_KIND_SHIFT);
	thr->depth--;
}

/* Restores access i of `clock`: 0 when not found, 1 when found and right,
 * -1 when found and wrong. */
static int restore(u64 clock, unsigned i)
{
	uptr pcs[8];
	unsigned bytes = 0;
	u32 n = trace_restore(trace, clock, access_addr(i), 0xff, 0xff,
			      access_write(clock, i), access_atomic(clock, i),
			      pcs, 8, &bytes);
	if (!n)
		return 0;
	return n == 2 && pcs[0] == access_pc(clock, i) &&
			       pcs[1] == caller_pc(clock) && bytes == 0xff
		       ? 1
		       : -1;
}

static void *reader(void *arg)
{
	long *counts = arg; /* found right, found wrong, not found */
	unsigned seed = 1;
	while (!load_acquire(&writer_done)) {
		u64 last = load_acquire(&done_clock);
		/* Half the time the epoch being written or the last ones
		 * (words near the cursor), else any, also ones long
		 * overwritten. */
		u64 back = (u64)rand_r(&seed) % (rand_r(&seed) % 2 ? 4 : 3000);
		if (back > last)
			continue;
		int r = restore(last + 1 - back,
				(unsigned)rand_r(&seed) % PER_EPOCH);
		counts[r == 1 ? 0 : r == -1 ? 1 : 2]++;
	}
	return NULL;
}

static struct crace_thread *new_thread(void)
{
	struct crace_thread *thr = calloc(1, sizeof(*thr));
	thr->stack = calloc(SHADOW_STACK_MAX, sizeof(uptr));
	thr->trace = trace;
	trace_put(thr, EV_START << EV_KIND_SHIFT);
	return thr;
}

int main(int argc, char **argv)
{
	u64 epochs = argc > 1 ? strtoull(argv[1], NULL, 0) : 1000000;
	options_parse("history_size=0"); /* the smallest ring: laps often */
	trace = trace_create();
	struct crace_thread *thr = new_thread();
	long counts[3] = {0, 0, 0};
	pthread_t th;
	CHECK(pthread_create(&th, NULL, reader, counts) == 0);
	u64 clock;
	for (clock = 1; clock <= epochs; clock++) {
		log_epoch(thr, clock);
		store_release(&done_clock, clock);
	}
	store_release(&writer_done, true);
	CHECK(pthread_join(th, NULL) == 0);
	printf("concurrent restores: %ld right, %ld wrong, %ld not found\n",
	       counts[0], counts[1], counts[2]);
	CHECK(counts[1] == 0);
	CHECK(counts[0] > 0);

	/* Quiescent: the last epochs (well within the ring's last 7/8) are
	 * all there; epochs never written and long overwritten are not. */
	u64 last = clock - 1;
	for (u64 c = last - 100; c <= last; c++)
		for (unsigned i = 0; i < PER_EPOCH; i++)
			CHECK(restore(c, i) == 1);
	CHECK(restore(last + 1, 0) == 0);
	CHECK(restore(last - 5000, 0) == 0);

	/* Dropped: nothing; a new occupant's accesses are found again. */
	trace_drop(trace);
	CHECK(restore(last, 0) == 0);
	thr = new_thread();
	log_epoch(thr, last + 1);
	for (unsigned i = 0; i < PER_EPOCH; i++)
		CHECK(restore(last + 1, i) == 1);
	CHECK(restore(last, 0) == 0);
	return unit_done("test_trace");
}
