"""The mail classifier itself: features equal scikit-learn's, the shipped model is current, saved files of another
format or label order are refused, and a rejection needs a sentence that asserts a decision.

Every message here was written for these tests; none comes from the evaluation sets."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify import decisions
from bounceback.mail.classify.features import TextModel, char_wb_ngrams, word_ngrams
from bounceback.mail.classify.interface import Classifier
from bounceback.mail.classify.model import LABELS, MailClassifier
from bounceback.mail.classify.sentences import message_sentences, own_text
from bounceback.mail.classify.shipped import expected_fingerprint, shipped_model
from bounceback.mail.classify.text import ClassifierInput

DOCS = [
    "we have decided to move forward with other candidates for the role",
    "thank you for applying; we will review your application and reach out",
    "we would like to invite you to an interview on tuesday at 10:00",
    "please complete the coding challenge within five days",
    "we are delighted to offer you the position of analyst",
    "this week: twelve tips for faster python, unsubscribe any time",
] * 2


@pytest.fixture(scope="module")
def model() -> MailClassifier:
    found = shipped_model()
    assert found is not None, "the packaged model is missing: run python -m bounceback.mail.classify.shipped"
    return found


def _item(subject: str, body: str, sender: str = "talent@northgate-labs.example") -> ClassifierInput:
    return ClassifierInput(subject, "Northgate Labs", sender, body)


def test_features_match_scikit_learn_exactly() -> None:
    """GIVEN a text model fitted with scikit-learn WHEN it scores documents without scikit-learn
    THEN the scores equal scikit-learn's decision function (char n-grams counted once per distinct word)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    truth = np.arange(len(DOCS)) % 6
    ours = TextModel.fit(DOCS, truth, word_high=3, strength=5.0)
    word = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 3), token_pattern=r"(?u)\b\w+\b", sublinear_tf=True, min_df=2
    )
    char = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=60000
    )
    features = hstack([word.fit_transform(DOCS), char.fit_transform(DOCS)]).tocsr()
    theirs = LogisticRegression(C=5.0, class_weight="balanced", max_iter=5000, tol=1e-3).fit(features, truth)
    fresh = [
        "we have decided to move forward with other candidates candidates",
        "offer offer you the position",
    ]
    expected = theirs.decision_function(hstack([word.transform(fresh), char.transform(fresh)]).tocsr())
    np.testing.assert_allclose(ours.scores(fresh), expected, atol=1e-4)
    assert char_wb_ngrams("ab  abc") == char.build_analyzer()("ab  abc")
    assert word_ngrams("One two three", 3) == word.build_analyzer()("One two three")


def test_the_shipped_model_is_current_with_the_corpus_and_the_code(model: MailClassifier) -> None:
    """GIVEN the packaged model WHEN its fingerprint is compared with the corpus and the feature code
    THEN they agree; otherwise rebuild it with `python -m bounceback.mail.classify.shipped`."""
    assert model.trained_on["fingerprint"] == expected_fingerprint(), (
        "The packaged mail model is stale: rebuild it with `.venv/bin/python -m bounceback.mail.classify.shipped`."
    )
    assert model.labels == LABELS
    assert model.format_version == 2


def test_a_saved_model_of_another_format_or_label_order_is_refused(
    model: MailClassifier, tmp_path: Path
) -> None:
    """GIVEN saved models whose format version or label order differ WHEN loaded THEN refused (None), so the
    caller rebuilds instead of reading shifted outputs; the same data with the right order loads."""
    good = tmp_path / "good.json"
    model.save(good)
    assert MailClassifier.load(good) is not None
    for change in ({"format": 1}, {"labels": [label.value for label in reversed(LABELS)]}):
        path = tmp_path / f"bad-{next(iter(change))}.json"
        path.write_text(json.dumps({**model.data, **change}), encoding="utf-8")
        assert MailClassifier.load(path) is None
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert MailClassifier.load(tmp_path / "broken.json") is None


def test_load_or_train_rebuilds_a_stale_cached_model_with_corrections(
    model: MailClassifier, tmp_path: Path
) -> None:
    """GIVEN a cached corrections model written with another label order WHEN the person's model is asked for
    THEN it is refitted (not read) and learns the correction."""
    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.classify.model import Example

    text = "Your timesheet for week 41 was approved by your line manager."
    corrections = [Example(_item("Timesheet approved", text), MailLabel.OTHER, 3.0, group="correction-1")]
    first = load_or_train(tmp_path, corrections)
    cached = next(tmp_path.glob("mail-classifier-*.json"))
    data = json.loads(cached.read_text())
    cached.write_text(json.dumps({**data, "labels": list(reversed(data["labels"]))}))
    again = load_or_train(tmp_path, corrections)
    assert again.labels == LABELS
    assert again.trained_on["corrections"] == first.trained_on["corrections"] == 1
    assert load_or_train(tmp_path) is not None  # no corrections: the packaged model itself


