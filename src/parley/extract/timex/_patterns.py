"""The candidate regexes, built once from the lexicon data files, each with its normaliser."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract._numbers import number_word_regex
from parley.extract.timex._anchored import _n_anchored
from parley.extract.timex._base import _alt, _lex, _Pattern
from parley.extract.timex._holidays import _n_holiday, holiday_regex
from parley.extract.timex._calendar import (_n_century, _n_decade, _n_full, _n_month, _n_month_day, _n_month_year,
                                            _n_midpod, _n_relday, _n_relunit, _n_season, _n_slashed, _n_thispod, _n_week_of,
                                            _n_year)
from parley.extract.timex._quarters import _n_period, _n_quarter
from parley.extract.timex._relative import (_n_ago, _n_clock, _n_dayof, _n_duration, _n_endof, _n_half, _n_pastunit,
                                            _n_ref, _n_set, _n_unspecified, _n_vague, _n_weekday,
                                            _n_weekend)
from parley.extract.timex._spelled import _n_short_decade, _n_spelled_year, decade_words_regex, spelled_year_regex
from parley.extract.timex._years import _n_the_year, _n_year_end


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    lex = _lex()
    full_months = [m for m in lex["months"] if not m.endswith(".")]
    abbrevs = [m[:-1] for m in lex["months"] if m.endswith(".")]
    mon_any = r"(?P<mon>" + _alt(full_months) + "|" + _alt(abbrevs) + r"\.?)"
    mon_full = r"(?P<mon>" + _alt(full_months) + ")"
    wd_names = _alt(lex["weekdays"])
    wd = rf"(?:(?P<wd>{wd_names}),?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[5-9]|20)\d\d)"
    clock = r"(?:,?\s+(?:at\s+)?(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b))?)?"
    # "2,000 years", "two thousand years": the thousands separator and the scale word are part of the count
    num = (rf"(?P<num>(?:a\s+)?couple(?:\s+of)?|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|"
           rf"{number_word_regex()}(?:[\s-]+thousand)?|an?|several|a\s+few|few|many|some)")
    units = r"(?P<unit>days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)"
    seasons = _alt(list(lex["seasons"]) + [s.capitalize() for s in lex["seasons"]])
    mod = r"(?:(?P<mod>early|late|mid|earlier|later)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
    I = re.IGNORECASE
    P = _Pattern
    specs = [
        P("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
                            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?\b"), _n_full),
        P("mdy", re.compile(rf"\b{wd}{mon_any}\s+{day},?\s+{year}\b{clock}"), _n_full),
        P("dmy", re.compile(rf"\b{wd}{day}\s+(?:of\s+)?{mon_any},?\s+{year}\b{clock}"), _n_full),
        P("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:1[5-9]|20)\d\d)\b"), _n_full),
        P("slashed", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:1[5-9]|20)\d\d)\b"), _n_slashed),
        P("md", re.compile(rf"\b{wd}{mon_any}\s+{day}\b(?!,?\s*\d|:\d)"), _n_month_day),
        P("dm", re.compile(rf"\b{wd}{day}\s+(?:of\s+)?{mon_any}(?!\w)(?!,?\s+(?:1[5-9]|20)\d\d)"), _n_month_day),
        P("md_and", re.compile(rf"\b{wd}{mon_any}\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:,|and|or|to|through|-|–)\s*"
                               rf"(?P<x>{day})\b(?!,?\s*\d|:\d|[\s-]*(?:%|percent|per|of|[a-z]+s)\b)"), _n_month_day),
        P("week_of", re.compile(rf"\bthe\s+week\s+of\s+{wd}{mon_any}\s+{day}\b(?!,?\s*\d|:\d)", I), _n_week_of),
        P("holiday", re.compile(holiday_regex()), _n_holiday),
        P("my", re.compile(rf"\b{mod}{mon_any}\s+(?:of\s+)?{year}\b"), _n_month_year),
        P("month", re.compile(rf"(?:\b(?P<pre>in|since|until|till|by|for|from|during|through|before|after|on|of|"
                              rf"between|and)\s+)?\b(?P<x>(?:(?P<rel>last|next|this|early|late|mid|earlier|later)"
                              rf"[\s-]+)?{mon_full}(?:\s+(?:of\s+)?(?P<ry>last|next|this)\s+year)?)\b"
                              rf"(?!\s+[0-3]?\d\b)", I), _n_month),
        P("quarter", re.compile(
            rf"\b(?:(?P<det>the|its|their|this\s+year's|last\s+year's|next\s+year's)\s+)?"
            rf"(?:(?P<yb>(?:1[5-9]|20)\d\d)\s+)?(?:fiscal[\s-]+(?:(?P<fy>(?:1[5-9]|20)\d\d)\s+)?)?"
            rf"(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<qu>quarter|half)"
            rf"(?:\s+of\s+(?:fiscal\s+)?{year}|\s+of\s+(?P<ry>last|next|this)\s+year)?\b(?!-)"
            rf"|\b(?P<qq>Q[1-4]|H[12])\s+{year.replace('year', 'year2')}\b",
            I), _n_quarter),
        P("period", re.compile(  # not "the quarter-to-quarter comparison": a compound adjective, no date
            r"\b(?:(?P<det>the|this|its|that|last\s+year's)\s+(?:(?P<cmp>comparable|corresponding|same)\s+)?"
            r"(?:(?P<rel>latest|"
            r"current|recent|year[\s-]ago|year[\s-]earlier)\s+|(?P<py>(?:19|20)\d\d)\s+)?(?P<noun>quarter|period)"
            r"(?!-to-)"
            r"|(?P<rel2>year[\s-]ago|year[\s-]earlier)(?:\s+(?P<noun2>quarter|period))?)\b", I), _n_period),
        P("the_year", re.compile(
            r"\b(?:(?P<in>(?:earlier|later)\s+in)\s+)?the\s+(?:(?P<adj>full|current|latest)\s+)?"
            r"(?:(?:fiscal|calendar)\s+)?year\b(?!['’]s\b|-|\s+(?:ago|earlier|before|after|later|\d|two\s+thousand|"
            r"nineteen)\b)", I), _n_the_year),
        P("year_end", re.compile(r"(?:\b(?P<pre>by|since|at|until|till|before|around|after|through)\s+)?"
                                 r"\b(?P<x>(?:the\s+)?year(?:[\s-]end|['’]s\s+end))\b(?![\s-]+[a-z])", I),
          _n_year_end),
        P("year", re.compile(rf"(?<![\w$€£¥₽.,/:]){mod}{year}(?![\w%]|[.,]\d)"), _n_year),
        P("spelled_year", re.compile(rf"\b(?:(?P<yr>the\s+year)\s+|{mon_full.replace('mon', 'mon')}\s+(?:of\s+)?|"
                                     rf"(?:the\s+)?(?P<season>{seasons})\s+of\s+)?{spelled_year_regex()}\b", I),
          _n_spelled_year),
        P("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0)'?s\b"),
          _n_decade),
        P("short_decade", re.compile(rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<apos>['’])(?P<d2>[1-9]0)s|"
                                     rf"(?<=the\s)(?P<d3>[1-9]0)s|(?P<dw>{decade_words_regex()}))\b", I),
          _n_short_decade),
        P("century", re.compile(r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b", I), _n_century),
        P("season", re.compile(rf"(?:\b(?P<pre>in|by|until|till|for|during|since|through|before|after)\s+)?"
                               rf"\b(?P<x>(?:(?P<rel>(?i:this|last|next|early|late|mid|coming|past))[\s-]+)?"
                               rf"(?P<the>(?i:the)\s+)?(?P<season>{seasons})(?:\s+(?:of\s+)?{year}|"
                               rf"\s+of\s+(?P<ry>last|next|this)\s+year)?)\b"), _n_season),
        P("relday", re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
                               r"today|tomorrow|tonight)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", I),
          _n_relday),
        P("dayof", re.compile(r"\b(?:today|it|this)(?:\s+is|['’]s)\s+(?P<x>(?:the\s+)?(?:first|second|third|fourth|"
                              r"fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|"
                              r"consecutive\s+|full\s+)?day)\b", I), _n_dayof),
        P("midpod", re.compile(r"\bmid[\s-]?(?P<pod>morning|afternoon|evening)(?:\s+(?P<w>yesterday|today|"
                               r"tomorrow))?\b", I), _n_midpod),
        P("thispod", re.compile(r"\b(?:this|last)\s+(?P<pod>morning|afternoon|evening|night)\b", I), _n_thispod),
        P("relunit", re.compile(r"\b(?P<pre>(?:earlier|later)\s+)?(?P<rel>last|this|next|coming|previous|"
                                r"current)\s+(?P<unit>week|month|year|decade|century)\b", I), _n_relunit),
        P("ago", re.compile(rf"\b{num}\s+{units}\s+(?:or\s+so\s+)?(?:ago|before\s+now)\b", I), _n_ago),
        P("anchored", re.compile(rf"\b(?P<w>the\s+(?P<dir1>next|following|previous|preceding)\s+(?P<u1>day|morning|"
                                 rf"afternoon|evening|night)|the\s+(?P<dir2>following|previous|preceding)\s+"
                                 rf"(?P<u2>week|month|year)|"
                                 rf"the\s+(?P<dir6>previous|preceding|following)\s+(?P<wd6>{wd_names})|"
                                 rf"the\s+day\s+(?P<dir3>before|after)(?=\s*[,.;:)]|\s*$)|"
                                 rf"{num}\s+{units}\s+(?P<dir4>later|earlier|afterwards)|"
                                 rf"(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<u5>day|week|month|year)(?!\s+(?:when|which|that|who)\b)(?!')(?!-))\b", I),
          _n_anchored),
        P("pastunit", re.compile(r"\b(?:(?P<pre>over|in|during|for|throughout)\s+)?(?P<x>the\s+(?P<rel>past|last)\s+"
                                 r"(?P<unit>decade|century|year|month|week|fortnight))\b", I), _n_pastunit),
        P("weekday", re.compile(rf"(?:\b(?P<pre>on|since|by|until|till|from|before|after)\s+)?"
                                rf"\b(?P<x>(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{wd_names})"
                                rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?)\b"), _n_weekday),
        P("weekend", re.compile(r"(?:\b(?P<pre>over|during|on|at|for|until|by)\s+)?\b(?P<x>(?:(?P<rel>the|this|"
                                r"last|next|coming|past)\s+)weekend)\b", I), _n_weekend),
        P("duration", re.compile(rf"\b(?P<pre>the\s+(?:past|last|next|coming|previous|first|following)\s+)?"
                                 rf"(?:(?P<lo>\d+)\s*(?:to|or|-|–)\s*(?=\d)|"
                                 rf"(?P<low>{number_word_regex()})\s+(?:to|or)\s+)?"
                                 rf"{num}(?P<half>\s+1/2|[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?:(?P<adj>more|additional|"
                                 rf"extra|further|consecutive|straight|trading|business|working)\s+)?"
                                 rf"{units[:-1]}|quarters)(?P<half2>\s+and\s+a\s+half)?(?!\s+ago)\b", I), _n_duration),
        P("half", re.compile(r"\b(?:(?:a\s+)?half[\s-]+an?[\s-]+|an?\s+half[\s-]+)(?P<unit>hour|minute|day|year|"
                             r"decade|century)\b(?![\s-]+(?:and|or|ago|later|earlier|before|after)\b)", I), _n_half),
        P("vague", re.compile(r"\b(?:(?P<in>in)\s+)?(?:(?P<prep>for|over|within)\s+)?(?P<x>(?:(?P<pre>recent|"
                              r"(?<!the\s)past|future|the\s+past|the\s+coming|the\s+next|coming|"
                              r"the\s+(?:first|early|final)|(?<=over\s)the)\s+)?(?P<unit>minutes|hours|"
                              r"days|weeks|months|quarters|years|decades|centuries)(?:\s+or\s+(?:days|weeks|months|years|decades))?|the\s+(?P<unit2>days|weeks|"
                              r"months|years)\s+ahead)\b", I), _n_vague),
        P("unspecified", re.compile(r"\bfor\s+(?P<x>a\s+while|some\s+time|an?\s+(?:(?:fairly|very|relatively|rather)\s+)?"
                                    r"(?:long|lengthy|short|brief|extended)\s+(?:period|time|while|spell))\b", I),
          _n_unspecified),
        P("endof", re.compile(r"\b(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+(?P<rel>the|this|last|"
                              r"next)\s+(?P<unit>year|month|week|decade|century)\b", I), _n_endof),
        P("ref", re.compile(r"(?:\bin\s+)?\b(?P<x>" + "|".join(
            r"\s+".join(map(re.escape, w.split())) for w in sorted(lex["references"], key=len, reverse=True))
            + r")\b", I), _n_ref),
        P("set", re.compile(rf"\b(?:every|each)\s+(?:(?P<num>\d+|{number_word_regex()}|other)\s+)?"
                            rf"(?P<unit>day|week|month|quarter|year|decade|{wd_names}|{_alt(full_months)})s?\b|"
                            rf"\b(?P<wds>{wd_names})(?:s|\s+(?P<pod>mornings|afternoons|evenings|nights))\b|"
                            r"\b(?P<freq>once|twice|thrice|\w+\s+times)\s+(?:a|per|every)\s+"
                            r"(?P<unit2>day|week|month|year)\b|\b(?P<adv>annually|yearly|daily|weekly|monthly|hourly)\b", I),
          _n_set),
        P("clock", re.compile(r"(?<![\d:.])\b(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:?\d)"
                              r"(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b))?|\b(?P<h12>1[0-2]|[1-9])\s*"
                              r"(?P<ampm2>[ap]\.m\.|[ap]m\b)|\b(?P<noon>noon|midday|midnight)\b", I), _n_clock),
    ]
    return tuple(specs)
