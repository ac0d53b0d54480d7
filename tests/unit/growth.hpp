// Growth tests for hostile inputs (SECURITY.md): how a cost grows from n to 8n.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>

namespace talktime::test_support {

// How the cost of `work` grows from an input of size n (made by `make`, before the
// clock starts) to one of size 8n: the least of five runs at 8n over the least of
// five at n, interleaved so that a busy machine slows both alike. Linear work gives
// about 8 (up to about 25 seen on a loaded machine, where the larger input no
// longer fits the caches), quadratic about 64 (each search made quadratic again
// measured 54 to 107); the tests allow 32, in the least of up to three rounds.
constexpr double linear_growth_limit = 32.0;

template <class Input>
double growth_from_n_to_8n(int n, const std::function<Input(int)>& make, const std::function<void(const Input&)>& work) {
  const Input small = make(n), large = make(8 * n);
  auto seconds = [&](const Input& input) {
    auto start = std::chrono::steady_clock::now();
    work(input);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // Up to three rounds of five runs: a round over the limit on a busy machine (one
  // failure seen at load average 6) is measured again; quadratic work stays over.
  double least_ratio = 1e9;
  for (int round = 0; round < 3 && least_ratio >= linear_growth_limit; ++round) {
    double least_small = 1e9, least_large = 1e9;
    for (int run = 0; run < 5; ++run) {
      least_small = std::min(least_small, seconds(small));
      least_large = std::min(least_large, seconds(large));
    }
    least_ratio = std::min(least_ratio, least_large / least_small);
  }
  return least_ratio;
}

}  // namespace talktime::test_support
