/* Per-thread state and the thread registry.
 *
 * Names and slots. Every thread gets a unique id in creation order (T0 is
 * the main thread); reports name threads by it. Access records name a
 * thread by its *slot* instead (16 bits, see shadow.h), so records stay
 * small. A slot is returned when its thread has been joined (or, detached,
 * has exited: see reap_zombies in thread.c) and is reused FIFO after a
 * quarantine of SLOT_QUARANTINE other returns; the next occupant continues the
 * slot's clock, so epochs of one slot only grow and (slot, clock) still names
 * one thread's access. */
#ifndef CRACE_THREAD_H
#define CRACE_THREAD_H

#include "common.h"
#include "stackdepot.h"
#include "vclock.h"
#include <pthread.h>
#include <sys/types.h>

#define MAX_SLOTS	65536
#define SLOT_QUARANTINE 64
/* Shadow stack capacity; deeper frames are counted but not recorded. */
#define SHADOW_STACK_MAX (1u << 16)

/* Signal handlers nested deeper than this on one thread are still run, but
 * a longjmp out of them cannot restore the runtime's view of the thread. */
#define SIG_NEST_MAX 16

struct lock_set;
struct trace;
struct thread_ctx;

/* A signal handler running on the thread: what to restore when it returns
 * or is left by longjmp (see interceptors_signal.c). */
struct sig_mark {
	u32 depth;	     /* shadow stack depth when the signal arrived */
	int in_runtime;	     /* in_runtime when the signal arrived */
	int hooks_off;	     /* hooks_off when the signal arrived */
	uptr handler_frame;  /* the handler's outermost frame */
	uptr interrupted_sp; /* stack pointer of the interrupted code */
};

struct crace_thread {
	/* Hot: touched by every access or call. */
	u64 epoch; /* rec_epoch(slot, clock) */
	uptr *stack;
	uptr *stack_sp; /* each shadow frame's stack pointer, for longjmp */
	u32 depth;
	/* > 0 while the runtime works on this thread's behalf, or while a
	 * signal handler that interrupted the runtime runs: interceptors pass
	 * straight through and atomics take no lock. */
	int in_runtime;
	/* > 0 while a signal handler that interrupted the runtime runs: the
	 * hooks of its instrumented code neither check nor trace, so the
	 * runtime is never re-entered half-way through an update. */
	int hooks_off;
	struct trace *trace;
	/* Warm: slow paths and sync operations. */
	struct vclock vc;
	u64 clock;
	unsigned slot;
	int uid;
	bool finished;
	struct thread_ctx *ctx;
	/* C11 fences (atomic.c): the clock at the last release fence, which
	 * relaxed stores publish once fence_released is set, and the clocks
	 * relaxed loads read, which the next acquire fence joins. */
	bool fence_released;
	struct vclock fence_rel;
	struct vclock fence_acq;
	/* Annotations (annotations.c): while either is non-zero, epoch holds
	 * clock 0 so every access takes the slow path, which skips the
	 * ignored kinds. */
	int ignore_reads, ignore_writes;
	u32 sig_nest;
	struct sig_mark sig_marks[SIG_NEST_MAX];
	struct lock_set *locks; /* held locks (held_locks.h), NULL until the
				   first lock */
};

enum thread_state { THREAD_RUNNING, THREAD_FINISHED };

/* What the registry keeps about a thread, also after it has ended, for
 * reports: kept until thousands of later threads have ended too. */
struct thread_ctx {
	int uid;
	int parent_uid;
	stack_handle create_stack;
	enum thread_state state;
	bool detached;
	bool joined;
	unsigned slot;
	u64 start_clock;
	pthread_t pth;
	pid_t tid;
	struct vclock start_vc;	 /* parent's clock at pthread_create */
	struct vclock final_vc;	 /* the thread's clock at exit, for join */
	uptr stack_lo, stack_hi; /* [lo, hi): stack and static TLS */
	uptr tls_lo;		 /* static TLS is [tls_lo, stack_hi) */
	struct crace_thread *thr;
};

extern __thread struct crace_thread *crace_cur;

