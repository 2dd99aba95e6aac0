// crace-gate's exit status: 0 without new races, 66 with new races (also
// when the tests fail), the test command's own failure status passed through
// (66 becomes 1) unless --ignore-test-failure, 127 for a command that cannot
// run, 2 for bad usage or input; a signal death is 128+N (and the races
// found before it are all there).
// RUN: %crace_cc -O1 %s -o %t
// RUN: %expect_exit 0 %crace_gate -- %t clean 0 | FileCheck %s --check-prefix=CLEAN
// RUN: %expect_exit 3 %crace_gate -- %t clean 3 | FileCheck %s --check-prefix=TESTFAIL
// RUN: %expect_exit 1 %crace_gate -- %t clean 66 | FileCheck %s --check-prefix=TESTFAIL66
// RUN: %expect_exit 0 %crace_gate --ignore-test-failure -- %t clean 3 | FileCheck %s --check-prefix=IGNORED
// RUN: %expect_exit 66 %crace_gate -- %t racy 0 | FileCheck %s --check-prefix=RACY
// RUN: %expect_exit 66 %crace_gate -- %t racy 5 | FileCheck %s --check-prefix=RACYFAIL
// RUN: %expect_exit 134 %crace_gate -- %t abort 0 | FileCheck %s --check-prefix=ABORT
// RUN: %expect_exit 66 %crace_gate -- %t segv 0 | FileCheck %s --check-prefix=SEGV
// RUN: %expect_exit 127 %crace_gate -- %t.nonexistent | FileCheck %s --check-prefix=NOCMD
// RUN: %expect_exit 2 %crace_gate | FileCheck %s --check-prefix=USAGE
// RUN: %expect_exit 0 %crace_gate --help | FileCheck %s --check-prefix=HELP
// RUN: %expect_exit 2 env CRACE_OPTIONS=report_format=xml %crace_gate -- %t clean 0 | FileCheck %s --check-prefix=BADOPT
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int counter;

void *worker(void *arg)
{
	counter++;
	return arg;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	if (!strcmp(argv[1], "abort"))
		abort();
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	if (!strcmp(argv[1], "racy") || !strcmp(argv[1], "segv"))
		counter++;
	pthread_join(t, 0);
	if (!strcmp(argv[1], "segv"))
		raise(SIGSEGV); /* the report was written already */
	printf("ran %s\n", argv[1]);
	return atoi(argv[2]);
}

// CLEAN: ran clean
// CLEAN: 0 race(s): 0 new, 0 known, 0 fixed
// CLEAN-NOT: failed
// CLEAN: crace-gate: OK: no new data races

// TESTFAIL: 0 race(s)
// TESTFAIL: crace-gate: the test command failed with exit status 3
// TESTFAIL-NOT: OK

// TESTFAIL66: crace-gate: the test command failed with exit status 66

// IGNORED: crace-gate: the test command failed with exit status 3 (ignored)
// IGNORED: crace-gate: OK: no new data races

// RACY: ran racy
// RACY: 1 race(s): 1 new
// RACY-NOT: the test command failed
// RACY: crace-gate: FAIL: 1 new data race(s)

// RACYFAIL: 1 race(s): 1 new
// RACYFAIL: crace-gate: the test command failed with exit status 5
// RACYFAIL: crace-gate: FAIL: 1 new data race(s)

// ABORT: 0 race(s)
// ABORT: crace-gate: the test command failed with exit status 134

// SEGV: 1 race(s): 1 new
// SEGV: crace-gate: the test command failed with exit status 139
// SEGV: crace-gate: FAIL: 1 new data race(s)

// NOCMD: crace-gate: cannot run '{{.*}}.nonexistent': No such file or directory

// USAGE: usage: crace-gate [OPTIONS] -- COMMAND [ARGS...]
// USAGE: no test command given

// HELP: usage: crace-gate [OPTIONS] -- COMMAND [ARGS...]
// HELP: --baseline FILE
// HELP: Exit status: 0 no new race; 66 new races

// BADOPT: crace-gate: crace: invalid value 'xml' for option 'report_format' in CRACE_OPTIONS (expected one of text|json)
