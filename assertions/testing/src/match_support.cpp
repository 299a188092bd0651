#include "match_support.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "golden/assertions/call_query.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/model/escape.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden::testing::detail {
namespace {

// The last `components` components of a path ("b/c" of "/a/b/c" for 2), or all of it.
std::string_view tail(std::string_view path, std::size_t components) {
  std::size_t cut = path.size();
  for (std::size_t n = 0; n < components; ++n) {
    const std::size_t slash = cut == 0 ? std::string_view::npos : path.rfind('/', cut - 1);
    if (slash == std::string_view::npos) return path;
    cut = slash;
  }
  return path.substr(cut + 1);
}

// Levenshtein distance, two rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

bool path_matches(std::string_view glob, std::string_view path) {
  if (glob.starts_with('/') || !path.starts_with('/')) return path_glob_match(glob, path);
  // Relative: the path's last components ("sum.txt", "out/*.csv").
  return path_glob_match("/**/" + std::string(glob), path);
}

bool any_path_matches(std::string_view glob, const std::vector<std::string>& forms) {
  return std::any_of(forms.begin(), forms.end(),
                     [&](const std::string& form) { return path_matches(glob, form); });
}

std::string where(const golden::Trace& run, const Event& event) {
  const ProcessInfo* p = run.process(event.pid);
  const std::string name = p ? p->name() : std::string();
  return fmt::format("pid {}{}, event {}", event.pid.value, name.empty() ? "" : " (" + name + ")",
                     event.seq);
}

std::string error_text(const Event& event) {
  return errno_name(event.err);
}

std::string quote_sample(std::string_view bytes, std::size_t limit) {
  return quote_bytes(bytes.substr(0, limit), bytes.size() > limit);
}

Nearest::Nearest(std::string_view glob) : glob_(glob) {
  // A relative glob is compared with as many of a path's last components as it has.
  if (!glob.starts_with('/')) tail_components_ = 1 + std::count(glob.begin(), glob.end(), '/');
  std::erase_if(glob_, [](char c) { return c == '*' || c == '?'; });
}

void Nearest::offer(std::string_view key, std::string text) {
  const std::string_view compared = tail_components_ == 0 ? key : tail(key, tail_components_);
  candidates_.push_back({edit_distance(glob_, compared), std::move(text)});
}

std::string Nearest::list(std::size_t count) const {
  std::vector<const Candidate*> sorted;
  for (const Candidate& c : candidates_) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Candidate* a, const Candidate* b) {
    return a->distance < b->distance;
  });
  std::vector<std::string> shown;
  for (const Candidate* c : sorted) {
    if (shown.size() == count) break;
    if (std::find(shown.begin(), shown.end(), c->text) == shown.end()) shown.push_back(c->text);
  }
  std::string out;
  for (const std::string& s : shown) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string join_some(const std::vector<std::string>& items, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < count; ++i) out += (i ? "; " : "") + items[i];
  if (items.size() > count) out += fmt::format(" (and {} more)", items.size() - count);
  return out;
}

}  // namespace golden::testing::detail
