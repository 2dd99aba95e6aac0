/* longjmp and friends: before jumping, drop the shadow stack frames of the
 * functions the jump leaves (and the signal handlers it leaves), so later
 * stacks are right.
 *
 * The target is known by its stack pointer, which glibc keeps in the
 * jmp_buf mangled with the thread's pointer guard (PTR_MANGLE on x86-64:
 * xor with %fs:0x30, rotate left by 17). Every shadow frame records the
 * stack pointer of its function, so the frames below the target are the
 * ones to drop. setjmp itself needs no interceptor, which is just as well:
 * it must not return through a frame of ours. */
#include "interceptors.h"
#include "signals.h"
#include <setjmp.h>

DEFINE_REAL(void, longjmp, struct __jmp_buf_tag *, int);
DEFINE_REAL(void, _longjmp, struct __jmp_buf_tag *, int);
DEFINE_REAL(void, siglongjmp, struct __jmp_buf_tag *, int);
DEFINE_REAL(void, __longjmp_chk, struct __jmp_buf_tag *, int);

#define JB_RSP 6 /* glibc's x86-64 jmp_buf layout */

static uptr pointer_guard(void)
{
	uptr g;
	__asm__("mov %%fs:0x30, %0" : "=r"(g));
	return g;
}

static uptr saved_sp(struct __jmp_buf_tag *env)
{
	uptr v = (uptr)env->__jmpbuf[JB_RSP];
	return ((v >> 17) | (v << 47)) ^ pointer_guard();
}

/* Checks once that demangling gives back a stack pointer we know: if this
 * glibc keeps jmp_buf differently, longjmp is left alone. */
static NOINLINE bool demangling_works(void)
{
	static int works; /* 0 unknown, 1 yes, -1 no */
	int w = load_relaxed(&works);
	if (w)
		return w > 0;
	jmp_buf env;
	uptr frame = (uptr)__builtin_frame_address(0);
	w = -1;
	if (!_setjmp(env)) {
		uptr sp = saved_sp(env);
		if (sp < frame && frame - sp < 4096)
			w = 1;
	}
	store_relaxed(&works, w);
	return w > 0;
}

void longjmp_init(void)
{
	/* Resolved now: a longjmp may leave a signal handler. */
	CRACE_CHECK(REAL(longjmp) && REAL(_longjmp) && REAL(siglongjmp) &&
		    REAL(__longjmp_chk));
	demangling_works();
}

static void before_jump(struct __jmp_buf_tag *env)
{
	struct crace_thread *thr = crace_ready ? crace_cur : NULL;
	if (thr && demangling_works())
		signals_longjmp(thr, saved_sp(env),
				(uptr)__builtin_frame_address(0));
}

#define DEFINE_LONGJMP(f)                                                      \
	CRACE_EXPORT void f(struct __jmp_buf_tag *env, int val)                \
	{                                                                      \
		before_jump(env);                                              \
		REAL(f)(env, val);                                             \
		__builtin_unreachable();                                       \
	}
DEFINE_LONGJMP(longjmp)
DEFINE_LONGJMP(_longjmp)
DEFINE_LONGJMP(siglongjmp)
DEFINE_LONGJMP(__longjmp_chk)
