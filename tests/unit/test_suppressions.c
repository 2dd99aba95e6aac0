/* The suppressions parser (a pure function over a buffer) and the glob
 * matcher: accepted syntax, normalised patterns, every error message. */
#include "suppressions.h"
#include "unit.h"

#include <string.h>

static bool parse(const char *text, struct suppression_list *l, char *err)
{
	memset(l, 0, sizeof(*l));
	return suppressions_parse(text, strlen(text), l, err, 128);
}

static void test_accepts(void)
{
	struct suppression_list l;
	char err[128];
	CHECK(parse("", &l, err) && l.n == 0);
	CHECK(parse("\n\n  \t\r\n# comment\n   # indented comment\n", &l,
		    err) &&
	      l.n == 0);
	CHECK(parse("race:foo\nrace_top:^bar$\r\n  race: *baz.c  \n", &l, err));
	CHECK(l.n == 3);
	CHECK(l.items[0].type == SUPP_RACE &&
	      !strcmp(l.items[0].glob, "*foo*"));
	CHECK(l.items[1].type == SUPP_RACE_TOP &&
	      !strcmp(l.items[1].glob, "bar"));
	CHECK(l.items[2].type == SUPP_RACE &&
	      !strcmp(l.items[2].glob, "**baz.c*"));
	CHECK(parse("race:^lib", &l, err) && !strcmp(l.items[0].glob, "lib*"));
	CHECK(parse("race:.c$", &l, err) && !strcmp(l.items[0].glob, "*.c"));
	CHECK(parse("race:a:b", &l, err) && !strcmp(l.items[0].glob, "*a:b*"));
	/* No newline at the end, and a buffer that is not NUL-terminated. */
	CHECK(parse("race:x", &l, err) && l.n == 1);
	memset(&l, 0, sizeof(l));
	CHECK(suppressions_parse("race:xyz", 6, &l, err, sizeof(err)) &&
	      l.n == 1 && !strcmp(l.items[0].glob, "*x*"));
	/* Many lines grow the list. */
	char big[4000] = "";
	for (int i = 0; i < 100; i++)
		strcat(big, "race:f\n");
	CHECK(parse(big, &l, err) && l.n == 100);
}

static void check_error(const char *text, const char *want)
{
	struct suppression_list l;
	char err[128];
	bool ok = parse(text, &l, err);
	CHECK(!ok);
	if (!ok && strcmp(err, want)) {
		printf("not ok - error for '%s'\n#   got  '%s'\n#   want "
		       "'%s'\n",
		       text, err, want);
		unit_failures++;
	}
}

static void test_errors(void)
{
	check_error("race:a\nfoo\n",
		    "line 2: expected <type>:<pattern>, got 'foo'");
	check_error("thread:x", "line 1: unknown suppression type 'thread' "
				"(expected race or race_top)");
	check_error(":x", "line 1: unknown suppression type '' "
			  "(expected race or race_top)");
	check_error("RACE:x", "line 1: unknown suppression type 'RACE' "
			      "(expected race or race_top)");
	check_error("\n\nrace:", "line 3: empty pattern");
	check_error("race:   ", "line 1: empty pattern");
	check_error("race:^", "line 1: empty pattern");
	check_error("race:$", "line 1: empty pattern");
	static const char nul[] = "race:a\0b\n";
	struct suppression_list l = {0};
	char err[128];
	CHECK(!suppressions_parse(nul, sizeof(nul) - 1, &l, err, sizeof(err)));
	CHECK(!strcmp(err, "line 1: NUL byte"));
	/* A long line is cut in the message, and a small err buffer too. */
	char longline[300];
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	CHECK(!parse(longline, &l, err) && strlen(err) < 128);
	char small[8];
	CHECK(!suppressions_parse("bad", 3, &l, small, sizeof(small)) &&
	      strlen(small) == 7);
}

static void test_glob(void)
{
	CHECK(suppression_glob_match("*", ""));
	CHECK(suppression_glob_match("*", "anything"));
	CHECK(suppression_glob_match("abc", "abc"));
	CHECK(!suppression_glob_match("abc", "abcd"));
	CHECK(!suppression_glob_match("abc", "ab"));
	CHECK(suppression_glob_match("*foo*", "my_foo_bar"));
	CHECK(!suppression_glob_match("*foo*", "fo"));
	CHECK(suppression_glob_match("a*c", "abbbc"));
	CHECK(suppression_glob_match("a*c", "ac"));
	CHECK(!suppression_glob_match("a*c", "abcd"));
	CHECK(suppression_glob_match("*a*b*c*", "xaxbxcx"));
	CHECK(!suppression_glob_match("*a*b*c*", "xcxbxax"));
	CHECK(suppression_glob_match("*.c", "/src/x.c"));
	CHECK(!suppression_glob_match("*.c", "/src/x.cc"));
	/* Backtracking after a partial match. */
	CHECK(suppression_glob_match("*aab", "aaab"));
	/* A pathological pattern still answers quickly. */
	char s[2001];
	memset(s, 'a', 2000);
	s[2000] = '\0';
	CHECK(!suppression_glob_match("*a*a*a*a*a*a*a*a*b", s));
}

int main(void)
{
	test_accepts();
	test_errors();
	test_glob();
	return unit_done("test_suppressions");
}
