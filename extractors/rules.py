"""Per-language word rules of the extractor: ``LanguageRules`` and ``RULES`` (en, ru, kk).

The few rules that are closed word classes the extractor tests directly (people words, scale
words, relative years, year prefixes to skip, auxiliaries...); the rest of the vocabulary lives
in ``patterns/*.jsonl``. A language without an entry here has no rules (``extract`` returns
``[]``); rule versions are ``extract.EXTRACTOR_VERSIONS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageRules:
    """The few rules that are words rather than patterns: closed word classes the extractor
    tests directly (the rest of the vocabulary lives in ``patterns/*.jsonl``)."""

    people_words: frozenset[str]  # "240 people": jobs only with an employment cue
    count_noun: re.Pattern[str]  # last word of a count of projects
    scale_words: frozenset[str]
    # year phrases relative to the publication date: (ending, years to add)
    relative_years: tuple[tuple[str, int], ...]
    max_prefixes: tuple[str, ...]  # "by the end of the year" is a maximum
    skip_year_words: frozenset[str]  # "since 2010", "from 2020": not a commissioning date
    plan_period_word: str | None  # "for 2024-2028" is a plan period unless "scheduled for"
    scheduled_words: frozenset[str]
    not_news_before_launched: frozenset[str]  # "are launched on time", "to be launched"
    auxiliaries: tuple[str, ...]  # a status phrase starting with one carries its own tense
    year_of_words: frozenset[str]  # "projects of this year": a relative year that dates nothing
    countable: frozenset[str]  # products counted in pieces the normaliser does not map yet
    one_of: tuple[str, ...]  # "one of the (key|largest) projects" names a single project
    # Kazakh puts the rate before the figure ("жылына 500 мың тонна"): a period cue ending
    # right before the figure counts as well as one after it
    period_before: bool = False
    # Kazakh years carry their postpositions after the digits ("2029 жылы", "2028 жылға дейін"):
    # such an expression is not a bare year; its last word plays the part of the prefix
    year_suffix: bool = False
    # first words of a year phrase that date a capacity target ("by 2028 ... 9 million tonnes")
    target_year_words: tuple[str, ...] = ("by", "in")
    # who a kindergarten or school is for ("a kindergarten for 320 children"): places; the
    # figure pattern (``places.children``) finds them only right after such a facility
    place_nouns: frozenset[str] = frozenset()
    # animals a farm is sized by ("a dairy farm for 4,800 cows"): capacity in head
    livestock: frozenset[str] = frozenset()
    # a month without its year ("was commissioned in September") is dated by the publication;
    # these tell a past clause and a future one apart; None: bare months date nothing
    month_tense: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # words opening a relative clause (", which investors plan to build"): a plan told there
    # describes the facility, it is not reported as a status
    relative_pronouns: tuple[str, ...] = ()
    # a purpose adjunct opening a sentence ("To close the power deficit, ..."): the national
    # figures it names motivate the project, they do not make its capacity a statistic
    purpose_opener: re.Pattern[str] | None = None
    # money at a yearly rate ("worth $150 million a year") is revenue or output, not investment
    annual_money_not_investment: bool = False
    # characters after a money figure searched for "to support", "allocated from the local
    # budget" (None: the default, ``figures._DISTRACTOR_AFTER_LIMIT``)
    distractor_after_limit: int | None = None
    # the product of a project is what its facility makes: several capacities give the
    # facility's product or the first one's, a capacity that names none takes the facility's
    # it measures, each facility of a list keeps its own (English)
    project_product: bool = False
    # Russian: pieces ("600 единиц техники") are a capacity only at a rate ("в год") or after an
    # output word ("выпуск", "мощностью"); otherwise they count machines bought or on site
    units_need_output: bool = False
    # the word before "to <year>" when the year is a launch date moved ("postponed to 2027")
    moved_to_words: frozenset[str] = frozenset()
    # English: generic pieces ("150 thousand sets a year") are a capacity only at a rate; without
    # one they count things delivered or handed over ("3,000 sets of uniforms")
    pieces_need_rate: frozenset[str] = frozenset()
    # Kazakh: the word before a launch verb that makes it open jobs, not a facility ("600 жұмыс
    # орнын ашады", "жұмыс орындарын ашу жоспарланған"): neither a launch date nor a plan
    not_launch_before: frozenset[str] = frozenset()
    # Kazakh: first words of a plan to launch ("іске қосу жоспарланған", "ашу көзделген"); for a
    # project the paragraph already reports as being built or launched it dates the launch, it
    # does not make the project a plan
    launch_plan_words: tuple[str, ...] = ()
    # Kazakh: status phrases that are a status only right after a facility noun ("аурухана
    # салынады", a hospital will be built; "инвестиция салынады" is money that will be invested)
    status_after_facility: frozenset[str] = frozenset()
    # Kazakh (subject first): facilities in the plural before a figure in its clause make it a
    # total of theirs ("Жаңа мектептер 70 мың оқушыға арналған")
    plural_subject_before: bool = False
    # facilities counted as a programme of works ("возводятся 217 школ"): the nouns the
    # normaliser does not map to projects yet (genitive plural and paucal)
    counted_facilities: frozenset[str] = frozenset()
    # a status a paragraph repeats for the same project ("продолжается возведение больницы ...
    # Его строительство ведется по плану") is reported once, where it is first said
    status_once_per_paragraph: bool = False
    # English: the words right before a count of pieces that make it the whole some of which a
    # clause reports on ("four of the nine hydro units have been replaced"): parts, not capacity
    part_of_whole: re.Pattern[str] | None = None


RULES: dict[str, LanguageRules] = {
    "en": LanguageRules(
        # "170 teachers and staff members will work there": staff of a school or hospital
        people_words=frozenset({"people", "workers", "employees", "specialists", "persons",
                                "builders", "staff", "personnel", "members", "teachers",
                                "doctors", "nurses", "medics", "engineers"}),
        count_noun=re.compile(r"^(?:projects|initiatives)$"),
        scale_words=frozenset({"thousand", "thou", "k", "million", "mln", "mn", "m", "billion",
                               "bln", "bn", "b", "trillion", "trln", "tn", "trl", "tln"}),
        relative_years=(("next year", 1), ("this year", 0), ("the year", 0), ("year - end", 0),
                        ("year-end", 0)),
        max_prefixes=("by", "before"),
        skip_year_words=frozenset({"since", "from", "during", "after"}),
        plan_period_word="for",
        scheduled_words=frozenset({"scheduled", "planned", "slated", "set", "due", "expected",
                                   "envisaged", "targeted", "earmarked"}),
        moved_to_words=frozenset({"moved", "postponed", "shifted", "back", "delayed", "deferred",
                                  "rescheduled", "forward", "off", "pushed", "put"}),
        # "Once launched, the hospital will employ ...": a condition, not news
        not_news_before_launched=frozenset({"is", "are", "be", "being", "to", "the", "a", "will",
                                            "get", "newly", "once", "when", "after", "until",
                                            "if"}),
        auxiliaries=("was ", "were ", "has ", "have ", "had ", "is ", "are "),
        year_of_words=frozenset({"of"}),
        # with modifiers the normaliser stops before the noun ("150 sleeping and compartment
        # cars"), and some nouns it does not know ("60 million bricks")
        countable=frozenset({"tyres", "tires", "engines", "lifts", "elevators", "panels",
                             "pumps", "batteries", "bricks", "cars", "buses", "trucks",
                             "tractors", "combines", "harvesters", "locomotives", "wagons",
                             "railcars", "vehicles", "transformers", "units", "containers", "sets",
                             "kits", "pieces", "modules"}),
        pieces_need_rate=frozenset({"sets", "kits", "pieces", "modules"}),
        part_of_whole=re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
                                 r"ten|eleven|twelve|several|some|all|most|half|none)\s+of\s+"
                                 r"(?:the|its|their|these|those)\s+$"),
        place_nouns=frozenset({"children", "kids"}),
        livestock=frozenset({"cows", "cattle", "sheep", "pigs", "horses", "camels", "goats",
                             "bulls", "calves", "heifers", "sows"}),
        month_tense=(re.compile(r"\b(?:was|were|has|have|had|opened|launched|commissioned|"
                                r"completed|started|began|inaugurated|handed over|"
                                r"put into (?:operation|service))\b"),
                     re.compile(r"\b(?:will|shall|is to|are to|expected|scheduled|planned|due|"
                                r"set to)\b")),
        relative_pronouns=("which ", "whom "),
        purpose_opener=re.compile(r"(?:in order )?to (?!date\b)[a-z]+\b[^,.;]*,"),
        distractor_after_limit=50,
        annual_money_not_investment=True,
        project_product=True,
        one_of=("one of the", "one of the key", "one of the largest", "one of the major",
                "one of the main", "one of the biggest", "among the", "among the largest",
                "among the key", "among the major", "among the biggest", "among the new"),
    ),
    "ru": LanguageRules(
        people_words=frozenset({"человек", "работников", "сотрудников", "специалистов",
                                "рабочих", "строителей"}),
        count_noun=re.compile(r"^(?:мега)?проект(?:а|ов)?$|^инициатив"),
        scale_words=frozenset({"тыс", "тыс.", "млн", "млрд", "трлн", "тысяч", "тысячи",
                               "миллион", "миллиона", "миллионов", "миллиард", "миллиарда",
                               "миллиардов"}),
        relative_years=(("следующем году", 1), ("будущем году", 1), ("этом году", 0),
                        ("текущем году", 0), ("прошлом году", -1), ("конца года", 0),
                        ("конца этого года", 0), ("конца текущего года", 0), ("концу года", 0),
                        ("концу этого года", 0), ("концу текущего года", 0), ("конце года", 0),
                        ("конце этого года", 0)),
        max_prefixes=("до", "к"),
        skip_year_words=frozenset({"с", "со", "за", "после"}),
        # "программа на 2024-2028 годы" is a plan period; "запуск намечен на 2027 год" a date
        plan_period_word="на",
        scheduled_words=frozenset({
            "намечен", "намечена", "намечено", "намечены", "запланирован", "запланирована",
            "запланировано", "запланированы", "перенесен", "перенесена", "перенесено",
            "перенесены", "перенесён", "назначен", "назначена", "назначено", "отложен",
            "отложена", "отложено", "отложены", "сдвинут", "сдвинута", "сдвинуто", "сдвинуты",
            "перенесли", "запланировали", "наметили", "планируется", "ожидается"}),
        # "будут запущены 38 проектов", "должен быть введен": a launch to come is not news
        not_news_before_launched=frozenset({"будет", "будут", "должен", "должна", "должно",
                                            "должны", "быть", "может", "могут", "предстоит"}),
        auxiliaries=(),
        year_of_words=frozenset(),
        # pieces the normaliser does not map yet (genitive plural after a number)
        countable=frozenset({"комбайнов", "грузовиков", "шин", "двигателей", "лифтов", "насосов",
                             "аккумуляторов", "панелей", "холодильников", "кондиционеров",
                             "прицепов", "электровозов", "тепловозов", "контейнеров", "ампул",
                             "флаконов", "бутылок", "упаковок", "станков", "самолетов",
                             "вертолетов", "кирпичей"}),
        units_need_output=True,
        status_once_per_paragraph=True,
        counted_facilities=frozenset({"школ", "школы", "больниц", "больницы", "поликлиник",
                                      "амбулаторий", "садов", "сада", "объектов", "объекта",
                                      "каналов", "предприятий", "предприятия", "фабрик",
                                      "комплексов"}),
        one_of=("одним из", "один из", "одна из", "одного из", "одной из", "одним из крупнейших",
                "одним из ключевых", "один из крупнейших", "один из ключевых", "одним из крупных"),
        # "запущен в декабре" (published in January) is last year's December; "запустить
        # планируется в первом квартале" (published in November) next year's
        month_tense=(re.compile(r"(?<!\w)(?:был[аио]?|запущен\w*|введен\w*|введён\w*|"
                                r"открыт[аоы]?(?!\w)|открыл\w*|запустил\w*|ввел\w*|ввели|"
                                r"заработал\w*|сдан[аоы]?(?!\w)|начал[аио]?(?!\w)|"
                                r"завершен[аоы]?(?!\w)|завершил\w*)"),
                     re.compile(r"(?<!\w)(?:будет|будут|планиру\w*|ожида\w*|намечен\w*|"
                                r"запланирован\w*|должн\w*|предстоит|планах)")),
    ),
    # Kazakh: qualifiers and postpositions follow the figure ("1 000-нан астам", "2028 жылға
    # дейін") and are part of the figure and year expressions (figures.kk.jsonl, years.kk.jsonl)
    "kk": LanguageRules(
        people_words=frozenset({"адам", "адамды", "адамның", "адамға", "қызметкер", "маман",
                                "жұмысшы"}),
        count_noun=re.compile(r"^(?:жоба|бастама)[а-яәғқңөұүһі]*(?:-[а-яәғқңөұүһі]+)?$"),
        scale_words=frozenset({"мың", "млн", "млрд", "трлн", "миллион", "миллиард",
                               "триллион"}),
        relative_years=(("келесі жылы", 1), ("келер жылы", 1), ("биыл", 0)),
        max_prefixes=(),
        # "2020 жылдан бастап" (since 2020), "2015 жылдан бері", "2030 жылдан кейін"
        skip_year_words=frozenset({"бастап", "бері", "кейін", "жылдан", "жылдың", "жылғы"}),
        plan_period_word=None,
        scheduled_words=frozenset(),
        not_news_before_launched=frozenset(),
        auxiliaries=(),
        year_of_words=frozenset(),
        countable=frozenset(),
        one_of=("бірі", "бірі болып табылатын", "ірі жобалардың бірі"),
        period_before=True,
        year_suffix=True,
        target_year_words=("жылы", "жылға", "дейін", "қарай"),
        not_launch_before=frozenset({"орнын", "орны", "орындарын", "орындары", "орнының"}),
        launch_plan_words=("іске қосу ", "ашу ", "пайдалануға беру ", "қолданысқа беру "),
        # "320 балаға арналған балабақша" (figures.kk.jsonl: only before "арналған")
        place_nouns=frozenset({"балаға", "науқасқа"}),
        status_after_facility=frozenset({"салынады", "тұрғызылады"}),
        plural_subject_before=True,
    ),
}
