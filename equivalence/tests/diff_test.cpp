#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "diff.hpp"

namespace golden::eqv {
namespace {

std::vector<const std::string*> ptrs(const std::vector<std::string>& v) {
  std::vector<const std::string*> out;
  for (const auto& s : v) out.push_back(&s);
  return out;
}

std::size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

// The script must rebuild both sides, and (within the cost bound) be minimal.
void check(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto edits = diff_sequences(ptrs(a), ptrs(b));
  std::vector<std::string> ra, rb;
  std::size_t equal = 0;
  for (const Edit& e : edits) {
    if (e.op != EditOp::Insert) ra.push_back(a.at(e.a));
    if (e.op != EditOp::Delete) rb.push_back(b.at(e.b));
    if (e.op == EditOp::Equal) {
      ASSERT_EQ(a[e.a], b[e.b]);
      ++equal;
    }
  }
  EXPECT_EQ(ra, a);
  EXPECT_EQ(rb, b);
  EXPECT_EQ(equal, lcs(a, b));
}

TEST(Diff, RandomSequencesAreRebuiltMinimally) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> a, b;
    std::size_t n = rng() % 30, m = rng() % 30;
    for (std::size_t i = 0; i < n; ++i) a.push_back(std::string(1, static_cast<char>('a' + rng() % 4)));
    for (std::size_t i = 0; i < m; ++i) b.push_back(std::string(1, static_cast<char>('a' + rng() % 4)));
    check(a, b);
  }
}

TEST(Diff, EmptySides) {
  check({}, {});
  check({"x"}, {});
  check({}, {"x", "y"});
}

TEST(Diff, OverTheCostBoundTheMiddleIsReplacedWholesale) {
  std::vector<std::string> a, b;
  for (int i = 0; i < 50; ++i) a.push_back("a" + std::to_string(i));
  for (int i = 0; i < 50; ++i) b.push_back("b" + std::to_string(i));
  a.insert(a.begin(), "same");
  b.insert(b.begin(), "same");
  auto edits = diff_sequences(ptrs(a), ptrs(b), 10);
  ASSERT_EQ(edits.size(), 101u);
  EXPECT_EQ(edits[0].op, EditOp::Equal);
  std::size_t del = 0, ins = 0;
  for (const Edit& e : edits) del += e.op == EditOp::Delete, ins += e.op == EditOp::Insert;
  EXPECT_EQ(del, 50u);
  EXPECT_EQ(ins, 50u);
}

TEST(Diff, HunksKeepContextAndMergeCloseChanges) {
  std::vector<Edit> e;
  for (int i = 0; i < 20; ++i) e.push_back({EditOp::Equal, 0, 0});
  e[5].op = EditOp::Delete;
  e[9].op = EditOp::Insert;   // 3 equal between: merged with context 3
  e[17].op = EditOp::Delete;  // 7 equal between: separate
  auto h = make_hunks(e, 3);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0], std::make_pair(std::size_t{2}, std::size_t{13}));
  EXPECT_EQ(h[1], std::make_pair(std::size_t{14}, std::size_t{20}));
  EXPECT_TRUE(make_hunks(std::vector<Edit>(5), 3).empty());
}

}  // namespace
}  // namespace golden::eqv
