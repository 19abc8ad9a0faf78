#!/usr/bin/env python3
"""Checks a special resolution against a constitution with tmo's Python binding: the same vote as examples/c, once
carried and once lost by a single vote.

Usage: resolution.py CONSTITUTION.toml
Without an installed tmo, run it with PYTHONPATH=bindings/python and TMO_LIBRARY=path/to/libtmo_c.so.

Expected figures (examples/data/riverside_tmo.toml): a special resolution needs 3/4 of the votes cast, inclusive;
30 of 40 is exactly 3/4 and carries, 29 of 40 is 72.5% and does not.
"""

import sys

import tmo


def vote(rules, in_favour, against, abstained):
    """One vote on a special resolution at the general meeting of 25 June 2026 (88 members on the register)."""
    decision = tmo.evaluate_resolution(rules, "special", "2026-06-25", in_favour, against, abstained, eligible=88,
                                       present=in_favour + against + abstained)
    print(f"{in_favour} for, {against} against, {abstained} abstaining: "
          f"{'carried' if decision.carried else 'not carried'}")
    print(f"  {decision.sentence}")


def main(argv):
    if len(argv) != 2:
        print("usage: resolution.py CONSTITUTION.toml", file=sys.stderr)
        return 2
    try:
        rules = tmo.Constitution.load(argv[1])
        print(rules.name)
        vote(rules, 30, 10, 2)
        vote(rules, 29, 11, 2)
    except tmo.Error as e:  # carries the file, line and column of bad input
        print(f"resolution.py: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
