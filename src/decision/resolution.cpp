// Resolutions: tests, casting vote and confirmation (tmo/decision/resolution.hpp).
#include <tmo/decision/resolution.hpp>

#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

const char* name(casting_use v) noexcept {
    switch (v) {
        case casting_use::not_used: return "not_used";
        case casting_use::in_favour: return "in_favour";
        case casting_use::against: return "against";
    }
    return "?";
}

const char* name(resolution_stage v) noexcept {
    switch (v) {
        case resolution_stage::single: return "single";
        case resolution_stage::first: return "first";
        case resolution_stage::confirmation: return "confirmation";
    }
    return "?";
}

namespace {

date after(date d, const period& p) {
    return p.in == period::unit::days ? add_days(d, p.count) : add_months(d, p.count);
}

std::string span_words(const period& p) {
    const char* unit = p.in == period::unit::days ? "day" : "month";
    return std::to_string(p.count) + " " + unit + (p.count == 1 ? "" : "s");
}

}  // namespace

result<resolution_outcome> evaluate_resolution(const resolution_rules& rules, std::string_view kind,
                                               const resolution_vote& vote) {
    resolution_outcome out;
    out.kind = std::string(kind);
    out.held = vote.held;
    out.casting = vote.casting;
    out.votes = vote.votes;
    tally votes = vote.votes;
    out.equality = votes.all.cast() > 0 && votes.all.in_favour == votes.all.against;
    if (vote.casting != casting_use::not_used && !out.equality)
        return unexpected(errc::invalid_value,
                          "a casting vote is recorded but the votes are not equal (" +
                              std::to_string(votes.all.in_favour) + " for, " + std::to_string(votes.all.against) +
                              " against)");
    out.casting_counted = out.equality && vote.casting_allowed && vote.casting != casting_use::not_used;
    if (out.casting_counted) ++(vote.casting == casting_use::in_favour ? votes.all.in_favour : votes.all.against);

    bool in_window = true;
    if (vote.confirming) {
        if (!rules.confirmation)
            return unexpected(errc::invalid_value, "resolutions of kind \"" + out.kind + "\" need no confirmation");
        if (!(*vote.confirming < vote.held))
            return unexpected(errc::invalid_value, "the meeting being confirmed (" + to_string(*vote.confirming) +
                                                       ") must be before this one (" + to_string(vote.held) + ")");
        const confirmation_rule& c = *rules.confirmation;
        out.stage = resolution_stage::confirmation;
        out.window_from = after(*vote.confirming, c.earliest);
        out.window_to = after(*vote.confirming, c.latest);
        in_window = !(vote.held < *out.window_from) && !(*out.window_to < vote.held);
        result<decision_outcome> d = evaluate(c.tests, c.how, std::nullopt, votes);
        if (!d) return unexpected(d.error());
        out.decision = std::move(*d);
    } else {
        out.stage = rules.confirmation ? resolution_stage::first : resolution_stage::single;
        result<decision_outcome> d = evaluate(rules.tests, rules.how, rules.turnout, votes);
        if (!d) return unexpected(d.error());
        out.decision = std::move(*d);
        if (rules.confirmation && out.decision.carried) {
            out.window_from = after(vote.held, rules.confirmation->earliest);
            out.window_to = after(vote.held, rules.confirmation->latest);
        }
    }
    out.carried = out.decision.carried && in_window;

    // The sentence: the verdict, the figures, and whatever else decided it.
    const bool confirming = out.stage == resolution_stage::confirmation;
    std::string verdict = out.decision.carried ? (confirming ? "Confirmed" : "Carried")
                                               : (confirming ? "Not confirmed" : "Not carried");
    if (out.casting_counted) verdict += " on the chair's casting vote";
    if (out.stage == resolution_stage::first && out.decision.carried) verdict = "Carried at the first meeting";
    std::string sentence = verdict + ": " + out.decision.figures;
    if (out.equality && !out.casting_counted && !out.decision.carried) {
        sentence += "; the votes were equal (" + std::to_string(vote.votes.all.in_favour) + " to " +
                    std::to_string(vote.votes.all.against) + ") and ";
        sentence += !vote.casting_allowed ? "the constitution gives the chair no casting vote"
                                          : "the chair gave no casting vote";
    } else if (vote.casting != casting_use::not_used && !vote.casting_allowed) {
        sentence += "; the chair's casting vote was not counted: the constitution gives no casting vote";
    }
    if (out.stage == resolution_stage::first && out.decision.carried)
        sentence += "; it takes effect only when confirmed at a meeting held from " + to_string(*out.window_from) +
                    " to " + to_string(*out.window_to);
    if (confirming && !in_window) {
        const confirmation_rule& c = *rules.confirmation;
        sentence = "Not confirmed: the confirming meeting on " + to_string(vote.held) + " is " +
                   std::to_string(days_between(*vote.confirming, vote.held)) + " days after the first (" +
                   to_string(*vote.confirming) + "), outside the window of " + span_words(c.earliest) + " to " +
                   span_words(c.latest) + " (" + to_string(*out.window_from) + " to " + to_string(*out.window_to) +
                   "); the vote was " + out.decision.figures;
    }
    out.sentence = sentence + ".";
    return out;
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
