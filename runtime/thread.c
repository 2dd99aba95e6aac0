/* Thread registry: unique ids, slots, per-thread state, and the
 * happens-before edges of thread creation, exit and join. */
#include "thread.h"
#include "alloc.h"
#include "held_locks.h"
#include "shadow.h"
#include "spinlock.h"
#include "sync.h"
#include "trace.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hashtable.h"

__thread struct crace_thread *crace_cur
	__attribute__((tls_model("initial-exec")));
__thread int crace_locks_held __attribute__((tls_model("initial-exec")));

/* Occupants of a slot, newest last, for naming the thread of a record. */
#define SLOT_HISTORY 64
struct slot_occupant {
	u64 start_clock;
	int uid;
};

struct slot_info {
	u64 clock; /* last clock handed out in this slot */
	struct trace *trace;
	/* The shadow stack, kept for the slot's next thread (no mapping and
	 * no page faults per thread). */
	uptr *stack, *stack_sp;
	struct crace_thread *retired; /* freed when the slot is reused */
	u32 nhist;
	struct slot_occupant hist[SLOT_HISTORY];
};

/* Registry view of a context: found by uid while the thread may still be
 * named in a report. Contexts of retired threads (finished and joined or
 * detached) are kept in FIFO order and freed beyond CTX_KEEP_RETIRED, so a
 * program that creates threads forever keeps a bounded registry. */
#define CTX_KEEP_RETIRED 4096
struct ctx_node {
	struct thread_ctx ctx;
	struct ctx_node *next_retired;
	UT_hash_handle hh;
};

/* A detached thread that has finished may still run instrumented code (TLS
 * destructors) on its state: the state is freed, and its slot returned,
 * only once the kernel says the thread is gone. */
struct zombie {
	struct thread_ctx *ctx;
	pid_t tid;
	struct zombie *next;
};

struct pth_entry {
	pthread_t pth;
	struct thread_ctx *ctx;
	UT_hash_handle hh;
};

static struct spinlock registry_lock = SPINLOCK_INIT;
static struct ctx_node *contexts; /* by uid */
static struct ctx_node *retired_head, *retired_tail;
static u32 retired_count;
static struct zombie *zombies_head, *zombies_tail;
static int next_uid;
static struct slot_info *slots;
static unsigned next_fresh_slot;
static unsigned free_slots[MAX_SLOTS];
static u32 free_head, free_count;
static struct pth_entry *by_pthread;

/* Registry lock held. */
static struct thread_ctx *ctx_new(int parent_uid, stack_handle create_stack)
{
	struct ctx_node *n = internal_alloc(sizeof(*n));
	struct thread_ctx *ctx = &n->ctx;
	ctx->uid = next_uid++;
	ctx->parent_uid = parent_uid;
	ctx->create_stack = create_stack;
	ctx->state = THREAD_RUNNING;
	vc_init(&ctx->start_vc);
	vc_init(&ctx->final_vc);
	HASH_ADD_INT(contexts, ctx.uid, n);
	return ctx;
}

static struct ctx_node *node_of(struct thread_ctx *ctx)
{
	return (struct ctx_node *)((char *)ctx -
				   offsetof(struct ctx_node, ctx));
}

/* Registry lock held. The thread is over for the registry: its clocks are
 * dropped now, the context itself after CTX_KEEP_RETIRED later ones. */
static void ctx_retire(struct thread_ctx *ctx)
{
	struct ctx_node *n = node_of(ctx);
	vc_free(&ctx->start_vc);
	vc_free(&ctx->final_vc);
	n->next_retired = NULL;
	if (retired_tail)
		retired_tail->next_retired = n;
	else
		retired_head = n;
	retired_tail = n;
	if (++retired_count <= CTX_KEEP_RETIRED)
		return;
	struct ctx_node *old = retired_head;
	retired_head = old->next_retired;
	retired_count--;
	HASH_DEL(contexts, old);
	internal_free(old, sizeof(*old));
}

/* Registry lock held. Fresh slots first; reuse only past the quarantine, so
 * a retired thread's records keep their name for a while. */
