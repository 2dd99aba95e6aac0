/* Vector clocks: join, copy, ordering, growth. */
#include "unit.h"
#include "vclock.h"

int main(void)
{
	struct vclock a, b;
	vc_init(&a);
	vc_init(&b);
	CHECK(vc_get(&a, 5) == 0);
	CHECK(vc_leq(&a, &b));

	vc_set(&a, 0, 3);
	vc_set(&a, 2, 7);
	CHECK(a.size == 3 && vc_get(&a, 1) == 0 && vc_get(&a, 2) == 7);
	CHECK(!vc_leq(&a, &b));
	CHECK(vc_leq(&b, &a));

	vc_set(&b, 1, 4);
	vc_set(&b, 2, 5);
	CHECK(vc_join(&b, &a));
	CHECK(vc_get(&b, 0) == 3 && vc_get(&b, 1) == 4 && vc_get(&b, 2) == 7);
	CHECK(!vc_join(&b, &a)); /* nothing new the second time */
	CHECK(vc_leq(&a, &b));

	/* Growth well past the initial capacity keeps old entries. */
	vc_set(&a, 1000, 9);
	CHECK(vc_get(&a, 1000) == 9 && vc_get(&a, 2) == 7 &&
	      vc_get(&a, 999) == 0);

	/* Copy replaces, including entries beyond the source's size. */
	vc_copy(&a, &b);
	CHECK(vc_get(&a, 1000) == 0 && vc_get(&a, 1) == 4);
	CHECK(vc_leq(&a, &b) && vc_leq(&b, &a));

	/* The count of changes (sync.c's release relies on it): every set,
	 * copy and join that raises an entry counts; a join that raises
	 * nothing does not. */
	u64 before = a.changes;
	CHECK(!vc_join(&a, &b) && a.changes == before);
	vc_set(&b, 3, 11);
	CHECK(vc_join(&a, &b) && a.changes == before + 1);
	vc_set(&a, 0, 1);
	CHECK(a.changes == before + 2);
	vc_copy(&a, &b);
	CHECK(a.changes == before + 3);

	vc_free(&a);
	vc_free(&b);
	CHECK(a.size == 0 && vc_get(&a, 0) == 0);
	return unit_done("vclock");
}
