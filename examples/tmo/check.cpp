// tmo check: validate a constitution file (or a shipped preset) and print its summary.
#include "commands.hpp"
#include "output.hpp"

#include <tmo/rules/constitution.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace tmo_tool {

namespace {

struct check_options {
    std::string file;
    std::string preset;
    bool canonical = false;
};

int run_check(const check_options& options) {
    if (!options.preset.empty() && !options.file.empty()) {
        std::cerr << "tmo check: give a file or --preset, not both\n";
        return exit_bad_input;
    }
    if (options.preset.empty() && options.file.empty()) {
        std::cerr << "tmo check: no constitution given (a FILE or --preset NAME)\n";
        return exit_bad_input;
    }
    auto loaded = options.preset.empty() ? tmo::load_constitution(options.file) : tmo::constitution_preset(options.preset);
    if (!loaded) {
        std::cerr << loaded.error().to_string() << '\n';
        return exit_bad_input;
    }
    std::cout << (options.canonical ? tmo::to_toml(*loaded) : tmo::summary(*loaded));
    return exit_ok;
}

}  // namespace

void add_check(CLI::App& app, int& status) {
    auto options = std::make_shared<check_options>();
    CLI::App* sub = app.add_subcommand("check", "Validate a constitution and summarise its rules");
    sub->add_option("FILE", options->file, "The constitution, a TOML file");
    std::string presets;
    for (std::string_view name : tmo::constitution_preset_names()) presets += (presets.empty() ? "" : ", ") + std::string(name);
    sub->add_option("--preset", options->preset, "Check a shipped preset instead of a file: " + presets);
    sub->add_flag("--canonical", options->canonical, "Print the constitution as canonical TOML instead of a summary");
    sub->footer("Example: tmo check examples/data/riverside_tmo.toml\n"
                "Example: tmo check --preset ccbs_act_2014 --canonical\n\n"
                "Prints the rules in plain English and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_check(*options); });
}

}  // namespace tmo_tool
