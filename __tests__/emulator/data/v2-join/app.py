"""A v2 Async entrypoint for the 4.x client replay: a dict of DataFrames in, a DataFrame out."""
import json
import os

import pandas as pd


def build_df(dfs, extra_path=None):
    """Joins each client to its loans and prices them with the rates of the extra file."""
    with open(os.path.join(extra_path, "rates.json"), encoding="utf-8") as handle:
        rates = json.load(handle)
    merged = pd.merge(dfs["clients"], dfs["loans"], on="id")
    merged["rate"] = merged["segment"].map(rates)
    merged["instalment"] = (merged["amount"] * (1 + merged["rate"]) / merged["months"]).round(2)
    return merged[["id", "segment", "amount", "months", "rate", "instalment"]]
