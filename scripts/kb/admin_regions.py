#!/usr/bin/env python3
"""Adds the first-level divisions of states at war or hosting wars (governorates,
states, provinces, regions, departments) to data/kb/places_curated.tsv, with their
ISO 3166-2 code in the `source` column, and the continents and world regions news names.

usage: python3 scripts/kb/admin_regions.py      (idempotent: rows whose id exists are kept)

The divisions are those of ISO 3166-2 (the codes identify each row); the Arabic names are
written as Arabic media write them, with the division noun ("ولاية كادونا") as the
canonical name. The bare name ("كادونا") is an alias only when no city of that name in
the same country is in places.tsv (the city keeps it) and the name is no ordinary word.
Coordinates are left empty: the gazetteer's towns carry them.
"""
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from kbcommon import norm_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "data/kb/places_curated.tsv"
PLACES = ROOT / "data/kb/places.tsv"

# (ISO 3166-2, English, division noun, Arabic name, other names, bare name usable)
# The bare name is kept unless marked "-" (an ordinary word or another place's name).
DIVISIONS = """
IQ-BG	Baghdad Governorate	محافظة	بغداد		-
IQ-BA	Basra Governorate	محافظة	البصرة		-
IQ-DQ	Dhi Qar Governorate	محافظة	ذي قار	الناصرية	+
IQ-DI	Diyala Governorate	محافظة	ديالى		+
IQ-KA	Karbala Governorate	محافظة	كربلاء		-
IQ-KI	Kirkuk Governorate	محافظة	كركوك		-
IQ-MA	Maysan Governorate	محافظة	ميسان		+
IQ-MU	Muthanna Governorate	محافظة	المثنى		+
IQ-NA	Najaf Governorate	محافظة	النجف		-
IQ-QA	Al-Qadisiyyah Governorate	محافظة	القادسية	الديوانية	-
IQ-SD	Salah al-Din Governorate	محافظة	صلاح الدين		-
IQ-BB	Babil Governorate	محافظة	بابل		+
IQ-WA	Wasit Governorate	محافظة	واسط		+
IQ-DA	Duhok Governorate	محافظة	دهوك		-
IQ-AR	Erbil Governorate	محافظة	أربيل		-
IQ-SU	Sulaymaniyah Governorate	محافظة	السليمانية		-
SY-RD	Rif Dimashq Governorate	محافظة	ريف دمشق		+
SY-DR	Daraa Governorate	محافظة	درعا		-
SY-SU	As-Suwayda Governorate	محافظة	السويداء		-
SY-QU	Quneitra Governorate	محافظة	القنيطرة		-
SY-HM	Hama Governorate	محافظة	حماة		-
SY-HI	Homs Governorate	محافظة	حمص		-
SY-LA	Latakia Governorate	محافظة	اللاذقية		-
SY-TA	Tartus Governorate	محافظة	طرطوس		-
YE-AD	Aden Governorate	محافظة	عدن		-
YE-DA	Al Dhale Governorate	محافظة	الضالع		+
YE-MR	Al Mahrah Governorate	محافظة	المهرة		+
YE-MW	Al Mahwit Governorate	محافظة	المحويت		+
YE-RA	Raymah Governorate	محافظة	ريمة		+
YE-DH	Dhamar Governorate	محافظة	ذمار		-
YE-SN	Sanaa Governorate	محافظة	صنعاء		-
YE-SD	Saada Governorate	محافظة	صعدة		-
YE-HJ	Hajjah Governorate	محافظة	حجة		-
YE-IB	Ibb Governorate	محافظة	إب		-
YE-AM	Amran Governorate	محافظة	عمران		-
NG-AB	Abia State	ولاية	أبيا		+
NG-AD	Adamawa State	ولاية	أداماوا		+
NG-AK	Akwa Ibom State	ولاية	أكوا إيبوم		+
NG-AN	Anambra State	ولاية	أنامبرا		+
NG-BA	Bauchi State	ولاية	باوتشي		-
NG-BY	Bayelsa State	ولاية	بايلسا		+
NG-BE	Benue State	ولاية	بينو	بنوي	+
NG-CR	Cross River State	ولاية	كروس ريفر		+
NG-DE	Delta State	ولاية	دلتا		-
NG-EB	Ebonyi State	ولاية	إيبوني		+
NG-ED	Edo State	ولاية	إيدو		+
NG-EK	Ekiti State	ولاية	إكيتي		+
NG-EN	Enugu State	ولاية	إينوغو	إنوغو	-
NG-GO	Gombe State	ولاية	غومبي		-
NG-IM	Imo State	ولاية	إيمو		+
NG-JI	Jigawa State	ولاية	جيغاوا		+
NG-KD	Kaduna State	ولاية	كادونا		-
NG-KN	Kano State	ولاية	كانو		-
NG-KT	Katsina State	ولاية	كاتسينا		-
NG-KE	Kebbi State	ولاية	كيبي		+
NG-KO	Kogi State	ولاية	كوجي		+
NG-KW	Kwara State	ولاية	كوارا		+
NG-LA	Lagos State	ولاية	لاغوس		-
NG-NA	Nasarawa State	ولاية	ناساراوا		+
NG-NI	Niger State	ولاية	النيجر		-
NG-OG	Ogun State	ولاية	أوغون		+
NG-ON	Ondo State	ولاية	أوندو		+
NG-OS	Osun State	ولاية	أوسون		+
NG-OY	Oyo State	ولاية	أويو		+
NG-PL	Plateau State	ولاية	بلاتو		+
NG-RI	Rivers State	ولاية	ريفرز		+
NG-SO	Sokoto State	ولاية	سوكوتو		-
NG-TA	Taraba State	ولاية	تارابا		+
NG-YO	Yobe State	ولاية	يوبي		+
NG-ZA	Zamfara State	ولاية	زامفارا		+
NG-FC	Federal Capital Territory	إقليم	العاصمة الاتحادية		-
AF-BDS	Badakhshan Province	ولاية	بدخشان		+
AF-BDG	Badghis Province	ولاية	بادغيس		+
AF-BGL	Baghlan Province	ولاية	بغلان		+
AF-BAL	Balkh Province	ولاية	بلخ		+
AF-BAM	Bamyan Province	ولاية	باميان		-
AF-DAY	Daykundi Province	ولاية	دايكندي		+
AF-FRA	Farah Province	ولاية	فراه		-
AF-FYB	Faryab Province	ولاية	فارياب		+
AF-GHA	Ghazni Province	ولاية	غزني		-
AF-GHO	Ghor Province	ولاية	غور		-
AF-HEL	Helmand Province	ولاية	هلمند		+
AF-HER	Herat Province	ولاية	هرات		-
AF-JOW	Jowzjan Province	ولاية	جوزجان		+
AF-KAB	Kabul Province	ولاية	كابل		-
AF-KAN	Kandahar Province	ولاية	قندهار		-
AF-KAP	Kapisa Province	ولاية	كابيسا		+
AF-KHO	Khost Province	ولاية	خوست		-
AF-KNR	Kunar Province	ولاية	كونار	كنر	+
AF-KDZ	Kunduz Province	ولاية	قندوز	كوندوز	-
AF-LAG	Laghman Province	ولاية	لغمان		+
AF-LOG	Logar Province	ولاية	لوغر		+
AF-NAN	Nangarhar Province	ولاية	ننغرهار	ننكرهار	+
AF-NIM	Nimruz Province	ولاية	نيمروز		+
AF-NUR	Nuristan Province	ولاية	نورستان		+
AF-PIA	Paktia Province	ولاية	بكتيا	باكتيا	+
AF-PKA	Paktika Province	ولاية	بكتيكا	باكتيكا	+
AF-PAR	Parwan Province	ولاية	بروان	باروان	+
AF-SAM	Samangan Province	ولاية	سمنغان		+
AF-SAR	Sar-e Pol Province	ولاية	سربل		+
AF-TAK	Takhar Province	ولاية	تخار		+
AF-URU	Uruzgan Province	ولاية	أوروزغان	أرزكان	+
AF-WAR	Wardak Province	ولاية	وردك	ميدان وردك	+
AF-ZAB	Zabul Province	ولاية	زابل		+
PK-PB	Punjab, Pakistan	إقليم	البنجاب	البنجاب الباكستاني	+
PK-SD	Sindh	إقليم	السند		-
PK-GB	Gilgit-Baltistan	إقليم	جلجت بلتستان	غلغت بلتستان	+
IN-PB	Punjab, India	ولاية	البنجاب الهندية	البنجاب الهندي	-
IN-MN	Manipur	ولاية	مانيبور		+
IN-CT	Chhattisgarh	ولاية	تشاتيسغار		+
MM-14	Chin State	ولاية	تشين		-
MM-12	Kayah State	ولاية	كاياه	كاريني	+
MM-13	Kayin State	ولاية	كايين	كارين	+
MM-15	Mon State	ولاية	مون		-
MM-07	Ayeyarwady Region	منطقة	إيراوادي		-
MM-02	Bago Region	منطقة	باغو		-
MM-03	Magway Region	منطقة	ماغواي		+
MM-04	Mandalay Region	منطقة	ماندالاي		-
MM-05	Tanintharyi Region	منطقة	تانينثاري		+
MM-06	Yangon Region	منطقة	يانغون		-
SO-AW	Awdal	إقليم	أودل		+
SO-BK	Bakool	إقليم	باكول		+
SO-BN	Banadir	إقليم	بنادر		+
SO-BR	Bari, Somalia	إقليم	باري		-
SO-BY	Bay, Somalia	إقليم	باي		-
SO-GA	Galguduud	إقليم	جلجدود	غلغدود	+
SO-GE	Gedo	إقليم	جدو	غيدو	+
SO-HI	Hiran	إقليم	هيران		+
SO-JD	Middle Juba	إقليم	جوبا الوسطى		+
SO-JH	Lower Juba	إقليم	جوبا السفلى		+
SO-MU	Mudug	إقليم	مدق	مودوغ	+
SO-NU	Nugal	إقليم	نوغال		+
SO-SA	Sanaag	إقليم	سناج		+
SO-SD	Middle Shabelle	إقليم	شبيلي الوسطى	شبيلي الوسطي	+
SO-SH	Lower Shabelle	إقليم	شبيلي السفلى		+
SO-SO	Sool	إقليم	سول		-
SO-TO	Togdheer	إقليم	توغدير		+
ET-BE	Benishangul-Gumuz Region	إقليم	بني شنقول قمز	بني شنقول	+
ET-GA	Gambela Region	إقليم	غامبيلا	قامبيلا	+
ET-SI	Sidama Region	إقليم	سيداما		+
ET-HA	Harari Region	إقليم	هرر		-
ET-SN	Southern Nations, Nationalities, and Peoples' Region	إقليم	الأمم والقوميات والشعوب الجنوبية		-
SS-EC	Central Equatoria	ولاية	الاستوائية الوسطى		+
SS-EE	Eastern Equatoria	ولاية	الاستوائية الشرقية		+
SS-EW	Western Equatoria	ولاية	الاستوائية الغربية		+
SS-LK	Lakes, South Sudan	ولاية	البحيرات		-
SS-UY	Unity State	ولاية	الوحدة		-
SS-WR	Warrap	ولاية	واراب		+
SS-BN	Northern Bahr el Ghazal	ولاية	شمال بحر الغزال		+
SS-BW	Western Bahr el Ghazal	ولاية	غرب بحر الغزال		+
ML-1	Kayes Region	منطقة	كاي		-
ML-2	Koulikoro Region	منطقة	كوليكورو		-
ML-3	Sikasso Region	منطقة	سيكاسو		-
ML-4	Ségou Region	منطقة	سيغو		-
ML-5	Mopti Region	منطقة	موبتي		-
ML-6	Tombouctou Region	منطقة	تمبكتو		-
ML-7	Gao Region	منطقة	غاو		-
ML-8	Kidal Region	منطقة	كيدال		-
ML-9	Ménaka Region	منطقة	ميناكا		-
NE-1	Agadez Region	منطقة	أغاديز		-
NE-2	Diffa Region	منطقة	ديفا		-
NE-3	Dosso Region	منطقة	دوسو		-
NE-4	Maradi Region	منطقة	مارادي		-
NE-5	Tahoua Region	منطقة	تاهوا		-
NE-6	Tillabéri Region	منطقة	تيلابيري	تيلابيري	-
NE-7	Zinder Region	منطقة	زيندر		-
TD-LC	Lac Province	ولاية	البحيرة		-
TD-OD	Ouaddaï Province	ولاية	وداي		+
TD-WF	Wadi Fira Province	ولاية	وادي فيرا		+
TD-EE	Ennedi-Est Province	ولاية	إنيدي الشرقية	إنيدي الشرقي	+
TD-EO	Ennedi-Ouest Province	ولاية	إنيدي الغربية		+
TD-BO	Borkou Province	ولاية	بوركو		+
TD-TI	Tibesti Province	ولاية	تيبستي		+
TD-SI	Sila Province	ولاية	سيلا		+
TD-SA	Salamat Province	ولاية	سلامات		+
TD-BA	Batha Province	ولاية	البطحاء		-
TD-KA	Kanem Province	ولاية	كانم		+
CD-TA	Tanganyika Province	إقليم	تنجانيقا		+
CD-HK	Haut-Katanga Province	إقليم	كاتانغا العليا		+
CD-MA	Maniema Province	إقليم	مانييما		+
CD-KS	Kasaï Province	إقليم	كاساي		+
CD-KN	Kinshasa	إقليم	كينشاسا		-
HT-OU	Ouest Department	إقليم	الغرب		-
HT-AR	Artibonite Department	إقليم	أرتيبونيت		+
HT-CE	Centre Department	إقليم	الوسط		-
HT-ND	Nord Department	إقليم	الشمال		-
HT-SD	Sud Department	إقليم	الجنوب		-
LB-NA	Nabatieh Governorate	محافظة	النبطية		-
LB-JA	South Governorate	محافظة	الجنوب		-
LB-AS	North Governorate	محافظة	الشمال		-
LB-BH	Baalbek-Hermel Governorate	محافظة	بعلبك الهرمل		+
LB-JL	Mount Lebanon Governorate	محافظة	جبل لبنان		+
MZ-A	Niassa Province	إقليم	نياسا		+
MZ-N	Nampula Province	إقليم	نامبولا		-
CM-EN	Far North Region	إقليم	أقصى الشمال		-
CM-NW	Northwest Region	إقليم	الشمال الغربي		-
CM-SW	Southwest Region	إقليم	الجنوب الغربي		-
"""

