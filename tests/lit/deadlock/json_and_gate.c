// Lock reports in report_format=json (kind, text, the stacks as "mops" with
// the program's frames first, counts in the summary), and crace-gate
// fingerprinting them: new the first time, known once in the baseline, and
// in SARIF that the SARIF Multitool accepts.
// RUN: %crace_cc -O1 %s -o %t
// RUN: env CRACE_OPTIONS=report_format=json %expect_exit 66 %run %t | FileCheck %s --check-prefix=JSON $(%markers %s)
// RUN: rm -f %t.base
// RUN: %expect_exit 66 %crace_gate -- %t | FileCheck %s --check-prefix=GATE
// RUN: %expect_exit 0 %crace_gate --update-baseline %t.base -- %t
// RUN: %expect_exit 0 %crace_gate --baseline %t.base -- %t | FileCheck %s --check-prefix=KNOWN
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %S/..
// RUN: %expect_exit 66 %crace_gate --sarif %t.dir/locks.sarif -- %t > /dev/null
// RUN: test -x %sarif_multitool || { echo "SARIF Multitool missing: run make deps (needs the npm registry)"; exit 1; }
// RUN: %sarif_multitool validate %t.dir/locks.sarif --rule-kind "Sarif;Gh" -o %t.dir/validation.sarif --log ForceOverwrite > %t.dir/multitool.log
// RUN: %gate_facts sarif %t.dir/locks.sarif %t.dir/validation.sarif | FileCheck %s --check-prefix=SARIF $(%markers %s)
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;

void *backward(void *arg)
{
	pthread_mutex_lock(&mu_b);
	pthread_mutex_lock(&mu_a); // L:BA
	pthread_mutex_unlock(&mu_a);
	pthread_mutex_unlock(&mu_b);
	return arg;
}

int main(void)
{
	pthread_mutex_lock(&mu_a);
	pthread_mutex_lock(&mu_b); // L:AB
	pthread_mutex_unlock(&mu_b);
	pthread_mutex_unlock(&mu_a);
	pthread_t t;
	pthread_create(&t, 0, backward, 0);
	pthread_join(t, 0);
	fprintf(stderr, "done\n");
	return 0;
}

// JSON:      {"kind":"lock-order-inversion",
// JSON-SAME: "text":"==================\u000aWARNING: LOCK ORDER INVERSION (potential deadlock)\u000a
// JSON-SAME: "label":"Mutex M2 acquired here while holding mutex M1 in main thread:","stack":[{"function":"main","file":"{{[^"]*}}json_and_gate.c","line":[[AB]],
// JSON-SAME: "label":"Mutex M1 acquired here while holding mutex M2 in thread T1:","stack":[{"function":"backward","file":"{{[^"]*}}json_and_gate.c","line":[[BA]],
// JSON:      done
// JSON-NEXT: {"kind":"summary",{{.*}}"counts":{"data-race":0,"lock-order-inversion":1}}

// GATE: WARNING: LOCK ORDER INVERSION (potential deadlock)
// GATE: crace-gate: FAIL: 1 new

// KNOWN: crace-gate: OK

// SARIF:      validation problems: 0
// SARIF-NEXT: version 2.1.0
// SARIF-NEXT: rules: lock-order-inversion
// SARIF-NEXT: result lock-order-inversion error new
