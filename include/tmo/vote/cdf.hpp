// tmo/vote/cdf.hpp: reading cast vote records in the NIST SP 1500-103 Common Data Format, JSON encoding (the
// `CVR.CastVoteRecordReport` that RCTab reads and writes; counting.md §2.4).
//
// What is read:
//   Election[].Candidate[]          @id and Name
//   Election[].Contest[]            @id, Name and ContestSelection[]: @id, CandidateIds (the first names the
//                                   candidate), IsWriteIn (true: undeclared write-ins)
//   CVR[]                           one paper each: the snapshot whose @id is CurrentSnapshotId (or the only
//                                   snapshot), its CVRContest for the contest, and for each CVRContestSelection
//                                   (ContestSelectionId) every SelectionPosition with its Rank; a position whose
//                                   HasIndication or IsAllocable is "no" is not a mark. The paper's id is
//                                   BallotPrePrintedId, else UniqueId, else @id.
// Candidates are the contest's selections in manifest order; a selection that is a write-in becomes the candidate
// "Undeclared Write-ins" flagged candidate::write_in (all write-in selections share it). Several selections given one
// rank on a paper are an overvote at that rank (a shared rank); a rank number missing below the highest given is a
// skipped (blank) rank. A CVR with no record for the contest is not a paper of that contest and is passed over.
// Every other member is ignored.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {

/// Which contest of a CDF file to read.
struct cdf_options {
    /// the contest's @id or its Name (RCTab's `contestId` gives the Name); empty: the file must describe exactly one
    /// contest
    std::string contest_id;

    friend bool operator==(const cdf_options&, const cdf_options&) = default;
};

/// The largest CDF text read_cdf accepts, in bytes (1 GiB), and how deeply its arrays and objects may nest.
inline constexpr std::size_t cdf_max_bytes = std::size_t{1} << 30;
inline constexpr std::size_t cdf_max_depth = 64;

/// Reads a CDF cast vote record report (JSON) from memory into a one-seat profile titled with the contest's Name.
/// `source_name` names the input in errors.
/// @return the profile, or an error whose location gives the line and column (in code points, 1-based) of the
///         offending JSON value: errc::syntax for text that is not UTF-8 or not JSON; errc::too_large for text
///         larger than cdf_max_bytes or nesting deeper than cdf_max_depth; errc::missing_key for a required member
///         missing (Election, Contest, ContestSelection, CVR, CVRSnapshot, Rank, ...); errc::wrong_type for a member
///         of the wrong JSON type; errc::invalid_value for a contest not found or several contests and no
///         contest_id, a selection or candidate id not declared, a Rank that is not a whole number from 1 to the number of
///         the contest's selections,
///         or a CurrentSnapshotId naming no snapshot. Never throws except std::bad_alloc.
[[nodiscard]] result<profile> read_cdf(std::string_view text, std::string_view source_name = {},
                                       const cdf_options& options = {});

/// Reads a CDF file from disk; errors are located in `path`. @return as read_cdf, or errc::io if the file cannot be
/// read.
[[nodiscard]] result<profile> load_cdf(const std::filesystem::path& path, const cdf_options& options = {});

}  // namespace vote
}  // namespace v1
}  // namespace tmo