def test_a_model_of_another_feature_layout_is_rebuilt_with_one_sentence(
    model: MailClassifier, tmp_path: Path
) -> None:
    """GIVEN a cached corrections model whose combining layer reads fewer features than this code builds (saved
    by another version: "matmul … size 15 vs 27") WHEN the person's model is asked for THEN one sentence says it
    is rebuilt, no error is raised, and the rebuilt model reads mail."""
    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.classify.model import Example

    corrections = [
        Example(
            _item("Timesheet approved", "Your timesheet was approved."), MailLabel.OTHER, 3.0, group="c-1"
        )
    ]
    load_or_train(tmp_path, corrections)
    cached = next(tmp_path.glob("mail-classifier-*.json"))
    data = json.loads(cached.read_text())
    narrow = {**data["combiner"], "coef": [row[:15] for row in data["combiner"]["coef"]]}
    cached.write_text(json.dumps({**data, "combiner": narrow}))
    assert MailClassifier.load(cached) is None
    said: list[str] = []
    again = load_or_train(tmp_path, corrections, say=said.append)
    assert len(said) == 1 and "does not fit this version of bounceback, so it is rebuilt" in said[0]
    assert again.predict([_item("Interview", "We would like to invite you to an interview on Monday.")])
    assert MailClassifier.load(cached) is not None


def test_the_model_meets_the_classifier_interface(model: MailClassifier) -> None:
    """GIVEN the packaged model THEN it is a Classifier (predict, trained_on, format version, labels)."""
    assert isinstance(model, Classifier)
    assert model.predict([]) == []


def test_sentences_leave_out_quoted_replies_and_footers() -> None:
    """GIVEN a reply that quotes an earlier rejection and ends in an unsubscribe footer
    WHEN cut into its own sentences THEN neither the quote nor the footer is there."""
    body = (
        "Hi Robin,\n\nThanks for the update. We are still reviewing applications for the Data Engineer role "
        "and expect to finish next week. Dr. Lee will write then.\n\n"
        "You are receiving this email because you applied on our careers site.\nUnsubscribe\n\n"
        "On Mon, 5 Oct 2026 at 09:00, Northgate Labs <talent@northgate-labs.example> wrote:\n"
        "> Unfortunately we have decided not to move forward with your application.\n"
    )
    sentences = message_sentences("Re: Data Engineer", body)
    assert sentences[0] == "Re: Data Engineer"
    assert "Dr. Lee will write then." in sentences
    assert not any("move forward" in s or "receiving this email" in s for s in sentences)
    assert "Unsubscribe" not in own_text(body)


@pytest.mark.parametrize(
    ("sentence", "decided"),
    [
        ("After careful thought we have decided to move forward with other candidates.", True),
        ("We went with someone whose experience more closely matches the brief.", True),
        ("The position has now been filled.", True),
        ("Unfortunately your application was not successful on this occasion.", True),
        ("We are pausing hiring for this role until next year.", True),
        ("If we decide not to move forward, we will let you know by email.", False),
        ("If you have not heard from us within four weeks, please assume you were not shortlisted.", False),
        ("Unsuccessful candidates will be told by the end of the month.", False),
        ("We have received your request and confirm that you have withdrawn your application.", False),
        ("Due to the volume of applications we may not be able to reply to everyone.", False),
        ("We will keep your CV on file and reach out about future openings.", False),
        # someone else's decision: the person first chosen turned the job down
        ("The candidate we offered the post to has decided not to accept it.", False),
        ("Our first-choice applicant has since pulled out of the process.", False),
        # general wordings of a decision
        ("Sadly you've been unsuccessful for the Buyer role this time.", True),
        ("Your application for the spring intake has now closed.", True),
        ("Your score on the numerical test was below the level required to continue.", True),
        ("The panel identified a candidate whose background is more aligned with the brief.", True),
        ("We've already hired for the Saturday café shift, so we won't be in touch about it.", True),
        ("We filled the Front-of-House role internally last month.", True),
        ("We have appointed for this post and are now closing out the remaining applications.", True),
        ("The application window has now closed and we will review every form next week.", False),
        ("I wanted you to hear from me that we have made an appointment to the Site Lead post.", True),
        ("I've made an appointment for the interview on Tuesday and will send the address.", False),
    ],
)
def test_a_rejection_sentence_must_assert_a_decision(sentence: str, decided: bool) -> None:
    """GIVEN a sentence WHEN the decision rules read it THEN only an asserted decision against the person counts
    (not a conditional, a policy about others, a courtesy line or the person's own withdrawal)."""
    assert decisions.rejection_rule(sentence) is decided


