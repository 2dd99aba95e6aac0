/* Signal handlers, signal delivery as synchronisation, and crash handling.
 *
 * Handlers. sigaction and signal install our wrapper in the kernel and
 * keep the program's handler in a table. The wrapper runs the handler on
 * the interrupted thread, as that thread. If the signal interrupted the
 * runtime itself (a runtime lock held, in_runtime set, or the interrupted
 * pc inside libcrace.so), the handler runs with in_runtime and hooks_off
 * raised: its instrumented code is neither checked nor traced and its
 * intercepted calls pass straight through, so the runtime is never re-entered
 * half-way through an update and never waits for a lock its own thread holds.
 * Such a handler's races may be missed; the others are checked like any code.
 *
 * Happens-before. kill/sigqueue to our own process release to a sync object
 * per signal number, pthread_kill/raise to one per target thread; a
 * handler starting and sigwait & co. returning acquire both.
 *
 * Crashes. Where the program keeps the default action of SIGSEGV, SIGBUS,
 * SIGABRT, SIGFPE or SIGILL, a handler prints "Found N data race(s)" and
 * lets the signal kill the process as it would have without crace. A
 * handler the program installs later replaces ours. */
#include "interceptors.h"
#include "report.h"
#include "signals.h"
#include "spinlock.h"
#include "sync.h"
#include <errno.h>
#include <signal.h>
#include <ucontext.h>
#include <unistd.h>

DEFINE_REAL(int, sigaction, int, const struct sigaction *, struct sigaction *);
DEFINE_REAL(int, kill, pid_t, int);
DEFINE_REAL(int, sigqueue, pid_t, int, const union sigval);
DEFINE_REAL(int, pthread_kill, pthread_t, int);
DEFINE_REAL(int, raise, int);
DEFINE_REAL(int, sigwait, const sigset_t *, int *);
DEFINE_REAL(int, sigwaitinfo, const sigset_t *, siginfo_t *);
DEFINE_REAL(int, sigtimedwait, const sigset_t *, siginfo_t *,
	    const struct timespec *);

/* The program's view: its handler (SIG_DFL/SIG_IGN or a function) and its
 * sa_flags, per signal. Read by the wrapper, so plain words. */
static uptr user_handler[NSIG];
static int user_flags[NSIG];

/* Sync objects for signals sent to the whole process, one per signal, and
 * for signals sent to a thread, by a hash of its pthread_t (a collision
 * only adds an edge). In the runtime's memory: a pthread_t points into the
 * thread's stack block, whose sync objects are reset when a thread starts
 * there, maybe after a signal was sent to it. */
static char process_signal[NSIG];
static char thread_signal[4096];

static uptr thread_key(pthread_t th)
{
	return (uptr)&thread_signal[((uptr)th >> 4) * 0x9E3779B97F4A7C15ull >>
				    52];
}

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};

static bool wrappable(int sig)
{
	return sig > 0 && sig < NSIG && sig != SIGKILL && sig != SIGSTOP;
}

static bool interrupted_runtime(struct crace_thread *thr, void *uc)
{
	uptr pc = ((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
	return thr->in_runtime || crace_locks_held || pc_in_runtime(pc);
}

static void acquire_signal(struct crace_thread *thr, int sig)
{
	if (sig > 0 && sig < NSIG)
		sync_acquire(thr, (uptr)&process_signal[sig]);
	sync_acquire(thr, thread_key(pthread_self()));
}

static void call_handler(uptr h, int flags, int sig, siginfo_t *info, void *uc)
{
	if (flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))h)(sig, info, uc);
	else
		((void (*)(int))h)(sig);
}

