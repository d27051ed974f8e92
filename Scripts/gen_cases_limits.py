cases = []
import sys
if len(sys.argv) != 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: {sys.argv[0]} OUTPUT.xml')
def case(id, title, situation, expect=(), expect_not=()):
    cases.append((id, title, situation, expect, expect_not))
HOT_S="limits.air-temp.too-hot.spawn-run"; COLD_S="limits.air-temp.too-cold.spawn-run"
HOT_F="limits.air-temp.too-hot.fruiting"; COLD_F="limits.air-temp.too-cold.fruiting"
BAG_HOT="limits.bag-temp.too-hot.spawn-run"; BAG_COLD="limits.bag-temp.too-cold.spawn-run"
DRY_F="limits.air-humidity.too-dry.fruiting"; WET_F="limits.air-humidity.too-humid.fruiting"
WET_S="limits.air-humidity.too-humid.spawn-run"
# item 2: the examples
case("limits.lingzhi.bags-36-spawn-run", "Lingzhi bags at 36 °C in spawn run warn (burning) with the spawn-run bag limit", 'variety="lingzhi" elevation="400" date="2026-07-20" stage="spawn-run" bag-temperature="36"', [BAG_HOT], [BAG_COLD])
case("limits.lingzhi.bags-36-stage-unknown", "Stage unknown: lingzhi bags at 36 °C are dangerous at any stage, so it still warns (assuming the spawn run)", 'variety="lingzhi" elevation="400" date="2026-07-20" bag-temperature="36"', [BAG_HOT])
case("limits.tremella.spawn-run-31", "Tremella spawn run at 31 °C is above the 28 °C limit", 'variety="tremella" elevation="500" date="2026-06-20" stage="spawn-run" temperature="31"', [HOT_S])
case("limits.lions-mane.fruiting-25", "Lion's mane fruiting at 25 °C is above its 21 °C limit", 'variety="lions-mane" elevation="800" date="2026-09-20" stage="fruiting" temperature="25"', [HOT_F])
case("limits.enoki.fruiting-18-at-limit", "Enoki fruiting at 18 °C: a reading AT the limit warns", 'variety="enoki" elevation="800" date="2026-11-20" stage="fruiting" temperature="18"', [HOT_F])
case("limits.enoki.fruiting-17-inside", "Enoki fruiting at 17 °C is inside the limits: no temperature warning", 'variety="enoki" elevation="800" date="2026-11-20" stage="fruiting" temperature="17"', [], [HOT_F, COLD_F])
case("limits.shiitake.fruiting-2", "Shiitake fruiting at 2 °C: too cold", 'variety="shiitake" elevation="1000" date="2027-01-10" stage="fruiting" temperature="2"', [COLD_F], [HOT_F])
case("limits.oyster.fruiting-2", "Oyster fruiting at 2 °C: too cold", 'variety="oyster" elevation="1000" date="2027-01-10" stage="fruiting" temperature="2"', [COLD_F])
case("limits.king-oyster.fruiting-6", "King oyster fruiting at 6 °C: below its 8 °C limit", 'variety="king-oyster" elevation="800" date="2026-12-10" stage="fruiting" temperature="6"', [COLD_F])
case("limits.shiitake.fruiting-rh-60", "Shiitake fruiting at 60 % RH warns (the old rule fired only below 60)", 'variety="shiitake" elevation="800" date="2026-11-10" stage="fruiting" humidity="60"', [DRY_F], [WET_F])
case("limits.shiitake.fruiting-rh-85", "Shiitake fruiting at 85 % RH: no humidity warning", 'variety="shiitake" elevation="800" date="2026-11-10" stage="fruiting" humidity="85"', [], [DRY_F, WET_F])
case("limits.shiitake.fruiting-rh-97", "Shiitake fruiting at 97 % RH: too humid, buds rot", 'variety="shiitake" elevation="300" date="2026-04-10" stage="fruiting" humidity="97"', [WET_F], [DRY_F])
for v, rh in (("wood-ear", 70), ("tremella", 70), ("lingzhi", 70), ("king-oyster", 70), ("morel", 55), ("button", 70), ("lions-mane", 70), ("enoki", 60)):
    case(f"limits.{v}.fruiting-dry", f"{v} fruiting at {rh} % RH: too dry (no low-humidity rule existed)", f'variety="{v}" elevation="800" date="2026-10-15" stage="fruiting" humidity="{rh}"', [DRY_F])
