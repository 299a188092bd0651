#include "call_selector.hpp"

#include "golden/assertions/call_query.hpp"

namespace golden::detail {

bool call_selected(const CallSelector& sel, const Event& e, const ProcessFilter& filter) {
  return filter.selects(e.pid) && selects_call(sel, e);
}

}  // namespace golden::detail
