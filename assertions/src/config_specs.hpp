// The type-specific fields of an [[assertion]] (one parser per type family).
#pragma once

#include "config_fields.hpp"
#include "golden/assertions/config.hpp"

namespace golden::detail {

// Reads the fields of `type` (and rejects fields no type of this kind has). On error
// the reader holds it and the returned spec is meaningless.
AssertionSpec parse_spec(AssertionType type, FieldReader& fields);

}  // namespace golden::detail
