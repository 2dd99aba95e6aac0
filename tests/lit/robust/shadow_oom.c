// Out of address space for shadow (ulimit -v): crace stops with one line
// naming what it could not map (a 16 MiB chunk of cells and the empty cell
// after it), exit status 1, instead of crashing. With even less, it stops at
// start-up, before main.
// RUN: %clang_crace -O1 %S/../../../stress/oom.c -o %t
// RUN: bash -c 'ulimit -v 6291456 && exec %expect_exit 1 %run %t' > %t.out
// RUN: FileCheck %s < %t.out
// RUN: test "$(wc -l < %t.out)" -eq 1
// RUN: bash -c 'ulimit -v 2097152 && exec %expect_exit 1 %run %t' > %t.start
// RUN: FileCheck --check-prefix=START %s < %t.start
// RUN: test "$(wc -l < %t.start)" -eq 1
// Nothing in this file: the program is stress/oom.c.

// CHECK: {{^}}crace: out of memory: cannot map 16777248 bytes for shadow memory (Cannot allocate memory){{$}}
// START: {{^}}crace: out of memory: cannot map {{[0-9]+}} bytes for {{.*}} (Cannot allocate memory){{$}}
