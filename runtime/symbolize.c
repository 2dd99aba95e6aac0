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
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hashtable.h"

/* Deeper inline chains fall back to the ELF symbol. */
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

/* The demangled linkage name when there is one and a demangler (*demangled
 * is then set), else the plain DW_AT_name (C functions; some C++ functions
 * whose DWARF has no linkage name), following abstract origins and
 * out-of-class declarations. */
static const char *die_function_name(Dwarf_Die *die, bool *demangled)
{
	const char *linkage = attr_string(die, DW_AT_linkage_name);
	if (!linkage)
		linkage = attr_string(die, DW_AT_MIPS_linkage_name);
	const char *d = linkage ? demangle(linkage) : NULL;
	*demangled = d != NULL;
	if (d)
		return d;
	const char *name = attr_string(die, DW_AT_name);
	if (name)
		return intern(name);
	return intern(linkage);
}

/* A source file name from the line table of unit, made absolute with the
 * unit's compilation directory when that is absolute: libdw leaves relative
 * include directories (-Iinclude) relative. */
static const char *source_path(Dwarf_Die *unit, const char *name)
{
	if (!name)
		return NULL;
	const char *dir = attr_string(unit, DW_AT_comp_dir);
	char buf[PATH_MAX];
	if (name[0] != '/' && dir && dir[0] == '/' &&
	    (size_t)snprintf(buf, sizeof(buf), "%s/%s", dir, name) <
		    sizeof(buf))
		return intern(buf);
	return intern(name);
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

/* Collects the subprogram and inlined_subroutine DIEs containing addr into
 * chain, outermost first; returns their count, or 0 when there are more than
 * max. Unlike dwarf_getscopes, this looks inside namespaces, where clang puts
 * C++ functions, and follows the concrete nesting of inlined instances. */
static int function_chain(Dwarf_Die *cu, Dwarf_Addr addr, Dwarf_Die *chain,
			  int max)
{
	Dwarf_Die outer[16]; /* namespaces and imported units being searched */
	int nouter = 0, n = 0;
	Dwarf_Die die, inside, next;
	if (dwarf_child(cu, &die) != 0)
		return 0;
	for (;;) {
		Dwarf_Attribute attr;
		Dwarf_Die unit;
		switch (dwarf_tag(&die)) {
		case DW_TAG_namespace:
			if (nouter < (int)ARRAY_SIZE(outer) &&
			    dwarf_child(&die, &inside) == 0) {
				outer[nouter++] = die;
				die = inside;
				continue;
			}
			break;
		case DW_TAG_imported_unit: /* dwz-compressed debug info */
			if (nouter < (int)ARRAY_SIZE(outer) &&
			    dwarf_attr(&die, DW_AT_import, &attr) &&
			    dwarf_formref_die(&attr, &unit) &&
			    dwarf_child(&unit, &inside) == 0) {
				outer[nouter++] = die;
				die = inside;
				continue;
			}
			break;
		case DW_TAG_subprogram:
		case DW_TAG_inlined_subroutine:
		case DW_TAG_lexical_block:
		case DW_TAG_try_block:
		case DW_TAG_catch_block:
			if (dwarf_haspc(&die, addr) <= 0)
				break;
			if (dwarf_tag(&die) == DW_TAG_subprogram ||
			    dwarf_tag(&die) == DW_TAG_inlined_subroutine) {
				if (n == max)
					return 0;
				chain[n++] = die;
			}
			if (dwarf_child(&die, &inside) != 0)
				return n;
			nouter = 0; /* no need to come back out of die */
			die = inside;
			continue;
		}
		while (dwarf_siblingof(&die, &next) != 0) {
			if (nouter == 0)
				return n;
			die = outer[--nouter];
		}
		die = next;
	}
}

/* Fills f with the frames of the inline chain around addr (a DWARF address
 * in cu), innermost first. tmpl has the module fields and the location of
 * addr. Returns the count, or 0 when addr is in no subprogram DWARF knows;
 * *demangled tells whether the real function's name is a demangled one. */
static int dwarf_frames(Dwarf_Die *cu, Dwarf_Addr addr,
			const struct sym_frame *tmpl, struct sym_frame *f,
			bool *demangled)
{
	Dwarf_Die chain[MAX_FRAMES];
	int n = function_chain(cu, addr, chain, MAX_FRAMES);
	if (n == 0 || dwarf_tag(&chain[0]) != DW_TAG_subprogram)
		return 0;
	uptr offset;
	if (!die_range_offset(&chain[0], addr, &offset))
		offset = 0;
	struct sym_frame loc = *tmpl; /* where we are in the current frame */
	for (int i = n - 1; i >= 0; i--) {
		Dwarf_Die *die = &chain[i];
		loc.function = die_function_name(die, demangled);
		loc.function_offset = offset;
		loc.inlined = i > 0;
		f[n - 1 - i] = loc;
		if (i == 0)
			break;
		/* The caller's location is this call site, its file in the
		 * line table of the unit holding the DIE (the CU, or a
		 * partial unit). */
		Dwarf_Die unit;
		Dwarf_Files *files;
		Dwarf_Attribute attr;
		Dwarf_Word file;
		loc.file = NULL;
		if (dwarf_diecu(die, &unit, NULL, NULL) &&
		    dwarf_getsrcfiles(&unit, &files, NULL) == 0 &&
		    dwarf_attr(die, DW_AT_call_file, &attr) &&
		    dwarf_formudata(&attr, &file) == 0)
			loc.file = source_path(
				&unit, dwarf_filesrc(files, file, NULL, NULL));
		loc.line = attr_int(die, DW_AT_call_line);
		loc.column = attr_int(die, DW_AT_call_column);
	}
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
	bool demangled = false;
	if (cu) {
		Dwarf_Line *line = dwarf_getsrc_die(cu, pc - dwbias);
		if (line) {
			loc.file = source_path(cu,
					       dwarf_linesrc(line, NULL, NULL));
			dwarf_lineno(line, &loc.line);
			dwarf_linecol(line, &loc.column);
		}
		n = dwarf_frames(cu, pc - dwbias, &loc, f, &demangled);
	}
	if (n > 0 && demangled)
		return n;

	GElf_Off off;
	GElf_Sym sym;
	const char *name =
		dwfl_module_addrinfo(mod, pc, &off, &sym, NULL, NULL, NULL);
	if (n > 0) {
		/* DWARF has only a plain name, or none, for the real function:
		 * a C++ symbol also gives its scope and parameters. */
		const char *full = name ? demangle(name) : NULL;
		if (full)
			f[n - 1].function = full;
		else if (!f[n - 1].function && name)
			f[n - 1].function = intern(name);
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
