#!/usr/bin/env python3
"""Generates the Riverside TMO's performance data for April 2025 - March 2026 (examples/data/contracts/).

Deterministic (its own linear congruential generator, no library randomness), so running it again gives the same
files byte for byte:

    scripts/generate_riverside_data.py examples/data/contracts

Writes riverside_repairs_jobs.csv (responsive repairs shaped after the HACT repairs messages), riverside_inspections.csv
(weekly communal cleaning inspections graded A-D, monthly grounds inspections graded green/amber/red) and
riverside_readings.csv (the management agreement's monthly rent-collection and re-letting figures). The data is
invented but realistic in shape: about three repairs per home a year, most routine, a few late or recalled.

April 2025 of the cleaning inspections is fixed to the worked example of contracts.md §4.4: 183 of 200 inspections
graded A or B (91.5%).

With --check MONTH (e.g. --check 2025-07), prints KPI figures for that month computed here, independently of the library, for the tool tests.
"""
import datetime as dt
import sys
from pathlib import Path

# England and Wales bank holidays, April 2025 - April 2026 (gov.uk/bank-holidays).
HOLIDAYS = {dt.date(2025, 4, 18), dt.date(2025, 4, 21), dt.date(2025, 5, 5), dt.date(2025, 5, 26),
            dt.date(2025, 8, 25), dt.date(2025, 12, 25), dt.date(2025, 12, 26), dt.date(2026, 1, 1),
            dt.date(2026, 4, 3), dt.date(2026, 4, 6)}
BLOCKS = [("AH", "Anchor House", 60), ("BH", "Barge House", 60), ("CC", "Cooper Court", 36), ("WR", "Wharf Road", 48)]
FIRST, LAST = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


