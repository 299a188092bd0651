// What the trace matchers share: the path rule of their globs, where a call happened,
// and the nearest misses a failure names. Internal to golden::testing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::testing::detail {

// An absolute glob matches the whole path; a relative one its last components (and a
// relative path as the program wrote it, whole).
bool path_matches(std::string_view glob, std::string_view path);
// Against any of the forms of one path (path_forms()).
bool any_path_matches(std::string_view glob, const std::vector<std::string>& forms);

// "pid 4242 (cat), event 17".
std::string where(const golden::Trace& run, const Event& event);
// "ENOENT".
std::string error_text(const Event& event);
// Bytes as a one-line quoted string, cut after `limit` bytes ("..." then).
std::string quote_sample(std::string_view bytes, std::size_t limit = 200);

// The candidates nearest to a glob (edit distance of what the glob is matched against,
// its wildcards ignored): "the nearest misses" of a failed matcher.
class Nearest {
 public:
  explicit Nearest(std::string_view glob);
  // `key` is compared (a path); `text` is shown ("openat /x/in.txt, failed ENOENT").
  void offer(std::string_view key, std::string text);
  // The closest few, best first, distinct texts; "" when none.
  std::string list(std::size_t count = 3) const;

 private:
  std::string glob_;
  std::size_t tail_components_ = 0;  // 0: the whole path
  struct Candidate {
    std::size_t distance;
    std::string text;
  };
  std::vector<Candidate> candidates_;
};

// Joins up to `count` lines as "a; b; c (and N more)".
std::string join_some(const std::vector<std::string>& items, std::size_t count = 3);

}  // namespace golden::testing::detail
