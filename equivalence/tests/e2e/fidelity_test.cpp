// The fidelity corpus (testdata/fidelity, see its README.md): one test per line of
// `fidelity.sh list`, Fidelity.NAME, each running `fidelity.sh pair NAME` with the
// golden binary built here. The list is read when the binary starts, so the tests
// ctest discovers are the script's cases; the CMake target depends on the case files
// so that editing them relinks it and discovery runs again.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "e2e_support.hpp"

namespace golden::e2e {
namespace {

std::string script() { return source_dir() + "/testdata/fidelity/fidelity.sh"; }

struct Listing {
  std::vector<std::pair<std::string, std::string>> cases;  // name, equivalent|mutant
  std::string error;                                       // set when the script failed
};

// Runs `fidelity.sh list` (when the tests are registered, before main's test run).
Listing list_cases() {
  Listing listing;
  const RunResult r = run({"bash", script(), "list"});
  if (r.status() != 0) {
    listing.error = r.describe();
    return listing;
  }
  const std::string& text = r.out;
  std::istringstream lines(text);
  std::string name, kind;
  while (lines >> name >> kind) listing.cases.emplace_back(name, kind);
  return listing;
}

class FidelityPair : public ::testing::Test {
 public:
  FidelityPair(std::string name, std::string kind) : name_(std::move(name)), kind_(std::move(kind)) {}

  void TestBody() override {
    // The script removes its own temp dirs; its captures have their own timeout.
    const RunResult r = run({"bash", script(), "pair", name_},
                            {.set_env = {"GOLDEN=" + golden_exe()}, .timeout = 900s});
    EXPECT_EQ(r.status(), 0) << "fidelity.sh pair " << name_ << " (" << kind_ << "):\n"
                             << r.out << r.err;
  }

 private:
  std::string name_;
  std::string kind_;
};

class ListingError : public ::testing::Test {
 public:
  explicit ListingError(std::string error) : error_(std::move(error)) {}
  void TestBody() override { FAIL() << error_; }

 private:
  std::string error_;
};

// Registered during static initialization, i.e. before gtest_main's RUN_ALL_TESTS.
[[maybe_unused]] const bool registered = [] {
  Listing listing = list_cases();
  if (!listing.error.empty() || listing.cases.empty()) {
    std::string error = listing.error.empty() ? "fidelity.sh list printed no case" : listing.error;
    ::testing::RegisterTest("Fidelity", "list", nullptr, nullptr, __FILE__, __LINE__,
                            [error]() -> ::testing::Test* { return new ListingError(error); });
    return false;
  }
  int equivalent = 0, mutant = 0;
  for (const auto& [name, kind] : listing.cases) {
    (kind == "mutant" ? mutant : equivalent)++;
    ::testing::RegisterTest("Fidelity", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            // Copies by name: clang 14 (ci/sanitize.sh) cannot capture bindings.
                            [name = name, kind = kind]() -> ::testing::Test* {
                              return new FidelityPair(name, kind);
                            });
  }
  // The corpus's promised size (testdata/fidelity/README.md).
  std::string size_error;
  if (equivalent < 45 || mutant < 22)
    size_error = "the corpus has " + std::to_string(equivalent) + " equivalent cases and " +
                 std::to_string(mutant) + " mutants; at least 45 and 22 are promised";
  if (!size_error.empty())
    ::testing::RegisterTest("Fidelity", "size", nullptr, nullptr, __FILE__, __LINE__,
                            [size_error]() -> ::testing::Test* { return new ListingError(size_error); });
  return true;
}();

}  // namespace
}  // namespace golden::e2e