/* Registers a thread the runtime has not seen (created before start-up or
 * behind its back), with no history. */
struct crace_thread *thread_adopt(void);

/* The thread's kernel tid, as gettid() gives it, without the system call
 * (recorded when the thread registered, again in a fork child). */
static inline pid_t thread_tid(const struct crace_thread *thr)
{
	return thr->ctx->tid;
}

/* The calling thread's state. */
static ALWAYS_INLINE struct crace_thread *cur_thread(void)
{
	struct crace_thread *thr = crace_cur;
	return likely(thr) ? thr : thread_adopt();
}

void thread_init_main(void);
/* Called in the parent by pthread_create: a new context for the child
 * (detached: created with PTHREAD_CREATE_DETACHED). */
struct thread_ctx *thread_prepare_child(struct crace_thread *parent,
					stack_handle create_stack,
					bool detached);
/* pthread_create succeeded: the parent knows the child's pthread_t. */
void thread_created(struct thread_ctx *ctx, pthread_t pth);
/* First thing the child runs; outer_frame is the frame address of the
 * thread's outermost function (static TLS lies above it). */
void thread_start(struct thread_ctx *ctx, uptr outer_frame);
/* Last instrumented moment of a thread: pthread_exit or return. */
void thread_finish(struct crace_thread *thr);
/* pthread_join returned: acquire the child's final clock, retire it. */
/* The thread a join of `child` is about to wait for, looked up before the
 * real join (after it, glibc may hand the id to a new thread); NULL if
 * unknown. */
struct thread_ctx *thread_join_target(pthread_t child);
void thread_joined(struct crace_thread *joiner, struct thread_ctx *ctx);
void thread_detached(pthread_t child);
void thread_forget_create(struct thread_ctx *ctx); /* pthread_create failed */

/* The epoch the fast path compares records with (thr->epoch): it names
 * clock 0, which no record has, while the thread ignores some accesses, so
 * they all take the slow path (see annotations.c). */
u64 thread_epoch(const struct crace_thread *thr);
/* Sets thr->epoch from its clock and, when thr is the calling thread,
 * copies it into every instrumented module's TLS copy, which the inline
 * fast path emitted by the pass reads (crace_abi.h). */
void thread_set_epoch(struct crace_thread *thr);
/* __crace_init: a module's copy, in the calling thread's TLS. */
void thread_add_epoch_copy(u64 *copy);
/* fork: the registry lock is held across it; in the child, every other
 * thread is gone and everything they did happens before what the survivor
 * does next. */
void thread_fork_lock(void);
void thread_fork_unlock(void);
void thread_fork_child(struct crace_thread *survivor);

/* Advance the thread's clock after a release operation. */
void thread_tick(struct crace_thread *thr);

/* Registry queries for reports (take the registry lock). */
int thread_uid_of_epoch(unsigned slot, u64 clock);
bool thread_ctx_copy(int uid, struct thread_ctx *out);
int thread_owning_stack(uptr addr, bool *is_tls);
struct trace *thread_slot_trace(unsigned slot);
/* Threads created by pthread_create that finished but were neither joined
 * nor detached: up to max uids, in creation order; returns the count. */
u32 thread_leaks(int *uids, u32 max);

/* The calling thread's shadow stack as pcs, innermost first, topped with
 * `pc`; returns the count (at most max). */
u32 thread_stack_pcs(struct crace_thread *thr, uptr pc, uptr *out, u32 max);
stack_handle thread_stack_handle(struct crace_thread *thr, uptr pc0, uptr pc1);
/* A longjmp to a frame whose stack pointer is sp: drops the shadow frames
 * of the functions it leaves (those deeper, at lower addresses). */
void thread_stack_unwind(struct crace_thread *thr, uptr sp);
/* Drops shadow frames down to `depth` (a signal handler left by longjmp). */
void thread_stack_truncate(struct crace_thread *thr, u32 depth);

static inline void runtime_enter(struct crace_thread *thr)
{
	thr->in_runtime++;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static inline void runtime_exit(struct crace_thread *thr)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	thr->in_runtime--;
}

#endif