static unsigned slot_acquire(void)
{
	unsigned s;
	if (free_count > SLOT_QUARANTINE || next_fresh_slot >= MAX_SLOTS) {
		if (!free_count)
			crace_die("more than %d threads alive at once",
				  MAX_SLOTS);
		s = free_slots[free_head];
		free_head = (free_head + 1) % MAX_SLOTS;
		free_count--;
	} else {
		s = next_fresh_slot++;
	}
	return s;
}

/* Registry lock held. The traces of the last SLOT_TRACES_KEPT returned slots
 * are kept for the previous stacks of their threads' accesses; older ones
 * are dropped, so a program that churns threads holds a few rings, not
 * one per quarantined slot. */
#define SLOT_TRACES_KEPT 8
static void slot_release(unsigned s)
{
	free_slots[(free_head + free_count) % MAX_SLOTS] = s;
	free_count++;
	if (free_count > SLOT_TRACES_KEPT) {
		unsigned old = free_slots[(free_head + free_count - 1 -
					   SLOT_TRACES_KEPT) %
					  MAX_SLOTS];
		if (slots[old].trace)
			trace_drop(slots[old].trace);
	}
}

/* Registry lock held. The thread's slot becomes reusable (its state is
 * freed when that happens) and its context retires. */
static void thread_retire(struct thread_ctx *ctx)
{
	if (ctx->thr) {
		slots[ctx->slot].retired = ctx->thr;
		ctx->thr = NULL;
		slot_release(ctx->slot);
	}
	ctx_retire(ctx);
}

static void zombie_add(struct thread_ctx *ctx)
{
	struct zombie *z = internal_alloc(sizeof(*z));
	z->ctx = ctx;
	z->tid = ctx->tid;
	z->next = NULL;
	if (zombies_tail)
		zombies_tail->next = z;
	else
		zombies_head = z;
	zombies_tail = z;
}

/* Registry lock held. Retires the oldest finished detached threads whose
 * kernel thread is gone (a few per call: thread creation pays for it). A
 * reused tid only delays the retirement. */
static void reap_zombies(void)
{
	for (int i = 0; i < 4 && zombies_head; i++) {
		struct zombie *z = zombies_head;
		if (syscall(SYS_tgkill, getpid(), z->tid, 0) == 0 ||
		    errno != ESRCH)
			break;
		zombies_head = z->next;
		if (!zombies_head)
			zombies_tail = NULL;
		thread_retire(z->ctx);
		internal_free(z, sizeof(*z));
	}
}

static void free_thread_state(struct crace_thread *thr)
{
	vc_free(&thr->vc);
	vc_free(&thr->fence_rel);
	vc_free(&thr->fence_acq);
	lock_set_free(thr->locks);
	internal_free(thr, sizeof(*thr));
}

/* Binds ctx to a new per-thread state on a fresh or reused slot. */
static struct crace_thread *thread_attach(struct thread_ctx *ctx)
{
	struct crace_thread *thr = internal_alloc(sizeof(*thr));
	struct crace_thread *retired;
	thr->uid = ctx->uid;
	thr->ctx = ctx;
	vc_init(&thr->vc);
	vc_copy(&thr->vc, &ctx->start_vc);
	vc_free(&ctx->start_vc);

	spin_lock(&registry_lock);
	reap_zombies();
	unsigned s = slot_acquire();
	struct slot_info *si = &slots[s];
	if (!si->trace)
		si->trace = trace_create();
	if (!si->stack) {
		si->stack = internal_mmap(SHADOW_STACK_MAX * sizeof(uptr),
					  "shadow stack");
		si->stack_sp = internal_mmap(SHADOW_STACK_MAX * sizeof(uptr),
					     "shadow stack");
	}
	thr->stack = si->stack;
	thr->stack_sp = si->stack_sp;
	retired = si->retired;
	si->retired = NULL;
	thr->slot = s;
	thr->clock = ++si->clock;
	thr->trace = si->trace;
	if (si->nhist == SLOT_HISTORY) {
		memmove(si->hist, si->hist + 1,
			(SLOT_HISTORY - 1) * sizeof(si->hist[0]));
		si->nhist--;
	}
	si->hist[si->nhist++] = (struct slot_occupant){thr->clock, ctx->uid};
	ctx->slot = s;
	ctx->tid = gettid();
	ctx->start_clock = thr->clock;
	ctx->thr = thr;
	spin_unlock(&registry_lock);

