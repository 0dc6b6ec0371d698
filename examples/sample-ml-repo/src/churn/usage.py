"""Usage features from the call-centre event log (added for the Q4 model)."""
import pandas as pd


def build_usage_features(events: pd.DataFrame) -> pd.DataFrame:
    per_customer = events.groupby("customer_id").agg(minutes=("minutes", "sum"), calls=("call_id", "count"))
    per_customer["minutes_per_call"] = per_customer["minutes"] / per_customer["calls"].clip(lower=1)
    return per_customer.reset_index()
