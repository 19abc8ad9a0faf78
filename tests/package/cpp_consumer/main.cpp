// A minimal C++ program against the installed library: exact fractions, money, apportionment and a preset.
#include <tmo/core/apportion.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/version.hpp>
#include <tmo/rules/constitution.hpp>

#include <iostream>
#include <vector>

int main() {
    if (tmo::version_number() != TMO_VERSION_NUMBER) {
        std::cerr << "cpp_consumer: headers " << TMO_VERSION_STRING << " but library " << tmo::version_string()
                  << '\n';
        return 1;
    }

    const auto two_thirds = tmo::rational::parse("4/6");
    if (!two_thirds || two_thirds->to_string() != "2/3") {
        std::cerr << "cpp_consumer: 4/6 did not normalise to 2/3\n";
        return 1;
    }

    const auto total = tmo::money::parse("1,000.00");
    const std::vector<tmo::rational> equal{1, 1, 1};
    const auto shares = tmo::apportion(*total, equal);
    if (!shares || (*shares)[0].to_string() != "333.34" || (*shares)[2].to_string() != "333.33") {
        std::cerr << "cpp_consumer: unexpected apportionment\n";
        return 1;
    }

    const auto preset = tmo::constitution_preset("ccbs_act_2014");
    if (!preset) {
        std::cerr << "cpp_consumer: " << preset.error().to_string() << '\n';
        return 1;
    }
    std::cout << "preset: " << preset->org.name << '\n';
    return 0;
}