	if (retired)
		free_thread_state(retired);
	vc_set(&thr->vc, s, thr->clock);
	crace_cur = thr;
	thread_set_epoch(thr);
	trace_put(thr, EV_START << EV_KIND_SHIFT);
	trace_put(thr, (EV_EPOCH << EV_KIND_SHIFT) | thr->clock);
	return thr;
}

/* Runs with the thread attached: pthread_getattr_np allocates, and the
 * allocation must pass through the malloc interceptor untracked. */
static void record_stack_range(struct thread_ctx *ctx, uptr frame)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;
	struct crace_thread *thr = crace_cur;
	if (thr)
		runtime_enter(thr);
	int err = pthread_getattr_np(pthread_self(), &attr);
	if (thr)
		runtime_exit(thr);
	if (err)
		return;
	if (!pthread_attr_getstack(&attr, &addr, &size)) {
		/* Reports read these from other threads. */
		spin_lock(&registry_lock);
		ctx->stack_lo = (uptr)addr;
		ctx->stack_hi = (uptr)addr + size;
		/* glibc puts static TLS at the top of the thread's stack block,
		 * above the outermost frame the thread runs. */
		ctx->tls_lo = frame;
		spin_unlock(&registry_lock);
	}
	pthread_attr_destroy(&attr);
}

void thread_init_main(void)
{
	slots = internal_mmap(MAX_SLOTS * sizeof(*slots), "thread slots");
	spin_lock(&registry_lock);
	struct thread_ctx *ctx = ctx_new(-1, 0);
	spin_unlock(&registry_lock);
	ctx->pth = pthread_self();
	thread_attach(ctx);
	record_stack_range(ctx, ~(uptr)0);
}

struct crace_thread *thread_adopt(void)
{
	spin_lock(&registry_lock);
	struct thread_ctx *ctx = ctx_new(-1, 0);
	spin_unlock(&registry_lock);
	ctx->pth = pthread_self();
	struct crace_thread *thr = thread_attach(ctx);
	record_stack_range(ctx, ~(uptr)0);
	return thr;
}

struct thread_ctx *thread_prepare_child(struct crace_thread *parent,
					stack_handle create_stack,
					bool detached)
{
	spin_lock(&registry_lock);
	struct thread_ctx *ctx = ctx_new(parent->uid, create_stack);
	ctx->detached = detached;
	spin_unlock(&registry_lock);
	vc_copy(&ctx->start_vc, &parent->vc);
	thread_tick(parent);
	return ctx;
}

void thread_forget_create(struct thread_ctx *ctx)
{
	spin_lock(&registry_lock);
	ctx->state = THREAD_FINISHED;
	ctx->joined = true;
	thread_retire(ctx);
	spin_unlock(&registry_lock);
}

/* Maps pth to ctx for join and detach. Both the parent (once
 * pthread_create returns) and the child (when it starts) do it, whichever
 * comes first, so a join or detach right after the create finds it. */
static void map_pthread(struct thread_ctx *ctx, pthread_t pth)
{
	struct pth_entry *e = internal_alloc(sizeof(*e));
	e->pth = pth;
	e->ctx = ctx;
	spin_lock(&registry_lock);
	ctx->pth = pth;
	struct pth_entry *old;
	HASH_FIND(hh, by_pthread, &e->pth, sizeof(pthread_t), old);
	if ((old && old->ctx == ctx) || ctx->detached || ctx->joined) {
		spin_unlock(&registry_lock);
		internal_free(e, sizeof(*e));
		return;
	}
	if (old) {
		/* A finished thread's id, reused. */
		HASH_DEL(by_pthread, old);
		internal_free(old, sizeof(*old));
	}
	HASH_ADD(hh, by_pthread, pth, sizeof(pthread_t), e);
	spin_unlock(&registry_lock);
}

void thread_created(struct thread_ctx *ctx, pthread_t pth)
{
	map_pthread(ctx, pth);
}

