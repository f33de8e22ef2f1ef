#!/usr/bin/python3
"""
/usr/bin/python3 scripts/tone-reference.py [--eval <folder>] [--kept-back]

A reference measurement of Dutch news tone with a standard library (scikit-learn; Debian's python3-sklearn),
for issue 30: is the target (kept back: 3-class accuracy 0.62, macro-F1 0.58) reachable by a plain linear
model on these training headlines? For measurement only: not a project dependency, run by no test.

It reads ../shared/eval/nl/ecosent_headlines_train.jsonl (van Atteveldt, van der Velden & Boukes 2021, MIT),
splits it exactly as the project does (data-loaders/common/evaluation-split.ts: kept back when the first
byte of the SHA-256 of the id is divisible by 3) and cross-validates on the development part over the
project's five folds (scripts/tone-development.ts: first byte of SHA-256 of "fold:<id>", modulo 5; idf
counted on the training folds, as there). Designs: TfidfVectorizer(sublinear_tf=True) over (a) words and
word pairs, (b) character 2-5-grams within words (char_wb), (c) both (a FeatureUnion, each part
L2-normalised); lower-casing on or off; LinearSVC (liblinear, dual coordinate descent, squared hinge,
one-vs-rest; C 0.1, 0.3, 1) and multinomial LogisticRegression (lbfgs; C 1, 3, 10). Prints out-of-fold
accuracy and macro-F1 per configuration, best first.

With --kept-back it then fits the configuration with the best development mean of accuracy and macro-F1
on the whole development part and scores the kept-back part once: accuracy and macro-F1 with 95%
bootstrap intervals over headlines (1,000 resamples, numpy seed 1, percentile interval).
"""
import argparse
import hashlib
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

LABELS = [-1, 0, 1]


def part(identifier):
    """The project's split: kept back when the first byte of SHA-256(id) is divisible by 3."""
    return "kept-back" if hashlib.sha256(identifier.encode("utf-8")).digest()[0] % 3 == 0 else "development"


def fold(identifier):
    """The project's five folds inside the development part: first byte of SHA-256("fold:" + id) modulo 5."""
    return hashlib.sha256(f"fold:{identifier}".encode("utf-8")).digest()[0] % 5


def vectorizer(features, lowercase):
    words = TfidfVectorizer(sublinear_tf=True, lowercase=lowercase, ngram_range=(1, 2))
    characters = TfidfVectorizer(sublinear_tf=True, lowercase=lowercase, analyzer="char_wb", ngram_range=(2, 5))
    if features == "words+pairs":
        return words
    if features == "chars2-5":
        return characters
    return FeatureUnion([("words", words), ("characters", characters)])


def classifier(model, c):
    if model == "LinearSVC":
        return LinearSVC(C=c, dual=True, max_iter=20000, random_state=0)
    # lbfgs fits the multinomial loss for more than two classes (the default since scikit-learn 1.5; said
    # explicitly before it).
    options = {} if tuple(int(x) for x in sklearn.__version__.split(".")[:2]) >= (1, 5) else {"multi_class": "multinomial"}
    return LogisticRegression(C=c, solver="lbfgs", max_iter=5000, **options)


MODELS = [("LinearSVC", 0.1), ("LinearSVC", 0.3), ("LinearSVC", 1.0), ("LogisticRegression", 1.0), ("LogisticRegression", 3.0), ("LogisticRegression", 10.0)]
CONFIGURATIONS = [
    (features, lowercase, model, c)
    for features in ("words+pairs", "chars2-5", "words+pairs+chars2-5")
    for lowercase in (True, False)
    for model, c in MODELS
]


def figures(gold, predicted):
    return accuracy_score(gold, predicted), f1_score(gold, predicted, labels=LABELS, average="macro")


def fit_predict(configuration, train_texts, train_labels, test_texts):
    features, lowercase, model, c = configuration
    vector = vectorizer(features, lowercase)
    fitted = classifier(model, c).fit(vector.fit_transform(train_texts), train_labels)
    return fitted.predict(vector.transform(test_texts))


def cross_validate(configuration, texts, labels, folds):
    predicted = np.zeros(len(texts), dtype=int)
    for k in range(5):
        train = folds != k
        predicted[~train] = fit_predict(configuration, texts[train], labels[train], texts[~train])
    return figures(labels, predicted)


def bootstrap(gold, predicted, resamples=1000, seed=1):
    random = np.random.default_rng(seed)
    samples = [figures(gold[i], predicted[i]) for i in (random.integers(0, len(gold), len(gold)) for _ in range(resamples))]
    low = np.percentile(samples, 2.5, axis=0)
    high = np.percentile(samples, 97.5, axis=0)
    return low, high


def by_kind(row):
    """A project vector with its character n-grams (`c=`) and its other features each divided by their own length, as a FeatureUnion of two TF-IDF vectors is."""
    values = np.array(row["values"])
    characters = np.array([feature.startswith("c=") for feature in row["features"]], dtype=bool)
    for block in (characters, ~characters):
        length = np.sqrt(np.sum(values[block] ** 2))
        if length > 0:
            values[block] = values[block] / length
    return {**row, "values": list(values)}


