// A module built for another crace ABI version is refused at start-up: one
// line naming both versions, exit status 1, main never runs. (Built without
// the pass: it calls the runtime's check itself, as the pass's module
// constructor does, with a version the runtime does not speak.)
// RUN: %clang_plain -O1 %s -o %t
// RUN: %expect_exit 1 %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
#include <stdio.h>

__attribute__((weak)) void __crace_init(unsigned abi_version);

__attribute__((constructor)) static void check_in(void)
{
	if (__crace_init)
		__crace_init(9999);
}

int main(void)
{
	puts("main ran");
	return 0;
}

// CHECK: {{^}}crace: this program was built for crace ABI version 9999, but the runtime is version {{[0-9]+}}: rebuild it with this crace{{$}}
