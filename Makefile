# crace: build, test, demo and benchmark everything from here.
#   make demo    install missing Debian packages, build, show a race report
#   make check   build and run every test; last line "N passed, M failed"
#   make bench   native vs ThreadSanitizer vs crace on bench/
#   make stress  long robustness runs (stress/run.sh): a table of scenario,
#                result, peak RSS and time
LLVM_CONFIG ?= llvm-config-14
CC          := clang-14
CXX         := clang++-14
BUILD       := build

WARN        := -Wall -Wextra -Werror
RT_CFLAGS   := -std=c11 -D_GNU_SOURCE -O2 -g -fPIC $(WARN) -Iinclude \
	       -fvisibility=hidden -ftls-model=initial-exec -fno-stack-protector \
	       -fno-omit-frame-pointer -momit-leaf-frame-pointer -mcx16 \
	       $(EXTRA_CFLAGS)
RT_LIBS     := -lunwind -ldw -lelf -ldl -lpthread
PASS_CXXFLAGS = $(shell $(LLVM_CONFIG) --cxxflags) -std=c++17 -fPIC -O2 -g \
	       $(WARN) -Wno-unused-parameter -Iinclude
PASS_LDFLAGS  = $(shell $(LLVM_CONFIG) --ldflags)

RT_SRCS     := $(wildcard runtime/*.c)
RT_OBJS     := $(RT_SRCS:runtime/%.c=$(BUILD)/rt/%.o)
RT_HDRS     := $(wildcard runtime/*.h runtime/*.def include/*.h)
PASS_SRCS   := llvm-pass/CracePass.cpp
UNIT_SRCS   := $(wildcard tests/unit/*.c)
UNIT_BINS   := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
DEPS_STAMP  := $(BUILD)/.deps-ok

.PHONY: all deps demo check check-unit check-lit bench bench-quick stress \
	stress-quick format clean

all: $(BUILD)/libcrace.so $(BUILD)/libcrace-pass.so

$(DEPS_STAMP): scripts/deps.sh
	@mkdir -p $(BUILD)
	@scripts/deps.sh
	@touch $@

deps: $(DEPS_STAMP)

$(BUILD)/rt/%.o: runtime/%.c $(RT_HDRS) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(RT_CFLAGS) -c $< -o $@

$(BUILD)/libcrace.so: $(RT_OBJS)
	$(CC) -shared -o $@ $^ $(RT_LIBS)

$(BUILD)/libcrace-pass.so: $(PASS_SRCS) include/crace_abi.h $(DEPS_STAMP)
	@mkdir -p $(BUILD)
	$(CXX) $(PASS_CXXFLAGS) -shared -o $@ $(PASS_SRCS) $(PASS_LDFLAGS)

# Unit tests link the runtime's objects directly (no LD_PRELOAD), so they can
# call internal functions.
$(BUILD)/unit/%: tests/unit/%.c $(RT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -mcx16 $(WARN) -Iinclude -Iruntime $< \
		$(filter-out $(BUILD)/rt/interceptors_%.o $(BUILD)/rt/init.o,$(RT_OBJS)) \
		-o $@ $(RT_LIBS)

# The runtime's own race-freedom: the threaded unit stress (and the trace's
# writer/reader test) built with ThreadSanitizer (whose runtime defines the
# same Annotate* entry points as annotations.c: the linker keeps ours, which
# the stress does not call, and TSan's are not needed), and built for helgrind
# (DWARF 4 for valgrind 3.19, and the annotations of runtime/self_check.h).
# Both link the runtime's objects like the unit tests do.
UNIT_RT_SRCS := $(filter-out runtime/interceptors_%.c runtime/init.c,$(RT_SRCS))
TSAN_OBJS   := $(UNIT_RT_SRCS:runtime/%.c=$(BUILD)/tsan/rt/%.o)
HG_OBJS     := $(UNIT_RT_SRCS:runtime/%.c=$(BUILD)/helgrind/rt/%.o)
SAN_CFLAGS  := $(filter-out -g -O2,$(RT_CFLAGS))

$(BUILD)/tsan/rt/%.o: runtime/%.c $(RT_HDRS) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC tsan $<"
	@$(CC) $(SAN_CFLAGS) -O1 -g -fsanitize=thread -c $< -o $@

$(BUILD)/tsan/test_stress: tests/unit/test_stress.c $(TSAN_OBJS)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -mcx16 -fsanitize=thread $(WARN) \
		-Iinclude -Iruntime $^ -o $@ $(RT_LIBS) \
		-Wl,--allow-multiple-definition # see above

$(BUILD)/tsan/test_trace: tests/unit/test_trace.c $(TSAN_OBJS)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=thread $(WARN) \
		-Iinclude -Iruntime $^ -o $@ $(RT_LIBS) \
		-Wl,--allow-multiple-definition # see above

$(BUILD)/helgrind/rt/%.o: runtime/%.c $(RT_HDRS) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC helgrind $<"
	@$(CC) $(SAN_CFLAGS) -O1 -gdwarf-4 -DCRACE_HELGRIND -c $< -o $@

$(BUILD)/helgrind/test_stress: tests/unit/test_stress.c $(HG_OBJS)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -gdwarf-4 -mcx16 -DCRACE_HELGRIND \
		$(WARN) -Iinclude -Iruntime $^ -o $@ $(RT_LIBS)

# libFuzzer target over the CRACE_OPTIONS parser.
$(BUILD)/fuzz/options_fuzz: tests/fuzz/options_fuzz.c runtime/options.c \
		runtime/alloc.c $(RT_HDRS) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address $(WARN) \
		-Iinclude -Iruntime tests/fuzz/options_fuzz.c runtime/options.c \
		runtime/alloc.c -o $@

# ... and over the suppressions-file parser (pure, so it links alone; the
# target supplies a malloc-backed allocator so ASan sees its buffers).
$(BUILD)/fuzz/suppressions_fuzz: tests/fuzz/suppressions_fuzz.c \
		runtime/suppressions.c $(RT_HDRS) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address $(WARN) \
		-Iinclude -Iruntime tests/fuzz/suppressions_fuzz.c \
		runtime/suppressions.c -o $@

STRESS_TOOLS := $(BUILD)/tsan/test_stress $(BUILD)/tsan/test_trace \
	$(BUILD)/helgrind/test_stress \
	$(BUILD)/fuzz/options_fuzz $(BUILD)/fuzz/suppressions_fuzz

stress: all $(STRESS_TOOLS)
	@stress/run.sh

stress-quick: all $(STRESS_TOOLS)
	@STRESS_QUICK=1 stress/run.sh

demo: all
	@scripts/demo.sh

check: all $(UNIT_BINS)
	@scripts/check.sh $(UNIT_BINS)

bench: all
	@bench/run.sh

bench-quick: all
	@BENCH_QUICK=1 bench/run.sh

format:
	clang-format -i runtime/*.c runtime/*.h include/*.h llvm-pass/*.cpp tests/unit/*.c \
		tests/fuzz/*.c stress/*.c

clean:
	rm -rf $(BUILD) tests/lit/Output