def test_a_rejection_is_explained_by_its_sentence(model: MailClassifier) -> None:
    """GIVEN a rejection among courtesy lines WHEN classified THEN it is a rejection and the cited sentence is
    the decision, not the courtesy."""
    body = (
        "Dear Robin,\n\nThank you for your interest in the Data Engineer role and for the time you gave us. "
        "We had many strong applicants, and after a close look we have decided to continue with candidates "
        "whose experience more closely fits the team's needs. We will keep your details on file and hope "
        "to see you apply again.\n\nBest wishes,\nNorthgate Labs Talent"
    )
    prediction = model.predict([_item("Your application to Northgate Labs", body)])[0]
    assert prediction.label is MailLabel.REJECTION
    assert prediction.evidence is not None and "decided to continue with candidates" in prediction.evidence


def test_courtesy_without_a_decision_is_never_a_rejection(model: MailClassifier) -> None:
    """GIVEN an acknowledgment full of the courtesy rejections use WHEN classified THEN not a rejection."""
    body = (
        "Hi Robin,\n\nThank you for your interest in Northgate Labs and for applying for the Data Engineer "
        "role. We appreciate the time you took. Our team reviews every application carefully; if your "
        "experience matches what we need, we will contact you. If you do not hear from us within three weeks, "
        "we may have decided to move forward with other candidates. We wish you all the best in your search.\n\n"
        "Northgate Labs Talent Team"
    )
    prediction = model.predict([_item("We received your application", body)])[0]
    assert prediction.label is not MailLabel.REJECTION


def test_unreadable_mail_waits_for_review_and_is_never_a_rejection(model: MailClassifier) -> None:
    """GIVEN a message whose body is empty (only an image) WHEN classified THEN no rejection, not readable,
    and its confidence is below every auto-apply threshold."""
    from bounceback.domain.mail import needs_review

    item = _item("Update on your application for Data Engineer", "")
    prediction = model.predict([item, replace(item, text="[image]")])
    for p in prediction:
        assert p.label is not MailLabel.REJECTION
        assert not p.readable
        assert p.label is MailLabel.OTHER or needs_review(p.label, p.confidence)


def test_unreadable_mail_from_a_person_is_kept_for_review_and_a_list_mail_is_not(
    model: MailClassifier,
) -> None:
    """GIVEN image-only messages read as not about the search WHEN one comes from a person and one from a
    mailing list THEN the person's names the likeliest job label as `maybe` (the importer keeps it for review),
    the list's does not (a picture newsletter is no one's letter)."""
    item = _item("Hello Robin", "")
    person, newsletter = model.predict([item, replace(item, is_list=True)])
    assert person.label is newsletter.label is MailLabel.OTHER
    assert person.maybe is not None and person.maybe is not MailLabel.OTHER
    assert newsletter.maybe is None


def test_a_notice_that_only_says_to_sign_in_changes_nothing_by_itself(model: MailClassifier) -> None:
    """GIVEN "there is an update on your application, sign in to see it" WHEN classified THEN whatever it is
    read as waits for review (it states nothing), and the reading says why; an invitation that also asks to
    log in is still an interview."""
    from bounceback.domain.mail import needs_review

    notice, invitation = model.predict(
        [
            _item("An update on your application", "There has been an update to the status of your application. "
                  "Please sign in to your candidate home page to see it."),
            _item("Interview invitation", "We would like to invite you to a video interview on Tuesday at 10:00. "
                  "Log in to your candidate portal to see the details."),
        ]
    )  # fmt: skip
    assert notice.label is not MailLabel.REJECTION and needs_review(notice.label, notice.confidence)
    assert notice.label is MailLabel.OTHER or "it only says to sign in to see the update" in notice.notes
    assert invitation.label is MailLabel.INTERVIEW and not needs_review(
        invitation.label, invitation.confidence
    )


def test_a_first_recruiter_call_is_screening(model: MailClassifier) -> None:
    """GIVEN an invitation to a short first call with the recruiter WHEN classified THEN an interview that
    is a screening call."""
    body = (
        "Hi Robin,\n\nThanks for applying for the Data Engineer role. I'm the recruiter for the team and would "
        "love to set up a quick 20-minute phone screen this week. Are you free on Thursday at 11:00?\n\nSam"
    )
    prediction = model.predict(
        [_item("Data Engineer - quick call?", body, "sam.price@northgate-labs.example")]
    )[0]
    assert prediction.label is MailLabel.INTERVIEW
    assert prediction.screening


