"""Claims from sentences the parser gets wrong in ways real reporting shows.

The statistical parse of a sentence depends on its words; the misparses below were seen on real
articles, and each case rebuilds one as a hand-written parse table (word, lemma, coarse and fine
tag, dependency, head index, entity type, "_" when a space follows) over sentences written for
these tests, so that the rule that copes with it is tested whatever the model does with the
sentence today.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.claims import extract_claims


def misparsed(nlp: Language, table: str) -> Doc:
    rows = [line.split() for line in table.strip().splitlines()]
    return Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        ents=[
            "O" if r[6] == "-" else f"{'B' if i == 0 or rows[i - 1][6] != r[6] else 'I'}-{r[6]}"
            for i, r in enumerate(rows)
        ],
        spaces=[r[7] == "_" for r in rows],
    )


# '"If ..., nothing you can do folks," X said before adding: "..."': "nothing" parsed as a
# second subject of "said"
QUOTE_WORD_AS_SUBJECT = """
    " " PUNCT `` punct 17 - .
    If if SCONJ IN mark 3 - _
    she she PRON PRP nsubj 3 - _
    gets get VERB VBZ advcl 9 - _
    to to PART TO aux 5 - _
    pick pick VERB VB xcomp 3 - _
    her her PRON PRP$ poss 7 - _
    brigades brigade NOUN NNS dobj 5 - .
    , , PUNCT , punct 9 - _
    nothing nothing PRON NN nsubj 17 - _
    you you PRON PRP nsubj 12 - _
    can can AUX MD aux 12 - _
    do do VERB VB relcl 9 - _
    folks folk NOUN NNS dobj 12 - .
    , , PUNCT , punct 9 - .
    " " PUNCT '' punct 17 - _
    Kovalenko Kovalenko PROPN NNP nsubj 17 PERSON _
    said say VERB VBD ROOT 17 - _
    before before ADP IN prep 17 - _
    adding add VERB VBG pcomp 18 - .
    : : PUNCT : punct 17 - _
    " " PUNCT `` punct 17 - .
    Though though SCONJ IN mark 30 - _
    the the DET DT det 26 - _
    Reserve Reserve PROPN NNP compound 25 - _
    Corps Corps PROPN NNP compound 26 - _
    people people NOUN NNS nsubj 30 - .
    , , PUNCT , punct 30 - _
    maybe maybe ADV RB advmod 30 - _
    there there PRON EX expl 30 - _
    is be VERB VBZ advcl 35 - .
    , , PUNCT , punct 35 - _
    I I PRON PRP nsubj 35 - _
    do do AUX VBP aux 35 - .
    n't not PART RB neg 35 - _
    know know VERB VB ccomp 17 - .
    . . PUNCT . punct 17 - .
    " " PUNCT '' punct 17 - .
"""

# the same quotation with "nothing" parsed as the object of "said"
QUOTE_WORD_AS_OBJECT = """
    " " PUNCT `` punct 9 - .
    If if SCONJ IN mark 3 - _
    she she PRON PRP nsubj 3 - _
    gets get VERB VBZ advcl 9 - _
    to to PART TO aux 5 - _
    pick pick VERB VB xcomp 3 - _
    her her PRON PRP$ poss 7 - _
    brigades brigade NOUN NNS dobj 5 - .
    , , PUNCT , punct 9 - _
    nothing nothing PRON NN dobj 17 - _
    you you PRON PRP nsubj 12 - _
    can can AUX MD aux 12 - _
    do do VERB VB relcl 9 - _
    folks folk NOUN NNS dobj 12 - .
    , , PUNCT , punct 9 - .
    " " PUNCT '' punct 9 - _
    Kovalenko Kovalenko PROPN NNP nsubj 17 PERSON _
    said say VERB VBD ROOT 17 - _
    before before ADP IN prep 17 - _
    adding add VERB VBG pcomp 18 - .
    : : PUNCT : punct 17 - _
    " " PUNCT `` punct 17 - .
    Though though SCONJ IN mark 30 - _
    the the DET DT det 26 - _
    Reserve Reserve PROPN NNP compound 25 - _
    Corps Corps PROPN NNP compound 26 - _
    people people NOUN NNS nsubj 30 - .
    , , PUNCT , punct 30 - _
    maybe maybe ADV RB advmod 30 - _
    there there PRON EX expl 30 - _
    is be VERB VBZ advcl 35 - .
    , , PUNCT , punct 30 - _
    I I PRON PRP nsubj 35 - _
    do do AUX VBP aux 35 - .
    n't not PART RB neg 35 - _
    know know VERB VB ccomp 17 - .
    . . PUNCT . punct 17 - .
    " " PUNCT '' punct 17 - .
