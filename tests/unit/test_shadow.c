/* Shadow encoding: record fields round-trip, extension tags are told apart
 * from records (also by the own-records test), cells are found for any user
 * address and reset clears them (including whole pages given back to the
 * kernel). */
#include "access.h"
#include "shadow.h"
#include "unit.h"
#include <stdlib.h>

int main(void)
{
	u64 r = rec_epoch(0xbeef, 123456789) | REC_WRITE | 0x0f;
	CHECK(rec_slot(r) == 0xbeef);
	CHECK(rec_clock(r) == 123456789);
	CHECK(rec_mask(r) == 0x0f);
	CHECK(rec_is_write(r) && !rec_is_atomic(r));
	CHECK(!rec_is_ext(r) && !rec_is_ext(0));
	u64 a = rec_epoch(1, REC_MAX_CLOCK) | REC_ATOMIC | 0x80;
	CHECK(rec_clock(a) == REC_MAX_CLOCK && rec_slot(a) == 1);
	CHECK(rec_is_atomic(a) && !rec_is_write(a));

	/* The own-records test: this slot, another epoch; never a tag, even
	 * one whose index bits line up with the slot (index 1, slot 1). */
	u64 epoch = rec_epoch(1, 7);
	CHECK(own_older(epoch, 0));
	CHECK(own_older(epoch, rec_epoch(1, 6) | 0xff));
	CHECK(!own_older(epoch, rec_epoch(1, 7) | 0xff));
	CHECK(!own_older(epoch, rec_epoch(2, 6) | 0xff));
	CHECK(rec_is_ext(1ull << 8) && !own_older(epoch, 1ull << 8));
	CHECK(!own_older(rec_epoch(1, 0), 0));

	shadow_init();
	struct shadow_ext *e;
	u64 tag = shadow_ext_alloc(&e);
	CHECK(rec_is_ext(tag) && shadow_ext_of(tag) == e);
	shadow_ext_free(tag);

	/* Heap, stack, globals and far-apart addresses all get cells. */
	static int global;
	int local;
	char *heap = malloc(1 << 20);
	uptr addrs[] = {(uptr)&global, (uptr)&local, (uptr)heap, (uptr)0x10000,
			(uptr)0x7ffffffff000};
	for (unsigned i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		struct shadow_cell *c = shadow_cell_get(addrs[i]);
		CHECK(c != NULL && c == shadow_cell_peek(addrs[i]));
		CHECK(!shadow_cell_used(c));
	}
	CHECK(shadow_cell_get((uptr)1 << 47) == NULL);

	/* Neighbouring granules are neighbouring cells; bytes of one granule
	 * share a cell. */
	CHECK(shadow_cell_get((uptr)heap + 8) ==
	      shadow_cell_get((uptr)heap) + 1);
	CHECK(shadow_cell_get((uptr)heap + 7) == shadow_cell_get((uptr)heap));

	/* Reset clears small and page-sized ranges and frees extensions. */
	for (uptr off = 0; off < (1 << 20); off += 8)
		shadow_cell_get((uptr)heap + off)->rec[0] = r;
	shadow_cell_get((uptr)heap + 64)->rec[CELL_TAG] = shadow_ext_alloc(&e);
	shadow_reset((uptr)heap + 8, 16);
	CHECK(shadow_cell_peek((uptr)heap)->rec[0] == r);
	CHECK(shadow_cell_peek((uptr)heap + 8)->rec[0] == 0);
	CHECK(shadow_cell_peek((uptr)heap + 16)->rec[0] == 0);
	CHECK(shadow_cell_peek((uptr)heap + 24)->rec[0] == r);
	shadow_reset((uptr)heap + 32, (1 << 20) - 64);
	CHECK(shadow_cell_peek((uptr)heap + 64)->rec[CELL_TAG] == 0);
	int left = 0;
	for (uptr off = 32; off < (1 << 20) - 32; off += 8)
		left += shadow_cell_peek((uptr)heap + off)->rec[0] != 0;
	CHECK(left == 0);
	CHECK(shadow_cell_peek((uptr)heap + (1 << 20) - 32)->rec[0] == r);
	free(heap);
	return unit_done("shadow");
}
