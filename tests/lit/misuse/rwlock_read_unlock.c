// A thread unlocks an rwlock that another thread holds for writing: glibc
// takes it as a read unlock, which corrupts the lock.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

void *stray(void *arg)
{
	pthread_rwlock_unlock(&rw); // L:UNLOCK
	return arg;
}

int main(void)
{
	pthread_rwlock_wrlock(&rw); // L:LOCK
	pthread_t t;
	pthread_create(&t, 0, stray, 0); // L:CREATE
	pthread_join(t, 0);
	fprintf(stderr, "done\n");
	return 0;
}

// CHECK:      WARNING: READ UNLOCK OF A WRITE-LOCKED RWLOCK
// CHECK-NEXT: Mutex M1 ({{0x[0-9a-f]+}}) unlocked by thread T1, which does not hold it, while main thread holds it for writing (the C library takes this as a read unlock):
// CHECK-NEXT: pthread_rwlock_unlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: stray()
// CHECK-NEXT: rwlock_read_unlock.c:[[UNLOCK]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'rw') first used at:
// CHECK-NEXT: pthread_rwlock_wrlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: rwlock_read_unlock.c:[[LOCK]]:
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: rwlock_read_unlock.c:[[CREATE]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: done
// CHECK-NEXT: Found 1 mutex misuse(s)
