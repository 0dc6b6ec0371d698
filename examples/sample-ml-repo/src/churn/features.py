"""Feature engineering shared by training and evaluation."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "churn"
NUMERIC = ["tenure", "monthly_charges", "total_charges", "support_tickets"]
DERIVED = ["charges_per_month", "is_long_contract"]
CATEGORICAL = ["contract", "payment_method", "internet_service", "region"]
LONG_CONTRACTS = ("One year", "Two year")


def clean(df: pd.DataFrame) -> pd.DataFrame:
    """Fixes the types the CRM export gets wrong."""
    df = df.copy()
    # total_charges is a string in the export, with " " for brand-new customers
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce").fillna(0.0)
    df["support_tickets"] = df["support_tickets"].fillna(0).astype(int)
    if TARGET in df.columns and not pd.api.types.is_numeric_dtype(df[TARGET]):
        df[TARGET] = (df[TARGET].str.strip().str.lower() == "yes").astype(int)
    return df


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["charges_per_month"] = df["total_charges"] / df["tenure"].clip(lower=1)
    df["is_long_contract"] = df["contract"].isin(LONG_CONTRACTS).astype(int)
    return df


def split_xy(df: pd.DataFrame):
    X = df[NUMERIC + DERIVED + CATEGORICAL]
    y = df[TARGET].to_numpy(dtype=np.int64)
    return X, y


def build_preprocessor() -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC + DERIVED),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
