// tmo ballot <verb> and tmo records: a secret ballot (a question, or an election counted by a counting rule) conducted
// in a store (an SQLite database file) with single-use voter codes, and the store's tamper-evident journal. Exit
// statuses: 0 success (a count that carried or an election counted, a journal or digest that matches), 1 a failed
// outcome (a count that did not carry, a journal or digest that no longer matches), 2 bad input (including a refused
// code or paper, with the reason).
#include "commands.hpp"
#include "rule_options.hpp"

#include <tmo/rules/constitution.hpp>
#include <tmo/store/ballot.hpp>
#include <tmo/store/journal.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tmo_tool {

namespace {

struct verb_options {
    std::string db;
    std::string ballot;
    std::string title;
    std::string day;
    std::string rule;
    std::string constitution;
    std::string register_file;
    std::string output;
    std::string code;
    std::string paper;
    bool election = false;                // open --election
    std::vector<std::string> candidates;  // open --candidates, in ballot-paper order
    std::uint32_t seats = 1;              // open --seats
    std::string count_rule = "scottish-stv";
    rule_settings rule_options;           // open: the counting rule's options
};

int bad(std::string_view verb, const tmo::error& e) {
    std::cerr << (e.where().file.empty() ? "tmo " + std::string(verb) + ": " : std::string()) << e.to_string() << '\n';
    return exit_bad_input;
}

std::optional<tmo::store::database> open_db(std::string_view verb, const std::string& file, bool create, int& status) {
    tmo::store::open_options options;
    options.create = create;
    auto db = tmo::store::database::open(file, options);
    if (!db) {
        status = bad(verb, db.error());
        return std::nullopt;
    }
    return std::move(*db);
}

std::optional<tmo::constitution> load_rules(std::string_view verb, const std::string& file, int& status) {
    if (file.empty()) return std::nullopt;
    auto rules = tmo::load_constitution(file);
    if (!rules) status = bad(verb, rules.error());
    return rules ? std::optional<tmo::constitution>(std::move(*rules)) : std::nullopt;
}

// The ballot to open as the options describe it, or an error for options that do not fit its kind.
tmo::result<tmo::store::ballot_spec> open_spec(verb_options& o) {
    tmo::store::ballot_spec spec;
    spec.name = o.ballot;
    spec.title = o.title;
    auto day = tmo::parse_date(o.day);
    if (!day) return tmo::unexpected(day.error().code(), "--day: " + day.error().message());
    spec.day = *day;
    if (!o.election) {
        if (o.rule.empty())
            return tmo::unexpected(tmo::errc::invalid_argument, "a question needs --rule (or give --election)");
        if (!o.rule_options.settings.empty() || !o.rule_options.raw.empty())
            return tmo::unexpected(tmo::errc::invalid_argument, "counting options are for an --election only");
        spec.rule = o.rule;
        return spec;
    }
    if (auto finished = finish_rule_settings(o.rule_options); !finished) return tmo::unexpected(finished.error());
    spec.kind = tmo::store::ballot_kind::election;
    spec.rule = o.count_rule;
    spec.seats = o.seats;
    spec.settings = o.rule_options.settings;
    for (std::string name : o.candidates) {
        const auto first = name.find_first_not_of(' ');
        name = first == std::string::npos ? std::string() : name.substr(first, name.find_last_not_of(' ') - first + 1);
        spec.candidates.push_back(std::move(name));
    }
    return spec;
}

int run_open(verb_options& o) {
    int status = exit_ok;
    auto rules = load_rules("ballot open", o.constitution, status);
    if (!rules) return status;
    auto spec = open_spec(o);
    if (!spec) return bad("ballot open", spec.error());
    std::vector<tmo::tenure_class> electorate;  // an election: every voting class
    if (!o.election) {
        auto ballot_rule = tmo::store::find_ballot_rule(&*rules, o.rule);
        if (!ballot_rule) return bad("ballot open", ballot_rule.error());
        electorate = ballot_rule->electorate;
    }
    auto db = open_db("ballot open", o.db, true, status);
    if (!db) return status;
    if (!o.register_file.empty()) {
        auto reg = tmo::decision::load_register_csv(o.register_file);
        if (!reg) return bad("ballot open", reg.error());
        if (auto stored = db->import_register(*reg); !stored) return bad("ballot open", stored.error());
    }
    auto opened = tmo::store::open_ballot(*db, *spec, rules->membership, electorate);
    if (!opened) return bad("ballot open", opened.error());
    auto t = tmo::store::turnout(*db, o.ballot);
    if (!t) return bad("ballot open", t.error());
    std::uint64_t voters = 0;
    for (const auto& [tenure, c] : *t) voters += c.eligible;
    std::cout << "Opened " << (o.election ? "election " : "ballot ") << o.ballot << " (" << o.title << ", closing "
              << o.day << ") with " << voters << " voters on the roll.\n";
    if (o.election) {
        std::cout << spec->seats << (spec->seats == 1 ? " seat" : " seats") << ", counted by " << spec->rule
                  << ". The candidates, numbered as papers give them:\n";
        for (std::size_t i = 0; i < spec->candidates.size(); ++i)
            std::cout << "  " << i + 1 << " " << spec->candidates[i] << '\n';
    }
    return exit_ok;
}

int run_codes(const verb_options& o) {
    int status = exit_ok;
    auto db = open_db("ballot codes", o.db, false, status);
    if (!db) return status;
    auto codes = tmo::store::issue_codes(*db, o.ballot);
    if (!codes) return bad("ballot codes", codes.error());
    const std::string csv = tmo::store::codes_csv(*codes);
    if (o.output.empty()) {
        std::cout << csv;
        return exit_ok;
    }
    std::ofstream out(o.output, std::ios::binary);
    out << csv;
    if (!out.flush())
        return bad("ballot codes", tmo::error(tmo::errc::io, "cannot write the codes to " + o.output +
                                                                 "; they cannot be issued again"));
    std::cout << "Issued " << codes->size() << " codes for ballot " << o.ballot << " to " << o.output << ".\n";
    return exit_ok;
}

int run_cast(const verb_options& o) {
    int status = exit_ok;
    auto db = open_db("ballot cast", o.db, false, status);
    if (!db) return status;
    if (auto cast = tmo::store::cast(*db, o.ballot, o.code, o.paper); !cast) return bad("ballot cast", cast.error());
    std::cout << "Vote recorded in ballot " << o.ballot << ".\n";
    return exit_ok;
}

int run_turnout(const verb_options& o) {
    int status = exit_ok;
    auto db = open_db("ballot turnout", o.db, false, status);
    if (!db) return status;
    auto t = tmo::store::turnout(*db, o.ballot);
    if (!t) return bad("ballot turnout", t.error());
    std::cout << tmo::store::to_text(*t);
    return exit_ok;
}

int run_close(const verb_options& o) {
    int status = exit_ok;
    auto db = open_db("ballot close", o.db, false, status);
    if (!db) return status;
    auto digest = tmo::store::close_ballot(*db, o.ballot);
    if (!digest) return bad("ballot close", digest.error());
    std::cout << "Closed ballot " << o.ballot << ". Digest of its cast ballots: " << *digest << '\n';
    return exit_ok;
}

int run_count(const verb_options& o) {
    int status = exit_ok;
    auto rules = load_rules("ballot count", o.constitution, status);
    if (status != exit_ok) return status;
    auto db = open_db("ballot count", o.db, false, status);
    if (!db) return status;
    auto info = tmo::store::find_ballot(*db, o.ballot);
    if (!info) return bad("ballot count", info.error());
    std::optional<tmo::ballot_rules> rule;
    if (info->spec.kind == tmo::store::ballot_kind::question) {
        auto found = tmo::store::find_ballot_rule(rules ? &*rules : nullptr, info->spec.rule);
        if (!found) return bad("ballot count", found.error());
        rule = std::move(*found);
    }
    auto counted = tmo::store::count_ballot(*db, o.ballot, rule ? &*rule : nullptr);
    if (!counted) return bad("ballot count", counted.error());
    std::cout << tmo::store::to_text(*counted);
    return counted->carried ? exit_ok : exit_outcome_failed;
}

int run_verify(const verb_options& o) {
    int status = exit_ok;
    auto db = open_db("ballot verify", o.db, false, status);
    if (!db) return status;
    auto info = tmo::store::find_ballot(*db, o.ballot);
    if (!info) return bad("ballot verify", info.error());
    if (!info->closed)
        return bad("ballot verify", tmo::error(tmo::errc::closed, "ballot " + o.ballot + " is still open: it has "
                                                                  "no published digest yet"));
    auto papers = tmo::store::cast_papers(*db, o.ballot);
    auto digest = tmo::store::ballot_digest(*db, o.ballot);
    if (!papers) return bad("ballot verify", papers.error());
    if (!digest) return bad("ballot verify", digest.error());
    for (const std::string& p : *papers) std::cout << p << '\n';
    if (*digest == info->digest) {
        std::cout << "The " << papers->size() << " stored ballots match the published digest " << info->digest
                  << ".\n";
        return exit_ok;
    }
    std::cout << "The " << papers->size() << " stored ballots do not match the published digest " << info->digest
              << " (they give " << *digest << ").\n";
    return exit_outcome_failed;
}

int run_records(const std::string& file) {
    int status = exit_ok;
    auto db = open_db("records", file, false, status);
    if (!db) return status;
    auto entries = tmo::store::journal(*db);
    if (!entries) return bad("records", entries.error());
    auto v = tmo::store::verify(*db);
    if (!v) return bad("records", v.error());
    std::cout << tmo::store::to_text(*entries) << v->sentence << '\n';
    return v->intact ? exit_ok : exit_outcome_failed;
}

// Adds verb `name` to `ballot` with the database and ballot positionals.
CLI::App* verb(CLI::App* ballot, const char* name, const char* description, std::shared_ptr<verb_options> o) {
    CLI::App* sub = ballot->add_subcommand(name, description);
    sub->add_option("DB", o->db, "The database file (SQLite)")->required();
    sub->add_option("BALLOT", o->ballot, "The ballot's name in the database")->required();
    return sub;
}

}  // namespace

