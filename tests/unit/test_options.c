/* CRACE_OPTIONS parsing: defaults, each value type, separators, and the exact
 * one-line fatal errors (checked in forked children). Prints one TAP line per
 * check; exits non-zero when any fails. */
#include "options.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int checks, failures;

static void check(bool ok, const char *what)
{
	checks++;
	if (!ok)
		failures++;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", checks, what);
}

static void check_int(int got, int want, const char *what)
{
	check(got == want, what);
	if (got != want)
		printf("#   got %d, want %d\n", got, want);
}

static void check_str(const char *got, const char *want, const char *what)
{
	bool ok = got && strcmp(got, want) == 0;
	check(ok, what);
	if (!ok)
		printf("#   got '%s', want '%s'\n", got ? got : "(null)", want);
}

static void check_defaults(const char *spec, const char *what)
{
	options_parse(spec);
	bool ok = !crace_opts.halt_on_error && crace_opts.exitcode == 66 &&
		  strcmp(crace_opts.log_path, "") == 0 &&
		  crace_opts.verbosity == 0 && crace_opts.history_size == 2 &&
		  strcmp(crace_opts.strip_path_prefix, "") == 0 &&
		  strcmp(crace_opts.report_format, "text") == 0 &&
		  strcmp(crace_opts.suppressions, "") == 0;
	check(ok, what);
}

static void test_defaults(void)
{
	check_defaults(NULL, "NULL spec gives the defaults");
	check_defaults("", "empty spec gives the defaults");
	check_defaults(" ,: \t", "separators only give the defaults");
	options_parse("exitcode=5 halt_on_error=1 log_path=x");
	check_defaults(NULL, "a new parse starts again from the defaults");
}

