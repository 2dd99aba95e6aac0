// Bad values for every kind of option: one line, exit status 1, the program
// does not run. Long values are cut, control characters escaped, so the
// message stays one readable line.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=history_size=99999999999999999999 %expect_exit 1 %run %t > %t.out
// RUN: FileCheck --check-prefix=HUGE %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: env CRACE_OPTIONS=exitcode=$(printf 'x%%.0s' $(seq 100)) %expect_exit 1 %run %t | FileCheck --check-prefix=LONG %s
// RUN: env CRACE_OPTIONS="$(printf 'verbosity=1\033[0m')" %expect_exit 1 %run %t | FileCheck --check-prefix=ESC %s
// RUN: env CRACE_OPTIONS=halt_on_error %expect_exit 1 %run %t | FileCheck --check-prefix=NOVAL %s
// RUN: env CRACE_OPTIONS='=1' %expect_exit 1 %run %t | FileCheck --check-prefix=NOKEY %s
// RUN: env CRACE_OPTIONS=exitcode=0x10 %expect_exit 1 %run %t | FileCheck --check-prefix=HEX %s
#include <stdio.h>

int main(void)
{
	puts("main ran");
	return 0;
}

// HUGE: {{^}}crace: invalid value '99999999999999999999' for option 'history_size' in CRACE_OPTIONS (expected an integer in [0, 7]){{$}}
// LONG: {{^}}crace: invalid value 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
// ESC: {{^}}crace: invalid value '1\x1b[0m' for option 'verbosity' in CRACE_OPTIONS (expected an integer in [0, 3]){{$}}
// NOVAL: {{^}}crace: option 'halt_on_error' in CRACE_OPTIONS has no value (expected halt_on_error=...){{$}}
// NOKEY: {{^}}crace: unknown option '' in CRACE_OPTIONS{{$}}
// HEX: {{^}}crace: invalid value '0x10' for option 'exitcode' in CRACE_OPTIONS (expected an integer in [0, 255]){{$}}
