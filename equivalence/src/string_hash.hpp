// Transparent hashing for string-keyed unordered containers: lookups by string_view
// (or a literal) without building a std::string first. The extractor looks paths and
// names up once per event; a temporary string each time was a measurable share of it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace golden::eqv {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace golden::eqv
