// tmo/contract/lifecycle.hpp: a contract's states and the dated events that move it between them, with the guards
// each event must pass; a management agreement's link to its continuation ballot.
//
// States (issue 6 part 7): draft → tendered → awarded → active, then under supervision, suspended, renewed
// (active in an extension), and finally terminated or expired. Events are replayed in date order; an event that its
// guard refuses is an error naming the event, never a silently skipped step. OCDS 1.1 has a coarser contractStatus;
// ocds_status() maps the states onto it (contracts.md §2.2, §8.3).
#pragma once

#include <tmo/contract/contract.hpp>
#include <tmo/core/date.hpp>
#include <tmo/core/result.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// Where a contract stands.
enum class contract_state {
    draft,              ///< being written; not yet out to tender
    tendered,           ///< out to tender
    awarded,            ///< awarded, not yet started
    active,             ///< running in its initial term
    under_supervision,  ///< running, with the buyer (or the council, for a management agreement) supervising closely
    suspended,          ///< services suspended
    terminated,         ///< ended early
    expired,            ///< ended at the end of its term
    renewed,            ///< running in an extension
};

/// "draft", "tendered", "awarded", "active", "under supervision", "suspended", "terminated", "expired", "renewed".
[[nodiscard]] const char* state_name(contract_state s) noexcept;

/// What can happen to a contract.
enum class lifecycle_action {
    tender,     ///< draft → tendered
    award,      ///< draft or tendered → awarded (from draft: a direct award)
    start,      ///< awarded → active; not before the term's start
    supervise,  ///< active or renewed → under supervision
    release,    ///< under supervision → the state it came from
    suspend,    ///< active, renewed or under supervision → suspended
    resume,     ///< suspended → the state it came from
    renew,      ///< active, renewed or under supervision → renewed; needs an extension left, on or before the
                ///< current end date; a management agreement also needs a continuation ballot in time
    terminate,  ///< any running or suspended state → terminated; needs a reason (the event's note)
    expire,     ///< active, renewed or under supervision → expired; only after the current end date
};

/// "tender", "award", "start", "supervise", "release", "suspend", "resume", "renew", "terminate", "expire".
[[nodiscard]] const char* action_name(lifecycle_action a) noexcept;

/// A dated event.
struct lifecycle_event {
    date on{};
    lifecycle_action action = lifecycle_action::tender;
    std::string note;  ///< why (required for terminate)

    friend bool operator==(const lifecycle_event&, const lifecycle_event&) = default;
};

/// A management agreement's continuation ballot: the constitution's named ballot (its `every_months` gives the
/// interval) and when it was last held.
struct continuation_link {
    std::string ballot;         ///< the constitution's ballot name ("continuation")
    date last_held{};           ///< the day of the last continuation ballot
    std::int64_t every_months = 60;

    friend bool operator==(const continuation_link&, const continuation_link&) = default;
};

/// When the next continuation ballot is due: last_held + every_months (add_months).
[[nodiscard]] date continuation_due(const continuation_link& link);

/// One step of the history.
struct lifecycle_step {
    lifecycle_event event;
    contract_state from = contract_state::draft;
    contract_state to = contract_state::draft;
    std::string sentence;  ///< "2025-04-01: started — awarded → active."

    friend bool operator==(const lifecycle_step&, const lifecycle_step&) = default;
};

/// The replayed history.
struct lifecycle {
    std::vector<lifecycle_step> steps;
    contract_state state = contract_state::draft;  ///< after the last event
    date current_end{};                           ///< the term's end, moved by each renewal
    std::int64_t renewals = 0;
    std::string sentence;  ///< "RTMO-REP-2025 is active (since 2025-04-01); its term ends on 2028-03-31."

    friend bool operator==(const lifecycle&, const lifecycle&) = default;
};

/// Replays `events` on `contract` from draft, checking each guard. `continuation` applies to management
/// agreements (and is required for their renewal).
/// @return the history, or errc::invalid_value naming the event ("events[3]" as the error's key path) that is out
///         of date order, not allowed in the state reached, or refused by its guard (the message says which).
[[nodiscard]] result<lifecycle> replay(const service_contract& contract, std::span<const lifecycle_event> events,
                                       const std::optional<continuation_link>& continuation);

/// The state on `day`: the state after the last step dated on or before it (draft before the first).
[[nodiscard]] contract_state state_on(const lifecycle& history, date day);

/// OCDS 1.1 contractStatus: draft, tendered, awarded → "pending"; active, under supervision, suspended, renewed →
/// "active"; terminated, expired → "terminated".
[[nodiscard]] const char* ocds_status(contract_state s) noexcept;

}  // namespace contract
}  // namespace v1
}  // namespace tmo