void thread_start(struct thread_ctx *ctx, uptr outer_frame)
{
	thread_attach(ctx);
	record_stack_range(ctx, outer_frame);
	/* A cached stack may hold an earlier thread's records, and the
	 * clocks of the mutexes and atomics that lived in its frames. */
	shadow_reset(ctx->stack_lo, ctx->stack_hi - ctx->stack_lo);
	sync_reset_range(ctx->stack_lo, ctx->stack_hi - ctx->stack_lo);
	map_pthread(ctx, pthread_self());
}

u64 thread_epoch(const struct crace_thread *thr)
{
	bool ignoring = thr->ignore_reads || thr->ignore_writes;
	return rec_epoch(thr->slot, ignoring ? 0 : thr->clock);
}

/* Each instrumented module's epoch copy as an offset from the thread
 * pointer: initial-exec TLS lies at the same offset in every thread. A
 * module past the first MAX_EPOCH_COPIES keeps 0 there, which no record
 * matches: its accesses all take the hooks' path, slower but exact. */
#define MAX_EPOCH_COPIES 64
static uptr epoch_copies[MAX_EPOCH_COPIES];
static u32 n_epoch_copies;
static struct spinlock epoch_copies_lock = SPINLOCK_INIT;

static uptr thread_pointer(void)
{
	uptr tp;
	__asm__("mov %%fs:0, %0" : "=r"(tp));
	return tp;
}

void thread_set_epoch(struct crace_thread *thr)
{
	u64 epoch = thread_epoch(thr);
	thr->epoch = epoch;
	if (thr != crace_cur)
		return;
	uptr tp = thread_pointer();
	u32 n = load_acquire(&n_epoch_copies);
	/* Usually one module: not unrolled (every release runs this). */
#pragma clang loop unroll(disable)
	for (u32 i = 0; i < n; i++)
		*(u64 *)(tp + epoch_copies[i]) = epoch;
}

void thread_add_epoch_copy(u64 *copy)
{
	uptr off = (uptr)copy - thread_pointer();
	spin_lock(&epoch_copies_lock);
	u32 n = n_epoch_copies, i = 0;
	while (i < n && epoch_copies[i] != off)
		i++;
	if (i == n && n < MAX_EPOCH_COPIES) {
		epoch_copies[n] = off;
		store_release(&n_epoch_copies, n + 1);
	}
	spin_unlock(&epoch_copies_lock);
	struct crace_thread *thr = crace_cur;
	if (thr)
		*copy = thr->epoch;
}

void thread_fork_lock(void)
{
	spin_lock(&registry_lock);
}

void thread_fork_unlock(void)
{
	spin_unlock(&registry_lock);
}

void thread_fork_child(struct crace_thread *survivor)
{
	spin_lock(&registry_lock);
	for (struct ctx_node *n = contexts; n; n = n->hh.next) {
		struct thread_ctx *c = &n->ctx;
		if (c->uid == survivor->uid)
			continue;
		if (c->state == THREAD_RUNNING)
			c->state = THREAD_FINISHED;
		/* Not the child's to join: no leak reports for them. */
		c->joined = true;
	}
	for (unsigned s = 0; s < next_fresh_slot; s++)
		if (vc_get(&survivor->vc, s) < slots[s].clock)
			vc_set(&survivor->vc, s, slots[s].clock);
	survivor->ctx->tid = gettid();
	spin_unlock(&registry_lock);
}

void thread_tick(struct crace_thread *thr)
{
	u64 c = ++thr->clock;
	if (unlikely(c > REC_MAX_CLOCK))
		crace_die("thread clock overflow after %llu synchronisations",
			  (unsigned long long)REC_MAX_CLOCK);
	thr->vc.clk[thr->slot] = c;
	thread_set_epoch(thr);
	store_relaxed(&slots[thr->slot].clock, c);
	trace_put(thr, (EV_EPOCH << EV_KIND_SHIFT) | c);
}