"""

# '"...!" the opposition leader, Anna Kovac, tweeted Sunday ...': the leader parsed as the root
# and "tweeted" as a participle modifying it
CUE_HUNG_ON_ITS_SUBJECT = """
    " " PUNCT `` punct 4 - .
    Is be AUX VBZ aux 4 - _
    the the DET DT det 3 - _
    governor governor NOUN NN nsubj 4 - _
    going go VERB VBG ROOT 4 - _
    to to PART TO aux 7 - _
    finally finally ADV RB advmod 7 - _
    name name VERB VB xcomp 4 - _
    the the DET DT det 9 - _
    commanders commander NOUN NNS dobj 7 - .
    ? ? PUNCT . punct 4 - _
    If if SCONJ IN mark 13 - _
    he he PRON PRP nsubj 13 - _
    does do VERB VBZ advcl 18 - .
    n't not PART RB neg 18 - _
    he he PRON PRP nsubj 18 - _
    should should AUX MD aux 18 - _
    immediately immediately ADV RB advmod 18 - _
    resign resign VERB VB ROOT 18 - _
    in in ADP IN prep 18 - _
    disgrace disgrace NOUN NN pobj 19 - .
    ! ! PUNCT . punct 18 - .
    " " PUNCT '' punct 18 - _
    the the DET DT det 25 - _
    opposition opposition ADJ JJ amod 25 - _
    leader leader NOUN NN ROOT 25 - .
    , , PUNCT , punct 25 - _
    Anna Anna PROPN NNP compound 28 PERSON _
    Kovac Kovac PROPN NNP appos 25 PERSON .
    , , PUNCT , punct 25 - _
    tweeted tweet VERB VBN acl 25 - _
    Sunday Sunday PROPN NNP npadvmod 30 DATE _
    after after ADP IN prep 30 - _
    a a DET DT det 34 - _
    strike strike NOUN NN pobj 32 - _
    on on ADP IN prep 34 - _
    a a DET DT det 37 - _
    market market NOUN NN pobj 35 - .
    . . PUNCT . punct 25 - .
"""

# '..., when X called the commander "...' best recruiter."': the cue a relative clause of
# "May", the object parsed inside the predicate
CALLING_IN_A_WHEN_CLAUSE = """
    The the DET DT det 1 - _
    question question NOUN NN nsubj 2 - _
    came come VERB VBD ROOT 2 - _
    up up ADP RP prt 2 - _
    in in ADP IN prep 2 - _
    a a DET DT det 7 - _
    parliamentary parliamentary ADJ JJ amod 7 NORP _
    hearing hearing NOUN NN pobj 4 - _
    in in ADP IN prep 2 - _
    May May PROPN NNP pobj 8 DATE .
    , , PUNCT , punct 9 - _
    when when SCONJ WRB advmod 14 - _
    Oleksiy Oleksiy PROPN NNP compound 13 PERSON _
    Hrytsenko Hrytsenko PROPN NNP nsubj 14 PERSON _
    called call VERB VBD relcl 9 - _
    the the DET DT det 17 - _
    Russian russian ADJ JJ amod 17 NORP _
    commander commander NOUN NN nmod 22 - _
    " " PUNCT `` punct 22 - .
    Moscow Moscow PROPN NNP poss 22 ORG .
    ' ' PART POS punct 19 - _
    best good ADJ JJS amod 22 - _
    recruiter recruiter NOUN NN oprd 14 - .
    . . PUNCT . punct 2 - .
    " " PUNCT '' punct 2 - .
