"""Sample v2 Async preprocessing script: joins two named datasets into one feature table.

Today's platform (the v2 API) calls build_features(dfs, extra_path=None) with a dict of
pandas DataFrames, one per dataset uploaded with the script (here "customers" and
"loans", the names given in the `schema` input), and stores the DataFrame it returns
as parquet.
"""
import pandas as pd


def build_features(dfs, extra_path=None):
    customers = dfs["customers"]
    loans = dfs["loans"]
    per_customer = loans.groupby("customer_id", as_index=False).agg(
        loans=("loan_id", "count"),
        total_amount=("amount", "sum"),
        late_payments=("late_payments", "sum"),
    )
    features = customers.merge(per_customer, on="customer_id", how="left")
    # A customer without loans has none: 0, not NaN (and whole numbers stay whole).
    features = features.fillna({"loans": 0, "total_amount": 0.0, "late_payments": 0}).astype({"loans": int, "late_payments": int})
    features["debt_to_income"] = (features["total_amount"] / (features["monthly_income"] * 12)).round(4)
    return features[["customer_id", "loans", "total_amount", "late_payments", "debt_to_income"]]
