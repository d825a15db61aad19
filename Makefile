# Convenience front end to CMake. `make demo` and `make test` are the two
# commands at the top of README.md: each installs missing Debian packages,
# configures and builds.
BUILD ?= build
BUILD_ASAN ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test test-asan test-valgrind fuzz-smoke check \
	clean fuzz bench

all: build

deps:
	@bash scripts/setup-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the bundled example: writes graphs/lmc-2021/out/
demo: build
	$(BUILD)/diplograph run graphs/lmc-2021/corpus.txt -o graphs/lmc-2021/out
	@echo "open graphs/lmc-2021/out/report.html or graphs/lmc-2021/out/graph.svg"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(BUILD_ASAN)/CMakeCache.txt:
	CC=clang cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DDG_SANITIZE=ON $(CMAKE_FLAGS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer
test-asan: deps $(BUILD_ASAN)/CMakeCache.txt
	cmake --build $(BUILD_ASAN) -j $(JOBS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

BUILD_VALGRIND ?= build-valgrind

$(BUILD_VALGRIND)/CMakeCache.txt:
	cmake -S . -B $(BUILD_VALGRIND) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDG_VALGRIND=ON $(CMAKE_FLAGS)

# The suite under valgrind memcheck: unit tests, corpus replays and every
# diplograph run of the end-to-end cases (tests/valgrind.supp holds the
# known Graphviz/fontconfig/pango/glib reports, nothing else)
test-valgrind: deps $(BUILD_VALGRIND)/CMakeCache.txt
	cmake --build $(BUILD_VALGRIND) -j $(JOBS)
	cd $(BUILD_VALGRIND) && ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS (60), two at a time (clang,
# build-fuzz); a crash fails and is kept in build-fuzz/crashes/
fuzz-smoke: deps
	bash scripts/fuzz-smoke.sh

check: test test-asan

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_VALGRIND) build-fuzz