"""


def test_a_word_of_the_quotation_is_not_the_speaker(nlp: Language) -> None:
    doc = misparsed(nlp, QUOTE_WORD_AS_SUBJECT)
    claims = extract_claims(doc, "t")
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("said", '"If she gets to pick her brigades, nothing you can do folks,"'),
        ("adding", '"Though the Reserve Corps people, maybe there is, I don\'t know."'),
    ]
    assert {c.speaker.name for c in claims} == {"Kovalenko"}


def test_a_word_of_the_quotation_is_not_the_content_after_the_cue(nlp: Language) -> None:
    doc = misparsed(nlp, QUOTE_WORD_AS_OBJECT)
    claims = extract_claims(doc, "t")
    assert [(c.speaker.name, c.cue.text, c.content.text) for c in claims] == [
        ("Kovalenko", "said", '"If she gets to pick her brigades, nothing you can do folks,"'),
        (
            "Kovalenko",
            "adding",
            '"Though the Reserve Corps people, maybe there is, I don\'t know."',
        ),
    ]


def test_a_quotation_before_a_cue_hung_on_a_described_speaker(nlp: Language) -> None:
    doc = misparsed(nlp, CUE_HUNG_ON_ITS_SUBJECT)
    (claim,) = extract_claims(doc, "t")
    assert claim.cue.text == "tweeted"
    assert claim.speaker.name == "Anna Kovac"
    assert claim.content.text.startswith('"Is the governor going to finally name')
    assert claim.content.text.endswith('resign in disgrace!"')


def test_a_calling_verb_in_a_when_clause_says_what_it_calls(nlp: Language) -> None:
    doc = misparsed(nlp, CALLING_IN_A_WHEN_CLAUSE)
    (claim,) = extract_claims(doc, "t")
    assert claim.speaker.name == "Oleksiy Hrytsenko"
    assert claim.cue.text == "called"
    assert claim.content.text == "the Russian commander \"Moscow' best recruiter"


# "In Sumy, the toll stands at 14, according to X, most of them killed when ...": the parse
# hangs "according to X" on the second clause ("killed"), though it follows the first
ACCORDING_BEFORE_SECOND_CLAUSE = """
    In in ADP IN prep 5 - _
    Sumy Sumy PROPN NNP pobj 0 GPE .
    , , PUNCT , punct 5 - _
    the the DET DT det 4 - _
    toll toll NOUN NN nsubj 5 - _
    stands stand VERB VBZ ROOT 5 - _
    at at ADP IN prep 5 - _
    14 14 NUM CD pobj 6 CARDINAL .
    , , PUNCT , punct 5 - _
    according accord VERB VBG prep 18 - _
    to to ADP IN prep 9 - _
    the the DET DT det 13 - _
    regional regional ADJ JJ amod 13 - _
    administration administration NOUN NN pobj 10 - .
    , , PUNCT , punct 18 - _
    most most ADJ JJS nsubj 18 - _
    of of ADP IN prep 15 - _
    them they PRON PRP pobj 16 - _
    killed kill VERB VBD conj 5 - _
    when when SCONJ WRB advmod 23 - _
    a a DET DT det 21 - _
    shelter shelter NOUN NN nsubjpass 23 - _
    was be AUX VBD auxpass 23 - _
    hit hit VERB VBN advcl 18 - .
    . . PUNCT . punct 5 - .
