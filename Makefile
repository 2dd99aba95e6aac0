# crace: build, test, demo and benchmark everything from here.
#   make demo    install missing Debian packages, build, show a race report
#   make check   build and run every test; last line "N passed, M failed"
#   make bench   native vs ThreadSanitizer vs crace on bench/
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

.PHONY: all deps demo check check-unit check-lit bench bench-quick format clean

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

demo: all
	@scripts/demo.sh

check: all $(UNIT_BINS)
	@scripts/check.sh $(UNIT_BINS)

bench: all
	@bench/run.sh

bench-quick: all
	@BENCH_QUICK=1 bench/run.sh

format:
	clang-format -i runtime/*.c runtime/*.h include/*.h llvm-pass/*.cpp tests/unit/*.c

clean:
	rm -rf $(BUILD) tests/lit/Output