# (id, English, Arabic, other names) of continents and world regions.
WORLD = """
place:africa	Africa	أفريقيا	إفريقيا|القارة الأفريقية|القارة السمراء
place:asia	Asia	آسيا	القارة الآسيوية
place:europe	Europe	أوروبا	القارة الأوروبية|القارة العجوز
place:latin-america	Latin America	أمريكا اللاتينية	أميركا اللاتينية
place:caribbean	Caribbean	الكاريبي	منطقة الكاريبي|البحر الكاريبي
place:south-america	South America	أمريكا الجنوبية	أميركا الجنوبية
place:north-america	North America	أمريكا الشمالية	أميركا الشمالية
place:southeast-asia	Southeast Asia	جنوب شرق آسيا	جنوب شرقي آسيا
place:south-asia	South Asia	جنوب آسيا	
place:central-africa	Central Africa	وسط أفريقيا	وسط إفريقيا
"""

COUNTRY = {"IQ": "IRQ", "SY": "SYR", "YE": "YEM", "NG": "NGA", "AF": "AFG", "PK": "PAK",
           "IN": "IND", "MM": "MMR", "SO": "SOM", "ET": "ETH", "SS": "SSD", "ML": "MLI",
           "NE": "NER", "TD": "TCD", "CD": "COD", "HT": "HTI", "LB": "LBN", "MZ": "MOZ",
           "CM": "CMR"}


