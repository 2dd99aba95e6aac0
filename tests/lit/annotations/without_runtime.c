// The annotations are weak: a program built without crace (no pass, no
// runtime) links and runs, and the macros do nothing.
// RUN: %clang_plain -O1 -Wall -Werror -pthread %s -o %t
// RUN: %expect_exit 0 %t | FileCheck %s
// RUN: %clang_plain -x c++ -O1 -Wall -Werror -pthread %s -o %t.cxx
// RUN: %expect_exit 0 %t.cxx | FileCheck %s
#include <crace.h>
#include <stdio.h>

int x;

int main(void)
{
	CRACE_HAPPENS_BEFORE(&x);
	CRACE_HAPPENS_AFTER(&x);
	CRACE_IGNORE_READS_BEGIN();
	CRACE_IGNORE_READS_END();
	CRACE_IGNORE_WRITES_BEGIN();
	CRACE_IGNORE_WRITES_END();
	CRACE_BENIGN_RACE(&x, sizeof(x), "test");
	printf("ran without crace\n");
	return 0;
}

// CHECK: ran without crace
