#!/usr/bin/env python3
"""Writes the MADE-UP sample batches.csv and harvests.csv (seeded, reproducible).

Figures are chosen inside ranges from the cited cultivation sources (Docs/sources.md): shiitake ~1 kg fresh per
15x55 stick (2.15-2.25 kg filled, ~0.95 kg dry), BE around 60-120 %, first harvest 2-4 months
after autumn inoculation, 3-5 flushes; oyster BE ~70-110 %, first harvest ~5 weeks, 3 flushes;
summer inoculation raises contamination. They are not measurements.
"""
import csv, datetime, random

rng = random.Random(20241)
growers = ["Grower A", "Grower B", "Grower C", "农户甲", "农户乙", "农户丙"]
places = {"valley": ("Sample village A", 320), "low-mountain": ("Sample village B", 760),
          "mid-mountain": ("Sample village C", 1180), "high-mountain": ("Sample village D", 1560)}
bag_dry = {"15x55": 0.95, "15x45": 0.76, "18x35": 0.55, "23x45": 1.0}
RULE = "shiitake.bag.smaller-bags-in-heat"
batches, harvests = [], []

def add(n, variety, strain, substrate, bag, start, band, facility, rules, base_be, contam, flushes, first_days, price):
    bid = f"S{n:02d}" if variety == "shiitake" else f"P{n:02d}"
    place, elev = places[band]
    elev += rng.choice([-40, -20, 0, 20, 40])
    bags = rng.choice([600, 800, 1000, 1200, 1500, 2000])
    lost = round(bags * contam * rng.uniform(0.6, 1.4) / 100)
    dry = bag_dry[bag]
    batches.append(dict(batch_id=bid, grower=rng.choice(growers), place=place, elevation_m=elev,
        variety=variety, strain=strain, substrate=substrate, bag_size=bag,
        dry_substrate_kg_per_bag=dry, bags=bags, inoculated_on=start.isoformat(),
        facility=facility, bags_contaminated=lost, advice_rules=" ".join(rules),
        kb_version="2024.09" if rules else "", notes="made-up sample"))
    total = bags * dry * base_be * rng.uniform(0.85, 1.15) / 100 * (1 - lost / bags)
    shares = [0.38, 0.27, 0.18, 0.11, 0.06][:flushes]
    day = start + datetime.timedelta(days=first_days + rng.randint(-6, 6))
    for flush, share in enumerate(shares, 1):
        kg = total * share / sum(shares)
        for grade, part in (("A", 0.6), ("B", 0.4)):
            harvests.append(dict(batch_id=bid, harvested_on=day.isoformat(), flush=flush,
                fresh_kg=round(kg * part, 1), grade=grade,
                price_yuan_per_kg=round(price * (1 if grade == "A" else 0.7), 1)))
        day += datetime.timedelta(days=rng.randint(18, 30))

n = 1
# Shiitake: standard 15x55 vs smaller bags; summer (hot) vs autumn starts; advice rule for small bags in heat.
for year in (2023, 2024):
    for bag, rules in (("15x55", []), ("15x45", [RULE]), ("18x35", [RULE])):
        for month, base, contam in ((8, 78, 14), (10, 96, 4)):
            band = rng.choice(["low-mountain", "mid-mountain"]) if month == 8 else rng.choice(["valley", "low-mountain"])
            if bag != "15x55":
                base += 8 if month == 8 else 2
                contam = contam * 0.55 if month == 8 else contam
            start = datetime.date(year, month, rng.randint(3, 25))
            add(n, "shiitake", rng.choice(["L808", "939"]), "sawdust 78, bran 20, gypsum 1, sugar 1",
                bag, start, band, rng.choice(["simple-shed", "standard-shed"]), rules,
                base, contam, 5 if bag == "15x55" else 4, rng.randint(75, 95), 12.0)
            n += 1
# Shiitake at high elevation, spring start.
for year in (2023, 2024):
    add(n, "shiitake", "L808", "sawdust 78, bran 20, gypsum 1, sugar 1", "15x55",
        datetime.date(year, 3, rng.randint(5, 25)), "high-mountain", "simple-shed", [], 85, 5, 4, 100, 11.0)
    n += 1
# Oyster: autumn and spring, 23x45 bags, cottonseed hulls.
for i in range(1, 7):
    start = datetime.date(2023 + (i > 3), (9, 10, 3)[i % 3], rng.randint(3, 25))
    add(i, "oyster", "", "cottonseed hulls 88, bran 10, sugar 1, gypsum 1", "23x45", start,
        rng.choice(["valley", "low-mountain"]), "simple-shed", [], 95, 6, 3, 35, 6.0)

cols_b = list(batches[0].keys())
with open("batches.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, cols_b, lineterminator="\n"); w.writeheader(); w.writerows(batches)
with open("harvests.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, list(harvests[0].keys()), lineterminator="\n"); w.writeheader(); w.writerows(harvests)
print(len(batches), "batches,", len(harvests), "harvests")
