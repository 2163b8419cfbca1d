"""Synthetic conflict-news articles for the ledger benchmark, generated from templates.

    python benchmarks/synthetic.py N OUT.jsonl [--seed S]

Writes N articles as JSON Lines (id, url, outlet, title, published, text), the input form of
``claimledger ingest``. ``generate(n, seed)`` returns the same articles as ``Article`` objects,
in publication order; the same (n, seed) always gives the same articles.

Each article (3-5 sentences) tells one *story*: an event (a drone attack, shelling, a claimed
capture, a strike on a refinery...) at a real Ukrainian or Russian settlement, on a date, with a
figure and an origin (a ministry, a governor, the general staff, anonymous sources, analysts).
A story is told by 1-8 articles (about 4 on average, so about n/4 stories) from ~15 outlets,
published within a few days of each other; stories are spread over two years. Articles vary
the attribution ("X said that ...", "according to X, ...", "X, citing Y, reported that ...",
"quoted by X", direct quotes, "reportedly"), the wording and the spelling of places (Russian
outlets write Kupyansk, others Kupiansk); some report a conflicting figure, a denial by the
other side, or hedge. Places, outlets and institutions are real; the events, the figures and
every named person are invented.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from claimledger.models import Article, SourceInfo

FIRST_DAY = date(2023, 9, 1)
SPAN_DAYS = 730  # stories are spread over two years
STORY_SIZES = (1, 2, 3, 4, 5, 6, 7, 8)
SIZE_WEIGHTS = (10, 14, 16, 16, 14, 12, 10, 8)  # mean 4.26 articles per story
MAX_LAG_DAYS = 4  # a story's articles appear within this many days of the event

# (Ukrainian/English spelling, Russian-press spelling or "", region) -- real settlements.
UA_PLACES = """
Pokrovsk|Krasnoarmeysk|Donetsk;Kostiantynivka|Konstantinovka|Donetsk;Kramatorsk||Donetsk
Sloviansk|Slavyansk|Donetsk;Bakhmut|Artyomovsk|Donetsk;Chasiv Yar|Chasov Yar|Donetsk
Toretsk|Dzerzhinsk|Donetsk;Avdiivka|Avdeyevka|Donetsk;Marinka|Maryinka|Donetsk
Vuhledar|Ugledar|Donetsk;Kurakhove|Kurakhovo|Donetsk;Selydove|Selidovo|Donetsk
Myrnohrad|Dimitrov|Donetsk;Druzhkivka|Druzhkovka|Donetsk;Lyman|Krasny Liman|Donetsk
Siversk|Seversk|Donetsk;Velyka Novosilka||Donetsk
Ocheretyne|Ocheretino|Donetsk;Novohrodivka|Novogrodovka|Donetsk;Hirnyk|Gornyak|Donetsk
Ukrainsk||Donetsk;Dobropillia|Dobropolye|Donetsk;Bilozerske|Belozerskoye|Donetsk
Rodynske|Rodinskoye|Donetsk;Krasnohorivka|Krasnogorovka|Donetsk;Volnovakha||Donetsk
Mariupol||Donetsk;Horlivka|Gorlovka|Donetsk;Makiivka|Makeyevka|Donetsk
Yasynuvata|Yasinovataya|Donetsk;Debaltseve|Debaltsevo|Donetsk;Soledar||Donetsk
Vuhlehirsk|Uglegorsk|Donetsk;Andriivka|Andreyevka|Donetsk;Svyatohirsk|Svyatogorsk|Donetsk
Mykolaivka|Nikolayevka|Donetsk;Illinivka||Donetsk;Kurakhivka|Kurakhovka|Donetsk
Sievierodonetsk|Severodonetsk|Luhansk;Lysychansk|Lisichansk|Luhansk
Kreminna|Kremennaya|Luhansk;Svatove|Svatovo|Luhansk;Rubizhne|Rubezhnoye|Luhansk
Luhansk|Lugansk|Luhansk;Alchevsk||Luhansk;Starobilsk|Starobelsk|Luhansk
Kadiivka|Stakhanov|Luhansk;Novoaidar|Novoaydar|Luhansk;Bilovodsk|Belovodsk|Luhansk
Kharkiv|Kharkov|Kharkiv;Kupiansk|Kupyansk|Kharkiv;Vovchansk|Volchansk|Kharkiv
Izium|Izyum|Kharkiv;Balakliia|Balakleya|Kharkiv;Chuhuiv|Chuguyev|Kharkiv
Lyptsi|Liptsy|Kharkiv;Borova||Kharkiv;Velykyi Burluk|Veliky Burluk|Kharkiv
Zolochiv|Zolochev|Kharkiv;Bohodukhiv|Bogodukhov|Kharkiv;Krasnohrad|Krasnograd|Kharkiv
Lozova|Lozovaya|Kharkiv;Kozacha Lopan|Kazachya Lopan|Kharkiv;Dvorichna|Dvurechnaya|Kharkiv
Pisochyn|Pesochin|Kharkiv;Derhachi|Dergachi|Kharkiv;Merefa||Kharkiv;Zmiiv|Zmiev|Kharkiv
Pervomaiskyi|Pervomaisky|Kharkiv;Barvinkove|Barvenkovo|Kharkiv;Shevchenkove|Shevchenkovo|Kharkiv
Zaporizhzhia|Zaporozhye|Zaporizhzhia;Huliaipole|Gulyaipole|Zaporizhzhia
Orikhiv|Orekhov|Zaporizhzhia;Kushuhum|Kushugum|Zaporizhzhia;Enerhodar|Energodar|Zaporizhzhia
Melitopol||Zaporizhzhia;Tokmak||Zaporizhzhia;Polohy|Pologi|Zaporizhzhia
Vasylivka|Vasilyevka|Zaporizhzhia;Stepnohirsk|Stepnogorsk|Zaporizhzhia
Kamianka-Dniprovska|Kamenka-Dneprovskaya|Zaporizhzhia;Berdiansk|Berdyansk|Zaporizhzhia
Prymorsk|Primorsk|Zaporizhzhia;Dniprorudne|Dneprorudnoye|Zaporizhzhia
Molochansk||Zaporizhzhia;Bilmak|Kuibyshevo|Zaporizhzhia;Vilniansk|Vilnyansk|Zaporizhzhia
Kherson||Kherson;Nova Kakhovka|Novaya Kakhovka|Kherson;Beryslav|Berislav|Kherson
Oleshky|Aleshki|Kherson;Hola Prystan|Golaya Pristan|Kherson;Kakhovka||Kherson
Skadovsk||Kherson;Henichesk|Genichesk|Kherson;Bilozerka|Belozerka|Kherson
Chaplynka|Chaplinka|Kherson;Novotroitske|Novotroitskoye|Kherson;Kalanchak||Kherson
Dnipro|Dnepropetrovsk|Dnipropetrovsk;Nikopol||Dnipropetrovsk;Kryvyi Rih|Krivoy Rog|Dnipropetrovsk
Pavlohrad|Pavlograd|Dnipropetrovsk;Marhanets|Marganets|Dnipropetrovsk;Pokrov||Dnipropetrovsk
Kamianske|Kamenskoye|Dnipropetrovsk;Synelnykove|Sinelnikovo|Dnipropetrovsk
Mezhova|Mezhevaya|Dnipropetrovsk;Pershotravensk|Pershotravensk|Dnipropetrovsk
Novomoskovsk||Dnipropetrovsk;Zhovti Vody|Zhyoltye Vody|Dnipropetrovsk
Sumy||Sumy;Shostka||Sumy;Konotop||Sumy;Okhtyrka|Akhtyrka|Sumy;Bilopillia|Belopolye|Sumy
Krasnopillia|Krasnopolye|Sumy;Yunakivka|Yunakovka|Sumy;Myropillia|Miropolye|Sumy
Trostianets|Trostyanets|Sumy;Romny||Sumy;Hlukhiv|Glukhov|Sumy;Putyvl|Putivl|Sumy
Lebedyn|Lebedin|Sumy;Vorozhba||Sumy
Chernihiv|Chernigov|Chernihiv;Nizhyn|Nezhin|Chernihiv;Pryluky|Priluki|Chernihiv
Novhorod-Siverskyi|Novgorod-Seversky|Chernihiv;Koriukivka|Koryukovka|Chernihiv
Bakhmach||Chernihiv;Horodnia|Gorodnya|Chernihiv
Odesa|Odessa|Odesa;Izmail||Odesa;Chornomorsk|Chernomorsk|Odesa;Pivdenne|Yuzhne|Odesa
Bilhorod-Dnistrovskyi|Belgorod-Dnestrovsky|Odesa;Reni||Odesa;Podilsk|Podolsk|Odesa
Mykolaiv|Nikolayev|Mykolaiv;Ochakiv|Ochakov|Mykolaiv;Voznesensk||Mykolaiv
Pervomaisk||Mykolaiv;Bashtanka||Mykolaiv;Snihurivka|Snigiryovka|Mykolaiv
Kyiv|Kiev|Kyiv;Bila Tserkva|Belaya Tserkov|Kyiv;Brovary||Kyiv;Vyshhorod|Vyshgorod|Kyiv
Irpin||Kyiv;Bucha||Kyiv;Boryspil|Borispol|Kyiv;Fastiv|Fastov|Kyiv;Obukhiv|Obukhov|Kyiv
Vasylkiv|Vasilkov|Kyiv;Bohuslav|Boguslav|Kyiv
Poltava||Poltava;Kremenchuk|Kremenchug|Poltava;Myrhorod|Mirgorod|Poltava
Lubny||Poltava;Horishni Plavni|Komsomolsk|Poltava
Lviv|Lvov|Lviv;Stryi|Stry|Lviv;Drohobych|Drogobych|Lviv;Chervonohrad|Chervonograd|Lviv
Vinnytsia|Vinnitsa|Vinnytsia;Ladyzhyn|Ladyzhin|Vinnytsia;Khmilnyk|Khmelnik|Vinnytsia
Khmelnytskyi|Khmelnitsky|Khmelnytskyi;Starokostiantyniv|Starokonstantinov|Khmelnytskyi
Shepetivka|Shepetovka|Khmelnytskyi;Netishyn|Neteshin|Khmelnytskyi
Zhytomyr|Zhitomir|Zhytomyr;Korosten||Zhytomyr;Berdychiv|Berdichev|Zhytomyr
Cherkasy|Cherkassy|Cherkasy;Uman||Cherkasy;Smila|Smela|Cherkasy
Kropyvnytskyi|Kirovograd|Kirovohrad;Oleksandriia|Aleksandriya|Kirovohrad
Rivne|Rovno|Rivne;Sarny||Rivne;Dubno||Rivne;Lutsk||Volyn;Kovel||Volyn
Ivano-Frankivsk||Ivano-Frankivsk;Burshtyn||Ivano-Frankivsk;Kalush||Ivano-Frankivsk
Ternopil|Ternopol|Ternopil;Chortkiv|Chortkov|Ternopil
"""
RU_PLACES = """
Belgorod||Belgorod;Shebekino||Belgorod;Grayvoron||Belgorod;Valuyki||Belgorod
Stary Oskol||Belgorod;Gubkin||Belgorod;Alekseyevka||Belgorod;Novy Oskol||Belgorod
Stroitel||Belgorod;Prokhorovka||Belgorod;Krasnaya Yaruga||Belgorod;Rakitnoye||Belgorod
Kursk||Kursk;Sudzha||Kursk;Rylsk||Kursk;Lgov||Kursk;Kurchatov||Kursk;Glushkovo||Kursk
Tyotkino||Kursk;Korenevo||Kursk;Zheleznogorsk||Kursk;Oboyan||Kursk
Bryansk||Bryansk;Klintsy||Bryansk;Novozybkov||Bryansk;Sevsk||Bryansk;Pogar||Bryansk
Starodub||Bryansk;Trubchevsk||Bryansk;Suzemka||Bryansk
Voronezh||Voronezh;Liski||Voronezh;Rossosh||Voronezh;Borisoglebsk||Voronezh
Rostov-on-Don||Rostov;Taganrog||Rostov;Novoshakhtinsk||Rostov;Millerovo||Rostov
Novocherkassk||Rostov;Kamensk-Shakhtinsky||Rostov;Morozovsk||Rostov;Shakhty||Rostov
Krasnodar||Krasnodar;Novorossiysk||Krasnodar;Tuapse||Krasnodar;Sochi||Krasnodar
Yeysk||Krasnodar;Slavyansk-na-Kubani||Krasnodar;Armavir||Krasnodar;Primorsko-Akhtarsk||Krasnodar
Sevastopol||Crimea;Simferopol||Crimea;Feodosia||Crimea;Dzhankoi||Crimea;Kerch||Crimea
Yevpatoria||Crimea;Saky||Crimea;Yalta||Crimea
Engels||Saratov;Saratov||Saratov;Lipetsk||Lipetsk;Yelets||Lipetsk;Tambov||Tambov
Michurinsk||Tambov;Oryol||Oryol;Livny||Oryol;Smolensk||Smolensk;Tula||Tula;Aleksin||Tula
Kaluga||Kaluga;Ryazan||Ryazan;Kolomna||Moscow;Podolsk||Moscow;Tver||Tver
Toropets||Tver;Yaroslavl||Yaroslavl;Kazan||Tatarstan;Yelabuga||Tatarstan
Volgograd||Volgograd;Kotelnikovo||Volgograd;Kstovo||Nizhny Novgorod;Syzran||Samara
Novokuibyshevsk||Samara;Pskov||Pskov;Ukhta||Komi
"""
# Russian-press spellings of the Ukrainian regions that differ.
RU_REGION = {"Kharkiv": "Kharkov", "Luhansk": "Lugansk", "Zaporizhzhia": "Zaporozhye",
             "Dnipropetrovsk": "Dnepropetrovsk", "Mykolaiv": "Nikolayev",
             "Chernihiv": "Chernigov", "Odesa": "Odessa", "Kyiv": "Kiev", "Lviv": "Lvov",
             "Vinnytsia": "Vinnitsa", "Zhytomyr": "Zhitomir", "Cherkasy": "Cherkassy",
             "Ternopil": "Ternopol", "Rivne": "Rovno", "Khmelnytskyi": "Khmelnitsky"}  # fmt: skip
FRONT = {"Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Dnipropetrovsk", "Sumy"}
BORDER = {"Belgorod", "Kursk", "Bryansk"}

# Outlet name, side ("ru", "ua" or "intl"), URL slug.
OUTLETS = (
    ("TASS", "ru", "tass"), ("RIA Novosti", "ru", "ria"), ("Interfax", "ru", "interfax"),
    ("Sputnik", "ru", "sputnik"), ("RT", "ru", "rt"), ("Meduza", "intl", "meduza"),
    ("Ukrinform", "ua", "ukrinform"), ("Kyiv Independent", "ua", "kyivindependent"),
    ("Ukrainska Pravda", "ua", "pravda"), ("Suspilne", "ua", "suspilne"),
    ("Reuters", "intl", "reuters"), ("AFP", "intl", "afp"), ("Associated Press", "intl", "ap"),
    ("BBC", "intl", "bbc"), ("Al Jazeera", "intl", "aljazeera"), ("CNN", "intl", "cnn"),
)  # fmt: skip
WIRES = {"ru": ("TASS", "RIA Novosti", "Interfax"), "ua": ("Ukrinform", "Suspilne")}

FIRST_UA = ("Oleksandr", "Serhiy", "Vitaliy", "Oleh", "Mykola", "Andriy", "Yuriy", "Dmytro",
            "Vadym", "Ihor", "Roman", "Taras", "Bohdan", "Maksym", "Volodymyr")  # fmt: skip
LAST_UA = ("Kovalenko", "Bondarenko", "Tkachenko", "Shevchuk", "Melnyk", "Kravets", "Lysenko",
           "Savchenko", "Rudenko", "Marchuk", "Hnatiuk", "Pavliuk", "Osadchyi",
           "Dovzhenko")  # fmt: skip
FIRST_RU = ("Alexander", "Sergei", "Vladimir", "Andrei", "Yuri", "Dmitry", "Mikhail", "Igor",
            "Viktor", "Pavel", "Nikolai", "Oleg")  # fmt: skip
LAST_RU = ("Ivanov", "Smirnov", "Kuznetsov", "Sokolov", "Popov", "Volkov", "Zaitsev", "Belov",
           "Orlov", "Lebedev", "Kozlov", "Vasnetsov", "Gromov", "Sedov")  # fmt: skip


@dataclass(frozen=True)
class Place:
    name: str
    ru_name: str  # the Russian-press spelling, when it differs
    region: str
    country: str  # "UA" or "RU"

    def spelled(self, side: str) -> tuple[str, str]:
        """(settlement, region) as an outlet of ``side`` writes them."""
        if side != "ru" or self.country == "RU":
            return self.name, self.region
        return self.ru_name or self.name, RU_REGION.get(self.region, self.region)


def _places(table: str, country: str) -> tuple[Place, ...]:
    """Rows "name|Russian-press name|region", separated by ";" and line ends."""
    rows = [row.split("|") for line in table.strip().splitlines() for row in line.split(";")]
    return tuple(Place(name, ru_name, region, country) for name, ru_name, region in rows)


PLACES = _places(UA_PLACES, "UA") + _places(RU_PLACES, "RU")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
BOUNDS = (("", 60), ("up to ", 12), ("about ", 12), ("at least ", 10), ("more than ", 6))
CONFLICT_FACTORS = (0.5, 0.6, 0.75, 1.4, 1.6, 2.0)

# ------------------------------------------------------------------ event kinds

Clause = tuple[str, str]  # (subject, predicate); fields {place} {region} {n} {k} {when}


@dataclass(frozen=True)
class Kind:
    """One kind of event: where it happens, its figure, its wording and who reports it."""

    name: str
    country: str  # where the place is: "UA", "RU" or "any"
    regions: frozenset[str]  # the place's region is one of these (empty: any)
    figure: tuple[int, int]
    props: tuple[Clause, ...]  # paraphrases of the main claim
    titles: tuple[str, ...]
    primary: tuple[str, ...]  # roles that report it first
    second: str  # a second role: follow-ups and conflicting figures
    details: tuple[Clause, ...] = ()
    denier: str | None = None
    denial_rate: float = 0.0
    negations: tuple[str, ...] = ()  # what the denier says instead
    counter: tuple[str, Clause] | None = None  # the other side's version


FRONT_ONLY = frozenset({"Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Dnipropetrovsk"})
KINDS = (
    Kind(
        "drones_ua", "UA", frozenset(), (5, 90),
        props=(("air defences", "shot down {n} Russian drones over {region} {when}"),
               ("Ukrainian air defence units", "downed {n} Shahed drones launched at {place} "
                                                "{when}"),
               ("{n} Russian attack drones", "were destroyed over {region} {when}"),
               ("Russia", "attacked {place} with {n} drones {when}"),
               ("Russian forces", "sent {n} attack drones towards {place} {when}, all of which "
                                  "were shot down")),
        titles=("{N} drones downed over {region}", "Drone attack on {place}",
                "Russian drones target {place} overnight"),
        primary=("ua_af", "ua_af", "gov"), second="gov",
        details=(("falling debris", "damaged {k} houses in {place}"),
                 ("{k} people", "were injured in {place}"),
                 ("a fire", "broke out at an infrastructure facility in {place}")),
    ),
    Kind(
        "shelling_ua", "UA", frozenset(FRONT), (1, 14),
        props=(("Russian shelling", "killed {n} civilians in {place} {when}"),
               ("{n} civilians", "were killed when Russian artillery shelled {place} {when}"),
               ("a Russian strike on {place}", "killed {n} people {when}"),
               ("Russian forces", "shelled {place} {when}, killing {n} residents"),
               ("the death toll from the Russian attack on {place}", "rose to {n}")),
        titles=("Russian shelling kills {n} in {place}", "{N} civilians killed in {place}",
                "Deadly strike on {place}"),
        primary=("gov",), second="local",
        details=(("{k} others", "were wounded in the attack on {place}"),
                 ("the shelling", "damaged a school and {k} apartment blocks in {place}"),
                 ("rescuers", "pulled {k} people from the rubble in {place}")),
        denier="ru_mod", denial_rate=0.25,
        negations=("its forces had struck only military targets near {place}",
                   "Russian forces had not shelled residential areas of {place}"),
    ),
    Kind(
        "capture", "UA", FRONT_ONLY, (40, 450),
        props=(("Russian forces", "captured the village of {place} in {region}"),
               ("Russian troops", "took control of {place} {when}"),
               ("the settlement of {place}", "was liberated by Russian units {when}"),
               ("Russian units", "seized {place} after heavy fighting"),
               ("Ukrainian troops", "withdrew from {place} {when}")),
        titles=("Russia says it captured {place}", "Russian troops claim control of {place}",
                "Battle for {place}"),
        primary=("ru_mod", "ru_mod", "anon_ru"), second="anon_ru",
        details=(("Ukrainian forces", "lost {n} servicemen near {place} {when}"),
                 ("the enemy", "lost {n} troops and {k} armoured vehicles near {place}")),
        denier="ua_spokes", denial_rate=0.6,
        negations=("Ukrainian troops still held positions in {place}",
                   "{place} remained under Ukrainian control",
                   "fighting for {place} was continuing"),
        counter=("analyst", ("Russian forces", "had advanced to the outskirts of {place}")),
    ),
    Kind(
        "assaults", "UA", frozenset(FRONT), (8, 60),
        props=(("Ukrainian forces", "repelled {n} Russian assaults near {place} {when}"),
               ("Russian troops", "attacked Ukrainian positions near {place} {n} times {when}"),
               ("{n} Russian attacks", "were repelled in the {place} sector {when}"),
               ("the fiercest fighting", "took place around {place}, where {n} Russian assaults "
                                         "were beaten back {when}")),
        titles=("{N} Russian assaults repelled near {place}", "Heavy fighting near {place}"),
        primary=("ua_gs",), second="ua_spokes",
        details=(("fighting", "continued on the outskirts of {place}"),
                 ("Russian forces", "lost {k} armoured vehicles near {place}")),
        denier="ru_mod", denial_rate=0.2,
        negations=("Russian units had improved their positions near {place}",),
    ),
    Kind(
        "energy_ua", "UA", frozenset(), (20, 120),
        props=(("Russia", "launched {n} missiles and drones at energy facilities in {region} "
                          "{when}"),
               ("a massive Russian strike", "hit energy infrastructure in {place} {when}"),
               ("Russian forces", "fired {n} missiles at power plants in {region} {when}"),
               ("a Russian attack", "damaged a thermal power plant near {place} {when}")),
        titles=("Russian strike hits energy facilities in {region}", "Power cuts in {place}",
                "{N} missiles fired at {region}"),
        primary=("ua_af", "ua_energy"), second="ua_energy",
        details=(("{kd},000 households in {place}", "were left without power"),
                 ("emergency power cuts", "were introduced in {region}"),
                 ("repair crews", "were working to restore supply to {place}")),
        counter=("ru_mod", ("Russian forces", "struck energy facilities supplying Ukraine's "
                                              "military industry near {place}")),
    ),
    Kind(
        "drones_ru", "RU", frozenset(), (5, 120),
        props=(("air defence systems", "intercepted and destroyed {n} Ukrainian drones over "
                                       "{region} {when}"),
               ("{n} Ukrainian drones", "were shot down over {region} {when}"),
               ("Russian air defences", "downed {n} fixed-wing drones over {place} {when}"),
               ("Ukraine", "attacked {place} with {n} drones {when}"),
               ("the Kyiv regime", "tried to attack {place} with {n} drones {when}")),
        titles=("{N} Ukrainian drones downed over {region}", "Drone attack on {place}"),
        primary=("ru_mod",), second="gov",
        details=(("debris from a downed drone", "started a fire at an industrial site in {place}"),
                 ("{k} people", "were injured in {place}"),
                 ("flights", "were suspended at the airport serving {place}")),
    ),
    Kind(
        "refinery_ru", "RU", frozenset(), (3, 40),
        props=(("Ukrainian drones", "struck an oil refinery in {place} {when}"),
               ("Ukraine's forces", "hit a fuel depot near {place} with {n} drones {when}"),
               ("a drone attack", "set fire to the oil depot in {place} {when}"),
               ("explosions", "were heard near the oil refinery in {place} {when}")),
        titles=("Refinery in {place} hit by drones", "Fire at oil depot in {place}"),
        primary=("anon_ua", "ua_gs"), second="local",
        details=(("the fire", "covered an area of {kd},000 square metres"),
                 ("the refinery", "halted a primary processing unit in {place}")),
        denier="gov", denial_rate=0.35,
        negations=("the facility in {place} had not been seriously damaged",
                   "the fire in {place} had been quickly put out"),
    ),
    Kind(
        "shelling_ru", "RU", frozenset(BORDER), (1, 12),
        props=(("Ukrainian shelling", "injured {n} civilians in {place} {when}"),
               ("{n} people", "were wounded when Ukrainian forces shelled {place} {when}"),
               ("Ukrainian forces", "shelled {place} {when}, wounding {n} residents"),
               ("a Ukrainian drone", "hit a car in {place} {when}, injuring {n} people")),
        titles=("Shelling of {place} wounds {n}", "{place} shelled again"),
        primary=("gov",), second="local",
        details=(("the shelling", "damaged {k} houses and a power line in {place}"),
                 ("{k} cars", "were destroyed in {place}")),
    ),
    Kind(
        "evacuation", "any", frozenset(FRONT | BORDER), (50, 900),
        props=(("authorities", "ordered the evacuation of {n} children from {place} and nearby "
                               "villages"),
               ("{n} residents", "had been evacuated from {place} {when}"),
               ("officials", "began evacuating {n} people from {place} {when}"),
               ("the mandatory evacuation of families with children", "was extended to {n} more "
                                                                      "people in {place}")),
        titles=("Evacuation ordered in {place}", "{N} evacuated from {place}"),
        primary=("gov",), second="local",
        details=(("shelling", "had intensified around {place} in recent days"),
                 ("{k} buses", "were sent to {place}")),
    ),
)  # fmt: skip

# ------------------------------------------------------------------ who says it


def _person(key: str, side: str) -> str:
    """An invented name, fixed for ``key``."""
    h = int(hashlib.sha256(key.encode()).hexdigest(), 16)
    first, last = (FIRST_RU, LAST_RU) if side == "ru" else (FIRST_UA, LAST_UA)
    return f"{first[h % len(first)]} {last[(h // 97) % len(last)]}"


ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    "ru_mod": (("the Russian Defence Ministry", "Russia's Ministry of Defence",
                "the Defence Ministry in Moscow", "Russia's defence ministry"), "the ministry"),
    "ua_gs": (("Ukraine's General Staff", "the General Staff of Ukraine's Armed Forces",
               "the Ukrainian General Staff"), "the General Staff"),
    "ua_af": (("Ukraine's Air Force", "the Ukrainian Air Force",
               "Air Force spokesman {ua_person}"), "the Air Force"),
    "ua_energy": (("Ukraine's energy ministry", "the grid operator Ukrenergo",
                   "Energy Minister {ua_person}"), "the ministry"),
    "ua_spokes": (("{ua_person}, a spokesman for Ukraine's southern defence forces",
                   "Ukraine's military", "a spokesman for the Ukrainian army, {ua_person}"),
                  "the spokesman"),
    "anon_ua": (("a source in Ukraine's SBU security service", "two people familiar with the "
                 "operation", "a Ukrainian security source"), "the source"),
    "anon_ru": (("a source in the Russian security services", "a Russian military source",
                 "a source close to the Russian Defence Ministry"), "the source"),
    "analyst": (("the Institute for the Study of War", "the DeepState monitoring project",
                 "military analyst {intl_person}", "open-source analysts"), "the analysts"),
}  # fmt: skip
ROLE_SIDE = {"ru_mod": "ru", "anon_ru": "ru", "ua_gs": "ua", "ua_af": "ua", "ua_energy": "ua",
             "ua_spokes": "ua", "anon_ua": "ua", "analyst": "intl"}  # fmt: skip


def _local_roles(place: Place) -> dict[str, tuple[tuple[str, ...], str]]:
    """The roles that depend on the place: its governor and its local officials."""
    side = "ru" if place.country == "RU" else "ua"
    name = _person(f"governor:{place.region}", side)
    if side == "ua":
        governors = (
            f"{name}, head of the {place.region} regional military administration",
            f"{place.region} governor {name}",
            f"regional governor {name}",
        )
        local = ("regional police", "the regional prosecutor's office", "local officials")
    else:
        governors = (
            f"{place.region} governor {name}",
            f"{name}, the governor of the {place.region} region",
            "the regional governor",
        )
        local = ("local authorities", "the regional emergencies service", "local officials")
    return {"gov": (governors, "the governor"), "local": (local, "officials")}


def _role_side(role: str, place: Place) -> str:
    return ROLE_SIDE.get(role) or ("ru" if place.country == "RU" else "ua")


# ------------------------------------------------------------------ how it is said

PLAIN = (
    "{S} said that {c}.",
    "{S} said {c}.",
    "According to {s}, {c}.",
    "{C}, {s} said.",
    "{C}, {s} said in a statement on Telegram.",
    "{C}, according to {s}.",
    "In a statement, {s} said that {c}.",
    "{S} reported that {c}.",
    "{S} claimed that {c}.",
    '"{C}," {s} said.',
    '{S} said: "{C}."',
    "{Subj} reportedly {pred}, {s} said.",
    "{Subj} allegedly {pred}, according to {s}.",
    "{S} announced that {c}.",
)
RELAYED = (
    "{R}, citing {s}, reported that {c}.",
    "{C}, {R} quoted {s} as saying.",
    "{S} told {R} that {c}.",
    "{C}, {R} reported, citing {s}.",
    "{S} said, as quoted by {R}, that {c}.",
)
FOLLOW = (
    "{Short} added that {c}.",
    "{Short} also said {c}.",
    "{C}, {short} said.",
    "According to {short}, {c}.",
    "{Short} said {c}.",
)
DENIALS = (
    "{D} denied that {c}.",
    "{D} denied the claim, saying that {neg}.",
    '"{Neg}," {d} said, denying the report.',
    "{D} dismissed reports that {c} as fabrication.",
    "{D} rejected the claim, saying {neg}.",
    "{D} said there was no evidence that {c}.",
)
HEDGES = (
    "The claim could not be independently verified.", "There was no immediate comment from "
    "{other}.", "The report could not be confirmed.",
)  # fmt: skip
OWN_HEDGES = ("{O} could not independently verify the claim.",
              "{O} was unable to verify the figures.")  # international outlets  # fmt: skip
BACKGROUND = {
    "UA": ("{place} lies about {km} km from the front line.",
           "{place} has come under repeated attack in recent weeks.",
           "Russia launched its full-scale invasion of Ukraine in February 2022.",
           "Russian forces have intensified attacks on the area since the spring.",
           "Air raid alerts sounded across much of the country during the night."),
    "RU": ("{place} lies about {km} km from the border with Ukraine.",
           "Ukraine has stepped up drone attacks on Russian territory this year.",
           "Kyiv rarely comments on attacks inside Russia.",
           "Neither side discloses its own military losses."),
}  # fmt: skip


REWORD = {
    "drones": ("drones", "drones", "UAVs", "unmanned aerial vehicles"),
    "shot down": ("shot down", "downed", "destroyed"),
    "civilians": ("civilians", "civilians", "residents", "people"),
    "captured": ("captured", "took", "seized"),
    "shelled": ("shelled", "shelled", "struck"),
    "oil depot": ("oil depot", "fuel depot", "oil storage facility"),
    "energy facilities": ("energy facilities", "energy infrastructure", "power facilities"),
    "were wounded": ("were wounded", "were injured", "were hurt"),
    "heavy fighting": ("heavy fighting", "fierce battles", "weeks of fighting"),
}


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ stories


@dataclass(frozen=True)
class Story:
    number: int
    kind: Kind
    place: Place
    day: date
    figure: int
    detail_figure: int
    primary: str
    conflict: int | None  # the index of the article that reports another figure
    alt_figure: int
    denials: frozenset[int]  # the indexes of the articles that carry a denial
    size: int
    when: tuple[str, ...] = field(default=())


def _story(number: int, size: int, rng: random.Random) -> Story:
    kind = rng.choice(KINDS)
    place = rng.choice(_places_for(kind))
    day = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    figure = rng.randint(*kind.figure)
    conflict = rng.randrange(size) if size > 1 and rng.random() < 0.2 else None
    alt = max(1, round(figure * rng.choice(CONFLICT_FACTORS)))
    denials = frozenset(i for i in range(size) if kind.denier and rng.random() < kind.denial_rate)
    when = ("overnight", f"on {WEEKDAYS[day.weekday()]}", f"on {day:%B} {day.day}", "")
    return Story(number, kind, place, day, figure, rng.randint(2, 40), rng.choice(kind.primary),
                 conflict, alt if alt != figure else figure + 3, denials, size, when)  # fmt: skip


_BY_KIND: dict[str, tuple[Place, ...]] = {}


def _places_for(kind: Kind) -> tuple[Place, ...]:
    if kind.name not in _BY_KIND:
        _BY_KIND[kind.name] = tuple(
            p for p in PLACES
            if kind.country in ("any", p.country) and (not kind.regions or p.region in kind.regions)
        )  # fmt: skip
    return _BY_KIND[kind.name]


# ------------------------------------------------------------------ articles


def _figure(value: int, rng: random.Random) -> str:
    if value < len(SMALL) and rng.random() < 0.6:
        return SMALL[value]
    bounds, weights = zip(*BOUNDS, strict=True)
    return f"{rng.choices(bounds, weights)[0]}{value:,}"


def _clause(template: Clause, fields: dict[str, str]) -> tuple[str, str]:
    subject, predicate = (" ".join(t.format(**fields).split()) for t in template)
    return _reword(subject, fields["reword"]), _reword(predicate, fields["reword"])


def _reword(text: str, choice: str) -> str:
    """The article's wording: ``choice`` picks one synonym for each reworded phrase."""
    for n, (phrase, options) in enumerate(REWORD.items()):
        option = options[int(choice[n % len(choice)], 16) % len(options)]
        text = re.sub(rf"\b{phrase}\b", option, text)
    return text


