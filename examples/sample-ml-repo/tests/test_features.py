import pandas as pd
import pytest

from churn.features import add_features, build_preprocessor, clean, split_xy


@pytest.fixture
def raw():
    return pd.DataFrame(
        {
            "customer_id": ["a1", "b2", "c3"],
            "tenure": [0, 12, 30],
            "monthly_charges": [70.0, 55.5, 99.9],
            "total_charges": [" ", "666.0", "2997"],
            "support_tickets": [None, 2, 0],
            "contract": ["Month-to-month", "One year", "Two year"],
            "payment_method": ["Electronic check", "Mailed check", "Credit card"],
            "internet_service": ["Fiber optic", "DSL", "No"],
            "region": ["north", "south", "unknown"],
            "churn": ["Yes", "No", " no "],
        }
    )


def test_clean_fixes_export_types(raw):
    df = clean(raw)
    assert df["total_charges"].tolist() == [0.0, 666.0, 2997.0]
    assert df["support_tickets"].tolist() == [0, 2, 0]
    assert df["churn"].tolist() == [1, 0, 0]


def test_add_features_handles_new_customers(raw):
    df = add_features(clean(raw))
    # tenure 0 must not divide by zero
    assert df["charges_per_month"].tolist() == pytest.approx([0.0, 55.5, 99.9])
    assert df["is_long_contract"].tolist() == [0, 1, 1]

    X, y = split_xy(df)
    Xt = build_preprocessor().fit_transform(X)
    assert Xt.shape[0] == 3
    assert list(y) == [1, 0, 0]
