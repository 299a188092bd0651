// Allowed divergences (Pina et al., USENIX ATC'17): [[compare.allow]] rules that accept
// a known difference, one-sided ("B may also read /usr/lib/python3*") or not.
#pragma once

#include <string>
#include <vector>

#include "golden/equivalence/compare_config.hpp"
#include "golden/equivalence/normalized.hpp"

namespace golden::eqv {

// Whether `rule` accepts `item`, found only in A (`in_b` false) or only in B.
bool rule_accepts(const AllowRule& rule, const Item& item, bool in_b);

// The rules that together accept every changed item, as "reason (where)" strings;
// empty when some item is accepted by none.
std::vector<std::string> accepting_rules(const std::vector<AllowRule>& rules,
                                         const std::vector<const Item*>& only_a,
                                         const std::vector<const Item*>& only_b);

}  // namespace golden::eqv
