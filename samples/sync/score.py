"""Sample Sync preprocessing script: turns a loan application into model features.

The server calls process(data, base_path): `data` is the request's Input as a JSON
string, `base_path` the folder holding the uploaded files. Standard library only.
"""
import json
import os


def _limits(base_path):
    # An extra file uploaded beside the script (extra-files input).
    with open(os.path.join(base_path, "limits.json"), encoding="utf-8") as handle:
        return json.load(handle)


def process(data, base_path):
    application = json.loads(data) if isinstance(data, str) else data
    limits = _limits(base_path)
    income = float(application.get("monthly_income") or 0)
    amount = float(application.get("loan_amount") or 0)
    term = int(application.get("term_months") or limits["default_term_months"])
    instalment = amount / term if term else amount
    return {
        "age": min(int(application.get("age") or 0), limits["max_age"]),
        "instalment": round(instalment, 2),
        "instalment_to_income": round(instalment / income, 4) if income else None,
        "late_payments": int(application.get("late_payments") or 0),
        "has_history": bool(application.get("credit_lines")),
    }
