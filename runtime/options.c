/* CRACE_OPTIONS parsing. The keys, types, defaults and ranges come from
 * options.def alone; this file only knows the three value types. */
#include "options.h"
#include "alloc.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

struct crace_options crace_opts;

enum opt_type { OPT_TYPE_BOOL, OPT_TYPE_INT, OPT_TYPE_STR, OPT_TYPE_ENUM };

struct opt_desc {
	const char *name;
	enum opt_type type;
	int lo, hi;	     /* OPT_TYPE_INT only */
	const char *choices; /* OPT_TYPE_ENUM only: "a|b|c" */
	size_t offset;	     /* of the field in struct crace_options */
};

static const struct opt_desc opt_descs[] = {
#define OPT_BOOL(name, def, help)                                              \
	{#name, OPT_TYPE_BOOL, 0,                                              \
	 0,	NULL,	       offsetof(struct crace_options, name)},
#define OPT_INT(name, def, lo, hi, help)                                       \
	{#name, OPT_TYPE_INT, lo,                                              \
	 hi,	NULL,	      offsetof(struct crace_options, name)},
#define OPT_STR(name, def, help)                                               \
	{#name, OPT_TYPE_STR, 0, 0, NULL, offsetof(struct crace_options, name)},
#define OPT_ENUM(name, def, choices, help)                                     \
	{#name, OPT_TYPE_ENUM, 0,                                              \
	 0,	choices,       offsetof(struct crace_options, name)},
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM
};

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ':';
}

static const struct opt_desc *find_option(const char *key, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(opt_descs); i++) {
		if (strlen(opt_descs[i].name) == len &&
		    memcmp(opt_descs[i].name, key, len) == 0)
			return &opt_descs[i];
	}
	return NULL;
}

static bool token_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

static bool parse_bool(const char *s, size_t len, bool *out)
{
	if (token_is(s, len, "1") || token_is(s, len, "true") ||
	    token_is(s, len, "yes")) {
		*out = true;
		return true;
	}
	if (token_is(s, len, "0") || token_is(s, len, "false") ||
	    token_is(s, len, "no")) {
		*out = false;
		return true;
	}
	return false;
}

/* Optional sign, then decimal digits only, within [lo, hi]. */
static bool parse_int(const char *s, size_t len, int lo, int hi, int *out)
{
	bool neg = false;
	size_t i = 0;
	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	long long v = 0;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > (long long)INT_MAX + 1)
			return false; /* out of any int range; stops overflow */
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Whether the value is one of the choices "a|b|c". */
static bool parse_enum(const char *s, size_t len, const char *choices)
{
	for (const char *c = choices; *c;) {
		size_t n = strcspn(c, "|");
		if (n == len && memcmp(c, s, len) == 0)
			return true;
		c += n + (c[n] == '|');
	}
	return false;
}

/* A bad key or value as the error message quotes it: control bytes
 * escaped, cut after QUOTE_MAX bytes, so the message stays one line that a
 * terminal shows as it is. */
#define QUOTE_MAX 64
struct quoted {
	char s[QUOTE_MAX * 4 + 4];
};

static const char *quote(const char *s, size_t len, struct quoted *q)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (size_t i = 0; i < len && i < QUOTE_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f) {
			q->s[o++] = '\\';
			q->s[o++] = 'x';
			q->s[o++] = hex[c >> 4];
			q->s[o++] = hex[c & 15];
		} else {
			q->s[o++] = (char)c;
		}
	}
	if (len > QUOTE_MAX)
		for (int i = 0; i < 3; i++)
			q->s[o++] = '.';
	q->s[o] = '\0';
	return q->s;
}

static void set_option(const struct opt_desc *d, const char *val, size_t len)
{
	char *field = (char *)&crace_opts + d->offset;
	struct quoted q;
	switch (d->type) {
	case OPT_TYPE_BOOL:
		if (!parse_bool(val, len, (bool *)field))
			crace_die("invalid value '%s' for option '%s' in "
				  "CRACE_OPTIONS (expected 0, 1, true, false, "
				  "yes or no)",
				  quote(val, len, &q), d->name);
		break;
	case OPT_TYPE_INT:
		if (!parse_int(val, len, d->lo, d->hi, (int *)field))
			crace_die("invalid value '%s' for option '%s' in "
				  "CRACE_OPTIONS (expected an integer in [%d, "
				  "%d])",
				  quote(val, len, &q), d->name, d->lo, d->hi);
		break;
	case OPT_TYPE_ENUM:
		if (!parse_enum(val, len, d->choices))
			crace_die("invalid value '%s' for option '%s' in "
				  "CRACE_OPTIONS (expected one of %s)",
				  quote(val, len, &q), d->name, d->choices);
		/* fall through: stored as the string it is */
	case OPT_TYPE_STR: {
		char *s = internal_alloc(len + 1);
		memcpy(s, val, len);
		s[len] = '\0';
		/* Replaced strings are not freed: options are parsed once at
		 * start-up, and a default is a literal. */
		*(const char **)field = s;
		break;
	}
	}
}

void options_parse(const char *spec)
{
#define OPT_BOOL(name, def, help)	   crace_opts.name = def;
#define OPT_INT(name, def, lo, hi, help)   crace_opts.name = def;
#define OPT_STR(name, def, help)	   crace_opts.name = def;
#define OPT_ENUM(name, def, choices, help) crace_opts.name = def;
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM

	if (!spec)
		return;
	const char *p = spec;
	for (;;) {
		while (is_separator(*p))
			p++;
		if (!*p)
			break;
		const char *tok = p;
		while (*p && !is_separator(*p))
			p++;
		size_t tok_len = (size_t)(p - tok);
		const char *eq = memchr(tok, '=', tok_len);
		size_t key_len = eq ? (size_t)(eq - tok) : tok_len;
		const struct opt_desc *d = find_option(tok, key_len);
		if (!d) {
			struct quoted q;
			crace_die("unknown option '%s' in CRACE_OPTIONS",
				  quote(tok, key_len, &q));
		}
		if (!eq)
			crace_die("option '%s' in CRACE_OPTIONS has no value "
				  "(expected %s=...)",
				  d->name, d->name);
		set_option(d, eq + 1, tok_len - key_len - 1);
	}
}
