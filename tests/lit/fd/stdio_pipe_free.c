// stdio streams over a pipe: fwrite publishes to the fread that returns
// the bytes. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

FILE *in, *out;
int data;

void *worker(void *arg)
{
	data = 42;
	fwrite("hello", 1, 5, out);
	fclose(out);
	return arg;
}

int main(void)
{
	int fds[2];
	pipe(fds);
	in = fdopen(fds[0], "r");
	out = fdopen(fds[1], "w");
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	char buf[8] = {0};
	size_t n = fread(buf, 1, 5, in);
	printf("%zu %s data=%d\n", n, buf, data);
	pthread_join(t, 0);
	fclose(in);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     5 hello data=42
// CHECK-NOT: WARNING: DATA RACE