def _voice(role: str, roles: dict[str, tuple[tuple[str, ...], str]], key: str,
           rng: random.Random) -> tuple[str, str]:  # fmt: skip
    """(full name, short name) of whoever speaks for ``role``."""
    names, short = roles[role]
    full = rng.choice(names).format(ua_person=_person(f"{role}:{key}", "ua"),
                                    intl_person=_person(f"{role}:{key}", "intl"))  # fmt: skip
    return full, short


def _say(template: str, speaker: str, clause: tuple[str, str], **extra: str) -> str:
    subject, predicate = clause
    c = f"{subject} {predicate}"
    text = template.format(S=cap(speaker), s=speaker, c=c, C=cap(c), Subj=cap(subject),
                           pred=predicate, **extra)  # fmt: skip
    return _close_apposition(text, speaker)


def _close_apposition(text: str, speaker: str) -> str:
    """ "Vitaliy Kim, head of the administration, said": a comma closes a speaker's apposition."""
    if ", " not in speaker:
        return text
    for name in (speaker, cap(speaker)):
        text = text.replace(f"{name} ", f"{name}, ")
    return text


def _lead(story: Story, role: str, speaker: str, fields: dict[str, str],
          outlet: tuple[str, str, str], rng: random.Random) -> str:  # fmt: skip
    clause = _clause(rng.choice(story.kind.props), fields)
    side = _role_side(role, story.place)
    wires = [w for w in WIRES.get(side, ()) if w != outlet[0]]
    if wires and outlet[1] != side and rng.random() < 0.4:
        return _say(rng.choice(RELAYED), speaker, clause, R=rng.choice(wires))
    return _say(rng.choice(PLAIN), speaker, clause)


