// An unknown CRACE_OPTIONS key is fatal: one line, exit 1, the program does
// not run.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=foo=1 %expect_exit 1 %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: env CRACE_OPTIONS='exitcode=3 haltonerror=1' %expect_exit 1 %run %t | FileCheck --check-prefix=SECOND %s
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// CHECK: {{^}}crace: unknown option 'foo' in CRACE_OPTIONS{{$}}
// SECOND: {{^}}crace: unknown option 'haltonerror' in CRACE_OPTIONS{{$}}
// SECOND-NOT: main ran
