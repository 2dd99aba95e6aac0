/* Range accesses (access_range.c): the scan that skips granules this thread
 * already covered must skip exactly those. Cells are given the thread's
 * record in varying slots (runs in one slot, changes of slot, gaps at every
 * position of the scan's blocks, a write record standing for a read, an
 * own read that does not stand for a write, a record held in an extension)
 * and then one range access is made: every granule must be covered after
 * it, and the ones covered before must be unchanged (nothing stored). A
 * granule the scan wrongly skipped stays uncovered. */
#include "access.h"
#include "options.h"
#include "sync.h"
#include "unit.h"
#include <stdlib.h>
#include <string.h>

#define GRANULES 600

static struct crace_thread *thr;

static bool covered(struct shadow_cell *c, u64 rec)
{
	u64 tag = c->rec[CELL_TAG];
	return cell_covers_full(c, rec) ||
	       (rec_is_ext(tag) && ext_covers(c, tag, rec));
}

/* Fills the cells of g[0..n) as pattern says per granule, accesses granules
 * first..last-1 as one range, checks each of them. */
static void run(u64 *g, const char *pattern, uptr first, uptr last,
		unsigned flags)
{
	u64 own = access_record(thr, 0xff, flags),
	    read = access_record(thr, 0xff, 0);
	/* Another thread's read beside ours (for reads only: it would race
	 * with a write). */
	u64 other = flags & ACC_WRITE ? 0 : rec_epoch(thr->slot + 1, 5) | 0xff;
	struct shadow_cell before[GRANULES];
	uptr n = strlen(pattern);
	for (uptr i = 0; i < n; i++) {
		struct shadow_cell *c = shadow_cell_get((uptr)&g[i]);
		memset(c, 0, sizeof(*c));
		c->rec[0] = other;
		char p = pattern[i];
		if (p >= '0' && p <= '3')
			c->rec[p - '0'] = own;
		else if (p == 'w') /* a write stands for a read */
			c->rec[1] = own | REC_WRITE;
		else if (p == 'r') /* a read does not stand for a write */
			c->rec[2] = read;
		else if (p == 'x' || p == 'y') {
			/* The record is in an extension, or is not there. */
			struct shadow_ext *e;
			u64 tag = shadow_ext_alloc(&e);
			e->rec[0] = p == 'x' ? own : other ? other : read;
			e->n = 1;
			c->rec[0] = 0;
			c->rec[CELL_TAG] = tag;
		}
		before[i] = *c;
	}
	access_range(thr, (uptr)&g[first], (last - first) * GRANULE_SIZE, flags,
		     (uptr)&run);
	for (uptr i = first; i < last; i++) {
		struct shadow_cell *c = shadow_cell_peek((uptr)&g[i]);
		char p = pattern[i];
		/* Covered before, in the cell itself ('x' gets a copy). */
		bool had = strchr("0123w", p) ||
			   (p == 'r' && !(flags & ACC_WRITE));
		if (!covered(c, own))
			printf("granule %lu of \"%s\" (flags %u) not covered\n",
			       (unsigned long)i, pattern, flags);
		CHECK(covered(c, own));
		if (had)
			CHECK(!memcmp(c, &before[i], sizeof(*c)));
	}
	for (uptr i = 0; i < n; i++) {
		struct shadow_cell *c = shadow_cell_peek((uptr)&g[i]);
		if (rec_is_ext(c->rec[CELL_TAG]))
			shadow_ext_free(c->rec[CELL_TAG]);
		memset(c, 0, sizeof(*c));
	}
}

int main(void)
{
	options_parse(NULL);
	shadow_init();
	sync_init();
	thread_init_main();
	thr = cur_thread();
	u64 *g = aligned_alloc(64, GRANULES * sizeof(u64));

	/* '0'..'3': the own record in that slot; '.': missing; 'w', 'r', 'x',
	 * 'y' as in run(). Gaps at each position of an 8-cell block, slot
	 * changes inside and between blocks, ranges shorter than a block. */
	static const char *const patterns[] = {
		"0000000000000000000000000000000000000000",
		"1111111111111111111111111111111111111111",
		".0000000000000000000000000000000000000000",
		"0000000.000000000000000000000000000000000",
		"000000000000000.000000000000000000000000.",
		"00000000000000000000000000000000000000000.",
		"222222222222222222222222222222221111111111111111",
		"0101010101010101010101010101010101010101",
		"0000000011111111222222223333333300000000",
		"2222.2222222222.22222222.2222222222222222",
		"wwwwwwwwwwwwwwwwwwwwwwwwrwwwwwwwwwwwwwww",
		"000000000000x0000000000000000000xxxxxxxxxxxxx00",
		"0000000000y000000000000000000000xxxxyxxxxxxxx00",
		"0",
		".",
		"0.",
		".0",
		"0000000",
		"00000000.",
		"3333333",
	};
	for (unsigned p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++)
		for (unsigned flags = 0; flags <= ACC_WRITE; flags++) {
			uptr n = strlen(patterns[p]);
			run(g, patterns[p], 0, n, flags);
			if (n > 3) /* ranges starting and ending mid-pattern */
				run(g, patterns[p], 1, n - 2, flags);
		}

	/* Random patterns over long ranges, mostly runs of one slot. */
	static char pattern[GRANULES + 1];
	unsigned s = 12345;
	for (int t = 0; t < 200; t++) {
		char cur = '0';
		for (int i = 0; i < GRANULES; i++) {
			s = s * 1103515245 + 12345;
			unsigned r = (s >> 16) % 64;
			if (r == 0)
				cur = "0123"[(s >> 8) % 4];
			pattern[i] = r == 1 ? '.' : r == 2 ? 'w' : cur;
		}
		pattern[GRANULES] = 0;
		run(g, pattern, 0, GRANULES, t & 1 ? ACC_WRITE : 0);
	}
	free(g);
	return unit_done("range");
}
