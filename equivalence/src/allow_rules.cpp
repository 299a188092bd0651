#include "allow_rules.hpp"

#include <algorithm>

#include "golden/model/glob.hpp"

namespace golden::eqv {

bool rule_accepts(const AllowRule& rule, const Item& item, bool in_b) {
  if (rule.side == Side::A && in_b) return false;
  if (rule.side == Side::B && !in_b) return false;
  if (!rule.categories.empty() &&
      std::find(rule.categories.begin(), rule.categories.end(), item.category) ==
          rule.categories.end())
    return false;
  if (!rule.paths.empty()) {
    if (item.path.empty()) return false;
    bool hit = std::any_of(rule.paths.begin(), rule.paths.end(), [&](const std::string& g) {
      return glob_match(g, item.path) || (!item.raw_path.empty() && glob_match(g, item.raw_path));
    });
    if (!hit) return false;
  }
  if (!rule.processes.empty()) {
    bool hit = std::any_of(rule.processes.begin(), rule.processes.end(),
                           [&](const std::string& g) { return glob_match(g, item.process); });
    if (!hit) return false;
  }
  return true;
}

std::vector<std::string> accepting_rules(const std::vector<AllowRule>& rules,
                                         const std::vector<const Item*>& only_a,
                                         const std::vector<const Item*>& only_b) {
  std::vector<std::string> used;
  auto cover = [&](const Item& it, bool in_b) {
    for (const AllowRule& r : rules) {
      if (!rule_accepts(r, it, in_b)) continue;
      std::string label = (r.reason.empty() ? std::string("allow rule") : r.reason) +
                          (r.where.empty() ? "" : " (" + r.where + ")");
      if (std::find(used.begin(), used.end(), label) == used.end()) used.push_back(label);
      return true;
    }
    return false;
  };
  if (rules.empty() || (only_a.empty() && only_b.empty())) return {};
  for (const Item* it : only_a)
    if (!cover(*it, false)) return {};
  for (const Item* it : only_b)
    if (!cover(*it, true)) return {};
  return used;
}

}  // namespace golden::eqv