void thread_finish(struct crace_thread *thr)
{
	if (thr->finished)
		return;
	thread_tick(thr);
	struct thread_ctx *ctx = thr->ctx;
	spin_lock(&registry_lock);
	ctx->state = THREAD_FINISHED;
	thr->finished = true;
	if (ctx->detached)
		zombie_add(ctx);
	else
		vc_copy(&ctx->final_vc, &thr->vc);
	spin_unlock(&registry_lock);
}

static struct pth_entry *find_pthread(pthread_t pth)
{
	struct pth_entry *e;
	HASH_FIND(hh, by_pthread, &pth, sizeof(pthread_t), e);
	return e;
}

struct thread_ctx *thread_join_target(pthread_t child)
{
	spin_lock(&registry_lock);
	struct pth_entry *e = find_pthread(child);
	struct thread_ctx *ctx = e ? e->ctx : NULL;
	spin_unlock(&registry_lock);
	return ctx;
}

void thread_joined(struct crace_thread *joiner, struct thread_ctx *ctx)
{
	spin_lock(&registry_lock);
	if (ctx->joined) {
		spin_unlock(&registry_lock);
		return;
	}
	/* The id may already name a new thread (glibc reuses it as soon as
	 * the join returns): drop the entry only if it is still ours. */
	struct pth_entry *e = find_pthread(ctx->pth);
	if (e && e->ctx == ctx) {
		HASH_DEL(by_pthread, e);
		internal_free(e, sizeof(*e));
	}
	ctx->joined = true;
	vc_join(&joiner->vc, &ctx->final_vc);
	/* pthread_join returned: the thread has run its last instruction, so
	 * its state can go right away. */
	struct crace_thread *dead = ctx->thr;
	ctx->thr = NULL;
	slot_release(ctx->slot);
	ctx_retire(ctx);
	spin_unlock(&registry_lock);
	if (dead)
		free_thread_state(dead);
}

void thread_detached(pthread_t child)
{
	spin_lock(&registry_lock);
	struct pth_entry *e = find_pthread(child);
	if (e) {
		struct thread_ctx *ctx = e->ctx;
		ctx->detached = true;
		HASH_DEL(by_pthread, e);
		internal_free(e, sizeof(*e));
		if (ctx->state == THREAD_FINISHED)
			zombie_add(ctx);
	}
	spin_unlock(&registry_lock);
}

int thread_uid_of_epoch(unsigned slot, u64 clock)
{
	int uid = -1;
	spin_lock(&registry_lock);
	struct slot_info *si = &slots[slot];
	for (u32 i = si->nhist; i > 0; i--) {
		if (si->hist[i - 1].start_clock <= clock) {
			uid = si->hist[i - 1].uid;
			break;
		}
	}
	spin_unlock(&registry_lock);
	return uid;
}

bool thread_ctx_copy(int uid, struct thread_ctx *out)
{
	struct ctx_node *n;
	spin_lock(&registry_lock);
	HASH_FIND_INT(contexts, &uid, n);
	if (n)
		*out = n->ctx;
	spin_unlock(&registry_lock);
	return n != NULL;
}

int thread_owning_stack(uptr addr, bool *is_tls)
{
	int uid = -1;
	spin_lock(&registry_lock);
	for (struct ctx_node *n = contexts; n; n = n->hh.next) {
		struct thread_ctx *c = &n->ctx;
		if (c->state == THREAD_RUNNING && c->uid > uid &&
		    addr >= c->stack_lo && addr < c->stack_hi) {
			uid = c->uid;
			*is_tls = addr >= c->tls_lo;
		}
	}
	spin_unlock(&registry_lock);
	return uid;
}

struct trace *thread_slot_trace(unsigned slot)
{
	return load_relaxed(&slots[slot].trace);
}

u32 thread_leaks(int *uids, u32 max)
{
	u32 n = 0;
	spin_lock(&registry_lock);
	/* Unjoined threads are never retired, so all of them are here; the
	 * table is in creation order. */
	for (struct ctx_node *nd = contexts; nd && n < max; nd = nd->hh.next) {
		const struct thread_ctx *c = &nd->ctx;
		if (c->uid > 0 && c->state == THREAD_FINISHED && !c->joined &&
		    !c->detached && c->create_stack)
			uids[n++] = c->uid;
	}
	spin_unlock(&registry_lock);
	return n;
}
