"""Scores a trained model on the signed-off holdout and on the public Telco table."""
import argparse

import joblib
import pandas as pd
import seaborn as sns
from sklearn.inspection import permutation_importance
from sklearn.metrics import classification_report, precision_score, roc_auc_score

from churn.data import load_holdout, load_public_churn
from churn.features import add_features, clean, split_xy
from churn.utils import get_logger, save_json

log = get_logger(__name__)

# Retention calls the top decile, so precision there is what the business watches.
TOP_FRACTION = 0.10


def precision_at_top(y_true, scores, fraction: float = TOP_FRACTION) -> float:
    cutoff = pd.Series(scores).quantile(1 - fraction)
    return precision_score(y_true, (scores >= cutoff).astype(int), zero_division=0)


def score(model, df: pd.DataFrame, name: str) -> dict:
    X, y = split_xy(add_features(clean(df)))
    proba = model.predict_proba(X)[:, 1]
    result = {
        "auc": float(roc_auc_score(y, proba)),
        "precision_at_top10": float(precision_at_top(y, proba)),
        "rows": int(len(y)),
    }
    log.info("%s: %s", name, result)
    log.debug("\n%s", classification_report(y, (proba >= 0.5).astype(int)))
    return result


def top_features(model, df: pd.DataFrame, n: int = 10) -> list:
    X, y = split_xy(add_features(clean(df)))
    # mlready: ignore[random-state-unset] -- only used to eyeball the ranking in the report, not for any decision
    imp = permutation_importance(model, X, y, n_repeats=5, scoring="roc_auc")
    order = imp.importances_mean.argsort()[::-1][:n]
    return [(X.columns[i], float(imp.importances_mean[i])) for i in order]


def main():
    parser = argparse.ArgumentParser(description="Evaluate the churn model")
    parser.add_argument("--model", default="models/model.joblib")
    parser.add_argument("--out", default="reports/eval.json")
    args = parser.parse_args()

    model = joblib.load(args.model)
    holdout = load_holdout()
    report = {
        "holdout": score(model, holdout, "holdout"),
        "public_telco": score(model, load_public_churn(), "public telco"),
        "top_features": top_features(model, holdout),
    }
    save_json(report, args.out)


if __name__ == "__main__":
    main()
