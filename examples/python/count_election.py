#!/usr/bin/env python3
"""Counts an election from a ballot file with tmo's Python binding: every stage with exact figures, who was elected,
and a check that nothing was lost.

Usage: count_election.py BALLOTS [RULE]   (RULE: scottish-stv unless given; tmo.count_rules() lists them)
Without an installed tmo, run it with PYTHONPATH=bindings/python and TMO_LIBRARY=path/to/libtmo_c.so.
"""

import sys

import tmo


def report(profile, count):
    print(f"{profile.title}: {len(profile.candidates)} candidates for {profile.seats} seats, "
          f"{profile.papers} papers, counted by {count.rule}")
    print(f"Quota: {count[0].figures_text['quota']}")
    width = max(len(name) for name in count.candidates)
    for stage in count:
        print(f"\nStage {stage.number}: {stage.explanation}")
        for name, votes, state in zip(count.candidates, stage.votes_text, stage.states):
            print(f"  {name:<{width}}  {votes:>12}  {state.name.lower()}")
        print(f"  {'Non-transferable':<{width}}  {stage.figures_text['non_transferable_total']:>12}")
        print(f"  {'Lost to rounding':<{width}}  {stage.figures_text['rounding_loss_total']:>12}")
    print("\nElected, in order: " + "; ".join(count.elected_names))
    # Exact arithmetic: at every stage the votes and the two running totals add up to the first stage's total.
    valid = sum(count[0].votes)
    kept = all(sum(s.votes) + s.non_transferable_total + s.rounding_loss_total == valid for s in count)
    print(f"Every stage accounts for all {valid} votes: {'yes' if kept else 'NO'}")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with tmo.Profile.load(argv[1]) as profile, profile.count(*argv[2:]) as count:
            report(profile, count)
    except tmo.Error as e:
        print(f"error: {e}", file=sys.stderr)  # file:line:column: message
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
