#!/usr/bin/env python3
"""Writes N varied synthetic Arabic news articles as JSON Lines, for load and scale tests.

Every sentence pattern here was written for rasd; the slots take states, their adjectives
and cities (facts), numbers and dates drawn at random, so the articles differ from one
another as a real record's do (different parties, places, tolls, days), and near-duplicate
detection sees few copies. Deterministic for a given --seed.

    python3 scripts/synthetic-record.py --articles 30000 > /tmp/synthetic.jsonl
"""
import argparse
import datetime
import json
import random
import sys

# (state, adjective, a city of it)
STATES = [
    ("السودان", "السوداني", "الفاشر"), ("اليمن", "اليمني", "مأرب"), ("سوريا", "السوري", "حلب"),
    ("ليبيا", "الليبي", "طرابلس"), ("الصومال", "الصومالي", "بيدوا"), ("مالي", "المالي", "تمبكتو"),
    ("أوكرانيا", "الأوكراني", "خاركيف"), ("روسيا", "الروسي", "بيلغورود"), ("العراق", "العراقي", "الموصل"),
    ("لبنان", "اللبناني", "صور"), ("إثيوبيا", "الإثيوبي", "غوندر"), ("ميانمار", "الميانماري", "لاشيو"),
    ("نيجيريا", "النيجيري", "مايدوغوري"), ("باكستان", "الباكستاني", "بيشاور"), ("الكونغو الديمقراطية", "الكونغولي", "غوما"),
    ("أفغانستان", "الأفغاني", "قندهار"), ("تشاد", "التشادي", "أبشي"), ("هايتي", "الهايتي", "بورت أو برنس"),
]
MEDIATORS = ["قطر", "مصر", "تركيا", "السعودية", "الولايات المتحدة", "الاتحاد الأفريقي", "الأمم المتحدة"]

PATTERNS = [
    "قتل {n} مدنيا وأصيب {m} آخرون في قصف مدفعي استهدف سوقا شعبيا في مدينة {city} {day}.",
    "أعلن الجيش {adj} أنه صد هجوما لمسلحين على مواقعه قرب {city}، وقتل {n} منهم.",
    "قالت وزارة الصحة في {state} إن حصيلة الضحايا ارتفعت إلى {big} قتيلا منذ بداية الشهر.",
    "دعت {mediator} طرفي النزاع في {state} إلى وقف فوري لإطلاق النار والعودة إلى المفاوضات.",
    "استضافت {mediator} جولة جديدة من المحادثات بين الحكومة {adj2} والمعارضة المسلحة.",
    "نزح أكثر من {big} شخص من {city} خلال الأيام الماضية بسبب تصاعد المعارك.",
    "اتهمت الحكومة {adj2} جماعات مسلحة بخطف {n} شخصا على الطريق بين {city} والعاصمة.",
    "وصلت قافلة مساعدات أممية تضم {n} شاحنة إلى {city} بعد أسابيع من الحصار.",
    "نفى المتحدث باسم الجيش {adj} أي مسؤولية عن الغارة التي أوقعت {n} قتلى في ريف {city}.",
    "أفاد شهود عيان بسماع دوي انفجارات عنيفة في {city} {day}، دون أن ترد أنباء عن إصابات.",
    "أدان الأمين العام للأمم المتحدة الهجوم على مخيم للنازحين قرب {city}، مطالبا بمحاسبة المسؤولين.",
    "أعلنت السلطات في {state} اعتقال {n} مشتبها بهم في تفجير وقع في {city} الأسبوع الماضي.",
]
DAYS = ["صباح اليوم", "مساء أمس", "فجر الأحد", "ليلة الخميس", "يوم الجمعة"]


def feminine(adj: str) -> str:
    return adj + "ة"


def article(i: int, rng: random.Random) -> dict:
    state, adj, city = rng.choice(STATES)
    published = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(3 * 365))
    slots = {
        "state": state, "adj": adj, "adj2": feminine(adj), "city": city,
        "mediator": rng.choice(MEDIATORS), "day": rng.choice(DAYS),
    }
    sentences = []
    for pattern in rng.sample(PATTERNS, rng.randint(4, 8)):
        slots.update(n=rng.randint(2, 90), m=rng.randint(1, 60), big=rng.randint(100, 90000))
        sentences.append(pattern.format(**slots))
    title = sentences[0].split("،")[0].rstrip(".")
    return {
        "id": f"synthetic-{i:07d}",
        "url": f"https://synthetic.example/{published.isoformat()}/{i}",
        "title": title,
        "published": published.isoformat(),
        "text": title + "\n\n" + " ".join(sentences),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for i in range(args.articles):
        sys.stdout.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
