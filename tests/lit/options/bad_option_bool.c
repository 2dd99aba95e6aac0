// Boolean options take 0 or 1 only.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=halt_on_error=2 %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=TWO %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: env CRACE_OPTIONS=halt_on_error=on %expect_exit 1 %run %t | FileCheck --check-prefix=YES %s
// RUN: env CRACE_OPTIONS=halt_on_error=0 %expect_exit 0 %run %t | FileCheck --check-prefix=OK %s
#include <stdio.h>

int main(void)
{
	fprintf(stderr, "main ran\n");
	return 0;
}

// TWO: {{^}}crace: invalid value '2' for option 'halt_on_error' in CRACE_OPTIONS (expected 0, 1, true, false, yes or no){{$}}
// YES: {{^}}crace: invalid value 'on' for option 'halt_on_error' in CRACE_OPTIONS (expected 0, 1, true, false, yes or no){{$}}
// OK: main ran
