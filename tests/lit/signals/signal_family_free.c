// signal, bsd_signal, sysv_signal and sigaction with SA_RESETHAND all run
// the program's handler through crace, keep their semantics (one-shot
// handlers are reset to SIG_DFL) and show the program its own handlers.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <signal.h>
#include <stdio.h>
#include <string.h>

extern __sighandler_t bsd_signal(int, __sighandler_t);
int hits;

void on_sig(int sig)
{
	hits += sig;
}

int main(void)
{
	struct sigaction old;
	printf("signal returns old: %d\n",
	       signal(SIGUSR1, on_sig) == SIG_DFL &&
		       signal(SIGUSR1, on_sig) == on_sig);
	raise(SIGUSR1);
	sysv_signal(SIGUSR2, on_sig);
	raise(SIGUSR2);
	sigaction(SIGUSR2, 0, &old);
	printf("sysv one-shot: %d\n", old.sa_handler == SIG_DFL);
	bsd_signal(SIGHUP, on_sig);
	raise(SIGHUP);
	raise(SIGHUP);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGTERM, &sa, 0);
	sigaction(SIGTERM, 0, &old);
	printf("view: %d %d\n", old.sa_handler == on_sig,
	       old.sa_flags == SA_RESETHAND);
	raise(SIGTERM);
	sigaction(SIGTERM, 0, &old);
	printf("resethand: %d hits=%d\n", old.sa_handler == SIG_DFL, hits);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     signal returns old: 1
// CHECK:     sysv one-shot: 1
// CHECK:     view: 1 1
// CHECK:     resethand: 1 hits=39
// CHECK-NOT: WARNING: DATA RACE
