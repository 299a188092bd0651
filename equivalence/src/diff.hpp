// Sequence diff (Myers' O(ND) algorithm after trimming the common prefix and suffix)
// and diff -u style hunks. Past `max_cost` edits the middle is reported as replaced
// wholesale: still a correct difference, computed in bounded time and memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace golden::eqv {

enum class EditOp : std::uint8_t { Equal, Delete, Insert };

struct Edit {
  EditOp op = EditOp::Equal;
  std::size_t a = 0;  // index in A (Equal, Delete)
  std::size_t b = 0;  // index in B (Equal, Insert)
};

// A's n elements against B's m, `eq(i, j)` telling whether A[i] matches B[j].
std::vector<Edit> diff_sequences(std::size_t n, std::size_t m,
                                 const std::function<bool(std::size_t, std::size_t)>& eq,
                                 std::size_t max_cost = 2000);
// Strings compared for equality.
std::vector<Edit> diff_sequences(const std::vector<const std::string*>& a,
                                 const std::vector<const std::string*>& b,
                                 std::size_t max_cost = 2000);

// Hunks as [begin, end) ranges of the edit script: each change with up to `context`
// equal edits around it, hunks closer than 2*context merged.
std::vector<std::pair<std::size_t, std::size_t>> make_hunks(const std::vector<Edit>& edits,
                                                            std::size_t context);

}  // namespace golden::eqv