static void test_bools(void)
{
	static const struct {
		const char *spec;
		bool want;
	} cases[] = {
		{"halt_on_error=1", true},
		{"halt_on_error=0", false},
		{"halt_on_error=true", true},
		{"halt_on_error=false", false},
		{"halt_on_error=yes", true},
		{"halt_on_error=no", false},
		{"halt_on_error=TRUE", true},
		{"halt_on_error=No", false},
		{"halt_on_error=1 halt_on_error=0", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		options_parse(cases[i].spec);
		char what[128];
		snprintf(what, sizeof(what), "bool: %s", cases[i].spec);
		check(crace_opts.halt_on_error == cases[i].want, what);
	}
}

static void test_ints(void)
{
	options_parse("exitcode=0");
	check_int(crace_opts.exitcode, 0, "int: lower bound accepted");
	options_parse("exitcode=255");
	check_int(crace_opts.exitcode, 255, "int: upper bound accepted");
	options_parse("exitcode=+7");
	check_int(crace_opts.exitcode, 7, "int: leading + accepted");
	options_parse("verbosity=3 history_size=7");
	check_int(crace_opts.verbosity, 3, "int: verbosity=3");
	check_int(crace_opts.history_size, 7, "int: history_size=7");
	options_parse("exitcode=1 exitcode=23");
	check_int(crace_opts.exitcode, 23, "int: the last setting wins");
}

static void test_strings(void)
{
	options_parse("log_path=/tmp/crace-log strip_path_prefix=/src/");
	check_str(crace_opts.log_path, "/tmp/crace-log", "str: log_path");
	check_str(crace_opts.strip_path_prefix, "/src/",
		  "str: strip_path_prefix");
	options_parse("log_path=a=b");
	check_str(crace_opts.log_path, "a=b", "str: value may contain '='");
	options_parse("log_path=x log_path=");
	check_str(crace_opts.log_path, "", "str: empty value accepted");
}

static void test_separators(void)
{
	options_parse("halt_on_error=1,exitcode=3:verbosity=2 log_path=/l\t"
		      "history_size=4\nstrip_path_prefix=/p");
	bool ok = crace_opts.halt_on_error && crace_opts.exitcode == 3 &&
		  crace_opts.verbosity == 2 &&
		  strcmp(crace_opts.log_path, "/l") == 0 &&
		  crace_opts.history_size == 4 &&
		  strcmp(crace_opts.strip_path_prefix, "/p") == 0;
	check(ok, "separators: comma, colon, space, tab, newline");
	options_parse(" ,,exitcode=9::  verbosity=1 , ");
	ok = crace_opts.exitcode == 9 && crace_opts.verbosity == 1;
	check(ok, "separators: repeated, leading and trailing");
}

/* Runs options_parse(spec) in a child and checks that it exits with status 1
 * after writing exactly `want` to stderr. */
static void check_fatal(const char *spec, const char *want)
{
	char what[256];
	snprintf(what, sizeof(what), "fatal: \"%s\"", spec);
	fflush(stdout);
	int fds[2];
	if (pipe(fds) != 0) {
		check(false, what);
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		options_parse(spec);
		_exit(0);
	}
	close(fds[1]);
	char got[512];
	size_t len = 0;
	ssize_t n;
	while (len < sizeof(got) - 1 &&
	       (n = read(fds[0], got + len, sizeof(got) - 1 - len)) > 0)
		len += (size_t)n;
	got[len] = '\0';
	close(fds[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	bool exited_1 = WIFEXITED(status) && WEXITSTATUS(status) == 1;
	bool ok = exited_1 && strcmp(got, want) == 0;
	check(ok, what);
	if (!ok)
		printf("#   status %#x, stderr '%s'\n#   want exit 1, '%s'\n",
		       status, got, want);
}

static void test_errors(void)
{
	check_fatal("foo", "crace: unknown option 'foo' in CRACE_OPTIONS\n");
	check_fatal("foo=1", "crace: unknown option 'foo' in CRACE_OPTIONS\n");
	check_fatal("exitcode=1,exit=2",
		    "crace: unknown option 'exit' in CRACE_OPTIONS\n");
	check_fatal("exitcodes=2",
		    "crace: unknown option 'exitcodes' in CRACE_OPTIONS\n");
	check_fatal("=1", "crace: unknown option '' in CRACE_OPTIONS\n");

	static const char int_err[] =
		"crace: invalid value '%s' for option 'exitcode' in "
		"CRACE_OPTIONS (expected an integer in [0, 255])\n";
	static const char *const bad_ints[] = {
		"abc", "256", "-1",   "1x",
		"",    "-",   "0x10", "99999999999999999999",
	};
	for (size_t i = 0; i < sizeof(bad_ints) / sizeof(bad_ints[0]); i++) {
		char spec[64], want[256];
		snprintf(spec, sizeof(spec), "exitcode=%s", bad_ints[i]);
		snprintf(want, sizeof(want), int_err, bad_ints[i]);
		check_fatal(spec, want);
	}
	check_fatal("history_size=8",
		    "crace: invalid value '8' for option 'history_size' in "
		    "CRACE_OPTIONS (expected an integer in [0, 7])\n");

	check_fatal(
		"halt_on_error=maybe",
		"crace: invalid value 'maybe' for option 'halt_on_error' "
		"in CRACE_OPTIONS (expected 0, 1, true, false, yes or no)\n");
	check_fatal("halt_on_error=",
		    "crace: invalid value '' for option 'halt_on_error' in "
		    "CRACE_OPTIONS (expected 0, 1, true, false, yes or no)\n");
	check_fatal("halt_on_error=2",
		    "crace: invalid value '2' for option 'halt_on_error' in "
		    "CRACE_OPTIONS (expected 0, 1, true, false, yes or no)\n");

	check_fatal("log_path",
		    "crace: option 'log_path' in CRACE_OPTIONS has no value "
		    "(expected log_path=...)\n");
	check_fatal("verbosity=1 exitcode",
		    "crace: option 'exitcode' in CRACE_OPTIONS has no value "
		    "(expected exitcode=...)\n");
	check_fatal("report_format=xml",
		    "crace: invalid value 'xml' for option 'report_format' in "
		    "CRACE_OPTIONS (expected one of text|json)\n");
	check_fatal("report_format=JSON",
		    "crace: invalid value 'JSON' for option 'report_format' in "
		    "CRACE_OPTIONS (expected one of text|json)\n");
	check_fatal("report_format=",
		    "crace: invalid value '' for option 'report_format' in "
		    "CRACE_OPTIONS (expected one of text|json)\n");
}

static void test_enums(void)
{
	options_parse("report_format=json");
	check_str(crace_opts.report_format, "json", "enum: json");
	options_parse("report_format=json report_format=text");
	check_str(crace_opts.report_format, "text", "enum: the last one wins");
}

int main(void)
{
	test_defaults();
	test_bools();
	test_ints();
	test_strings();
	test_enums();
	test_separators();
	test_errors();
	printf("1..%d\n", checks);
	return failures != 0;
}
