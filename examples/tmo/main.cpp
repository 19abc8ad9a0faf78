// tmo: the command-line tool for TMO committees, secretaries and scrutineers.
#include "commands.hpp"

#include <tmo/core/version.hpp>

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    CLI::App app{"tmo: exact, explained collective decisions for Tenant Management Organisations"};
    app.set_version_flag("--version", std::string("tmo ") + tmo::version_string());
    app.require_subcommand(1);
    app.footer("Run 'tmo <command> --help' for a command's options and an example.");

    int status = tmo_tool::exit_ok;
    tmo_tool::add_check(app, status);
    tmo_tool::add_budget(app, status);
    tmo_tool::add_count(app, status);
    tmo_tool::add_tsm(app, status);
    tmo_tool::add_demo(app, status);
    tmo_tool::add_contract(app, status);
    tmo_tool::add_tender(app, status);
    tmo_tool::add_calendar(app, status);
    tmo_tool::add_meeting(app, status);
    tmo_tool::add_ballot(app, status);
    tmo_tool::add_records(app, status);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? tmo_tool::exit_ok : tmo_tool::exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "tmo: error: " << e.what() << '\n';
        return tmo_tool::exit_bad_input;
    }
    return status;
}
