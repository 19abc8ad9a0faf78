#!/usr/bin/env python3
"""Writes examples/data/tsm/survey.csv and examples/data/tsm/records.csv: the Riverside TMO's Tenant Satisfaction
Measures year (1,200 rented homes, 60 shared-ownership homes). Invented but plausible: 310 survey responses
(295 LCRA, 15 LCHO) with satisfaction around the national 7 in 10, a few unprompted "don't know" answers, and the
filter questions gating TP02/TP03 (repair), TP09 (complaint) and TP10 (communal areas); a year of repairs,
complaints, ASB cases, safety checks and decent-homes results. Deterministic: the same files every run, so tests
can rely on their figures. The formats are described in include/tmo/contract/tsm.hpp and docs/contracts.md."""
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "examples" / "data" / "tsm"
QUESTIONS = [f"TP{i:02d}" for i in range(1, 13)]
# Chance that a respondent is satisfied (code 1 or 2) with each question; complaints handling is the weakest.
SATISFIED = [0.74, 0.72, 0.66, 0.71, 0.78, 0.60, 0.68, 0.80, 0.38, 0.65, 0.63, 0.58]


def answer(rng: random.Random, q: int, mood: float) -> str:
    if rng.random() < 0.03:
        return rng.choice(["DK", "NA"])
    if rng.random() < min(0.97, SATISFIED[q] + mood):
        return rng.choice(["1", "1", "2", "2", "2"])
    return rng.choice(["3", "3", "4", "5"])


def survey(rng: random.Random) -> list[str]:
    rows = ["id,tenure,repair,complaint,communal," + ",".join(QUESTIONS)]
    for n in range(1, 311):
        tenure = "LCHO" if n > 295 else "LCRA"
        repair = rng.random() < (0.62 if tenure == "LCRA" else 0.2)
        complaint = rng.random() < 0.12
        communal = rng.random() < 0.7
        mood = rng.uniform(-0.15, 0.15)
        cells = []
        for q in range(12):
            skipped = (q in (1, 2) and not repair) or (q == 8 and not complaint) or (q == 9 and not communal)
            cells.append("" if skipped else answer(rng, q, mood))
        yes = lambda b: "yes" if b else "no"
        rows.append(f"R{n:04d},{tenure},{yes(repair)},{yes(complaint)},{yes(communal)}," + ",".join(cells))
    return rows


def records(rng: random.Random) -> list[str]:
    rows = ["kind,reference,status"]
    job = 0
    for kind, count, on_time in [("emergency-repair", 410, 0.97), ("repair", 2150, 0.88)]:
        for _ in range(count):
            job += 1
            rows.append(f"{kind},J{job:05d},{'on-time' if rng.random() < on_time else 'late'}")
    for kind, count, on_time, prefix in [("stage1-complaint", 46, 0.85, "C1-"), ("stage2-complaint", 9, 0.78, "C2-")]:
        for n in range(1, count + 1):
            rows.append(f"{kind},{prefix}{n:03d},{'on-time' if rng.random() < on_time else 'late'}")
    for n in range(1, 38):
        rows.append(f"{'hate-asb' if n % 9 == 0 else 'asb'},ASB{n:03d},")
    homes = [f"H{n:04d}" for n in range(1, 1201)]
    for home in homes:
        if rng.random() < 0.55:  # homes with a gas supply; a few also served by a communal boiler
            rows.append(f"gas-check,{home},{'done' if rng.random() < 0.995 else 'missing'}")
            if rng.random() < 0.1:
                rows.append(f"gas-check,{home},{'done' if rng.random() < 0.97 else 'missing'}")
    for home in homes[:720]:  # the blocks: fire, water and lift checks for homes with communal parts
        rows.append(f"fire-check,{home},done")
        rows.append(f"water-check,{home},{'done' if rng.random() < 0.99 else 'missing'}")
    for home in homes[:480]:
        rows.append(f"lift-check,{home},{'done' if rng.random() < 0.98 else 'missing'}")
    for home in homes[:900]:  # built before 2000
        rows.append(f"asbestos-check,{home},{'done' if rng.random() < 0.985 else 'missing'}")
    for home in homes:
        rows.append(f"decent-homes,{home},{'decent' if rng.random() < 0.97 else 'non-decent'}")
    return rows


def main() -> None:
    rng = random.Random(20250401)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "survey.csv").write_text("\n".join(survey(rng)) + "\n")
    (OUT / "records.csv").write_text("\n".join(records(rng)) + "\n")


if __name__ == "__main__":
    main()