def cross_validate_vectors(path, separately):
    """The project's own cross-validation vectors (scripts/tone-vectors.ts), each fold's model fitted by scikit-learn."""
    from scipy.sparse import csr_matrix

    with open(path, encoding="utf-8") as file:
        rows = [json.loads(line) for line in file if line.strip()]
    if separately:
        rows = [by_kind(row) for row in rows]
    results = []
    for model, c in MODELS:
        gold, predicted = [], []
        for k in range(5):
            part_rows = [row for row in rows if row["fold"] == k]
            columns = {}
            for row in part_rows:
                if row["train"]:
                    for feature in row["features"]:
                        columns.setdefault(feature, len(columns))

            def matrix(selected):
                data, indices, pointers = [], [], [0]
                for row in selected:
                    for feature, value in zip(row["features"], row["values"]):
                        if feature in columns:
                            indices.append(columns[feature])
                            data.append(value)
                    pointers.append(len(indices))
                return csr_matrix((data, indices, pointers), shape=(len(selected), len(columns)))

            train = [row for row in part_rows if row["train"]]
            test = [row for row in part_rows if not row["train"]]
            fitted = classifier(model, c).fit(matrix(train), [row["label"] for row in train])
            predicted.extend(fitted.predict(matrix(test)))
            gold.extend(row["label"] for row in test)
        accuracy, macro = figures(np.array(gold), np.array(predicted))
        results.append(((model, c), accuracy, macro))
        print(f"project vectors ({os.path.basename(path)}{', kinds normalised separately' if separately else ''}), {model} C={c:g}: accuracy {accuracy:.3f}, macro-F1 {macro:.3f}", flush=True)
    return results


def name(configuration):
    features, lowercase, model, c = configuration
    return f"{features}, {'lower-cased' if lowercase else 'as written'}, {model} C={c:g}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    arguments = argparse.ArgumentParser(description=__doc__.strip().split("\n")[2])
    arguments.add_argument("--eval", default=os.path.join(here, "..", "..", "shared", "eval"))
    arguments.add_argument("--kept-back", action="store_true", help="score the best development configuration once on the kept-back part")
    arguments.add_argument("--vectors", help="instead: cross-validate scikit-learn's models on the project's vectors (scripts/tone-vectors.ts --out <file>)")
    arguments.add_argument("--only", help="only the configuration of this name, as printed (to score the chosen one kept back without rerunning the grid)")
    arguments.add_argument("--by-kind", action="store_true", help="with --vectors: character n-grams and the other features each normalised to unit length")
    options = arguments.parse_args()
    warnings.simplefilter("ignore", ConvergenceWarning)
    if options.vectors:
        cross_validate_vectors(options.vectors, options.by_kind)
        return
    with open(os.path.join(options.eval, "nl", "ecosent_headlines_train.jsonl"), encoding="utf-8") as file:
        rows = [json.loads(line) for line in file if line.strip()]
    development = [row for row in rows if part(row["id"]) == "development"]
    kept_back = [row for row in rows if part(row["id"]) == "kept-back"]
    print(f"scikit-learn {sklearn.__version__}; {len(rows)} headlines: {len(development)} development, {len(kept_back)} kept back", file=sys.stderr)
    if len(kept_back) != 2004 or len(development) != 4034:
        sys.exit("tone-reference: the split does not give the project's 4,034 / 2,004 headlines")
    texts = np.array([row["text"] for row in development], dtype=object)
    labels = np.array([row["label"] for row in development])
    folds = np.array([fold(row["id"]) for row in development])
    results = []
    for configuration in (c for c in CONFIGURATIONS if options.only in (None, name(c))):
        accuracy, macro = cross_validate(configuration, texts, labels, folds)
        results.append((configuration, accuracy, macro))
        print(f"{name(configuration)}: accuracy {accuracy:.3f}, macro-F1 {macro:.3f}", flush=True)
    if not results:
        sys.exit(f"tone-reference: no configuration {options.only}")
    # The project's rule for choosing (scripts/fit-dutch-tone.ts): the best mean of accuracy and macro-F1; ties to the first listed.
    best = max(results, key=lambda r: r[1] + r[2])
    print(f"best on development (cross-validated): {name(best[0])}: accuracy {best[1]:.3f}, macro-F1 {best[2]:.3f}")
    if not options.kept_back:
        return
    kept_texts = np.array([row["text"] for row in kept_back], dtype=object)
    kept_labels = np.array([row["label"] for row in kept_back])
    predicted = fit_predict(best[0], texts, labels, kept_texts)
    accuracy, macro = figures(kept_labels, predicted)
    low, high = bootstrap(kept_labels, predicted)
    print(f"kept back ({len(kept_back)}), fitted on the whole development part: accuracy {accuracy:.3f} [{low[0]:.3f}, {high[0]:.3f}], macro-F1 {macro:.3f} [{low[1]:.3f}, {high[1]:.3f}]")


if __name__ == "__main__":
    main()
