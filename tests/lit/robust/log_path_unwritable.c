// A log_path that cannot be written is fatal at start-up: one line naming
// the file and the reason, exit status 1, main never runs.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=log_path=/dev/null/crace %expect_exit 1 %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: env CRACE_OPTIONS=log_path=/proc/self/crace %expect_exit 1 %run %t | FileCheck --check-prefix=PROC %s
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// CHECK: {{^}}crace: cannot open log_path '/dev/null/crace.{{[0-9]+}}': Not a directory{{$}}
// PROC: {{^}}crace: cannot open log_path '/proc/self/crace.{{[0-9]+}}': {{.+}}{{$}}
// PROC-NOT: main ran