def _denial(story: Story, roles: dict[str, tuple[tuple[str, ...], str]], fields: dict[str, str],
            rng: random.Random) -> str:  # fmt: skip
    assert story.kind.denier is not None
    denier, _ = _voice(story.kind.denier, roles, str(story.number), rng)
    neg = rng.choice(story.kind.negations).format(**fields)
    c = " ".join(_clause(rng.choice(story.kind.props), fields))
    text = rng.choice(DENIALS).format(D=cap(denier), d=denier, c=c, neg=neg, Neg=cap(neg))
    return _close_apposition(text, denier)


def _extras(story: Story, voice: tuple[str, str], roles: dict[str, tuple[tuple[str, ...], str]],
            fields: dict[str, str], index: int, outlet: tuple[str, str, str],
            rng: random.Random) -> list[str]:  # fmt: skip
    """The sentences after the lead: a detail, a denial or the other side's version, a hedge."""
    role, short = voice
    kind, out = story.kind, []
    if kind.details and rng.random() < 0.6:
        out.append(_say(rng.choice(FOLLOW), "", _clause(rng.choice(kind.details), fields),
                        short=short, Short=cap(short)))  # fmt: skip
    if index in story.denials and role != kind.denier:
        out.append(_denial(story, roles, fields, rng))
    elif kind.counter and rng.random() < 0.35:
        speaker, _ = _voice(kind.counter[0], roles, str(story.number), rng)
        out.append(_say(rng.choice(PLAIN[:9]), speaker, _clause(kind.counter[1], fields)))
    if rng.random() < 0.3:
        other = "Kyiv" if _role_side(story.primary, story.place) == "ru" else "Moscow"
        hedges = HEDGES + OWN_HEDGES if outlet[1] == "intl" else HEDGES
        out.append(rng.choice(hedges).format(O=outlet[0], other=other))
    return out