static void signal_wrapper(int sig, siginfo_t *info, void *uc)
{
	int saved_errno = errno;
	uptr h = load_relaxed(&user_handler[sig]);
	int flags = load_relaxed(&user_flags[sig]);
	if (flags & SA_RESETHAND) /* the kernel reset the real one */
		store_relaxed(&user_handler[sig], (uptr)SIG_DFL);
	if (h == (uptr)SIG_IGN)
		return;
	if (h == (uptr)SIG_DFL) {
		/* Changed while the signal was on its way: take the default
		 * action once we return and the signal is unblocked. */
		struct sigaction dfl = {.sa_handler = SIG_DFL};
		REAL(sigaction)(sig, &dfl, NULL);
		REAL(raise)(sig);
		errno = saved_errno;
		return;
	}
	struct crace_thread *thr = crace_ready ? crace_cur : NULL;
	if (!thr) {
		call_handler(h, flags, sig, info, uc);
		return;
	}
	bool ignore = interrupted_runtime(thr, uc);
	u32 n = thr->sig_nest++;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (n < SIG_NEST_MAX) {
		struct sig_mark *m = &thr->sig_marks[n];
		m->depth = thr->depth;
		m->in_runtime = thr->in_runtime;
		m->hooks_off = thr->hooks_off;
		m->handler_frame = (uptr)__builtin_frame_address(0);
		m->interrupted_sp =
			((ucontext_t *)uc)->uc_mcontext.gregs[REG_RSP];
	}
	if (ignore) {
		thr->in_runtime++;
		thr->hooks_off++;
	} else
		acquire_signal(thr, sig);
	errno = saved_errno;
	call_handler(h, flags, sig, info, uc);
	saved_errno = errno;
	if (n < SIG_NEST_MAX)
		thread_stack_truncate(thr, thr->sig_marks[n].depth);
	if (ignore) {
		thr->hooks_off--;
		thr->in_runtime--;
	}
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	thr->sig_nest--;
	errno = saved_errno;
}

void signals_longjmp(struct crace_thread *thr, uptr target_sp, uptr cur_sp)
{
	while (thr->sig_nest) {
		u32 n = thr->sig_nest - 1;
		if (n < SIG_NEST_MAX) {
			struct sig_mark *m = &thr->sig_marks[n];
			/* A target inside the handler lies between us and the
			 * handler's outermost frame, whatever stack it uses. */
			if (target_sp >= cur_sp && target_sp < m->handler_frame)
				break;
			thread_stack_truncate(thr, m->depth);
			thr->in_runtime = m->in_runtime;
			thr->hooks_off = m->hooks_off;
		}
		thr->sig_nest = n;
	}
	thread_stack_unwind(thr, target_sp);
}

/* --- installing handlers --- */

static void fatal_handler(int sig, siginfo_t *info, void *uc)
{
	(void)uc;
	/* Printing allocates: not if this thread died holding a runtime lock
	 * (a crash in crace itself). */
	if (!crace_locks_held)
		report_summary();
	/* SA_RESETHAND restored the default action. A fault (si_code > 0)
	 * happens again on return; a sent signal is sent again. */
	if (info->si_code <= 0)
		REAL(raise)(sig);
}

static uptr handler_of(const struct sigaction *a)
{
	return (a->sa_flags & SA_SIGINFO) ? (uptr)a->sa_sigaction
					  : (uptr)a->sa_handler;
}

/* What the kernel has, as the program should see it. */
static void user_view(struct sigaction *old, uptr prev_handler, int prev_flags)
{
	uptr h = (uptr)old->sa_handler; /* a union with sa_sigaction */
	if (h == (uptr)signal_wrapper) {
		old->sa_flags = prev_flags;
		if (prev_flags & SA_SIGINFO)
			old->sa_sigaction = (void (*)(int, siginfo_t *,
						      void *))prev_handler;
		else
			old->sa_handler = (void (*)(int))prev_handler;
	} else if (h == (uptr)fatal_handler) {
		old->sa_handler = SIG_DFL;
		old->sa_flags = 0;
		sigemptyset(&old->sa_mask);
	}
}

