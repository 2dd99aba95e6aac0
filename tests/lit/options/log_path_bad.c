// A log_path that cannot be opened is fatal at start-up: one line, exit 1.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=log_path=/nonexistent/x %expect_exit 1 %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// CHECK: {{^}}crace: cannot open log_path '/nonexistent/x.{{[0-9]+}}': No such file or directory{{$}}
