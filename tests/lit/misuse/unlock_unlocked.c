// Unlocking a mutex nobody holds. Reported once per call site however often
// it happens; report_mutex_bugs=0 turns it off.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: env CRACE_OPTIONS=report_mutex_bugs=0 %expect_exit 0 %run %t | FileCheck %s --check-prefix=OFF
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

int main(void)
{
	pthread_mutex_lock(&mu); // L:LOCK
	pthread_mutex_unlock(&mu);
	for (int i = 0; i < 3; i++)
		pthread_mutex_unlock(&mu); // L:UNLOCK
	fprintf(stderr, "done\n");
	return 0;
}

// CHECK:      WARNING: UNLOCK OF AN UNLOCKED MUTEX
// CHECK-NEXT: Mutex M1 ([[M:0x[0-9a-f]+]]) unlocked by main thread while no thread holds it:
// CHECK-NEXT: pthread_mutex_unlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: unlock_unlocked.c:[[UNLOCK]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu') first used at:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: unlock_unlocked.c:[[LOCK]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: done
// CHECK-NEXT: Found 1 mutex misuse(s)
// CHECK-NOT:  WARNING

// OFF-NOT: WARNING
// OFF: done
// OFF-NOT: WARNING