CRACE_EXPORT int sigaction(int sig, const struct sigaction *act,
			   struct sigaction *old)
{
	if (!wrappable(sig))
		return REAL(sigaction)(sig, act, old);
	uptr prev_handler = load_relaxed(&user_handler[sig]);
	int prev_flags = load_relaxed(&user_flags[sig]);
	struct sigaction wrapped;
	const struct sigaction *k = act;
	/* Read before the call: act and old may be the same struct. */
	uptr h = act ? handler_of(act) : 0;
	int flags = act ? act->sa_flags : 0;
	if (act && h != (uptr)SIG_DFL && h != (uptr)SIG_IGN) {
		/* The table first: the signal may come right after. */
		store_relaxed(&user_flags[sig], flags);
		store_relaxed(&user_handler[sig], h);
		wrapped = *act;
		wrapped.sa_sigaction = signal_wrapper;
		wrapped.sa_flags |= SA_SIGINFO;
		k = &wrapped;
	}
	int r = REAL(sigaction)(sig, k, old);
	if (r == 0 && act && k == act) {
		store_relaxed(&user_flags[sig], flags);
		store_relaxed(&user_handler[sig], h);
	} else if (r != 0 && k != act) {
		store_relaxed(&user_handler[sig], prev_handler);
		store_relaxed(&user_flags[sig], prev_flags);
	}
	if (r == 0 && old)
		user_view(old, prev_handler, prev_flags);
	return r;
}

/* The signal() family, through our sigaction. */
static sighandler_t install(int sig, sighandler_t handler, int flags,
			    bool block_self)
{
	struct sigaction act = {.sa_handler = handler, .sa_flags = flags};
	struct sigaction old;
	sigemptyset(&act.sa_mask);
	if (block_self && sig > 0 && sig < NSIG)
		sigaddset(&act.sa_mask, sig);
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/* glibc's signal() has BSD semantics. */
CRACE_EXPORT sighandler_t signal(int sig, sighandler_t handler)
{
	return install(sig, handler, SA_RESTART, true);
}

CRACE_EXPORT sighandler_t bsd_signal(int sig, sighandler_t handler)
{
	return install(sig, handler, SA_RESTART, true);
}

CRACE_EXPORT sighandler_t sysv_signal(int sig, sighandler_t handler)
{
	return install(sig, handler, SA_RESETHAND | SA_NODEFER, false);
}

void signals_init(void)
{
	/* Resolved now: dlsym is no business for a crash handler. */
	CRACE_CHECK(REAL(raise) && REAL(sigaction));
	for (unsigned i = 0; i < ARRAY_SIZE(fatal_signals); i++) {
		struct sigaction cur;
		int sig = fatal_signals[i];
		if (REAL(sigaction)(sig, NULL, &cur) || handler_of(&cur) ||
		    (cur.sa_flags & SA_SIGINFO))
			continue; /* not SIG_DFL (SIG_DFL is 0) */
		struct sigaction act = {
			.sa_sigaction = fatal_handler,
			.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER |
				    SA_ONSTACK,
		};
		sigemptyset(&act.sa_mask);
		REAL(sigaction)(sig, &act, NULL);
	}
}

/* --- sending and receiving --- */

static void release_to(uptr key)
{
	struct crace_thread *thr = intercept_thread();
	if (thr)
		sync_release(thr, key);
}

static bool to_self(pid_t pid)
{
	return pid == 0 || pid == getpid();
}

CRACE_EXPORT int kill(pid_t pid, int sig)
{
	if (sig > 0 && sig < NSIG && to_self(pid))
		release_to((uptr)&process_signal[sig]);
	return REAL(kill)(pid, sig);
}

CRACE_EXPORT int sigqueue(pid_t pid, int sig, const union sigval value)
{
	if (sig > 0 && sig < NSIG && to_self(pid))
		release_to((uptr)&process_signal[sig]);
	return REAL(sigqueue)(pid, sig, value);
}

CRACE_EXPORT int pthread_kill(pthread_t th, int sig)
{
	if (sig)
		release_to(thread_key(th));
	return REAL(pthread_kill)(th, sig);
}

CRACE_EXPORT int raise(int sig)
{
	if (sig)
		release_to(thread_key(pthread_self()));
	return REAL(raise)(sig);
}

static int received(int sig)
{
	struct crace_thread *thr = intercept_thread();
	if (sig > 0 && thr)
		acquire_signal(thr, sig);
	return sig;
}

CRACE_EXPORT int sigwait(const sigset_t *set, int *sig)
{
	int r = REAL(sigwait)(set, sig);
	if (r == 0)
		received(*sig);
	return r;
}

CRACE_EXPORT int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return received(REAL(sigwaitinfo)(set, info));
}

CRACE_EXPORT int sigtimedwait(const sigset_t *set, siginfo_t *info,
			      const struct timespec *timeout)
{
	return received(REAL(sigtimedwait)(set, info, timeout));
}
