// Small helpers shared by the equivalence tests.
#pragma once

#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"

namespace golden::test {

// "channel | item" lines, as `golden normalize` prints them.
inline std::vector<std::string> lines(const NormalizedTrace& n) {
  std::vector<std::string> out;
  for (const Channel& c : n.channels)
    for (const Item& it : c.items) out.push_back(c.name + " | " + it.text);
  return out;
}

inline std::vector<std::string> lines_of(const NormalizedTrace& n, const std::string& channel) {
  std::vector<std::string> out;
  if (const Channel* c = n.channel(channel))
    for (const Item& it : c->items) out.push_back(it.text);
  return out;
}

inline const Divergence* find_divergence(const CompareResult& r, const std::string& channel) {
  for (const Divergence& d : r.divergences)
    if (d.channel == channel) return &d;
  return nullptr;
}

inline std::string describe(const CompareResult& r) {
  std::string out;
  for (const Divergence& d : r.divergences) {
    out += d.channel + ": " + d.summary + "\n";
    for (const DiffLine& l : d.lines) out += "  " + std::string(1, l.op) + l.text + "\n";
  }
  return out;
}

}  // namespace golden::test
