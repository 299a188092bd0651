// golden for GoogleTest (SPEC §7): record a command from a test, compare it with
// another run or a golden file, check budgets, and match traces with gMock matchers.
//
//   #include <golden/testing.hpp>
//   using namespace golden::testing;
//
//   TEST(Port, BehavesLikeTheOriginal) {
//     Trace original = capture({"python3", "tool.py", "in.txt"});
//     Trace port = capture({"./tool", "in.txt"});
//     EXPECT_TRACE_EQUIVALENT(original, port);
//     EXPECT_MATCHES_GOLDEN(port, "testdata/tool.golden.json");
//     EXPECT_WITHIN_BUDGET(port, "renacer.toml");
//     EXPECT_THAT(port, AllOf(Opens("in.txt"), WritesToStdout(HasSubstr("3 lines")),
//                             NeverConnects(), ExitsWith(0)));
//   }
//
// Link `golden::testing` (find_package(golden)); it brings GoogleTest and GMock.
#pragma once

#include "golden/testing/capture.hpp"
#include "golden/testing/macros.hpp"
#include "golden/testing/matchers.hpp"
#include "golden/testing/trace.hpp"
