"""Scoring API used by the CRM: `uvicorn churn.serve:app`."""
import os

import joblib
import pandas as pd
from fastapi import FastAPI, HTTPException, Request

MODEL_PATH = os.environ.get("CHURN_MODEL_PATH", "models/model.joblib")
THRESHOLD = 0.35

app = FastAPI(title="churn-scorer")
model = joblib.load(MODEL_PATH)


@app.get("/health")
def health():
    return {"status": "ok", "model": MODEL_PATH}


@app.post("/predict")
async def predict(request: Request):
    payload = await request.json()
    if "tenure" not in payload:
        raise HTTPException(status_code=400, detail="tenure is required")

    row = pd.DataFrame([payload])
    # Same preprocessing as training (copied here so the API doesn't need the whole package)
    row["total_charges"] = pd.to_numeric(row.get("total_charges", 0), errors="coerce").fillna(0.0)
    row["support_tickets"] = row.get("support_tickets", 0)
    row["charges_per_month"] = row["total_charges"] / (row["tenure"] + 1)
    row["is_long_contract"] = (row["contract"] == "Two year").astype(int)
    if "region" not in row:
        row["region"] = "unknown"

    proba = float(model.predict_proba(row)[0, 1])
    return {
        "customer_id": payload.get("customer_id"),
        "churn_probability": round(proba, 4),
        "call": proba >= THRESHOLD,
    }
