// `golden normalize`: one effect per line, each line naming its channel, so a golden
// file's normalized form diffs well in git and greps well.
#include <fmt/format.h>

#include "golden/equivalence/normalized.hpp"

namespace golden {

std::string format_normalized(const NormalizedTrace& n, const NormalizeFormatOptions& options) {
  std::string out = "# golden normalized effects v1\n";
  for (const std::string& note : n.notes) out += "# note: " + note + "\n";
  if (options.legend)
    for (const auto& [name, raw] : n.legend) out += fmt::format("# {} = {}\n", name, raw);
  std::size_t size = out.size();
  for (const Channel& c : n.channels)
    for (const Item& it : c.items) size += c.name.size() + it.text.size() + 4;
  out.reserve(size);
  for (const Channel& c : n.channels)
    for (const Item& it : c.items) {
      out += c.name;
      out += " | ";
      out += it.text;
      out += '\n';
    }
  return out;
}

}  // namespace golden
