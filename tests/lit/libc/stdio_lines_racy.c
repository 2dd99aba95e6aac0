// fgets writes the line it read, NUL included; fputs and puts read their
// string. Each races with the worker's unordered access.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t %t.tmp > %t.out
// RUN: FileCheck %s $(%markers %s) < %t.out
#include "order.h"
#include <pthread.h>
#include <stdio.h>

char line[32], msg[16] = "hello", title[16] = "title";

void *worker(void *arg)
{
	int n = line[2]; // L:R
	msg[1] = 'E'; // L:W1
	title[0] = 'T'; // L:W2
	step_set(1);
	step_wait(2);
	return (void *)(long)n;
}

int main(int argc, char **argv)
{
	FILE *f = fopen(argv[1], "w+");
	fputs("a line\n", f);
	rewind(f);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	fgets(line, sizeof line, f); // L:GETS
	fputs(msg, f); // L:PUTS
	puts(title); // L:PUT
	fflush(stdout);
	step_set(2);
	pthread_join(t, 0);
	fclose(f);
	return 0;
}

// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: fgets()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: stdio_lines_racy.c:[[GETS]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: stdio_lines_racy.c:[[R]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: fputs()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: stdio_lines_racy.c:[[PUTS]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: stdio_lines_racy.c:[[W1]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: puts()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: stdio_lines_racy.c:[[PUT]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: stdio_lines_racy.c:[[W2]]:
// CHECK:      Title
// CHECK:      Found 3 data race(s)
