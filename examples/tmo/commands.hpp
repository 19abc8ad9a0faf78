// The tmo tool's subcommands. Each adds itself to the CLI11 app; when chosen, its callback runs during parsing
// and stores the process exit status: 0 success, 1 a failed outcome (one the user asked to be told about with
// --check; a meeting not properly held; a ballot not carried), 2 bad input.
#pragma once

#include <CLI/CLI.hpp>

namespace tmo_tool {

/// Exit statuses shared by every subcommand.
enum exit_status : int { exit_ok = 0, exit_outcome_failed = 1, exit_bad_input = 2 };

/// `tmo check`: validate a constitution and print its summary.
void add_check(CLI::App& app, int& status);

/// `tmo budget`: decide a participatory budget from a Pabulib .pb file and explain the outcome.
void add_budget(CLI::App& app, int& status);

/// `tmo count`: count an election's ballots (a BLT file) and explain the result stage by stage.
void add_count(CLI::App& app, int& status);

/// `tmo meeting`: check a meeting against the constitution and print its minutes.
void add_meeting(CLI::App& app, int& status);

/// `tmo ballot`: evaluate a class ballot by a constitution's ballot rule or a preset.
void add_ballot(CLI::App& app, int& status);

}  // namespace tmo_tool
