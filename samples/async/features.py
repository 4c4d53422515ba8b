"""Sample Async preprocessing script: derives features for a batch of loan applications.

The server calls build_features(data_path, extra_path): the uploaded file sits in
`data_path` under the name in the `inputFileName` environment variable. The script
writes its output beside it and returns the output's path. Standard library only.
"""
import csv
import os


def build_features(data_path, extra_path=None):
    source = os.path.join(data_path, os.environ["inputFileName"])
    target = os.path.join(data_path, "features.csv")
    with open(source, newline="", encoding="utf-8") as inp, open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "instalment", "instalment_to_income", "late_payments"])
        for row in csv.DictReader(inp):
            income = float(row["monthly_income"] or 0)
            instalment = float(row["loan_amount"]) / max(int(row["term_months"]), 1)
            ratio = round(instalment / income, 4) if income else ""
            writer.writerow([row["id"], round(instalment, 2), ratio, int(row["late_payments"] or 0)])
    return target
