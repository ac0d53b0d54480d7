// A plain (non-modularized) Emscripten program, for the test that talktime works on
// a page that already runs one: it owns the page's global `Module`.
#include <emscripten.h>

extern "C" EMSCRIPTEN_KEEPALIVE int other_program_answer() { return 42; }

int main() { return 0; }
