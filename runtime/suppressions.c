/* Suppressions: parsing the file (a pure function over a buffer, so it can
 * be unit-tested and fuzzed) and matching reports against it. */
#include "suppressions.h"
#include "alloc.h"
#include "options.h"
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name;
	enum suppression_type type;
} supp_types[] = {
	{"race", SUPP_RACE},
	{"race_top", SUPP_RACE_TOP},
};

static struct suppression_list loaded;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* A '*' glob from a TSan pattern: unanchored ends match anything. */
static char *make_glob(const char *p, size_t len)
{
	bool head = len && p[0] == '^';
	bool tail = len > head && p[len - 1] == '$';
	const char *body = p + head;
	size_t blen = len - head - tail;
	char *g = internal_alloc(blen + 3);
	size_t k = 0;
	if (!head)
		g[k++] = '*';
	memcpy(g + k, body, blen);
	k += blen;
	if (!tail)
		g[k++] = '*';
	g[k] = '\0';
	return g;
}

static void add(struct suppression_list *l, enum suppression_type type,
		char *glob)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		l->items =
			internal_realloc(l->items, l->cap * sizeof(l->items[0]),
					 cap * sizeof(l->items[0]));
		l->cap = cap;
	}
	l->items[l->n].type = type;
	l->items[l->n].glob = glob;
	l->n++;
}

bool suppressions_parse(const char *buf, size_t len,
			struct suppression_list *out, char *err, size_t errlen)
{
	int lineno = 0;
	size_t pos = 0;
	while (pos < len) {
		lineno++;
		size_t end = pos;
		while (end < len && buf[end] != '\n')
			end++;
		size_t a = pos, b = end;
		pos = end + 1;
		while (a < b && is_blank(buf[a]))
			a++;
		while (b > a && is_blank(buf[b - 1]))
			b--;
		if (a == b || buf[a] == '#')
			continue;
		const char *line = buf + a;
		size_t n = b - a;
		if (memchr(line, '\0', n)) {
			snprintf(err, errlen, "line %d: NUL byte", lineno);
			return false;
		}
		const char *colon = memchr(line, ':', n);
		if (!colon) {
			snprintf(err, errlen,
				 "line %d: expected <type>:<pattern>, got "
				 "'%.*s'",
				 lineno, (int)(n > 60 ? 60 : n), line);
			return false;
		}
		size_t tlen = (size_t)(colon - line);
		size_t i = 0;
		while (i < ARRAY_SIZE(supp_types) &&
		       !(strlen(supp_types[i].name) == tlen &&
			 !memcmp(supp_types[i].name, line, tlen)))
			i++;
		if (i == ARRAY_SIZE(supp_types)) {
			snprintf(err, errlen,
				 "line %d: unknown suppression type '%.*s' "
				 "(expected race or race_top)",
				 lineno, (int)(tlen > 60 ? 60 : tlen), line);
			return false;
		}
		const char *pat = colon + 1;
		size_t plen = n - tlen - 1;
		while (plen && is_blank(*pat)) {
			pat++;
			plen--;
		}
		if (!plen || (plen == 1 && (*pat == '^' || *pat == '$'))) {
			snprintf(err, errlen, "line %d: empty pattern", lineno);
			return false;
		}
		add(out, supp_types[i].type, make_glob(pat, plen));
	}
	if (errlen)
		err[0] = '\0';
	return true;
}

/* Iterative with one backtrack point: linear in practice, quadratic at
 * worst, never exponential. */
bool suppression_glob_match(const char *glob, const char *s)
{
	const char *star = NULL, *resume = NULL;
	while (*s) {
		if (*glob == '*') {
			star = glob++;
			resume = s;
		} else if (*glob && *glob == *s) {
			glob++;
			s++;
		} else if (star) {
			glob = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*glob == '*')
		glob++;
	return !*glob;
}

static char *read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		crace_die("cannot open suppressions file '%s': %s", path,
			  strerror(errno));
	size_t cap = 4096, n = 0;
	char *buf = internal_alloc(cap);
	for (;;) {
		if (n == cap) {
			buf = internal_realloc(buf, cap, cap * 2);
			cap *= 2;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			crace_die("cannot read suppressions file '%s': %s",
				  path, strerror(errno));
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return buf;
}

void suppressions_init(void)
{
	const char *path = crace_opts.suppressions;
	if (!path[0])
		return;
	size_t len;
	char *buf = read_file(path, &len);
	char err[256];
	if (!suppressions_parse(buf, len, &loaded, err, sizeof(err)))
		crace_die("suppressions file '%s' %s", path, err);
}

static bool match_str(const char *glob, const char *s)
{
	return s && suppression_glob_match(glob, s);
}

static bool match_frame(const char *glob, const struct report_frame *f)
{
	return match_str(glob, f->function) || match_str(glob, f->file) ||
	       match_str(glob, f->module);
}

static bool match_one(const struct suppression *s, const struct report *r)
{
	for (int i = 0; i < r->nmops; i++) {
		const struct report_stack *st = &r->mops[i].stack;
		u32 n = s->type == SUPP_RACE_TOP && st->n ? 1 : st->n;
		for (u32 j = 0; j < n; j++)
			if (match_frame(s->glob, &st->frames[j]))
				return true;
	}
	return s->type == SUPP_RACE && r->loc.kind == LOC_GLOBAL &&
	       match_str(s->glob, r->loc.name);
}

bool suppressions_match_report(const struct report *r)
{
	for (size_t i = 0; i < loaded.n; i++)
		if (match_one(&loaded.items[i], r))
			return true;
	return false;
}
