// Function names as frames carry them: demangled, without parameters or return type.
#include "demangle.hpp"

#include <gtest/gtest.h>

namespace golden::source {
namespace {

TEST(SourceDemangle, CNamesStayAsTheyAre) {
  EXPECT_EQ(readable_function_name("load_config"), "load_config");
  EXPECT_EQ(readable_function_name("__libc_start_call_main"), "__libc_start_call_main");
}

TEST(SourceDemangle, CxxNamesLoseParametersAndQualifiers) {
  EXPECT_EQ(readable_function_name(
                "_ZN3app6Config4loadERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE"),
            "app::Config::load");
  EXPECT_EQ(readable_function_name("_ZNK3FooclEi"), "Foo::operator()");
  EXPECT_EQ(readable_function_name("_ZN3FoocvbEv"), "Foo::operator bool");
  EXPECT_EQ(readable_function_name("_ZltRK1AS1_"), "operator<");
  EXPECT_EQ(readable_function_name("_ZN3FooD2Ev"), "Foo::~Foo");
  EXPECT_EQ(readable_function_name("_ZN12_GLOBAL__N_14helpEv"), "(anonymous namespace)::help");
  EXPECT_EQ(readable_function_name("_ZZ4mainENKUlvE_clEv"), "main::{lambda()#1}::operator()");
  EXPECT_EQ(readable_function_name("_ZNSt6vectorIiSaIiEE9push_backERKi"),
            "std::vector<int, std::allocator<int> >::push_back");
}

TEST(SourceDemangle, TemplateFunctionsLoseTheirReturnType) {
  EXPECT_EQ(readable_function_name("_Z3fooIiEvT_"), "foo<int>");
  EXPECT_EQ(readable_function_name("_Z3barIiEN3Baz4TypeEv"), "bar<int>");
}

TEST(SourceDemangle, OperatorInsideANameIsNoOperator) {
  EXPECT_EQ(readable_function_name("_Z11is_operatori"), "is_operator");
  EXPECT_EQ(readable_function_name("_ZN2ns12operator_fooEv"), "ns::operator_foo");
  EXPECT_EQ(readable_function_name("_ZNSolsEi"), "std::ostream::operator<<");
  EXPECT_EQ(readable_function_name("_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc"),
            "std::operator<< <std::char_traits<char> >");
  EXPECT_EQ(readable_function_name("_Znwm"), "operator new");
}

TEST(SourceDemangle, NotMangledAfterAllIsKept) {
  EXPECT_EQ(readable_function_name("_Znot_a_real_symbol"), "_Znot_a_real_symbol");
  EXPECT_EQ(strip_parameters("f(int, char) const &"), "f");
  EXPECT_EQ(strip_parameters("no_parens"), "no_parens");
}

}  // namespace
}  // namespace golden::source