void add_ballot_verbs(CLI::App* ballot, int& status) {
    const auto o = std::make_shared<verb_options>();
    CLI::App* open = verb(ballot, "open", "Open a ballot on a database: the roll from the register", o);
    open->add_option("--title", o->title, "What is balloted")->required();
    open->add_option("--day", o->day, "The close of poll, YYYY-MM-DD (the roll's cut-off)")->required();
    CLI::Option* rule = open->add_option(
        "--rule", o->rule, "A question: the ballot rule, a [ballots.<name>] of the constitution or a preset");
    open->add_option("--constitution", o->constitution, "The constitution (membership rules, ballots)")->required();
    open->add_option("--register", o->register_file, "A register (CSV) to store first, replacing the stored one");
    CLI::Option* election = open->add_flag(
        "--election", o->election,
        "Open an election instead of a question: candidates ranked on each paper, counted by --count-rule; the "
        "roll is every voting class");
    rule->excludes(election);
    open->add_option("--candidates", o->candidates,
                     "An election's candidates, comma-separated, in ballot-paper order (candidate 1 first)")
        ->delimiter(',')
        ->needs(election);
    open->add_option("--seats", o->seats, "An election's seats to fill (default 1)")->needs(election);
    open->add_option("--count-rule", o->count_rule,
                     "An election's counting rule (default scottish-stv), as tmo count --rule: " + rule_list())
        ->needs(election);
    add_rule_flags(open, o->rule_options);
    open->footer("Example: tmo ballot open committee.db committee-2026 --title \"Committee 2026\" --day 2026-06-30 "
                 "--election --candidates \"Ada Lovelace,Ben Okri,Cara Dillon,Dev Patel\" --seats 2 "
                 "--count-rule scottish-stv --ties backwards,lot --seed \"AGM 2026\" "
                 "--constitution examples/data/riverside_tmo.toml --register examples/data/riverside/register.csv\n"
                 "Example: tmo ballot open continuation.db continuation-2026 --title \"Continue?\" --day 2026-03-20 "
                 "--rule continuation --constitution examples/data/riverside_tmo.toml "
                 "--register examples/data/riverside/register.csv\n\n"
                 "A question is opened with --rule; an election with --election, --candidates, --seats, --count-rule "
                 "and the counting options of tmo count (their keys are checked now, their values when it is "
                 "counted). Voters then cast papers by code with tmo ballot cast.");
    open->callback([o, &status] { status = run_open(*o); });

    CLI::App* codes = verb(ballot, "codes", "Issue one single-use code per voter (once: codes are not kept)", o);
    codes->add_option("--output", o->output, "Write the codes (CSV: unit,tenure,code) to this file");
    codes->callback([o, &status] { status = run_codes(*o); });

    CLI::App* cast = verb(ballot, "cast", "Cast a vote with a voter code", o);
    cast->add_option("CODE", o->code, "The voter code, as printed")->required();
    cast->add_option("PAPER", o->paper,
                     "A question: for, against or spoilt. An election: candidate numbers, most preferred first, "
                     "\"2,1,3\" (\"2,1=3\": 1 and 3 ranked equal, where the counting rule allows it; \"\": a blank "
                     "paper)")
        ->required();
    cast->callback([o, &status] { status = run_cast(*o); });

    verb(ballot, "turnout", "Turnout by class", o)->callback([o, &status] { status = run_turnout(*o); });
    verb(ballot, "close", "Close the ballot and print the digest of its cast ballots", o)->callback([o, &status] {
        status = run_close(*o);
    });
    CLI::App* count = verb(ballot, "count", "Count a closed ballot: a question by class (exit 1 when not carried), an election stage by stage", o);
    count->add_option("--constitution", o->constitution, "The constitution whose ballot rule applies");
    count->callback([o, &status] { status = run_count(*o); });
    verb(ballot, "verify", "List the stored ballots and check them against the published digest", o)
        ->callback([o, &status] { status = run_verify(*o); });
}

void add_records(CLI::App& app, int& status) {
    const auto file = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("records", "List a store's journal and verify it against the stored records");
    sub->add_option("DB", *file, "The database file (SQLite)")->required();
    sub->footer("Example: tmo ballot open tmo.db continuation-2026 --title \"Continue?\" --day 2026-03-20 "
                "--rule continuation --constitution examples/data/riverside_tmo.toml "
                "--register examples/data/riverside/register.csv\n"
                "Example: tmo records tmo.db\n\nExits 0 when every entry matches the stored records, 1 naming the "
                "first entry that does not, 2 on bad input.");
    sub->callback([file, &status] { status = run_records(*file); });
}

}  // namespace tmo_tool
