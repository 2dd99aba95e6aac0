// libc's memory and string functions look only as far as their result
// shows: bytes past a difference, a match or a NUL may be written by
// another thread meanwhile. Concurrent reads never race; ordered writes
// neither. No report.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

char a[64] = "abc", b[64] = "abd", s[64] = "hello";
char shared[64] = "read by both";
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
char locked[64];

void *worker(void *arg)
{
	a[40] = b[40] = s[40] = 'x'; /* past what main's calls look at */
	char copy[64];
	memcpy(copy, shared, sizeof shared);
	pthread_mutex_lock(&m);
	memset(locked, 'w', 10);
	pthread_mutex_unlock(&m);
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int r = memcmp(a, b, sizeof a) < 0;
	r += strcmp(a, b) < 0;
	r += strncmp(a, b, 60) < 0;
	r += strlen(s) == 5;
	r += strnlen(s, 60) == 5;
	r += memchr(s, 'l', 60) == s + 2;
	r += strchr(s, 'o') == s + 4;
	r += strstr(s, "ll") == s + 2;
	char copy[64];
	memcpy(copy, shared, sizeof shared);
	pthread_mutex_lock(&m);
	memset(locked, 'm', 10);
	pthread_mutex_unlock(&m);
	printf("r=%d\n", r);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     r=8
// CHECK-NOT: WARNING: DATA RACE
