/* Symbolization of our own process with elfutils' libdwfl: modules from
 * /proc/self/maps, line tables and inlined-call chains from DWARF, names from
 * DWARF or else the ELF symbol table. All state here belongs to the report
 * path, which is serialized by the report lock (see symbolize.h). */
#include "symbolize.h"
#include "alloc.h"

#include <dlfcn.h>
#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define uthash_malloc(sz)    internal_alloc(sz)
#define uthash_free(ptr, sz) internal_free((ptr), (sz))
#define uthash_fatal(msg)    crace_die("%s", (msg))
#include <uthash.h>

/* Deeper inline chains keep their innermost frames and the real function. */
enum { MAX_FRAMES = 32 };

typedef char *(*cxa_demangle_fn)(const char *mangled, char *buf, size_t *len,
				 int *status);

static const Dwfl_Callbacks dwfl_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

/* Created on first use: most runs never report anything. */
static Dwfl *dwfl;

/* libstdc++'s demangler when the program has it loaded; looked up again
 * after a refresh because a dlopen may have brought it in. */
static cxa_demangle_fn cxa_demangle;
static bool cxa_demangle_looked_up;

/* Every string handed out (names, files, modules) is interned here and lives
 * as long as the process, so cached frames can point into it. */
struct interned {
	UT_hash_handle hh;
	char str[];
};
static struct interned *strings;

struct pc_entry {
	uptr pc;
	UT_hash_handle hh;
	int n;
	struct sym_frame frames[];
};
static struct pc_entry *pc_cache;

static const char *intern(const char *s)
{
	if (!s)
		return NULL;
	struct interned *e;
	HASH_FIND_STR(strings, s, e);
	if (e)
		return e->str;
	size_t len = strlen(s);
	e = internal_alloc(sizeof(*e) + len + 1);
	memcpy(e->str, s, len + 1);
	HASH_ADD(hh, strings, str[0], len, e);
	return e->str;
}

/* Demangled copy of a C++ linkage name, or NULL when it is not one or the
 * program has no demangler. */
static const char *demangle(const char *name)
{
	if (strncmp(name, "_Z", 2) != 0)
		return NULL;
	if (!cxa_demangle_looked_up) {
		cxa_demangle =
			(cxa_demangle_fn)dlsym(RTLD_DEFAULT, "__cxa_demangle");
		cxa_demangle_looked_up = true;
	}
	if (!cxa_demangle)
		return NULL;
	int status;
	char *d = cxa_demangle(name, NULL, NULL, &status);
	if (!d)
		return NULL;
	const char *s = intern(d);
	free(d); /* malloc'd by libstdc++ */
	return s;
}

static const char *symbol_name(const char *name)
{
	const char *d = demangle(name);
	return d ? d : intern(name);
}

static const char *attr_string(Dwarf_Die *die, unsigned int name)
{
	Dwarf_Attribute attr;
	if (!dwarf_attr_integrate(die, name, &attr))
		return NULL;
	return dwarf_formstring(&attr);
}

static int attr_int(Dwarf_Die *die, unsigned int name)
{
	Dwarf_Attribute attr;
	Dwarf_Word v;
	if (!dwarf_attr(die, name, &attr) || dwarf_formudata(&attr, &v) != 0)
		return 0;
	return (int)v;
}

/* The demangled linkage name when there is one and a demangler, else the
 * plain DW_AT_name (C functions), following abstract origins and
 * out-of-class declarations. */
static const char *die_function_name(Dwarf_Die *die)
{
	const char *linkage = attr_string(die, DW_AT_linkage_name);
	if (!linkage)
		linkage = attr_string(die, DW_AT_MIPS_linkage_name);
	const char *d = linkage ? demangle(linkage) : NULL;
	if (d)
		return d;
	const char *name = attr_string(die, DW_AT_name);
	if (name)
		return intern(name);
	return intern(linkage);
}

/* Offset of addr into the address range of die that contains it. */
static bool die_range_offset(Dwarf_Die *die, Dwarf_Addr addr, uptr *off)
{
	Dwarf_Addr base, start, end;
	ptrdiff_t it = 0;
	while ((it = dwarf_ranges(die, it, &base, &start, &end)) > 0) {
		if (addr >= start && addr < end) {
			*off = addr - start;
			return true;
		}
	}
	return false;
}

