#!/usr/bin/env python3
"""A contract's month with tmo's Python binding: each KPI with its rating, the service credit and the payment due,
all in whole pence.

Usage: contract.py CONTRACT.toml YYYY-MM
Without an installed tmo, run it with PYTHONPATH=bindings/python and TMO_LIBRARY=path/to/libtmo_c.so.

Expected figures (examples/data/contracts/riverside_cleaning.toml, 2025-04): the worked example of contracts.md
§4.4, a £96.00 credit on a £4,800.00 fee, £4,704.00 net, VAT £940.80, £5,644.80 due.
"""

import sys

import tmo


def money(label, pence):
    print(f"{label:<14} {tmo.format_money(pence, symbol=True, thousands=True)} ({pence} pence)")


def main(argv):
    if len(argv) != 3:
        print("usage: contract.py CONTRACT.toml YYYY-MM", file=sys.stderr)
        return 2
    try:
        contract = tmo.Contract.load(argv[1])
        month = contract.month(argv[2])
    except tmo.Error as e:  # carries the file, line and column of bad input
        print(f"contract.py: {e}", file=sys.stderr)
        return 2
    print(f"{contract.reference}, {argv[2]}")
    # The month as a dict: every figure as exact text, each KPI with its rating in words.
    for kpi in month.to_dict()["kpis"]:
        value = "-" if kpi["value"] is None else kpi["value"]
        print(f"{kpi['id']:<6} {value:<6} {kpi['rating']}")
    money("service credit", month.credit)
    money("net", month.net)
    money("VAT", month.vat)
    money("total due", month.gross)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
