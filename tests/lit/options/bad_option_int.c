// Integer options reject text and out-of-range values.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=exitcode=abc %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=ABC %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: env CRACE_OPTIONS=exitcode=256 %expect_exit 1 %run %t | FileCheck --check-prefix=BIG %s
// RUN: env CRACE_OPTIONS=exitcode=-1 %expect_exit 1 %run %t | FileCheck --check-prefix=NEG %s
// RUN: env CRACE_OPTIONS=verbosity=4 %expect_exit 1 %run %t | FileCheck --check-prefix=VERB %s
// RUN: env CRACE_OPTIONS=history_size=8 %expect_exit 1 %run %t | FileCheck --check-prefix=HIST %s
// RUN: env CRACE_OPTIONS=exitcode= %expect_exit 1 %run %t | FileCheck --check-prefix=EMPTY %s
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// ABC: {{^}}crace: invalid value 'abc' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
// BIG: {{^}}crace: invalid value '256' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
// NEG: {{^}}crace: invalid value '-1' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
// VERB: {{^}}crace: invalid value '4' for option 'verbosity' in CRACE_OPTIONS (expected an integer in [0, 3]){{$}}
// HIST: {{^}}crace: invalid value '8' for option 'history_size' in CRACE_OPTIONS (expected an integer in [0, 7]){{$}}
// EMPTY: {{^}}crace: invalid value '' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
