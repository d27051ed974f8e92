# Generates Rules/limits.xml: generic warnings comparing a measured reading with the limit facts.
import sys
if len(sys.argv) != 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: {sys.argv[0]} OUTPUT.xml')
SPAWN = "inoculation spawn-run browning resting"
rules = []
def rule(id, prio, cert, title_zh, title_en, tests, topic, zh, en, because_zh, because_en, sources):
    rules.append(dict(id=id, prio=prio, cert=cert, tzh=title_zh, ten=title_en, tests=tests, topic=topic,
                      zh=zh, en=en, bzh=because_zh, ben=because_en, sources=sources))

SRC_STACK = ('农业科技报 2021: 菌棒稀放、夜间通风防烧菌', 'http://www.homebasedcomic.com/2020/1230/361685.html')
SRC_SCHED = ('Gutian shiitake spawn-run schedule (extension article)', 'http://californiadrainexperts.com/edu/show-6071.html')
SRC_ROT = ('Shiitake stick rot from heat build-up (journal article)', 'https://www.ppdoc.com/periodical/ea3787389f9edbbb2e0bc3039271afed.html')
SRC_CARD = ('Shiitake cardinal temperatures (extension article)', 'http://m.qhdth.com/hztop-Article-29000')
SRC_RH = ('Shiitake fruiting humidity (extension article)', 'http://m.herborn-bw.cn/specials/show.php?itemid=26965')
SRC_VENT = ('Shiitake bud rot in humid, stale air (journal article)', 'https://jxxfw.com/periodical/5f899f53734cd19ed025229b60afb9a4.html')
SRC_OYS = ('Oyster fruiting practice (extension article)', 'https://bbzoh.cn/content/12/1108/19/2052959_246658635.shtml')

BECAUSE_LIMIT_ZH = "实测读数已到这个阶段的危险界限（出处见下）。"
BECAUSE_LIMIT_EN = "The measured reading has reached the danger limit for this stage (source below)."

# air temperature, bags (spawn group)
rule("limits.air-temp.too-hot.spawn-run", 80, "must", "棚温太高，菌丝要受热", "The shed is too hot for the mycelium",
     [('air-temp', 'at-least-fact="air-temp-max"'), ('air-temp-max-stage', f'in="{SPAWN}"')], "spawn-run.temperature",
     "棚里气温 {air-temp}，已到{air-temp-max-stage}阶段的上限 {air-temp-max}：菌丝变弱、杂菌多。棚顶遮阴，早晚和夜里开门窗通风，菌袋散开、少堆几层；降温前不要翻堆、刺孔。",
     "The shed air is at {air-temp}, at or above the {air-temp-max-stage} limit of {air-temp-max}: the mycelium weakens and moulds spread. Shade the roof, ventilate morning, evening and night, spread the bags in fewer layers; do not turn or prick them until it is cooler.",
     BECAUSE_LIMIT_ZH + "菌棒稀放、夜间通风可以防止烧菌。", BECAUSE_LIMIT_EN + " Spreading the bags and ventilating at night prevents heat build-up.",
     [SRC_STACK, SRC_ROT])