case("limits.button.fruiting-24", "Button mushroom fruiting at 24 °C: above 22 °C", 'variety="button" elevation="500" date="2026-10-20" stage="fruiting" temperature="24"', [HOT_F])
case("limits.wine-cap.fruiting-31", "Wine cap fruiting at 31 °C: above 30 °C", 'variety="wine-cap" elevation="300" date="2026-05-20" stage="fruiting" temperature="31"', [HOT_F])
case("limits.morel.fruiting-3", "Morel fruiting at 3 °C: frost risk to the primordia", 'variety="morel" elevation="1000" date="2027-02-10" stage="fruiting" temperature="3"', [COLD_F])
case("limits.wood-ear.fruiting-27", "Wood ear fruiting at 27 °C: above 25 °C", 'variety="wood-ear" elevation="600" date="2026-06-10" stage="fruiting" temperature="27"', [HOT_F])
case("limits.lingzhi.fruiting-16", "Lingzhi fruiting at 16 °C: below 18 °C", 'variety="lingzhi" elevation="900" date="2026-05-10" stage="fruiting" temperature="16"', [COLD_F])
case("limits.tremella.fruiting-18", "Tremella fruiting at 18 °C: below 20 °C", 'variety="tremella" elevation="800" date="2026-06-10" stage="fruiting" temperature="18"', [COLD_F])
# soil crops
case("limits.morel.spawn-run-soil-26", "Morel spawn run with the soil at 26 °C: above 25 °C", 'variety="morel" elevation="800" date="2026-11-10" stage="spawn-run" soil-temperature="26"', ["limits.soil-temp.too-hot.spawn-run"])
case("limits.morel.sowing-soil-wet", "Morel sowing in soil at 35 % moisture: too wet", 'variety="morel" elevation="800" date="2026-11-10" stage="sowing" soil-moisture="35"', ["limits.soil-moisture.too-wet.spawn-run"])
case("limits.morel.sowing-soil-dry", "Morel sowing in soil at 15 % moisture: too dry", 'variety="morel" elevation="800" date="2026-11-10" stage="sowing" soil-moisture="15"', ["limits.soil-moisture.too-dry.spawn-run"])
case("limits.morel.sowing-air-22", "Morel sowing with the day at 22 °C: above the 20 °C sowing limit", 'variety="morel" elevation="800" date="2026-10-20" stage="sowing" temperature="22"', ["limits.air-temp.too-hot.sowing"])
case("limits.morel.no-bag-rules", "Morel is grown in soil: a bag-centre reading is not compared with bag limits", 'variety="morel" elevation="800" date="2026-11-10" stage="spawn-run" bag-temperature="30"', [], [BAG_HOT, "spawn-run.heat.bags-above-room"])
case("limits.wine-cap.spawn-run-soil-33", "Wine cap bed at 33 °C in spawn run: above 32 °C", 'variety="wine-cap" elevation="300" date="2026-10-10" stage="spawn-run" soil-temperature="33"', ["limits.soil-temp.too-hot.spawn-run"])
# spawn-run family for bag crops
case("limits.oyster.spawn-run-bags-33", "Oyster bags at 33 °C in spawn run: above 32 °C", 'variety="oyster" elevation="500" date="2026-09-01" stage="spawn-run" bag-temperature="33"', [BAG_HOT])
case("limits.shiitake.spawn-run-bags-27", "Shiitake bag centres at 27 °C in spawn run: above the 26 °C bag limit", 'variety="shiitake" elevation="600" date="2026-09-05" stage="spawn-run" bag-temperature="27"', [BAG_HOT])
case("limits.shiitake.inoculation-air-33", "Inoculation uses the spawn-run limits: 33 °C air warns", 'variety="shiitake" elevation="300" date="2026-08-10" stage="inoculation" temperature="33"', [HOT_S])
case("limits.shiitake.browning-bags-27", "Browning uses the spawn-run bag limit: 27 °C warns", 'variety="shiitake" elevation="600" date="2026-10-20" stage="browning" bag-temperature="27"', [BAG_HOT])
case("limits.shiitake.resting-air-4", "Resting between flushes at 4 °C: too cold for the mycelium to recover", 'variety="shiitake" elevation="1000" date="2026-12-20" stage="resting" temperature="4"', [COLD_S])
case("limits.button.spawn-run-rh-75", "Button spawn run at 75 % RH: above 70 %", 'variety="button" elevation="500" date="2026-09-20" stage="spawn-run" humidity="75"', [WET_S])
case("limits.king-oyster.spawn-run-rh-85", "King oyster spawn run at 85 % RH: above 80 %", 'variety="king-oyster" elevation="500" date="2026-09-20" stage="spawn-run" humidity="85"', [WET_S])
case("limits.enoki.spawn-run-5", "Enoki spawn run at 5 °C: below 7 °C", 'variety="enoki" elevation="1000" date="2026-12-20" stage="spawn-run" temperature="5"', [COLD_S])
case("limits.lions-mane.spawn-run-16", "Lion's mane spawn run at 16 °C: below 18 °C", 'variety="lions-mane" elevation="1000" date="2026-11-20" stage="spawn-run" temperature="16"', [COLD_S])
case("limits.wood-ear.spawn-run-30", "Wood ear spawn run at 30 °C: above 28 °C", 'variety="wood-ear" elevation="300" date="2026-08-20" stage="spawn-run" temperature="30"', [HOT_S])
case("limits.shiitake.stage-unknown-28", "Stage unknown, shiitake air at 28 °C: fine for the spawn run, so no limit warning (only dangerous at one stage)", 'variety="shiitake" elevation="300" date="2026-08-10" temperature="28"', [], [HOT_S, HOT_F])
case("limits.shiitake.stage-unknown-33", "Stage unknown, shiitake air at 33 °C: dangerous at any stage, warns assuming the spawn run", 'variety="shiitake" elevation="300" date="2026-08-10" temperature="33"', [HOT_S])
case("limits.shiitake.fruiting-no-reading", "Fruiting in a hot valley July without a reading: no temperature warning from the estimate", 'variety="shiitake" elevation="300" date="2026-07-20" stage="fruiting"', [], ["fruiting.temperature"])
case("limits.oyster.planning-no-limits", "Planning stage: readings are not held to growing limits", 'variety="oyster" elevation="300" date="2026-08-10" stage="planning" temperature="35"', [], [HOT_S, HOT_F])
# item 4: strains
case("strain.931.fruiting-26", "--strain 931 is high-temperature: 26 °C fruiting is inside its 8–32 °C range, no mid-temperature 24 °C warning", 'variety="shiitake" elevation="800" date="2026-06-10" stage="fruiting" strain="931" temperature="26"', ["shiitake.strain.high"], ["fruiting.temperature"])
case("strain.931.fruiting-33", "--strain 931 at 33 °C: above the strain's own 32 °C limit", 'variety="shiitake" elevation="300" date="2026-07-10" stage="fruiting" strain="931" temperature="33"', [HOT_F, "shiitake.strain.high"])
case("strain.808-alias", "808 is the grower's name for L808 (mid-high)", 'variety="shiitake" elevation="800" date="2026-08-10" strain="808"', ["shiitake.strain.mid-high"])
case("strain.l-808-spelling", "l-808 is L808 whatever the case and hyphen", 'variety="shiitake" elevation="800" date="2026-08-10" strain="l-808"', ["shiitake.strain.mid-high"])
case("strain.135-alias-fruiting-21", "135 is L135 (low type): fruiting at 21 °C is above its 20 °C limit", 'variety="shiitake" elevation="800" date="2026-04-10" stage="fruiting" strain="135" temperature="21"', ["shiitake.strain.low", HOT_F])
case("strain.l135-fruiting-4", "L135 at 4 °C: below its 5 °C limit", 'variety="shiitake" elevation="1000" date="2027-01-10" stage="fruiting" strain="L135" temperature="4"', [COLD_F])
case("strain.939-at-limit", "939 (mid-low, 8–23 °C) at 23 °C: at the strain's limit", 'variety="shiitake" elevation="800" date="2026-05-10" stage="fruiting" strain="939" temperature="23"', [HOT_F, "shiitake.strain.mid-low"])
case("strain.cr04-fruiting-13", "Cr04 (mid-high, 15–28 °C) at 13 °C: too cold for it, although fine for a mid strain", 'variety="shiitake" elevation="800" date="2026-11-10" stage="fruiting" strain="Cr04" temperature="13"', [COLD_F])
case("strain.unknown-with-type", "0912 is not in the table; with the type the grower gives (mid-low) the strain advice follows it", 'variety="shiitake" elevation="800" date="2026-08-10" strain="0912" strain-type="mid-low"', ["shiitake.strain.mid-low"])
case("strain.unknown-no-type", "9608 is not in the table and no type is given: no strain-type advice is invented", 'variety="shiitake" elevation="800" date="2026-08-10" strain="9608"', [], ["strain"])
# item 11: place
case("place.guanyang-pinyin", "--place guanyang gives 1,200 m: cool enough in early August, like --elevation 1200", 'variety="shiitake" place="guanyang" date="2026-08-01" bag="18x60"', ["shiitake.bag.large-when-cool"], ["shiitake.bag.smaller-bags-in-heat"])
case("place.guanyang-chinese", "--place 官阳镇 gives the same elevation as the pinyin", 'variety="shiitake" place="官阳镇" date="2026-08-01" bag="18x60"', ["shiitake.bag.large-when-cool"], ["shiitake.bag.smaller-bags-in-heat"])
case("place.peishi-valley", "--place 培石 (Yangtze bank) is a valley elevation: large bags in August are too hot", 'variety="shiitake" place="培石" date="2026-08-15" bag="18x60"', ["shiitake.bag.smaller-bags-in-heat"])

from xml.sax.saxutils import escape
out=['<?xml version="1.0" encoding="UTF-8"?>',
'<!-- Issue #11 items 2, 4 and 11 (helper H6): limits by variety × stage (Rules/limits.xml), strains and',
'     their types, places. Generated by Scripts/gen_cases_limits.py; edit the generator. -->',
'<cases xmlns="urn:myco:cases:1" version="2026.11">']
for id,title,sit,exp,nexp in cases:
    out.append(f'  <case id="{id}">')
    out.append(f'    <title lang="en">{escape(title)}</title>')
    out.append(f'    <situation {sit}/>')
    for e in exp:
        out.append(f'    <expect {"topic" if "." not in e or e.count(".")==1 and not e.startswith(("limits","shiitake","spawn")) else "rule"}="{e}"/>')
    for e in nexp:
        out.append(f'    <expect-not {"topic" if "." not in e or e.count(".")==1 and not e.startswith(("limits","shiitake","spawn")) else "rule"}="{e}"/>')
    out.append('  </case>')
out.append('</cases>')
import sys
open(sys.argv[1],'w').write('\n'.join(out)+'\n')
print(len(cases),'cases')
