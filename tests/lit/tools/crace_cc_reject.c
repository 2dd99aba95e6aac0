// crace-cc refuses flags that cannot work with crace: one line, exit 2.
// RUN: %expect_exit 2 %crace_cc -fsanitize=thread %s -o %t | FileCheck --check-prefix=TSAN %s
// RUN: %expect_exit 2 %crace_cc -fsanitize=undefined,address %s -o %t | FileCheck --check-prefix=ASAN %s
// RUN: %expect_exit 2 %crace_cc -fsanitize=memory %s -o %t | FileCheck --check-prefix=MSAN %s
// RUN: %expect_exit 2 %crace_cxx -fsanitize=thread %s -o %t | FileCheck --check-prefix=TSAN %s
// RUN: %expect_exit 2 %crace_cc --crace-bogus %s -o %t > %t.out
// RUN: FileCheck --check-prefix=UNKNOWN %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: %expect_exit 0 %crace_cc --crace-help | FileCheck --check-prefix=HELP %s
// Other sanitizers are fine.
// RUN: %expect_exit 0 %crace_cc -fsanitize=undefined %s -o %t
int main(void) { return 0; }

// TSAN: '-fsanitize=thread' cannot be combined with crace
// ASAN: '-fsanitize=undefined,address' cannot be combined with crace
// MSAN: '-fsanitize=memory' cannot be combined with crace
// UNKNOWN: {{^}}crace-cc: unknown option '--crace-bogus'
// HELP: usage: crace-cc