def test_the_shipped_file_is_compressed_json() -> None:
    """GIVEN the packaged model file THEN it is gzip-compressed JSON with its format and labels (no code)."""
    from importlib import resources

    raw = resources.files("bounceback.mail.classify").joinpath("model.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == 2 and data["labels"] == [label.value for label in LABELS]


def test_the_quick_look_never_hides_a_rejection_pattern() -> None:
    """GIVEN every sentence of the training corpus WHEN the long rejection pattern matches one
    THEN the cheap first look (which lets other sentences skip it) matches it too."""
    from bounceback.mail.classify.corpus import record_input, shipped_records
    from bounceback.mail.classify.evidence import sentences_of

    sentences = [s for r in shipped_records() for s in sentences_of(record_input(r))]
    matched = [s for s in sentences if decisions.says(decisions.REJECTION, s)]
    assert len(matched) > 300
    assert all(decisions.rejects(s) for s in matched)


def _auto_rejection(model: MailClassifier, subject: str, body: str) -> bool:
    from bounceback.domain.mail import needs_review

    prediction = model.predict([_item(subject, body)])[0]
    return prediction.label is MailLabel.REJECTION and not needs_review(
        prediction.label, prediction.confidence
    )


def test_a_hold_on_hiring_that_promises_an_update_is_no_final_decision(model: MailClassifier) -> None:
    """GIVEN hiring paused "for now" with a promise to come back, or with "nothing is decided" WHEN classified
    THEN no rejection is applied without the person (the second is no rejection at all); a role cancelled for
    good still is one."""
    promise = (
        "Hello Robin,\n\nThe Data Engineer opening has been put on hold for the time being while the budget "
        "for next year is signed off. We'll update you as soon as we know more.\n\nNorthgate Labs Talent"
    )
    undecided = (
        "Hi Robin,\n\nA short note on the Data Engineer search: we've paused recruiting for a few weeks while "
        "the team is reorganised. No decision has been made on your application, and I'll let you know either "
        "way once we restart.\n\nSam"
    )
    cancelled = (
        "Dear Robin,\n\nI'm sorry to tell you that the Data Engineer vacancy has been cancelled after a "
        "restructure, so we will not be taking any applications further.\n\nNorthgate Labs Talent"
    )
    assert not _auto_rejection(model, "Data Engineer: an update", promise)
    waiting = model.predict([_item("Data Engineer search", undecided)])[0]
    assert waiting.label is not MailLabel.REJECTION
    assert "hiring is on hold, and it says nothing is decided yet" in waiting.notes
    assert _auto_rejection(model, "Data Engineer vacancy", cancelled)


def test_confirming_the_persons_own_withdrawal_is_never_a_rejection(model: MailClassifier) -> None:
    """GIVEN an employer confirming that the person withdrew, with "you will not be considered further"
    WHEN classified THEN it is not a rejection, and the reading says it was the person's own withdrawal."""
    body = (
        "Dear Robin,\n\nWe write to confirm that you have withdrawn your application for the Data Engineer "
        "post. Your application will no longer be considered for this vacancy.\n\nNorthgate Labs HR"
    )
    prediction = model.predict([_item("Withdrawal of your application", body)])[0]
    assert prediction.label is not MailLabel.REJECTION
    assert "it confirms your own withdrawal" in prediction.notes


def test_a_reversal_where_the_first_choice_declined_is_not_a_rejection(model: MailClassifier) -> None:
    """GIVEN "the person we appointed has decided not to join, and we'd like to offer the role to you"
    WHEN classified THEN not a rejection (the decision was someone else's)."""
    body = (
        "Hi Robin,\n\nSome news: the applicant we chose for the Data Engineer role has decided not to join "
        "us after all, and we would be delighted to offer the job to you.\n\nSam Price\nNorthgate Labs"
    )
    prediction = model.predict([_item("Data Engineer", body)])[0]
    assert prediction.label is not MailLabel.REJECTION
    assert decisions.rejection_rule(body.split("\n\n")[1]) is False


def test_a_declined_pitch_or_proposal_is_not_a_job_rejection(model: MailClassifier) -> None:
    """GIVEN a publisher turning down a pitch and a client turning down a proposal (no job words)
    WHEN classified THEN neither is a rejection."""
    pitch = (
        "Hi Robin,\n\nThank you for pitching your board game to us. After playing the prototype we have decided "
        "not to move forward with it; our list for next year is already full.\n\nThe Larkspur Games editors"
    )
    proposal = (
        "Hi Robin,\n\nThanks for the proposal for our shop's new website. We've decided to go with another "
        "studio whose quote was closer to our budget.\n\nCheers, Priya"
    )
    for subject, body in (("Your game pitch", pitch), ("Website proposal", proposal)):
        assert model.predict([_item(subject, body)])[0].label is not MailLabel.REJECTION
