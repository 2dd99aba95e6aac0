// An instrumented program run without the runtime says how to run it, in one
// line on stderr, and exits 1 before main runs.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 1 %t > %t.out
// RUN: FileCheck %s -DLIB=%libcrace < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// CHECK: {{^}}crace: this program was built with crace instrumentation; run it with crace-run or LD_PRELOAD=[[LIB]]{{$}}
// CHECK-NOT: main ran
