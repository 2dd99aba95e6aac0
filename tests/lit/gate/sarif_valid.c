// crace-gate's SARIF is valid for Microsoft's SARIF Multitool, including its
// GitHub code scanning rules (deps.sh installs it into build/): one result
// per race with the current access as its location, the previous one as a
// related location, one thread flow per thread, the fingerprint as a partial
// fingerprint. The JUnit file parses back with xml.etree (one testcase per
// race; a known race is skipped) and --json holds the same races.
// RUN: %crace_cc -O1 %s -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %S/..
// RUN: %expect_exit 66 %crace_gate --sarif %t.dir/races.sarif --junit %t.dir/races.xml --json %t.dir/races.json -- %t > %t.dir/out
// RUN: FileCheck %s --check-prefix=TEXT $(%markers %s) < %t.dir/out
// RUN: %crace_gate --update-baseline %t.dir/base -- %t > /dev/null
// RUN: echo '0123456789abcdef  # gone' >> %t.dir/base
// RUN: %expect_exit 0 %crace_gate --baseline %t.dir/base --sarif %t.dir/known.sarif --junit %t.dir/known.xml -- %t > /dev/null
// One Multitool run (a .NET start-up is slow) validates both files.
// RUN: test -x %sarif_multitool || { echo "SARIF Multitool missing: run make deps (needs the npm registry)"; exit 1; }
// RUN: %sarif_multitool validate %t.dir/races.sarif %t.dir/known.sarif --rule-kind "Sarif;Gh" -o %t.dir/validation.sarif --log ForceOverwrite > %t.dir/multitool.log
// RUN: %gate_facts sarif %t.dir/races.sarif %t.dir/validation.sarif | FileCheck %s --check-prefix=SARIF $(%markers %s)
// RUN: %gate_facts junit %t.dir/races.xml | FileCheck %s --check-prefix=JUNIT $(%markers %s)
// RUN: python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([(r["status"], r["summary"], r["count"]) for r in d["races"]], d["fixed"])' %t.dir/races.json | FileCheck %s --check-prefix=JSON $(%markers %s)
// A known race is "unchanged" in SARIF and skipped in JUnit; an entry no
// longer seen is a passing testcase.
// RUN: %gate_facts sarif %t.dir/known.sarif %t.dir/validation.sarif | FileCheck %s --check-prefix=KNOWN
// RUN: %gate_facts junit %t.dir/known.xml | FileCheck %s --check-prefix=KJUNIT
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int counter;

static inline void bump(void)
{
	counter++; // L:BUMP
}

void *worker(void *arg)
{
	bump(); // L:CALL
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	printf("%d\n", counter); // L:READ
	pthread_join(t, 0);
	return 0;
}

// The gate's text report marks inlined frames.
// TEXT:      Previous write at {{.*}} by thread T1:
// TEXT-NEXT:   bump() [inlined]
// TEXT-NEXT:     gate/sarif_valid.c:[[BUMP]]:
// TEXT-NEXT:   worker()
// TEXT-NEXT:     gate/sarif_valid.c:[[CALL]]:

// SARIF:      validation problems: 0
// SARIF-NEXT: version 2.1.0
// SARIF-NEXT: rules: data-race
// SARIF-NEXT: result data-race error new fp=[[FP:[0-9a-f]+]]
// SARIF-NEXT:   location gate/sarif_valid.c:[[READ]]
// SARIF-NEXT:   related gate/sarif_valid.c:[[BUMP]]
// SARIF-NEXT:   threadflow main thread read: [[READ]]
// SARIF-NEXT:   threadflow thread T1 write: [[CALL]] [[BUMP]]

// JUNIT:      testsuite tests=1 failures=1 skipped=0
// JUNIT-NEXT: testcase crace.data-race failure: {{[0-9a-f]+}} write gate/sarif_valid.c:[[BUMP]] bump() vs read gate/sarif_valid.c:[[READ]] main()

// JSON: [('new', 'write gate/sarif_valid.c:[[BUMP]] bump() vs read gate/sarif_valid.c:[[READ]] main()', 1)] []

// KNOWN:      validation problems: 0
// KNOWN:      result data-race warning unchanged

// KJUNIT:      testsuite tests=2 failures=0 skipped=1
// KJUNIT-NEXT: testcase crace.data-race skipped:
// KJUNIT-NEXT: testcase crace.fixed passed: 0123456789abcdef gone
