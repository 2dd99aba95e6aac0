// log_path with many processes writing at once: each forked child reports
// its race into its own <log_path>.<pid> file, nothing is lost and no file
// holds another process's report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: rm -f %t.log.*
// RUN: env CRACE_OPTIONS=log_path=%t.log %expect_exit 0 %run %t > %t.out
// RUN: FileCheck --check-prefix=OUT %s < %t.out
// RUN: cat %t.log.* | grep -c "WARNING: DATA RACE" | FileCheck --check-prefix=COUNT %s
// RUN: cat %t.log.* | grep -c "^Found 1 data race(s)" | FileCheck --check-prefix=COUNT %s
// RUN: for f in %t.log.*; do test ! -s $f || FileCheck %s $(%markers %s) < $f || exit 1; done
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILDREN 12
int x;

void *worker(void *arg)
{
	x = 1; // L:W1
	step_set(1);
	return arg;
}

int main(void)
{
	pid_t pids[CHILDREN];
	for (int i = 0; i < CHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			pthread_t t;
			pthread_create(&t, 0, worker, 0);
			step_wait(1);
			x = 2; // L:W2
			pthread_join(t, 0);
			return 0;
		}
	}
	int bad = 0;
	for (int i = 0; i < CHILDREN; i++) {
		int status;
		waitpid(pids[i], &status, 0);
		bad += WEXITSTATUS(status) != 66;
	}
	printf("children without status 66: %d\n", bad);
	return 0;
}

// OUT: children without status 66: 0
// COUNT: {{^}}12{{$}}
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: log_path_children.c:[[W2]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: log_path_children.c:[[W1]]:
// CHECK-NOT:  WARNING
// CHECK:      Found 1 data race(s)
