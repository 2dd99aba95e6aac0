// Code annotated for ThreadSanitizer/Valgrind (AnnotateHappensBefore & co.,
// declared by the program itself, as dynamic_annotations.h does) works
// unchanged when it links with libcrace.so, which defines them: the hand-off
// is ordered, and ignored reads are not checked.
// RUN: %clang_crace -O1 %s -o %t %libcrace
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

void AnnotateHappensBefore(const char *file, int line,
			   const volatile void *addr);
void AnnotateHappensAfter(const char *file, int line,
			  const volatile void *addr);
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);

int payload, stats;
int ready;

void *producer(void *arg)
{
	payload = 42;
	stats = 1;
	AnnotateHappensBefore(__FILE__, __LINE__, &ready);
	__atomic_store_n(&ready, 1, __ATOMIC_RELAXED);
	stats = 2;
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!__atomic_load_n(&ready, __ATOMIC_RELAXED))
		sched_yield();
	AnnotateHappensAfter(__FILE__, __LINE__, &ready);
	AnnotateIgnoreReadsBegin(__FILE__, __LINE__);
	int s = stats;
	AnnotateIgnoreReadsEnd(__FILE__, __LINE__);
	printf("payload=%d stats>=%d\n", payload, s >= 1);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=42 stats>=1
// CHECK-NOT: WARNING: DATA RACE