class Lcg:
    """Numerical Recipes' 32-bit linear congruential generator."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return self.state

    def below(self, n):
        return self.next() * n // 2**32

    def chance(self, percent):
        return self.below(1000) < percent * 10


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def add_working_days(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if working(d):
            n -= 1
    return d


def days(first, last):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


def jobs(rng):
    dwellings = [f"{code}-{n:02d}" for code, _, homes in BLOCKS for n in range(1, homes + 1)]
    rows = []
    number = 0
    for day in days(FIRST, LAST):
        count = rng.below(3) + (1 if working(day) else 0)  # about 600 a year for 204 homes
        for _ in range(count):
            number += 1
            roll = rng.below(100)
            priority = "P1" if roll < 15 else ("P2" if roll < 45 else "P3")
            if priority != "P1" and not working(day):
                day_raised = add_working_days(day, 1)  # the repairs line opens on the next working day
            else:
                day_raised = day
            raised = dt.datetime.combine(day_raised, dt.time(8 + rng.below(10), rng.below(60)))
            if priority == "P1":
                late = rng.chance(3)
                completed = raised + dt.timedelta(minutes=60 + rng.below(20 * 60) + (30 * 60 if late else 0))
            else:
                allowed = 3 if priority == "P2" else 20
                late = rng.chance(6)
                taken = allowed + 1 + rng.below(5) if late else 1 + rng.below(allowed)
                completed = dt.datetime.combine(add_working_days(raised.date(), taken),
                                                dt.time(9 + rng.below(8), rng.below(60)))
            open_job = completed.date() > LAST
            first_time = "no" if rng.chance(14) else "yes"
            recall = "yes" if rng.chance(4) else "no"
            surveyed = rng.chance(40)
            score = [5, 5, 5, 4, 4, 4, 4, 3, 2, 1][rng.below(10)] if surveyed else ""
            price = {"P1": "RR-EM", "P2": "RR-UR", "P3": "RR-RT"}[priority]
            rows.append([f"RR{number:05d}", dwellings[rng.below(len(dwellings))], priority,
                         raised.strftime("%Y-%m-%d %H:%M"),
                         "" if open_job else completed.strftime("%Y-%m-%d %H:%M"),
                         "" if open_job else first_time, "" if open_job else recall,
                         "" if open_job else str(score), price])
    return rows


CLEANING_POINTS = ["entrance", "lobby", "stairs", "landings", "lift", "windows", "bin store", "walls", "doors", "lighting"]
GROUNDS_AREAS = ["paths", "grass", "play area"]


def inspections(rng):
    rows = []
    number = 0
    april_bad = {3, 17, 26, 38, 51, 60, 77, 89, 95, 108, 121, 133, 140, 156, 168, 179, 192}  # 17 of 200
    april_index = 0
    for day in days(FIRST, LAST):
        if day.weekday() == 2:  # cleaning rounds on Wednesdays
            for code, name, _ in BLOCKS:
                for point in CLEANING_POINTS:
                    number += 1
                    if day.month == 4 and day.year == 2025:
                        bad = april_index in april_bad
                        april_index += 1
                    else:
                        bad = rng.chance(5)
                    grade = ("C" if rng.below(4) else "D") if bad else ("A" if rng.below(3) else "B")
                    rows.append([f"IN{number:05d}", day.isoformat(), f"{name}: {point}", "communal cleaning", grade])
        if day.day <= 7 and day.weekday() == 3:  # grounds on the first Thursday of the month
            for code, name, _ in BLOCKS:
                for area in GROUNDS_AREAS:
                    number += 1
                    roll = rng.below(100)
                    grade = "green" if roll < 80 else ("amber" if roll < 96 else "red")
                    if day.month == 4 and day.year == 2025:
                        grade = "green" if roll < 85 else "amber"
                    rows.append([f"IN{number:05d}", day.isoformat(), f"{name}: {area}", "grounds", grade])
    return rows


def readings(rng):
    rows = []
    month = FIRST
    while month <= LAST:
        due = 21_700_000 + rng.below(40) * 10_000  # pence of rent due in the month
        collected_tenths = 965 + rng.below(30)  # 96.5% to 99.4%, in tenths of a percent
        rows.append(["MA1", month.strftime("%Y-%m"), f"{collected_tenths // 10}.{collected_tenths % 10}",
                     f"rent collected as a share of £{due // 100:,} due"])
        relet = 18 + rng.below(20)
        rows.append(["MA2", month.strftime("%Y-%m"), str(relet), "mean calendar days from void to new tenancy"])
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return rows


def csv_line(cells):
    return ",".join(f'"{c}"' if ("," in c or '"' in c) else c for c in cells) + "\n"


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_line(header))
        for r in rows:
            f.write(csv_line(r))


def check(job_rows, inspection_rows, month):
    """KPI figures for `month` ("2025-04"), computed from the rows here as the contract defines them."""
    first = dt.date.fromisoformat(month + "-01")
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)

    def done(r):
        return r[4] and first <= dt.date.fromisoformat(r[4][:10]) <= last

    def on_time(r):
        raised = dt.datetime.strptime(r[3], "%Y-%m-%d %H:%M")
        completed = dt.datetime.strptime(r[4], "%Y-%m-%d %H:%M")
        if r[2] == "P1":
            return completed <= raised + dt.timedelta(hours=24)
        limit = add_working_days(raised.date(), 3 if r[2] == "P2" else 20)
        return completed.date() <= limit

    april = [r for r in job_rows if done(r)]
    p1 = [r for r in april if r[2] == "P1"]
    rest = [r for r in april if r[2] != "P1"]
    print(f"REP1 emergency on time: {sum(map(on_time, p1))} of {len(p1)}")
    print(f"REP2 urgent and routine on time: {sum(map(on_time, rest))} of {len(rest)}")
    total_days = sum((dt.date.fromisoformat(r[4][:10]) - dt.date.fromisoformat(r[3][:10])).days + 1 for r in april)
    print(f"REP3 average days (inclusive): {total_days} over {len(april)}")
    recorded = [r for r in april if r[5]]
    print(f"REP4 right first time: {sum(1 for r in recorded if r[5] == 'yes' and r[6] == 'no')} of {len(recorded)}")
    scored = [r for r in april if r[7]]
    print(f"REP5 satisfied: {sum(1 for r in scored if int(r[7]) >= 4)} of {len(scored)}")
    raised_p1 = [r for r in job_rows if r[2] == "P1" and first <= dt.date.fromisoformat(r[3][:10]) <= last]
    print(f"REP6 emergency repairs raised: {len(raised_p1)}")
    for code in ("RR-EM", "RR-UR", "RR-RT"):
        print(f"jobs priced {code}: {sum(1 for r in april if r[8] == code)}")
    cleaning = [r for r in inspection_rows if r[3] == "communal cleaning" and r[1].startswith(month)]
    print(f"CLN1 A or B: {sum(1 for r in cleaning if r[4] in 'AB')} of {len(cleaning)}")
    grounds = [r for r in inspection_rows if r[3] == "grounds" and r[1].startswith(month)]
    print(f"GRD1 green or amber: {sum(1 for r in grounds if r[4] != 'red')} of {len(grounds)}")


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "examples/data/contracts")
    job_rows = jobs(Lcg(20250401))
    inspection_rows = inspections(Lcg(1))
    if "--check" in sys.argv:
        check(job_rows, inspection_rows, sys.argv[sys.argv.index("--check") + 1])
        return
    write(out / "riverside_repairs_jobs.csv",
          ["job", "dwelling", "priority", "raised", "completed", "first_time_fix", "recall", "satisfaction",
           "price_code"], job_rows)
    write(out / "riverside_inspections.csv", ["inspection", "date", "location", "element", "grade"], inspection_rows)
    write(out / "riverside_readings.csv", ["kpi", "month", "value", "basis"], readings(Lcg(7)))


if __name__ == "__main__":
    main()
