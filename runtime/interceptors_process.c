/* Process lifetime: main's exit status, exit and _exit, and fork. A process
 * that reported races (or lock bugs, or leaked threads, found on the way
 * out) prints "Found N data race(s)" and the like on its way out and, if
 * it would have exited 0, exits with `exitcode` (66) instead, as Go does.
 *
 * fork: every runtime lock is taken just before the process is copied (our
 * pthread_atfork handler, registered at start-up, runs after the program's
 * own prepare handlers and before its parent/child ones), so the child
 * never inherits a lock another thread held half-way through an update. The
 * child keeps only the forking thread; it reports (to its own log file with
 * log_path) and counts only the races it finds itself. exec needs nothing:
 * reports are written as they are found, and an instrumented new image
 * starts afresh. */
#include "alloc.h"
#include "annotations.h"
#include "deadlock.h"
#include "heap.h"
#include "interceptors.h"
#include "malloc_cache.h"
#include "options.h"
#include "output.h"
#include "report.h"
#include "report_leaks.h"
#include "report_locks.h"
#include "shadow.h"
#include "signals.h"
#include "spinlock.h"
#include "sync.h"
#include "unwind.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef int (*main_fn)(int, char **, char **);
DEFINE_REAL(int, __libc_start_main, main_fn, int, char **, void (*)(void),
	    void (*)(void), void (*)(void), void *);
DEFINE_REAL(void, exit, int);
DEFINE_REAL(void, _exit, int);

static main_fn real_main;
static int exit_status;

static int final_status(int status)
{
	report_summary();
	return report_count() && status == 0 ? crace_opts.exitcode : status;
}

/* Registered first at start-up, so it runs after the program's own atexit
 * handlers and static destructors. */
static void process_at_exit(void)
{
	/* The program's buffered output first: the summary ends the run. */
	fflush(NULL);
	/* Only here: a process leaving by _exit (a fork child, a crash
	 * handler) abandons its threads on purpose. */
	report_thread_leaks();
	int status = final_status(exit_status);
	if (status != exit_status)
		REAL(_exit)(status);
}

static int main_wrapper(int argc, char **argv, char **envp)
{
	crace_main_starting();
	exit(real_main(argc, argv, envp));
}

CRACE_EXPORT int __libc_start_main(main_fn main, int argc, char **argv,
				   void (*init)(void), void (*fini)(void),
				   void (*rtld_fini)(void), void *stack_end)
{
	real_main = main;
	return REAL(__libc_start_main)(main_wrapper, argc, argv, init, fini,
				       rtld_fini, stack_end);
}

CRACE_EXPORT void exit(int status)
{
	exit_status = status;
	REAL(exit)(status);
	__builtin_unreachable();
}

CRACE_EXPORT void _exit(int status)
{
	REAL(_exit)(crace_ready ? final_status(status) : status);
	__builtin_unreachable();
}

CRACE_EXPORT void _Exit(int status)
{
	_exit(status);
}

/* Whether this thread's fork_prepare took the locks. */
static __thread bool fork_locked;

static void fork_prepare(void)
{
	struct crace_thread *thr = crace_ready ? crace_cur : NULL;
	/* fork from a signal handler that interrupted the runtime: the locks
	 * this thread holds cannot be taken again. */
	if (!thr || thr->in_runtime || crace_locks_held)
		return;
	runtime_enter(thr);
	/* Outer locks first: each module may allocate under its own lock. */
	unwind_fork_lock();
	report_fork_lock();
	deadlock_fork_lock();
	thread_fork_lock();
	sync_fork_lock();
	heap_fork_lock();
	malloc_cache_fork_lock();
	annotations_fork_lock();
	shadow_fork_lock();
	alloc_fork_lock();
	fork_locked = true;
}

static void fork_unlock(void)
{
	alloc_fork_unlock();
	shadow_fork_unlock();
	annotations_fork_unlock();
	malloc_cache_fork_unlock();
	heap_fork_unlock();
	sync_fork_unlock();
	thread_fork_unlock();
	deadlock_fork_unlock();
	report_fork_unlock();
	unwind_fork_unlock();
}

static void fork_parent(void)
{
	if (!fork_locked)
		return;
	fork_locked = false;
	fork_unlock();
	runtime_exit(crace_cur);
}

static void fork_child(void)
{
	if (!fork_locked)
		return;
	fork_locked = false;
	fork_unlock();
	struct crace_thread *thr = crace_cur;
	thread_fork_child(thr);
	heap_fork_child(thr);
	report_fork_child();
	report_locks_fork_child();
	deadlock_fork_child();
	output_init();
	runtime_exit(thr);
}

/* The vfork child would share the parent's runtime state while it runs
 * instrumented code; a fork child is a correct vfork child too. */
CRACE_EXPORT pid_t vfork(void)
{
	return fork();
}

void process_init(void)
{
	atexit(process_at_exit);
	pthread_atfork(fork_prepare, fork_parent, fork_child);
	signals_init();
	longjmp_init();
}
