// report_format=json: one JSON object per line per report, then a summary
// object; inlined frames are marked, strip_path_prefix applies, the heap
// location carries its allocation stack. Parsed back with python's json.
// RUN: %crace_cc -O1 %s -o %t
// RUN: rm -f %t.log.*
// RUN: %expect_exit 66 env CRACE_OPTIONS="report_format=json log_path=%t.log strip_path_prefix=%S/" %run %t
// RUN: cat %t.log.* | %gate_facts jsonl /dev/stdin | FileCheck %s $(%markers %s)
// RUN: cat %t.log.* | FileCheck %s --check-prefix=RAW $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

int *block;

static inline void store(int v)
{
	block[1] = v; // L:STORE
}

void *worker(void *arg)
{
	store(1); // L:CALL
	step_set(1);
	return arg;
}

int main(void)
{
	block = malloc(16); // L:ALLOC
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:CREATE
	step_wait(1);
	int v = block[1]; // L:READ
	pthread_join(t, 0);
	free(block);
	return v != 1;
}

// CHECK:      report data-race pid=True
// CHECK-NEXT:   mop read size=4 thread=0 main@json_report.c:[[READ]]
// CHECK-NEXT:   mop previous write size=4 thread=1 store@json_report.c:[[STORE]] inlined worker@json_report.c:[[CALL]]
// CHECK-NEXT:   location heap None
// CHECK-NEXT:   thread 1 pthread_create@None:0 main@json_report.c:[[CREATE]]
// CHECK-NEXT: summary {"data-race": 1}

// One object per line, each one whole.
// RAW:      {{^}}{"kind":"data-race","pid":{{[0-9]+}},"program":"{{.*}}json_report.c.tmp","mops":[{"access":"read","atomic":false,"previous":false,"addr":"0x{{[0-9a-f]+}}","size":4,"thread":0,"stack_restored":true,"stack":[{"function":"main","file":"json_report.c","line":[[READ]],"column":{{[0-9]+}},"offset":{{[0-9]+}},"module":"{{.*}}json_report.c.tmp","module_offset":{{[0-9]+}},"inlined":false}]},
// RAW-SAME:   "locations":[{"kind":"heap","addr":"0x{{[0-9a-f]+}}","size":16,"thread":0,"stack":[{"function":"malloc",{{.*}}},{"function":"main","file":"json_report.c","line":[[ALLOC]],
// RAW-SAME:   }]}{{$}}
// RAW-NEXT:   {{^}}{"kind":"summary","pid":{{[0-9]+}},"program":"{{.*}}","counts":{"data-race":1}}{{$}}
