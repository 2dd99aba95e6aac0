/* Process lifetime: main's exit status, exit and _exit. A process that
 * reported races prints "Found N data race(s)" on its way out and, if it
 * would have exited 0, exits with `exitcode` (66) instead, as Go does. */
#include "interceptors.h"
#include "options.h"
#include "report.h"
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
void process_at_exit(void)
{
	int status = final_status(exit_status);
	if (status != exit_status) {
		fflush(NULL);
		REAL(_exit)(status);
	}
}

static int main_wrapper(int argc, char **argv, char **envp)
{
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
