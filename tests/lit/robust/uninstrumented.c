// A program without instrumented code under the runtime: only
// synchronisation is tracked. At verbosity >= 1 the runtime says so, once;
// at the default verbosity it stays silent.
// RUN: %clang_plain -O1 -pthread %s -o %t
// RUN: env CRACE_OPTIONS=verbosity=1 %expect_exit 0 %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(grep -c 'no instrumented code' %t.out)" -eq 1
// RUN: %expect_exit 0 %run %t | FileCheck --check-prefix=QUIET %s
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	printf("main ran\n");
	return 0;
}

// CHECK: {{^}}crace: no instrumented code in this program: only synchronisation is tracked, no race can be found (build it with crace-cc){{$}}
// CHECK: main ran
// QUIET-NOT: crace:
// QUIET: main ran