def _fields(story: Story, figure: int, side: str, rng: random.Random) -> dict[str, str]:
    place, region = story.place.spelled(side)
    oblast = side == "ua" and story.place.country == "UA" and rng.random() < 0.4
    return {
        "place": place,
        "region": f"{region} Oblast" if oblast else f"the {region} region",
        "n": _figure(figure, rng),
        "k": _figure(story.detail_figure, rng),
        "kd": str(story.detail_figure),
        "when": rng.choice(story.when),
        "reword": f"{rng.getrandbits(36):09x}",
    }


def _article(story: Story, index: int, outlet: tuple[str, str, str], rng: random.Random) -> Article:
    name, side, slug = outlet
    conflicting = index == story.conflict
    fields = _fields(story, story.alt_figure if conflicting else story.figure, side, rng)
    second = conflicting or rng.random() < 0.25
    role = story.kind.second if second else story.primary
    roles = {**ROLES, **_local_roles(story.place)}
    speaker, short = _voice(role, roles, str(story.number), rng)
    rest = _extras(story, (role, short), roles, fields, index, outlet, rng)
    target = rng.randint(3, 5)
    background = BACKGROUND[story.place.country]
    rest += [s.format(place=fields["place"], km=rng.randint(5, 60))
             for s in rng.sample(background, max(0, target - 1 - len(rest)))]  # fmt: skip
    rng.shuffle(rest)
    text = " ".join([_lead(story, role, speaker, fields, outlet, rng), *rest])
    published = story.day + timedelta(days=0 if index == 0 else rng.randint(0, MAX_LAG_DAYS))
    title = rng.choice(story.kind.titles).format(**fields, N=cap(fields["n"]))
    doc = f"{slug}-{published}-s{story.number:05d}-{index}"
    url = f"https://example.org/{slug}/{published:%Y/%m/%d}/{_slug(title)}-{story.number}"
    return Article(text, SourceInfo(id=doc, outlet=name, published=published.isoformat(),
                                    url=url, title=cap(title)))  # fmt: skip


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def story_of(article: Article) -> int:
    """The number of the story an article generated here tells (from its id)."""
    return story_of_id(article.source.id or "")


