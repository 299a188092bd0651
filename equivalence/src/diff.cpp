#include "diff.hpp"

#include <algorithm>
#include <functional>

namespace golden::eqv {

std::vector<Edit> diff_sequences(const std::vector<const std::string*>& a,
                                 const std::vector<const std::string*>& b, std::size_t max_cost) {
  // Hashes first: comparing 64-bit values in the inner loop, strings only on a match.
  std::vector<std::size_t> ha(a.size()), hb(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) ha[i] = std::hash<std::string>{}(*a[i]);
  for (std::size_t j = 0; j < b.size(); ++j) hb[j] = std::hash<std::string>{}(*b[j]);
  return diff_sequences(
      a.size(), b.size(), [&](std::size_t i, std::size_t j) { return ha[i] == hb[j] && *a[i] == *b[j]; },
      max_cost);
}

std::vector<Edit> diff_sequences(std::size_t n, std::size_t m,
                                 const std::function<bool(std::size_t, std::size_t)>& same,
                                 std::size_t max_cost) {
  std::vector<Edit> edits;
  std::size_t pre = 0;
  while (pre < n && pre < m && same(pre, pre)) ++pre;
  std::size_t suf = 0;
  while (suf < n - pre && suf < m - pre && same(n - 1 - suf, m - 1 - suf)) ++suf;
  for (std::size_t i = 0; i < pre; ++i) edits.push_back({EditOp::Equal, i, i});

  const std::size_t N = n - pre - suf, M = m - pre - suf;
  auto eq = [&](std::size_t i, std::size_t j) { return same(pre + i, pre + j); };

  std::vector<Edit> middle;
  bool solved = false;
  if (N == 0 || M == 0) {
    solved = true;
    for (std::size_t i = 0; i < N; ++i) middle.push_back({EditOp::Delete, pre + i, pre});
    for (std::size_t j = 0; j < M; ++j) middle.push_back({EditOp::Insert, pre + N, pre + j});
  } else {
    const long max_d = static_cast<long>(std::min<std::size_t>(N + M, max_cost));
    const long off = max_d + 1;
    std::vector<long> v(static_cast<std::size_t>(2 * off + 1), 0);
    std::vector<std::vector<long>> trace;  // v[-d..d] after each d
    long final_d = -1;
    for (long d = 0; d <= max_d && final_d < 0; ++d) {
      for (long k = -d; k <= d; k += 2) {
        long x;
        if (k == -d || (k != d && v[static_cast<std::size_t>(off + k - 1)] <
                                      v[static_cast<std::size_t>(off + k + 1)]))
          x = v[static_cast<std::size_t>(off + k + 1)];
        else
          x = v[static_cast<std::size_t>(off + k - 1)] + 1;
        long y = x - k;
        while (x < static_cast<long>(N) && y < static_cast<long>(M) &&
               eq(static_cast<std::size_t>(x), static_cast<std::size_t>(y))) {
          ++x;
          ++y;
        }
        v[static_cast<std::size_t>(off + k)] = x;
        if (x >= static_cast<long>(N) && y >= static_cast<long>(M)) final_d = d;
      }
      trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    }
    if (final_d >= 0) {
      solved = true;
      long x = static_cast<long>(N), y = static_cast<long>(M);
      std::vector<Edit> rev;
      for (long d = final_d; d > 0; --d) {
        const std::vector<long>& pv = trace[static_cast<std::size_t>(d - 1)];
        auto at = [&](long k) { return pv[static_cast<std::size_t>(k + (d - 1))]; };
        long k = x - y;
        long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        long prev_x = at(prev_k);
        long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
          --x;
          --y;
          rev.push_back({EditOp::Equal, pre + static_cast<std::size_t>(x),
                         pre + static_cast<std::size_t>(y)});
        }
        if (x == prev_x) {
          --y;
          rev.push_back({EditOp::Insert, pre + static_cast<std::size_t>(x),
                         pre + static_cast<std::size_t>(y)});
        } else {
          --x;
          rev.push_back({EditOp::Delete, pre + static_cast<std::size_t>(x),
                         pre + static_cast<std::size_t>(y)});
        }
      }
      while (x > 0 && y > 0) {
        --x;
        --y;
        rev.push_back({EditOp::Equal, pre + static_cast<std::size_t>(x),
                       pre + static_cast<std::size_t>(y)});
      }
      middle.assign(rev.rbegin(), rev.rend());
    }
  }
  if (!solved) {
    for (std::size_t i = 0; i < N; ++i) middle.push_back({EditOp::Delete, pre + i, pre});
    for (std::size_t j = 0; j < M; ++j) middle.push_back({EditOp::Insert, pre + N, pre + j});
  }
  edits.insert(edits.end(), middle.begin(), middle.end());
  for (std::size_t i = 0; i < suf; ++i)
    edits.push_back({EditOp::Equal, n - suf + i, m - suf + i});
  return edits;
}

std::vector<std::pair<std::size_t, std::size_t>> make_hunks(const std::vector<Edit>& edits,
                                                            std::size_t context) {
  std::vector<std::pair<std::size_t, std::size_t>> hunks;
  std::size_t first = 0, last = 0;
  bool open = false;
  auto close = [&] {
    hunks.emplace_back(first >= context ? first - context : 0,
                       std::min(edits.size(), last + 1 + context));
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].op == EditOp::Equal) continue;
    // Changes separated by at most 2*context equal lines share a hunk, as in diff -u.
    if (open && i - last - 1 <= 2 * context) {
      last = i;
      continue;
    }
    if (open) close();
    first = last = i;
    open = true;
  }
  if (open) close();
  return hunks;
}

}  // namespace golden::eqv
