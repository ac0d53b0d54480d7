# Sanitizer and fuzzing builds of the native code (SECURITY.md, "How it is tested").
#
#   TALKTIME_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer for every native
#                      target (core, tools, GoogleTest and the tests); any report aborts.
#                      scripts/sanitize.sh builds build/asan this way and runs ctest.
#   TALKTIME_FUZZ      libFuzzer targets in tests/fuzz (clang only), with the core
#                      instrumented for coverage under ASan + UBSan. scripts/fuzz.sh
#                      builds build/fuzz this way and runs them.
#
# Included from the top-level CMakeLists.txt before any target is defined, so the
# flags reach every target (GoogleTest's too) through the directory's options.
option(TALKTIME_SANITIZE "Build natively with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(TALKTIME_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(NOT (TALKTIME_SANITIZE OR TALKTIME_FUZZ))
  return()
endif()
if(EMSCRIPTEN)
  message(FATAL_ERROR "TALKTIME_SANITIZE and TALKTIME_FUZZ are for native builds, not WebAssembly")
endif()

# Frame pointers and line tables make the reports readable (line tables only: they
# name every frame of a report and compile much faster than full debug info).
set(talktime_sanitizer_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  list(APPEND talktime_sanitizer_flags -gline-tables-only)
else()
  list(APPEND talktime_sanitizer_flags -g1)
endif()

if(TALKTIME_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TALKTIME_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  # Everything gets coverage instrumentation; only the fuzz targets link libFuzzer's
  # main (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer to them).
  list(APPEND talktime_sanitizer_flags -fsanitize=fuzzer-no-link)
endif()

add_compile_options(${talktime_sanitizer_flags})
add_link_options(-fsanitize=address,undefined)

# The zone-table generator (date_tz + make_zone_table) runs once per build on the
# trusted tz database; it is left uninstrumented, which keeps these builds quick.
# (It was checked under ASan + UBSan with no report.) Targets are defined later in
# CMakeLists.txt, hence the deferred call.
function(talktime_unsanitize_generator)
  foreach(target date_tz make_zone_table)
    if(TARGET ${target})
      get_target_property(options ${target} COMPILE_OPTIONS)
      list(REMOVE_ITEM options ${talktime_sanitizer_flags})
      set_property(TARGET ${target} PROPERTY COMPILE_OPTIONS ${options})
      set_property(TARGET ${target} PROPERTY LINK_OPTIONS "")
    endif()
  endforeach()
endfunction()
cmake_language(DEFER CALL talktime_unsanitize_generator)
