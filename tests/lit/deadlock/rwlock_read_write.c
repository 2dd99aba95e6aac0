// A reader takes rwlocks A then B for reading, a writer B then A for
// writing: the writer can hold B while the reader holds A, each waiting for
// the other. Reported, with the modes.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw_a = PTHREAD_RWLOCK_INITIALIZER;
pthread_rwlock_t rw_b = PTHREAD_RWLOCK_INITIALIZER;
int config;

void *reader(void *arg)
{
	pthread_rwlock_rdlock(&rw_a); // L:RA
	pthread_rwlock_rdlock(&rw_b); // L:RB
	int c = config;
	pthread_rwlock_unlock(&rw_b);
	pthread_rwlock_unlock(&rw_a);
	return (void *)(long)c;
}

void *writer(void *arg)
{
	pthread_rwlock_wrlock(&rw_b); // L:WB
	pthread_rwlock_wrlock(&rw_a); // L:WA
	config++;
	pthread_rwlock_unlock(&rw_a);
	pthread_rwlock_unlock(&rw_b);
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, reader, 0);
	pthread_join(t1, 0);
	pthread_create(&t2, 0, writer, 0);
	pthread_join(t2, 0);
	fprintf(stderr, "config=%d\n", config);
	return 0;
}

// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ({{0x[0-9a-f]+}}) => M2 ({{0x[0-9a-f]+}}) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here (for reading) while holding mutex M1 (for reading) in thread T1:
// CHECK-NEXT: pthread_rwlock_rdlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: reader()
// CHECK-NEXT: rwlock_read_write.c:[[RB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: pthread_rwlock_rdlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: reader()
// CHECK-NEXT: rwlock_read_write.c:[[RA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 acquired here while holding mutex M2 in thread T2:
// CHECK-NEXT: pthread_rwlock_wrlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: writer()
// CHECK-NEXT: rwlock_read_write.c:[[WA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 previously acquired by the same thread here:
// CHECK-NEXT: pthread_rwlock_wrlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: writer()
// CHECK-NEXT: rwlock_read_write.c:[[WB]]:
// CHECK:      Mutex M1 (global 'rw_a') first used at:
// CHECK:      Mutex M2 (global 'rw_b') first used at:
// CHECK:      config=1
// CHECK-NEXT: Found 1 lock order inversion(s)
