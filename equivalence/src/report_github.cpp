// GitHub Actions annotations for a comparison: one ::error per divergence not allowed.
#include <fmt/format.h>

#include "golden/equivalence/report.hpp"

namespace golden {

std::string render_github(const CompareResult& r, std::string_view title) {
  const std::string shown =
      title.empty() ? "golden compare: " + r.name_a + " vs " + r.name_b : std::string(title);
  std::string out;
  for (const Divergence& d : r.divergences) {
    if (d.allowed) continue;
    out += fmt::format("::error title={}::{}\n", github_escape_property(shown),
                       github_escape_data(fmt::format("{} ({})", d.summary, d.channel)));
  }
  return out;
}

}  // namespace golden