rule("limits.air-temp.too-cold.spawn-run", 75, "should", "棚温太低，菌丝长得慢", "The shed is too cold for the mycelium",
     [('air-temp', 'at-most-fact="air-temp-min"'), ('air-temp-min-stage', f'in="{SPAWN}"')], "spawn-run.temperature",
     "棚里气温 {air-temp}，已到{air-temp-min-stage}阶段的下限 {air-temp-min}：菌丝基本不长，发菌拖长。给菌袋保温：盖膜或草帘，移进保温棚或菇房，白天让太阳晒暖棚子，必要时加温（注意防火、防煤气）。",
     "The shed air is at {air-temp}, at or below the {air-temp-min-stage} limit of {air-temp-min}: the mycelium hardly grows and the run drags on. Keep the bags warm: cover them with film or straw mats, move them into an insulated shed or room, let the sun warm the shed by day, and heat if needed (mind fire and fumes).",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
rule("limits.air-temp.too-hot.fruiting", 80, "must", "出菇温度太高", "Too hot for fruiting",
     [('air-temp', 'at-least-fact="air-temp-max"'), ('air-temp-max-stage', 'is="fruiting"')], "fruiting.temperature",
     "棚里气温 {air-temp}，已到出菇阶段的上限 {air-temp-max}：菇长得薄、开伞快、容易烂，甚至不出菇。遮阴、通风降温，往地面和棚顶喷水降温（不要直接喷在菇上）；高温季节出菇要换用耐高温的菌株。",
     "The shed air is at {air-temp}, at or above the fruiting limit of {air-temp-max}: mushrooms grow thin, open early, rot, or do not form. Shade and ventilate, wet the floor and the roof to cool (not the mushrooms); for hot-season fruiting use a strain that tolerates heat.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
rule("limits.air-temp.too-cold.fruiting", 75, "should", "出菇温度太低", "Too cold for fruiting",
     [('air-temp', 'at-most-fact="air-temp-min"'), ('air-temp-min-stage', 'is="fruiting"')], "fruiting.temperature",
     "棚里气温 {air-temp}，已到出菇阶段的下限 {air-temp-min}：菇蕾不长或受冻。白天盖膜保温、让阳光晒暖，夜里关好门窗、加盖草帘，必要时加温；冻过的菇蕾要摘掉。",
     "The shed air is at {air-temp}, at or below the fruiting limit of {air-temp-min}: buds stop growing or freeze. Keep the film on by day to let the sun warm the shed, close up and add straw mats at night, heat if needed; pick off frozen buds.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
rule("limits.air-temp.too-hot.sowing", 80, "should", "播种后气温太高", "Too hot after sowing",
     [('air-temp', 'at-least-fact="air-temp-max"'), ('air-temp-max-stage', 'is="sowing"')], "spawn-run.temperature",
     "气温 {air-temp}，已到播种阶段的上限 {air-temp-max}：菌种容易烧死、杂菌多。搭遮阳网、早晚浇水降温，推迟播种到天凉以后。",
     "The air is at {air-temp}, at or above the sowing limit of {air-temp-max}: the spawn can die and moulds spread. Put up shade netting, water in the cool of the day, and delay sowing until it is cooler.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
rule("limits.air-temp.too-cold.sowing", 75, "should", "播种时气温太低", "Too cold for sowing",
     [('air-temp', 'at-most-fact="air-temp-min"'), ('air-temp-min-stage', 'is="sowing"')], "spawn-run.temperature",
     "气温 {air-temp}，已到播种阶段的下限 {air-temp-min}：菌丝长不起来。盖膜保温，等天暖一些再播。",
     "The air is at {air-temp}, at or below the sowing limit of {air-temp-min}: the mycelium will not take. Cover with film to keep warm, and sow once it is warmer.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])

# bag centre (bags only)
rule("limits.bag-temp.too-hot.spawn-run", 85, "must", "菌袋中心太热，要烧菌", "The bag centres are too hot: the mycelium will burn",
     [('cultivation', 'is="bags"'), ('bag-temp', 'at-least-fact="bag-temp-max"'), ('bag-temp-max-stage', f'in="{SPAWN}"')], "heat",
     "菌袋中心 {bag-temp}，已到{bag-temp-max-stage}阶段的上限 {bag-temp-max}，要烧菌：马上散开菌袋、降低堆高，开门窗通风、棚顶遮阴；先降温，不要翻堆、不要刺孔。",
     "The bag centres are at {bag-temp}, at or above the {bag-temp-max-stage} limit of {bag-temp-max}: the mycelium will burn. Spread the bags and lower the stacks, open up and ventilate, shade the roof; cool first, do not turn or prick the bags.",
     BECAUSE_LIMIT_ZH + "袋内常比室温高 2–3 ℃，积热会烧死菌丝。", BECAUSE_LIMIT_EN + " Bags run 2–3 °C above the room; trapped heat kills the mycelium.",
     [SRC_SCHED, SRC_ROT, SRC_STACK])
rule("limits.bag-temp.too-cold.spawn-run", 70, "should", "菌袋温度太低", "The bags are too cold",
     [('cultivation', 'is="bags"'), ('bag-temp', 'at-most-fact="bag-temp-min"'), ('bag-temp-min-stage', f'in="{SPAWN}"')], "spawn-run.temperature",
     "菌袋中心 {bag-temp}，已到{bag-temp-min-stage}阶段的下限 {bag-temp-min}：菌丝停长。把菌袋集中堆放、盖膜保温，移进保温棚，必要时加温。",
     "The bag centres are at {bag-temp}, at or below the {bag-temp-min-stage} limit of {bag-temp-min}: the mycelium stops growing. Stack the bags closer, cover them with film, move them into an insulated shed, and heat if needed.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
rule("limits.bag-temp.too-hot.fruiting", 80, "must", "出菇期菌袋太热", "The bags are too hot for fruiting",
     [('cultivation', 'is="bags"'), ('bag-temp', 'at-least-fact="bag-temp-max"'), ('bag-temp-max-stage', 'is="fruiting"')], "fruiting.temperature",
     "菌袋中心 {bag-temp}，已到出菇阶段的上限 {bag-temp-max}：菌袋容易烂、出菇停止。散开菌袋、遮阴、加大通风，往地面喷水降温。",
     "The bag centres are at {bag-temp}, at or above the fruiting limit of {bag-temp-max}: bags rot and fruiting stops. Spread the bags, shade, ventilate more and wet the floor to cool.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_ROT])
rule("limits.bag-temp.too-cold.fruiting", 70, "should", "出菇期菌袋太冷", "The bags are too cold for fruiting",
     [('cultivation', 'is="bags"'), ('bag-temp', 'at-most-fact="bag-temp-min"'), ('bag-temp-min-stage', 'is="fruiting"')], "fruiting.temperature",
     "菌袋中心 {bag-temp}，已到出菇阶段的下限 {bag-temp-min}：不会现蕾。白天盖膜晒暖，夜里保温，必要时加温。",
     "The bag centres are at {bag-temp}, at or below the fruiting limit of {bag-temp-min}: no buds will set. Keep the film on to let the sun warm them by day, keep them warm at night, and heat if needed.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])

# humidity
rule("limits.air-humidity.too-humid.spawn-run", 70, "should", "发菌期太潮湿", "Too humid for the spawn run",
     [('air-humidity', 'at-least-fact="air-humidity-max"'), ('air-humidity-max-stage', f'in="{SPAWN} sowing"')], "spawn-run.humidity",
     "空气湿度 {air-humidity}，已到{air-humidity-max-stage}阶段的上限 {air-humidity-max}：容易长绿霉等杂菌。停止往棚里洒水，晴天开门窗通风排湿，地面撒石灰吸潮。",
     "Humidity is {air-humidity}, at or above the {air-humidity-max-stage} limit of {air-humidity-max}: green mould and other contaminants thrive. Stop wetting the shed, ventilate on dry days and spread lime on the floor to take up moisture.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_SCHED])
rule("limits.air-humidity.too-dry.spawn-run", 65, "should", "发菌期太干", "Too dry for the spawn run",
     [('air-humidity', 'at-most-fact="air-humidity-min"'), ('air-humidity-min-stage', f'in="{SPAWN} sowing"')], "spawn-run.humidity",
     "空气湿度 {air-humidity}，已到{air-humidity-min-stage}阶段的下限 {air-humidity-min}：料面和袋口容易失水。往地面和过道洒水，减少通风时间，不要直接往菌袋上喷水。",
     "Humidity is {air-humidity}, at or below the {air-humidity-min-stage} limit of {air-humidity-min}: the substrate surface and bag mouths dry out. Wet the floor and aisles and ventilate for shorter spells; do not spray the bags directly.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_SCHED])
rule("limits.air-humidity.too-humid.fruiting", 75, "should", "出菇期湿度太高，菇会烂", "Too humid for fruiting: mushrooms will rot",
     [('air-humidity', 'at-least-fact="air-humidity-max"'), ('air-humidity-max-stage', 'is="fruiting"')], "fruiting.humidity",
     "空气湿度 {air-humidity}，已到出菇阶段的上限 {air-humidity-max}：通风差时菇蕾会烂、容易生病。马上通风，停止喷水，把湿度降下来。",
     "Humidity is {air-humidity}, at or above the fruiting limit of {air-humidity-max}: with poor ventilation the buds rot and diseases spread. Ventilate now, stop misting and bring the humidity down.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_VENT, SRC_RH])
rule("limits.air-humidity.too-dry.fruiting", 75, "should", "出菇期太干", "Too dry for fruiting",
     [('air-humidity', 'at-most-fact="air-humidity-min"'), ('air-humidity-min-stage', 'is="fruiting"')], "fruiting.humidity",
     "空气湿度 {air-humidity}，已到出菇阶段的下限 {air-humidity-min}：菇停止生长，幼菇会干死。往地面和空中喷雾加湿，挂湿草帘，减少通风时间，把湿度提上来。",
     "Humidity is {air-humidity}, at or below the fruiting limit of {air-humidity-min}: mushrooms stop growing and young ones dry out. Mist the air and wet the floor, hang wet straw mats, ventilate for shorter spells to raise the humidity.",
     BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_RH, SRC_OYS])

# soil (beds only)
for stage_in, group, topic_head, zhname in ((f"sowing {SPAWN}", "spawn-run", "spawn-run", "发菌"), ("fruiting", "fruiting", "fruiting", "出菇")):
    rule(f"limits.soil-temp.too-hot.{group}", 80, "should", f"地温太高（{zhname}）", f"Soil too warm ({group.replace('-', ' ')})",
         [('cultivation', 'is="beds"'), ('soil-temp', 'at-least-fact="soil-temp-max"'), ('soil-temp-max-stage', f'in="{stage_in}"')], f"{topic_head}.temperature",
         "地温 {soil-temp}，已到{soil-temp-max-stage}阶段的上限 {soil-temp-max}：菌丝会受热衰退、杂菌增多。加盖遮阳网，畦沟灌水或早晚喷水降温。",
         "The soil is at {soil-temp}, at or above the {soil-temp-max-stage} limit of {soil-temp-max}: the mycelium weakens and moulds spread. Add shade netting and cool the beds by flooding the furrows or watering in the cool of the day.",
         BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
    rule(f"limits.soil-temp.too-cold.{group}", 75, "should", f"地温太低（{zhname}）", f"Soil too cold ({group.replace('-', ' ')})",
         [('cultivation', 'is="beds"'), ('soil-temp', 'at-most-fact="soil-temp-min"'), ('soil-temp-min-stage', f'in="{stage_in}"')], f"{topic_head}.temperature",
         "地温 {soil-temp}，已到{soil-temp-min-stage}阶段的下限 {soil-temp-min}：菌丝和菇蕾不长，菇蕾会受冻。盖地膜或小拱棚保温，晴天中午揭膜晒暖土壤。",
         "The soil is at {soil-temp}, at or below the {soil-temp-min-stage} limit of {soil-temp-min}: mycelium and buds stop growing and buds can freeze. Cover with mulch film or low tunnels, and open them at sunny midday to warm the soil.",
         BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
    rule(f"limits.soil-moisture.too-wet.{group}", 75, "should", f"土壤太湿（{zhname}）", f"Soil too wet ({group.replace('-', ' ')})",
         [('cultivation', 'is="beds"'), ('soil-moisture', 'at-least-fact="soil-moisture-max"'), ('soil-moisture-max-stage', f'in="{stage_in}"')], f"{topic_head}.moisture",
         "土壤含水量 {soil-moisture}，已到{soil-moisture-max-stage}阶段的上限 {soil-moisture-max}：菌丝缺氧、容易烂。停止浇水，清理畦沟排水，晴天揭膜通风。",
         "Soil moisture is {soil-moisture}, at or above the {soil-moisture-max-stage} limit of {soil-moisture-max}: the mycelium lacks air and rots. Stop watering, clear the furrows to drain, and open the covers on dry days.",
         BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])
    rule(f"limits.soil-moisture.too-dry.{group}", 70, "should", f"土壤太干（{zhname}）", f"Soil too dry ({group.replace('-', ' ')})",
         [('cultivation', 'is="beds"'), ('soil-moisture', 'at-most-fact="soil-moisture-min"'), ('soil-moisture-min-stage', f'in="{stage_in}"')], f"{topic_head}.moisture",
         "土壤含水量 {soil-moisture}，已到{soil-moisture-min-stage}阶段的下限 {soil-moisture-min}：菌丝和菇蕾会干死。少量多次浇水或畦沟短时灌水，盖膜保湿。",
         "Soil moisture is {soil-moisture}, at or below the {soil-moisture-min-stage} limit of {soil-moisture-min}: mycelium and buds dry out. Water little and often or flood the furrows briefly, and cover to hold the moisture.",
         BECAUSE_LIMIT_ZH, BECAUSE_LIMIT_EN, [SRC_CARD])

from xml.sax.saxutils import escape, quoteattr
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<!-- Limits: one set of generic warnings for every variety and stage. Each compares what the grower',
       '     MEASURED (air-temp, bag-temp, air-humidity, soil-temp, soil-moisture) with the danger limit the',
       '     knowledge layer looked up for the variety, stage and strain (the READING-max / READING-min facts,',
       '     from the <range> elements of Knowledge/variety-*.xml; their sources are cited with the warning).',
       '     A reading AT a limit warns (the limit is where harm begins). The *-stage facts name the stage the',
       '     limit was taken for: the grower\'s stage, or, with the stage unknown, the most tolerant stage, so',
       '     a reading that is dangerous at any stage still warns and says which stage it assumed.',
       '     Generated by Scripts/gen_limits.py; edit the generator, not this file. -->',
       '<rules xmlns="urn:myco:rules:1" id="limits" version="2026.11">']
for r in rules:
    out.append('')
    out.append(f'  <rule id="{r["id"]}" priority="{r["prio"]}" certainty="{r["cert"]}">')
    out.append(f'    <title lang="zh">{escape(r["tzh"])}</title>')
    out.append(f'    <title lang="en">{escape(r["ten"])}</title>')
    out.append('    <when>')
    for name, cond in r["tests"]:
        out.append(f'      <fact name="{name}" {cond}/>')
    out.append('    </when>')
    out.append('    <then>')
    out.append(f'      <warn topic="{r["topic"]}">')
    out.append(f'        <text lang="zh">{escape(r["zh"])}</text>')
    out.append(f'        <text lang="en">{escape(r["en"])}</text>')
    out.append('      </warn>')
    out.append('    </then>')
    out.append(f'    <because lang="zh">{escape(r["bzh"])}</because>')
    out.append(f'    <because lang="en">{escape(r["ben"])}</because>')
    for ref, href in r["sources"]:
        out.append(f'    <source ref={quoteattr(ref)} href={quoteattr(href)}/>')
    out.append('  </rule>')
out.append('</rules>')
import sys
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
print(len(rules), "rules")
