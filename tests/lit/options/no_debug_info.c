// The pass refuses to instrument a file compiled without debug info.
// RUN: not %clang_plain -fpass-plugin=%libcrace_pass -O1 %s -o %t 2>&1 | FileCheck %s
// RUN: not %clang_plain -fpass-plugin=%libcrace_pass -g0 -O1 -c %s -o %t.o 2>&1 | FileCheck %s
// crace-cc adds -g itself, but respects an explicit -g0.
// RUN: %crace_cc -O1 %s -o %t
// RUN: not %crace_cc -g0 -O1 %s -o %t 2>&1 | FileCheck %s
int main(void) { return 0; }

// CHECK: crace: {{.*}}no_debug_info.c: compile with -g: crace reports need debug info for file:line