def slug(s):
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in s)
    return "-".join(p for p in out.split("-") if p)


def read(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    comments = [l for l in lines if l.startswith("#")]
    rows = [l for l in lines if l and not l.startswith("#")]
    return comments, rows[0].split("\t"), [dict(zip(rows[0].split("\t"), r.split("\t"))) for r in rows[1:]]


def gazetteer():
    """The gazetteer's ids, and (country, key) of every name of its towns."""
    _, _, rows = read(PLACES)
    keys = set()
    for r in rows:
        for n in [r["name_ar"]] + [a for a in r.get("aliases_ar", "").split("|") if a]:
            keys.add((r["country"], norm_key(n)))
    return {r["id"] for r in rows}, keys


def main():
    comments, header, rows = read(CURATED)
    if "source" not in header:
        header.append("source")
    ids = {r["id"] for r in rows}
    known = {norm_key(n) for r in rows for n in [r["name_ar"]] + r.get("aliases_ar", "").split("|") if n}
    town_ids, cities = gazetteer()
    added = 0
    for line in DIVISIONS.strip().split("\n"):
        code, en, noun, ar, other, bare = line.split("\t")
        iso3 = COUNTRY[code.split("-")[0]]
        rid = "place:" + slug(en)
        if rid in town_ids:
            # A town has the plain slug ("place:kinshasa"): the division is told apart.
            rid += "-region"
        if rid in ids:
            continue
        names = [n for n in other.split("|") if n]
        if bare == "+" and (iso3, norm_key(ar)) not in cities and norm_key(ar) not in known:
            names.insert(0, ar)
        row = {h: "" for h in header}
        row.update(id=rid, name_en=en, name_ar=f"{noun} {ar}", aliases_ar="|".join(names),
                   country=iso3, kind="region", source=f"ISO 3166-2:{code}")
        rows.append(row)
        ids.add(rid)
        added += 1
    for line in WORLD.strip().split("\n"):
        rid, en, ar, other = line.split("\t")
        if rid in ids:
            continue
        row = {h: "" for h in header}
        row.update(id=rid, name_en=en, name_ar=ar, aliases_ar=other, kind="region")
        rows.append(row)
        ids.add(rid)
        added += 1
    with open(CURATED, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(comments) + "\n" + "\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r.get(h, "") for h in header) + "\n")
    print(f"{added} rows added")


if __name__ == "__main__":
    main()