static Dwfl *get_dwfl(void)
{
	if (!dwfl) {
		dwfl = dwfl_begin(&dwfl_callbacks);
		if (!dwfl)
			return NULL;
		dwfl_report_begin(dwfl);
		dwfl_linux_proc_report(dwfl, getpid());
		dwfl_report_end(dwfl, NULL, NULL);
	}
	return dwfl;
}

void symbolize_refresh(void)
{
	cxa_demangle_looked_up = false;
	if (!dwfl)
		return;
	/* Re-reporting keeps the modules that are still mapped at the same
	 * place, along with the debug info already read for them. */
	dwfl_report_begin(dwfl);
	dwfl_linux_proc_report(dwfl, getpid());
	dwfl_report_end(dwfl, NULL, NULL);
}

/* The compile unit containing pc. libdw (0.188) finds it through
 * .debug_aranges, which clang does not emit: then search the CUs' ranges. */
static Dwarf_Die *find_cu(Dwfl_Module *mod, uptr pc, Dwarf_Addr *bias)
{
	Dwarf_Die *cu = dwfl_module_addrdie(mod, pc, bias);
	if (cu)
		return cu;
	while ((cu = dwfl_module_nextcu(mod, cu, bias))) {
		if (dwarf_haspc(cu, pc - *bias) > 0)
			return cu;
	}
	return NULL;
}

/* Fills f with the frames of the inline chain around addr (a DWARF address
 * in cu), innermost first. tmpl has the module fields and the location of
 * addr. Returns the count, or 0 when addr is in no subprogram DWARF knows. */
static int dwarf_frames(Dwarf_Die *cu, Dwarf_Addr addr,
			const struct sym_frame *tmpl, struct sym_frame *f)
{
	Dwarf_Die *scopes;
	int nscopes = dwarf_getscopes(cu, addr, &scopes);
	if (nscopes <= 0)
		return 0;
	/* dwarf_getscopes continues past the innermost inlined instance into
	 * its abstract definition's scopes; the concrete chain of callers is
	 * the DIE nesting of the innermost scope. */
	Dwarf_Die innermost = scopes[0];
	free(scopes);
	nscopes = dwarf_getscopes_die(&innermost, &scopes);
	if (nscopes <= 0)
		return 0;
	Dwarf_Files *files = NULL;
	dwarf_getsrcfiles(cu, &files, NULL);

	struct sym_frame loc = *tmpl; /* where we are in the current frame */
	int n = 0;
	for (int i = 0; i < nscopes; i++) {
		Dwarf_Die *die = &scopes[i];
		int tag = dwarf_tag(die);
		if (tag != DW_TAG_inlined_subroutine &&
		    tag != DW_TAG_subprogram)
			continue;
		loc.function = die_function_name(die);
		if (tag == DW_TAG_subprogram) {
			loc.inlined = false;
			if (!die_range_offset(die, addr, &loc.function_offset))
				loc.function_offset = 0;
			f[n++] = loc;
			break;
		}
		loc.inlined = true;
		if (n < MAX_FRAMES - 1)
			f[n++] = loc;
		/* The caller's location is this call site. */
		Dwarf_Attribute attr;
		Dwarf_Word file;
		loc.file = NULL;
		if (files && dwarf_attr(die, DW_AT_call_file, &attr) &&
		    dwarf_formudata(&attr, &file) == 0)
			loc.file =
				intern(dwarf_filesrc(files, file, NULL, NULL));
		loc.line = attr_int(die, DW_AT_call_line);
		loc.column = attr_int(die, DW_AT_call_column);
	}
	free(scopes);
	/* Without the subprogram, inlined frames cannot be told apart from the
	 * real function: leave it all to the symbol table. */
	if (n > 0 && f[n - 1].inlined)
		return 0;
	for (int i = 0; i < n - 1; i++)
		f[i].function_offset = f[n - 1].function_offset;
	return n;
}