"""


def test_according_to_between_two_clauses_covers_the_first(nlp: Language) -> None:
    claims = extract_claims(misparsed(nlp, ACCORDING_BEFORE_SECOND_CLAUSE), "t")
    contents = [c.content.text for c in claims]
    assert "In Sumy, the toll stands at 14" in contents
    assert all("according" not in t for t in contents)


# "X said claims that ... were false": the plural noun "claims" tagged a verb (VBZ) with no
# subject, the clause of "that" hung on it
CLAIMS_NOUN_AS_VERB = """
    The the DET DT det 1 - _
    mayor mayor NOUN NN nsubj 2 - _
    said say VERB VBD ROOT 2 - _
    claims claim VERB VBZ ccomp 2 - _
    that that SCONJ IN mark 7 - _
    the the DET DT det 6 - _
    depot depot NOUN NN nsubj 7 - _
    burned burn VERB VBD ccomp 3 - _
    down down ADP RP prt 7 - _
    overnight overnight ADV RB advmod 7 - _
    were be AUX VBD ccomp 7 - _
    false false ADJ JJ acomp 10 - .
    . . PUNCT . punct 2 - .
"""


def test_a_claim_noun_tagged_a_verb_after_a_cue_is_no_speakerless_claim(nlp: Language) -> None:
    """The mayor called the claims false: one claim, the mayor's, whose content is the
    rejection; not a second claim of nobody's reading "the depot burned down ... were false"."""
    claims = extract_claims(misparsed(nlp, CLAIMS_NOUN_AS_VERB), "t")
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("said", "claims that the depot burned down overnight were false")
    ]


# "X said that A and that B": the second "that" parsed as a determiner of B's subject, that
# subject a conjunct of A's object, and B's verb an adverbial clause of "said" with no subject
SECOND_THAT_AS_DETERMINER = """
    The the DET DT det 1 - _
    militia militia NOUN NN nsubj 2 - _
    said say VERB VBD ROOT 2 - _
    that that SCONJ IN mark 8 - _
    its its PRON PRP$ poss 5 - _
    units unit NOUN NNS nsubj 8 - _
    had have AUX VBD aux 8 - _
    not not PART RB neg 8 - _
    shelled shell VERB VBN ccomp 2 - _
    villages village NOUN NNS dobj 8 - _
    and and CCONJ CC cc 9 - _
    that that DET DT det 16 - _
    government government NOUN NN npadvmod 14 - .
    - - PUNCT HYPH punct 14 - .
    backed back VERB VBN amod 16 - _
    joint joint ADJ JJ amod 16 - _
    forces force NOUN NNS conj 9 - _
    were be AUX VBD aux 18 - _
    using use VERB VBG advcl 2 - _
    the the DET DT det 20 - _
    clinic clinic NOUN NN dobj 18 - _
    as as ADP IN prep 18 - _
    a a DET DT det 24 - _
    military military ADJ JJ amod 24 - _
    post post NOUN NN pobj 21 - .
    . . PUNCT . punct 2 - .
"""


def test_a_second_that_clause_misparsed_is_a_claim_of_its_own(nlp: Language) -> None:
    claims = extract_claims(misparsed(nlp, SECOND_THAT_AS_DETERMINER), "t")
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("its units had not shelled villages", "militia"),
        ("government-backed joint forces were using the clinic as a military post", "militia"),
    ]


# "reported that the guards posted at the gate fled": the participle "posted" read as the
# complement's verb, and "fled" hung on the cue as a second complement with no subject
PARTICIPLE_AS_VERB = """
    Valley valley PROPN NNP compound 1 ORG _
    Radio radio PROPN NNP nsubj 2 ORG _
    reported report VERB VBD ROOT 2 - _
    that that SCONJ IN mark 6 - _
    the the DET DT det 5 - _
    guards guard NOUN NNS nsubj 6 - _
    posted post VERB VBD ccomp 2 - _
    at at ADP IN prep 6 - _
    the the DET DT det 9 - _
    gate gate NOUN NN pobj 7 - _
    fled flee VERB VBD ccomp 2 - _
    before before ADP IN prep 10 - _
    dawn dawn NOUN NN pobj 11 - .
    . . PUNCT . punct 2 - _
"""


def test_a_participle_taken_for_the_verb_leaves_the_verb_in_the_content(nlp: Language) -> None:
    claims = extract_claims(misparsed(nlp, PARTICIPLE_AS_VERB), "t")
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("the guards posted at the gate fled before dawn", "Valley Radio"),
    ]
