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

/// `tmo budget`: decide a participatory budget from an election file (.pb, .toml, .csv) and explain the outcome.
void add_budget(CLI::App& app, int& status);

/// `tmo count`: count an election's ballots (any ballot file tmo reads) and explain the result stage by stage.
void add_count(CLI::App& app, int& status);

/// `tmo tsm`: the Tenant Satisfaction Measures from a survey CSV and a records CSV.
void add_tsm(CLI::App& app, int& status);

/// `tmo demo`: the example TMO's year as one self-contained HTML report.
void add_demo(CLI::App& app, int& status);
/// `tmo contract`: report a contract's month (KPIs, credits, payment due) as text, JSON or an OCDS package.
void add_contract(CLI::App& app, int& status);

/// `tmo tender`: evaluate a tender file and explain the ranking.
void add_tender(CLI::App& app, int& status);
/// `tmo calendar`: the statutory calendar from a file of milestones, flagging what is overdue or due soon.
void add_calendar(CLI::App& app, int& status);
/// `tmo meeting`: check a meeting against the constitution and print its minutes.
void add_meeting(CLI::App& app, int& status);

/// `tmo ballot`: evaluate a class ballot by a constitution's ballot rule or a preset.
void add_ballot(CLI::App& app, int& status);
/// `tmo ballot open|codes|cast|turnout|close|count|verify`: a secret ballot conducted in a store (ballot_store.cpp).
void add_ballot_verbs(CLI::App* ballot, int& status);
/// `tmo records`: list a store's journal and verify it.
void add_records(CLI::App& app, int& status);

}  // namespace tmo_tool
