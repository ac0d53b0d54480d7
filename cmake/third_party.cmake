# nlohmann_json and date come from Debian's packages under /usr/include. The
# Emscripten sysroot hides /usr/include (and must: glibc headers break the
# build), so both builds see them through a staging folder of symlinks.
set(talktime_staged_include "${CMAKE_BINARY_DIR}/staged-include")
file(MAKE_DIRECTORY "${talktime_staged_include}")
foreach(dir nlohmann date)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/setup.sh")
  endif()
  file(CREATE_LINK "/usr/include/${dir}" "${talktime_staged_include}/${dir}" SYMBOLIC)
endforeach()

add_library(talktime_third_party INTERFACE)
add_library(talktime::third_party ALIAS talktime_third_party)
target_include_directories(talktime_third_party SYSTEM INTERFACE "${talktime_staged_include}")
# Matches Debian's build of date; JSON_DIAGNOSTICS stays off (we locate errors ourselves).
target_compile_definitions(talktime_third_party INTERFACE ONLY_C_LOCALE=1 HAS_STRING_VIEW=1
                           JSON_USE_IMPLICIT_CONVERSIONS=0)
