#!/usr/bin/env python3
"""Writes examples/data/riverside_committee_2026.blt: the ballots of the Riverside TMO's committee election at its
2026 AGM (9 candidates for 5 seats). The papers are invented but shaped like a real resident election: two estates
whose residents mostly rank their own neighbours first, a popular chair, and short ballots. Deterministic: the same
file every run, so tests can rely on its count."""
import random
from pathlib import Path

CANDIDATES = [
    "Amina Yusuf (Riverside Court)", "Brian O'Connell (Riverside Court)", "Chen Wei (Mill Lane)",
    "Delroy Campbell (Mill Lane)", "Eleanor Price (Riverside Court)", "Fatima Begum (Mill Lane)",
    "Grace Okafor (Riverside Court)", "Harry Lewis (Mill Lane)", "Irena Kowalska (Riverside Court)",
]
COURT = [0, 1, 4, 6, 8]
LANE = [2, 3, 5, 7]
APPEAL = [9, 4, 6, 5, 5, 4, 3, 3, 2]  # how widely each candidate is liked


def ballot(rng: random.Random) -> list[int]:
    home = COURT if rng.random() < 0.56 else LANE
    pool = list(range(len(CANDIDATES)))
    ranked = []
    length = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 9])
    while pool and len(ranked) < length:
        weights = [APPEAL[c] * (3 if c in home else 1) for c in pool]
        choice = rng.choices(pool, weights)[0]
        ranked.append(choice)
        pool.remove(choice)
    return ranked


def main() -> None:
    rng = random.Random(20260614)
    papers = [ballot(rng) for _ in range(143)]
    lines = [f"{len(CANDIDATES)} 5"]
    lines += ["1 " + " ".join(str(c + 1) for c in p) + " 0" for p in papers]
    lines.append("0")
    lines += [f'"{name}"' for name in CANDIDATES]
    lines.append('"Riverside TMO committee election, AGM 14 June 2026"')
    out = Path(__file__).resolve().parent.parent / "examples" / "data" / "riverside_committee_2026.blt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
