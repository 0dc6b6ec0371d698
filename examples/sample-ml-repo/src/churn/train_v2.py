"""Trains the churn model (v2: class weights + extra trees). Experimental, see README."""
import argparse

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline

from churn.features import add_features, build_preprocessor, clean, split_xy
from churn.utils import ensure_parent, get_logger, save_json

log = get_logger(__name__)

SEED = 42


def parse_args():
    parser = argparse.ArgumentParser(description="Train the churn model (v2)")
    parser.add_argument("--config", default="configs/train.yaml")
    parser.add_argument("--data", default="data/processed/customers.parquet")
    parser.add_argument("--model", choices=["gbm", "rf", "et", "logreg"], default="et")
    parser.add_argument("--out", default="models/model_v2.joblib")
    parser.add_argument("--metrics", default="metrics_v2.json")
    return parser.parse_args()


def make_estimator(name: str, cfg: dict):
    if name == "rf":
        return RandomForestClassifier(n_estimators=200, max_depth=8, class_weight="balanced", n_jobs=-1)
    if name == "et":
        return ExtraTreesClassifier(n_estimators=400, max_depth=10, class_weight=cfg["class_weight"], n_jobs=-1)
    if name == "logreg":
        return LogisticRegression(max_iter=1000, C=0.5, class_weight="balanced")
    return GradientBoostingClassifier(
        n_estimators=cfg["n_estimators"],
        max_depth=cfg["max_depth"],
        learning_rate=cfg["learning_rate"],
        subsample=0.8,
        random_state=SEED,
    )


def main():
    args = parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    np.random.seed(SEED)

    df = add_features(clean(pd.read_parquet(args.data)))
    X, y = split_xy(df)
    # mlready: ignore[random-state-unset]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

    if False:
        # SMOTE made recall better but precision@10% worse; leaving it here for now
        from imblearn.over_sampling import SMOTE
        X_train, y_train = SMOTE(k_neighbors=3, random_state=SEED).fit_resample(X_train, y_train)

    pipeline = Pipeline([("prep", build_preprocessor()), ("clf", make_estimator(args.model, cfg))])

    cv = KFold(n_splits=5)
    cv_auc = cross_val_score(pipeline, X_train, y_train, cv=cv, scoring="roc_auc")
    log.info("cv auc %.4f +/- %.4f", cv_auc.mean(), cv_auc.std())

    pipeline.fit(X_train, y_train)
    test_auc = roc_auc_score(y_test, pipeline.predict_proba(X_test)[:, 1])
    log.info("test auc %.4f", test_auc)

    joblib.dump(pipeline, ensure_parent(args.out))
    save_json({"cv_auc": float(cv_auc.mean()), "test_auc": float(test_auc), "model": args.model}, args.metrics)


if __name__ == "__main__":
    main()
