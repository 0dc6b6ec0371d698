"""Scores last night's customers with the deployed model (run by cron on the scoring box)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import pandas as pd  # noqa: E402

from churn.serve import model  # noqa: E402


def main() -> None:
    customers = pd.read_parquet("data/processed/customers.parquet")
    customers["churn_probability"] = model.predict_proba(customers)[:, 1]
    customers[["customer_id", "churn_probability"]].to_csv("scores.csv", index=False)


if __name__ == "__main__":
    main()
