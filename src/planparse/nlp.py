"""planparse's spaCy pipeline: a blank Chinese pipeline with jieba's dictionary and our components.

No model is downloaded: the tokenizer is the project's segmenter (jieba's dictionary fed
with the actor lexicon, so names such as 领导小组 stay whole) and the components are built
from the data files. `plan_doc` gives a Doc per plan whose character offsets, shifted by
`doc.user_data["offset"]`, are the plan's offsets in the parsed document, so spaCy's own
tools (Matcher, displacy, Span.sents …) can be used on planparse's results.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .actors import find_mentions
from .model import Document, Plan
from .segmenter import cut

ACTOR_SPANS = "actors"


class SegmenterTokenizer:
    """Cuts text into jieba words; spaces between words are kept as tokens of their own."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = [w for w in cut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


@Language.component("planparse_actor_mentions")
def actor_mentions(doc: Doc) -> Doc:
    """Marks every actor-like name (doc.spans["actors"], label = kind) and sets non-overlapping ones as ents."""
    spans = []
    for m in find_mentions(doc.text, 0, len(doc.text)):
        span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[ACTOR_SPANS] = spans
    doc.ents = spacy.util.filter_spans(spans)
    return doc


@cache
def get_nlp() -> Language:
    """The process's pipeline, built once on first use."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = SegmenterTokenizer(nlp.vocab)
    nlp.add_pipe("planparse_actor_mentions")
    return nlp


def plan_doc(document: Document, plan: Plan) -> Doc:
    """A Doc of one parsed plan's text with the parse's actor mentions as spans ("actors", label = actor id)."""
    lo, hi = plan.span
    doc = get_nlp().make_doc(document.text[lo:hi])
    doc.user_data["offset"] = lo
    spans: list[Span] = []
    for actor in plan.actors:
        for s, e in actor.mentions:
            span = doc.char_span(s - lo, e - lo, label=actor.id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans[ACTOR_SPANS] = spans
    doc.ents = spacy.util.filter_spans([Span(doc, s.start, s.end, label=_kind(plan, s.label_)) for s in spans])
    return doc


def _kind(plan: Plan, actor_id: str) -> str:
    return next((a.kind for a in plan.actors if a.id == actor_id), "actor")
