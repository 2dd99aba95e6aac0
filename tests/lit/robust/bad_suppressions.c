// A suppressions file that is missing, unreadable or malformed is fatal at
// start-up: exactly one line naming the file and the problem, exit status
// 1, and the program does not run.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=suppressions=%t.missing %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=MISSING %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env CRACE_OPTIONS=suppressions=%t.dir %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=DIR %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: printf 'race:ok\nrace\n' > %t.nocolon
// RUN: env CRACE_OPTIONS=suppressions=%t.nocolon %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=NOCOLON %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: printf 'race:   \n' > %t.empty
// RUN: env CRACE_OPTIONS=suppressions=%t.empty %expect_exit 1 %run %t | FileCheck --check-prefix=EMPTY %s
// RUN: printf 'race:a\0b\n' > %t.nul
// RUN: env CRACE_OPTIONS=suppressions=%t.nul %expect_exit 1 %run %t | FileCheck --check-prefix=NUL %s
// RUN: printf 'deadlock:x\n' > %t.type
// RUN: env CRACE_OPTIONS=suppressions=%t.type %expect_exit 1 %run %t | FileCheck --check-prefix=TYPE %s
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// MISSING: {{^}}crace: cannot open suppressions file '{{.*}}.missing': No such file or directory{{$}}
// DIR: {{^}}crace: {{.*}}suppressions file '{{.*}}.dir'{{.*}}{{$}}
// NOCOLON: {{^}}crace: suppressions file '{{.*}}.nocolon' line 2: expected <type>:<pattern>, got 'race'{{$}}
// EMPTY: {{^}}crace: suppressions file '{{.*}}.empty' line 1: empty pattern{{$}}
// EMPTY-NOT: main ran
// NUL: {{^}}crace: suppressions file '{{.*}}.nul' line 1: NUL byte{{$}}
// TYPE: {{^}}crace: suppressions file '{{.*}}.type' line 1: unknown suppression type 'deadlock' (expected race or race_top){{$}}
