// A new user's flow: a CMake project outside crace (Inputs/cmake_project)
// built with CC=crace-cc and its ctest suite gated by crace-gate fails on
// the planted race (66), and passes once the race is in the baseline.
// RUN: rm -rf %t.dir && cp -r %S/../Inputs/cmake_project %t.dir && cd %t.dir
// RUN: env CC=%crace_scripts/crace-cc cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > cmake.log
// RUN: cmake --build build -j2 > build.log
// RUN: %expect_exit 66 %crace_gate -- ctest --test-dir build -j2 | FileCheck %s --check-prefix=FAIL $(%markers %S/../Inputs/cmake_project/counter.c)
// RUN: %crace_gate --update-baseline .crace-baseline -- ctest --test-dir build > /dev/null
// RUN: %expect_exit 0 %crace_gate --baseline .crace-baseline -- ctest --test-dir build -j2 | FileCheck %s --check-prefix=PASS

// FAIL:      100% tests passed
// FAIL:      crace-gate: {{[0-9]+}} process(es) ran under crace; 1 race(s): 1 new, 0 known, 0 fixed
// FAIL-NEXT: NEW {{[0-9a-f]+}}  write counter.c:[[ADD]] counter_add() vs read counter.c:[[GET]] counter_get()  (1 report(s) in 1 process(es): test_threads[{{[0-9]+}}])
// FAIL:      WARNING: DATA RACE
// FAIL:      FAIL: 1 new data race(s)

// PASS:      1 race(s): 0 new, 1 known, 0 fixed
// PASS:      OK: no new data races
