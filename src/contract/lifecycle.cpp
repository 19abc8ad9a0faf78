#include <tmo/contract/lifecycle.hpp>

#include <initializer_list>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

bool running(contract_state s) {
    return s == contract_state::active || s == contract_state::renewed || s == contract_state::under_supervision;
}

bool in(contract_state s, std::initializer_list<contract_state> states) {
    for (contract_state t : states)
        if (s == t) return true;
    return false;
}

}  // namespace

const char* state_name(contract_state s) noexcept {
    switch (s) {
    case contract_state::draft: return "draft";
    case contract_state::tendered: return "tendered";
    case contract_state::awarded: return "awarded";
    case contract_state::active: return "active";
    case contract_state::under_supervision: return "under supervision";
    case contract_state::suspended: return "suspended";
    case contract_state::terminated: return "terminated";
    case contract_state::expired: return "expired";
    case contract_state::renewed: return "renewed";
    }
    return "draft";
}

const char* action_name(lifecycle_action a) noexcept {
    switch (a) {
    case lifecycle_action::tender: return "tender";
    case lifecycle_action::award: return "award";
    case lifecycle_action::start: return "start";
    case lifecycle_action::supervise: return "supervise";
    case lifecycle_action::release: return "release";
    case lifecycle_action::suspend: return "suspend";
    case lifecycle_action::resume: return "resume";
    case lifecycle_action::renew: return "renew";
    case lifecycle_action::terminate: return "terminate";
    case lifecycle_action::expire: return "expire";
    }
    return "tender";
}

const char* ocds_status(contract_state s) noexcept {
    switch (s) {
    case contract_state::draft:
    case contract_state::tendered:
    case contract_state::awarded: return "pending";
    case contract_state::terminated:
    case contract_state::expired: return "terminated";
    default: return "active";
    }
}

date continuation_due(const continuation_link& link) { return add_months(link.last_held, link.every_months); }

result<lifecycle> replay(const service_contract& contract, std::span<const lifecycle_event> events,
                         const std::optional<continuation_link>& continuation) {
    lifecycle out;
    out.current_end = contract.term.end;
    contract_state before_pause = contract_state::active;  // where release and resume return to
    for (std::size_t i = 0; i < events.size(); ++i) {
        const lifecycle_event& e = events[i];
        const std::string name = action_name(e.action);
        const auto refuse = [&](const std::string& why) {
            return unexpected(errc::invalid_value,
                              "event " + std::to_string(i + 1) + " (" + name + " on " + to_string(e.on) + "): " + why,
                              source_location{{}, 0, 0, "events[" + std::to_string(i) + "]"});
        };
        if (!out.steps.empty() && e.on < out.steps.back().event.on)
            return refuse("it is dated before the previous event (" + to_string(out.steps.back().event.on) +
                          "); list events in date order");
        const contract_state s = out.state;
        const auto not_from = [&] {
            return refuse(std::string("a contract cannot ") + name + " when it is " + state_name(s));
        };
        contract_state next = s;
        switch (e.action) {
        case lifecycle_action::tender:
            if (s != contract_state::draft) return not_from();
            next = contract_state::tendered;
            break;
        case lifecycle_action::award:
            if (!in(s, {contract_state::draft, contract_state::tendered})) return not_from();
            next = contract_state::awarded;
            break;
        case lifecycle_action::start:
            if (s != contract_state::awarded) return not_from();
            if (e.on < contract.term.start)
                return refuse("the term starts on " + to_string(contract.term.start) + ", after this date");
            next = contract_state::active;
            break;
        case lifecycle_action::supervise:
            if (!in(s, {contract_state::active, contract_state::renewed})) return not_from();
            before_pause = s;
            next = contract_state::under_supervision;
            break;
        case lifecycle_action::release:
            if (s != contract_state::under_supervision) return not_from();
            next = before_pause;
            break;
        case lifecycle_action::suspend:
            if (!running(s)) return not_from();
            if (s != contract_state::under_supervision) before_pause = s;
            next = contract_state::suspended;
            break;
        case lifecycle_action::resume:
            if (s != contract_state::suspended) return not_from();
            next = before_pause;
            break;
        case lifecycle_action::renew:
            if (!running(s)) return not_from();
            if (out.renewals >= contract.term.extensions)
                return refuse("no extension is left (the contract allows " + std::to_string(contract.term.extensions) +
                              ")");
            if (e.on > out.current_end)
                return refuse("the term already ended on " + to_string(out.current_end) +
                              "; a renewal must be agreed before the end");
            if (contract.kind == contract_kind::management_agreement) {
                if (!continuation)
                    return refuse("a management agreement continues only after a continuation ballot; the contract "
                                  "names none");
                if (e.on < continuation->last_held || e.on > continuation_due(*continuation))
                    return refuse("the continuation ballot of " + to_string(continuation->last_held) +
                                  " covers renewals up to " + to_string(continuation_due(*continuation)) +
                                  "; hold a new ballot first");
            }
            ++out.renewals;
            out.current_end = add_months(out.current_end, contract.term.extension_months);
            before_pause = contract_state::renewed;
            next = contract_state::renewed;
            break;
        case lifecycle_action::terminate:
            if (!running(s) && s != contract_state::suspended) return not_from();
            if (e.note.empty()) return refuse("say why the contract is terminated (the event's note)");
            next = contract_state::terminated;
            break;
        case lifecycle_action::expire:
            if (!running(s)) return not_from();
            if (e.on <= out.current_end)
                return refuse("the term runs until " + to_string(out.current_end) + "; it cannot expire before");
            next = contract_state::expired;
            break;
        }
        std::string sentence = to_string(e.on) + ": " + name + " — " + state_name(s) + " → " + state_name(next);
        if (!e.note.empty()) sentence += " (" + e.note + ")";
        out.steps.push_back({e, s, next, sentence + "."});
        out.state = next;
    }
    out.sentence = contract.reference + " is " + state_name(out.state);
    if (!out.steps.empty()) out.sentence += " (since " + to_string(out.steps.back().event.on) + ")";
    if (out.state != contract_state::terminated && out.state != contract_state::expired)
        out.sentence += "; its term ends on " + to_string(out.current_end);
    if (continuation)
        out.sentence += "; the next continuation ballot (" + continuation->ballot + ") is due by " +
                        to_string(continuation_due(*continuation));
    out.sentence += ".";
    return out;
}

contract_state state_on(const lifecycle& history, date day) {
    contract_state s = contract_state::draft;
    for (const lifecycle_step& step : history.steps) {
        if (step.event.on > day) break;
        s = step.to;
    }
    return s;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