def story_of_id(record_id: str) -> int:
    found = re.search(r"-s(\d+)-\d+$", record_id)
    if found is None:
        raise ValueError(f"{record_id!r} is not the id of a synthetic article")
    return int(found.group(1))


def generate(n: int, seed: int = 0) -> list[Article]:
    """``n`` articles telling about n/4 stories, in publication order; the same for one seed."""
    rng = random.Random(seed)
    articles: list[Article] = []
    seen: set[str] = set()
    number = 0
    while len(articles) < n:
        size = min(rng.choices(STORY_SIZES, SIZE_WEIGHTS)[0], n - len(articles))
        story = _story(number, size, rng)
        for index, outlet in enumerate(rng.sample(OUTLETS, size)):
            article = _article(story, index, outlet, rng)
            while article.doc_id in seen:  # a repeated text would be stored once: redraw it
                article = _article(story, index, outlet, rng)
            seen.add(article.doc_id)
            articles.append(article)
        number += 1
    return sorted(articles, key=lambda a: (a.source.published or "", a.source.id or ""))


def write_jsonl(articles: list[Article], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for a in articles:
            s = a.source
            record = {"id": s.id, "url": s.url, "outlet": s.outlet, "title": s.title,
                      "published": s.published, "text": a.text}  # fmt: skip
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="how many articles")
    ap.add_argument("out", type=Path, help="the JSON Lines file to write")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    articles = generate(args.n, args.seed)
    write_jsonl(articles, args.out)
    stories = len({story_of(a) for a in articles})
    print(f"wrote {len(articles)} articles ({stories} stories) to {args.out}")


if __name__ == "__main__":
    main()