/* Returns the number of frames for pc, 0 when it is in no known module. */
static int compute_frames(uptr pc, struct sym_frame *f)
{
	Dwfl *d = get_dwfl();
	Dwfl_Module *mod = d ? dwfl_addrmodule(d, pc) : NULL;
	if (!mod)
		return 0;
	struct sym_frame loc;
	memset(&loc, 0, sizeof(loc));
	Dwarf_Addr start;
	loc.module = intern(dwfl_module_info(mod, NULL, &start, NULL, NULL,
					     NULL, NULL, NULL));
	GElf_Addr bias;
	if (!dwfl_module_getelf(mod, &bias))
		bias = start;
	loc.module_offset = pc - bias;

	Dwarf_Addr dwbias;
	Dwarf_Die *cu = find_cu(mod, pc, &dwbias);
	int n = 0;
	if (cu) {
		Dwarf_Line *line = dwarf_getsrc_die(cu, pc - dwbias);
		if (line) {
			loc.file = intern(dwarf_linesrc(line, NULL, NULL));
			dwarf_lineno(line, &loc.line);
			dwarf_linecol(line, &loc.column);
		}
		n = dwarf_frames(cu, pc - dwbias, &loc, f);
	}
	if (n > 0 && f[n - 1].function)
		return n;

	GElf_Off off;
	GElf_Sym sym;
	const char *name =
		dwfl_module_addrinfo(mod, pc, &off, &sym, NULL, NULL, NULL);
	if (n > 0) {
		/* A subprogram DWARF gives no name: take the symbol's. */
		f[n - 1].function = name ? symbol_name(name) : NULL;
		return n;
	}
	if (name) {
		loc.function = symbol_name(name);
		loc.function_offset = off;
	}
	f[0] = loc;
	return 1;
}

int symbolize_pc(uptr pc, struct sym_frame *out, int max)
{
	CRACE_CHECK(max >= 1);
	struct pc_entry *e;
	HASH_FIND(hh, pc_cache, &pc, sizeof(pc), e);
	if (!e) {
		struct sym_frame frames[MAX_FRAMES];
		int n = compute_frames(pc, frames);
		if (n == 0) {
			/* Not cached: a later dlopen and refresh may know. */
			memset(&out[0], 0, sizeof(out[0]));
			out[0].module_offset = pc;
			return 1;
		}
		e = internal_alloc(sizeof(*e) + (size_t)n * sizeof(frames[0]));
		e->pc = pc;
		e->n = n;
		memcpy(e->frames, frames, (size_t)n * sizeof(frames[0]));
		HASH_ADD(hh, pc_cache, pc, sizeof(e->pc), e);
	}
	/* Too small an out keeps the innermost frames and the real function. */
	int n = e->n < max ? e->n : max;
	memcpy(out, e->frames, (size_t)(n - 1) * sizeof(out[0]));
	out[n - 1] = e->frames[e->n - 1];
	return n;
}

struct bss_search {
	uptr addr;
	Dwfl_Module *best; /* the module starting last at or below addr */
	Dwarf_Addr best_start;
};

static int bss_search_module(Dwfl_Module *mod, void **userdata,
			     const char *name, Dwarf_Addr start, void *arg)
{
	(void)userdata;
	(void)name;
	struct bss_search *s = arg;
	if (start <= s->addr && (!s->best || start > s->best_start)) {
		s->best = mod;
		s->best_start = start;
	}
	return DWARF_CB_OK;
}

/* The module whose memory image contains addr. Modules come from the named
 * mappings in /proc/self/maps, which leave out the anonymous tail of .bss
 * past the last file page, so look at the program headers too. */
static Dwfl_Module *data_module(Dwfl *d, uptr addr)
{
	Dwfl_Module *mod = dwfl_addrmodule(d, addr);
	if (mod)
		return mod;
	struct bss_search s = {.addr = addr};
	dwfl_getmodules(d, bss_search_module, &s, 0);
	if (!s.best)
		return NULL;
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(s.best, &bias);
	size_t nphdr;
	if (!elf || elf_getphdrnum(elf, &nphdr) != 0)
		return NULL;
	for (size_t i = 0; i < nphdr; i++) {
		GElf_Phdr mem, *ph = gelf_getphdr(elf, (int)i, &mem);
		if (ph && ph->p_type == PT_LOAD && addr >= ph->p_vaddr + bias &&
		    addr - (ph->p_vaddr + bias) < ph->p_memsz)
			return s.best;
	}
	return NULL;
}

bool symbolize_data(uptr addr, struct sym_data *out)
{
	Dwfl *d = get_dwfl();
	Dwfl_Module *mod = d ? data_module(d, addr) : NULL;
	if (!mod)
		return false;
	GElf_Off off;
	GElf_Sym sym;
	const char *name =
		dwfl_module_addrinfo(mod, addr, &off, &sym, NULL, NULL, NULL);
	if (!name || off >= sym.st_size)
		return false;
	int type = GELF_ST_TYPE(sym.st_info);
	if (type != STT_OBJECT && type != STT_COMMON)
		return false;
	out->name = symbol_name(name);
	out->start = addr - off;
	out->size = sym.st_size;
	out->module = intern(dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL,
					      NULL, NULL));
	return true;
}
