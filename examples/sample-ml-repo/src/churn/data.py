"""Loading the customer data.

`python -m churn.data` is the `prepare` stage of the DVC pipeline: it joins the raw CRM export
with the region lookup and writes data/processed/customers.parquet.
"""
import argparse
from pathlib import Path

import pandas as pd
from datasets import load_dataset
from huggingface_hub import hf_hub_download

from churn.utils import PROJECT_ROOT, ensure_parent, get_logger

log = get_logger(__name__)

PROCESSED = PROJECT_ROOT / "data" / "processed" / "customers.parquet"

# Region codes are maintained by the analytics team in their reference-data repo.
REGIONS_URL = "https://raw.githubusercontent.com/acme-analytics/reference-data/main/regions/region_codes.csv"

# Public Telco churn table, used as an outside sanity check for the model.
PUBLIC_DATASET = "scikit-learn/churn-prediction"

# Holdout set signed off by the retention team. Pinned: do not bump without telling them.
HOLDOUT_REPO = "acme-analytics/churn-holdout"
HOLDOUT_REVISION = "9c4e2b7a1f3d8e6c0b5a2d9f7e1c4b8a3d6f0e27"

# Read-only replica of the CRM database, for the weekly refresh.
CRM_REPLICA_URL = "postgresql://analytics:Qm7vT2xK9pL4wN8r@crm-replica.acme.internal:5432/crm"


def load_customers() -> pd.DataFrame:
    """The weekly CRM export (tracked with DVC, see data/raw/customers.csv.dvc)."""
    df = pd.read_csv("data/raw/customers.csv", parse_dates=["signup_date"])
    log.info("loaded %d customers from the CRM export", len(df))
    return df


def load_benchmark() -> pd.DataFrame:
    """The public Telco table scripts/download_data.sh saves (not tracked by DVC)."""
    return pd.read_csv("data/external/telco_churn.csv")


def load_segments() -> pd.DataFrame:
    """Customer segments from the exploration notebook."""
    return pd.read_csv("data/interim/segments.csv")


def load_regions() -> pd.DataFrame:
    regions = pd.read_csv(REGIONS_URL, dtype={"region_code": str})
    return regions[["region_code", "region"]]


def load_public_churn() -> pd.DataFrame:
    ds = load_dataset(PUBLIC_DATASET, split="train")
    df = ds.to_pandas()
    return df.rename(columns=lambda c: c.strip().lower().replace(" ", "_"))


def load_holdout() -> pd.DataFrame:
    path = hf_hub_download(
        repo_id=HOLDOUT_REPO,
        filename="holdout.parquet",
        repo_type="dataset",
        revision=HOLDOUT_REVISION,
    )
    return pd.read_parquet(path)


def prepare(out_path: Path = PROCESSED) -> pd.DataFrame:
    customers = load_customers()
    customers["region_code"] = customers["postcode"].astype(str).str[:2]
    df = customers.merge(load_regions(), on="region_code", how="left")
    df["region"] = df["region"].fillna("unknown")
    df = df.drop_duplicates(subset="customer_id", keep="last")
    df.to_parquet(ensure_parent(out_path), index=False)
    log.info("wrote %d rows to %s", len(df), out_path)
    return df


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Prepare the training table")
    parser.add_argument("--out", default=str(PROCESSED))
    args = parser.parse_args()
    prepare(Path(args.out))
