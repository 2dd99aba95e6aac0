// crace-run needs a program; both wrappers say to run make when the build is
// missing (checked on a copy of scripts/ in a tree with no build/).
// RUN: %expect_exit 2 %crace_run | FileCheck --check-prefix=NOPROG %s
// RUN: rm -rf %t.tree && mkdir -p %t.tree/scripts
// RUN: cp %crace_scripts/crace-cc %crace_scripts/crace-run %t.tree/scripts/
// RUN: ln -s crace-cc %t.tree/scripts/crace-c++
// RUN: %expect_exit 2 %t.tree/scripts/crace-cc %s -o %t | FileCheck --check-prefix=NOPASS %s
// RUN: %expect_exit 2 %t.tree/scripts/crace-c++ %s -o %t | FileCheck --check-prefix=NOPASS %s
// RUN: %expect_exit 2 %t.tree/scripts/crace-run /bin/true | FileCheck --check-prefix=NORT %s
// A symlink to the real script elsewhere still finds the repository.
// RUN: ln -sf %crace_scripts/crace-cc %t.tree/cc-link
// RUN: %t.tree/cc-link -O1 %s -o %t
// RUN: %expect_exit 0 %crace_run %t
int main(void) { return 0; }

// NOPROG: usage: crace-run PROGRAM
// NOPASS: build/libcrace-pass.so not found: run 'make'
// NORT: crace-run: {{.*}}build/libcrace.so not found: run 'make'
